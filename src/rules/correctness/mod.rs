//! Rules of the `correctness` category: objects the API server would reject, or read
//! differently from what their author meant. The engine reports the suppression problems
//! of this category itself (`unused-suppression`, `suppression-without-reason`).
mod api;
mod crds;
mod duplicate_object;
mod invalid_autoscaler;
mod invalid_config_data;
mod invalid_cron_job;
mod invalid_job;
mod invalid_label;
mod invalid_object_name;
mod invalid_priority_class;
mod invalid_quantity;
mod missing_required_field;
mod multiple_default_priority_classes;
mod removed_api;
#[rustfmt::skip]
mod shapes;
mod unknown_field;
mod volume_mount_without_volume;
mod wrong_api_version;

use crate::lint::Rule;

pub use api::shapes_source;

pub use duplicate_object::DuplicateObject;
pub use invalid_autoscaler::InvalidAutoscaler;
pub use invalid_config_data::InvalidConfigData;
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
        &InvalidConfigData,
        &DuplicateObject,
    ]
}

#[cfg(test)]
mod tests {
    use crate::lint::{Settings, lint_texts};

    /// Valid objects of many built-in kinds: no rule of this category (nor of `yaml`)
    /// may report anything on them.
    #[test]
    fn valid_manifests_of_built_in_kinds_pass_every_rule() {
        let mut rules = super::rules();
        rules.extend(crate::rules::yaml::rules());
        let text = include_str!("testdata/valid.yaml");
        let report = lint_texts(&[("valid.yaml", text)], &Settings::default(), &rules);
        let found: Vec<String> = report
            .findings
            .iter()
            .map(|f| {
                format!(
                    "{}:{} {} {}",
                    f.position.line, f.position.column, f.rule, f.message
                )
            })
            .collect();
        assert!(found.is_empty(), "{found:#?}");
        assert!(report.objects > 30);
    }
}
