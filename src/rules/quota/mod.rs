//! Rules of the `quota` category: ResourceQuota and LimitRange objects that the API server
//! rejects, or accepts but ignores or applies to every container of the namespace.
mod duplicate_limit_range_type;
mod invalid_quota_quantity;
mod limit_range_bounds_out_of_order;
mod limit_range_extended_resource_default;
mod limit_range_max_without_default;
mod limit_range_pod_default;
mod non_standard_quota_resource;
mod objects;
mod quota_extended_resource_ignored;

use crate::lint::Rule;

pub use duplicate_limit_range_type::DuplicateLimitRangeType;
pub use invalid_quota_quantity::InvalidQuotaQuantity;
pub use limit_range_bounds_out_of_order::LimitRangeBoundsOutOfOrder;
pub use limit_range_extended_resource_default::LimitRangeExtendedResourceDefault;
pub use limit_range_max_without_default::LimitRangeMaxWithoutDefault;
pub use limit_range_pod_default::LimitRangePodDefault;
pub use non_standard_quota_resource::NonStandardQuotaResource;
pub use quota_extended_resource_ignored::QuotaExtendedResourceIgnored;

/// The rules of this category.
pub fn rules() -> Vec<&'static dyn Rule> {
    vec![
        &QuotaExtendedResourceIgnored,
        &NonStandardQuotaResource,
        &InvalidQuotaQuantity,
        &DuplicateLimitRangeType,
        &LimitRangeExtendedResourceDefault,
        &LimitRangeMaxWithoutDefault,
        &LimitRangeBoundsOutOfOrder,
        &LimitRangePodDefault,
    ]
}
