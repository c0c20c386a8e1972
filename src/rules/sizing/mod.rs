//! Rules of the `sizing` category: requests against the sizing formulas of
//! `crate::sizing` for workloads that carry their inputs, and, across the whole input,
//! workloads against their namespace's ResourceQuota and LimitRange and team quotas against
//! their parent's.
mod annotated;
mod insufficient_gpu_memory;
mod invalid_sizing_annotation;
mod requests_below_sizing;

use crate::lint::Rule;

pub use insufficient_gpu_memory::InsufficientGpuMemory;
pub use invalid_sizing_annotation::InvalidSizingAnnotation;
pub use requests_below_sizing::RequestsBelowSizing;

/// The rules of this category.
pub fn rules() -> Vec<&'static dyn Rule> {
    vec![
        &InvalidSizingAnnotation,
        &InsufficientGpuMemory,
        &RequestsBelowSizing,
    ]
}
