//! Rules of the `sizing` category: requests against the sizing formulas of
//! `crate::sizing` for workloads that carry their inputs, and, across the whole input,
//! workloads against their namespace's ResourceQuota and LimitRange and team quotas against
//! their parent's.
mod annotated;
mod budgets;
mod insufficient_gpu_memory;
mod invalid_sizing_annotation;
mod requests_below_sizing;
mod team_quota_exceeds_parent;
mod workload_exceeds_limit_range;
mod workload_exceeds_quota;

use crate::lint::Rule;

pub use insufficient_gpu_memory::InsufficientGpuMemory;
pub use invalid_sizing_annotation::InvalidSizingAnnotation;
pub use requests_below_sizing::RequestsBelowSizing;
pub use team_quota_exceeds_parent::{PARENT_LABEL, TeamQuotaExceedsParent};
pub use workload_exceeds_limit_range::WorkloadExceedsLimitRange;
pub use workload_exceeds_quota::WorkloadExceedsQuota;

/// The rules of this category.
pub fn rules() -> Vec<&'static dyn Rule> {
    vec![
        &InvalidSizingAnnotation,
        &InsufficientGpuMemory,
        &RequestsBelowSizing,
        &WorkloadExceedsQuota,
        &WorkloadExceedsLimitRange,
        &TeamQuotaExceedsParent,
    ]
}
