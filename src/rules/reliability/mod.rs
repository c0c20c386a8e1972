//! Rules of the `reliability` category: serving availability (probes, replicas,
//! disruption budgets, autoscaling). Most rules apply to *served* workloads, which
//! [`served`] defines from the Services, HPAs and labels of the input.
mod served;
mod serving_without_readiness_probe;
mod single_replica_serving;

use crate::lint::Rule;

pub use serving_without_readiness_probe::ServingWithoutReadinessProbe;
pub use single_replica_serving::SingleReplicaServing;

/// The rules of this category.
pub fn rules() -> Vec<&'static dyn Rule> {
    vec![&ServingWithoutReadinessProbe, &SingleReplicaServing]
}
