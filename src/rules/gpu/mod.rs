//! Rules of the `gpu` category: GPUs and other extended resources in pod specs. Requests
//! and limits as the API server validates them, MIG profiles against the GPU table of
//! `crate::sizing`, placement on GPU nodes, GPUs per node, and the device plugin's
//! environment.
mod gpu_request_limit_mismatch;
mod gpu_request_without_limit;
mod gpu_toleration_missing;
mod gpu_visible_devices_set;
mod invalid_gpu_quantity;
mod mig_profile_not_on_gpu_type;
pub(crate) mod placement;
pub(crate) mod resources;
mod too_many_gpus_per_pod;
mod unknown_mig_profile;

use crate::lint::Rule;

pub use gpu_request_limit_mismatch::GpuRequestLimitMismatch;
pub use gpu_request_without_limit::GpuRequestWithoutLimit;
pub use gpu_toleration_missing::GpuTolerationMissing;
pub use gpu_visible_devices_set::GpuVisibleDevicesSet;
pub use invalid_gpu_quantity::InvalidGpuQuantity;
pub use mig_profile_not_on_gpu_type::MigProfileNotOnGpuType;
pub use too_many_gpus_per_pod::TooManyGpusPerPod;
pub use unknown_mig_profile::UnknownMigProfile;

/// The rules of this category.
pub fn rules() -> Vec<&'static dyn Rule> {
    vec![
        &GpuRequestWithoutLimit,
        &GpuRequestLimitMismatch,
        &InvalidGpuQuantity,
        &UnknownMigProfile,
        &MigProfileNotOnGpuType,
        &GpuTolerationMissing,
        &TooManyGpusPerPod,
        &GpuVisibleDevicesSet,
    ]
}
