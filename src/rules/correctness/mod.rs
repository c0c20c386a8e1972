//! Rules of the `correctness` category: objects the API server would reject, or read
//! differently from what their author meant. The engine reports the suppression problems
//! of this category itself (`unused-suppression`, `suppression-without-reason`).
mod api;
mod invalid_autoscaler;
mod invalid_cron_job;
mod invalid_job;
mod invalid_label;
mod invalid_object_name;
mod invalid_priority_class;
mod invalid_quantity;
mod missing_required_field;
mod multiple_default_priority_classes;
mod removed_api;
mod unknown_field;
mod volume_mount_without_volume;
mod wrong_api_version;

use crate::lint::Rule;

pub use invalid_autoscaler::InvalidAutoscaler;
pub use invalid_cron_job::InvalidCronJob;
pub use invalid_job::InvalidJob;
pub use invalid_label::InvalidLabel;
pub use invalid_object_name::InvalidObjectName;
pub use invalid_priority_class::InvalidPriorityClass;
pub use invalid_quantity::InvalidQuantity;
pub use missing_required_field::MissingRequiredField;
pub use multiple_default_priority_classes::MultipleDefaultPriorityClasses;
pub use removed_api::RemovedApi;
pub use unknown_field::UnknownField;
pub use volume_mount_without_volume::VolumeMountWithoutVolume;
pub use wrong_api_version::WrongApiVersion;

/// The rules of this category.
pub fn rules() -> Vec<&'static dyn Rule> {
    vec![
        &WrongApiVersion,
        &RemovedApi,
        &UnknownField,
        &MissingRequiredField,
        &InvalidObjectName,
        &InvalidLabel,
        &InvalidQuantity,
        &VolumeMountWithoutVolume,
        &InvalidAutoscaler,
        &InvalidPriorityClass,
        &MultipleDefaultPriorityClasses,
        &InvalidJob,
        &InvalidCronJob,
    ]
}
