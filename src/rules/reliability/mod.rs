//! Rules of the `reliability` category: serving availability (probes, replicas,
//! disruption budgets, autoscaling). Most rules apply to *served* workloads, which
//! [`served`] defines from the Services, HPAs and labels of the input.
mod conflicting_autoscalers;
mod hpa_utilization_without_requests;
mod probe_named_port_missing;
mod probe_port_not_exposed;
mod probe_ports;
mod served;
mod serving_without_disruption_budget;
mod serving_without_readiness_probe;
mod single_replica_serving;

use crate::lint::Rule;

pub use conflicting_autoscalers::ConflictingAutoscalers;
pub use hpa_utilization_without_requests::HpaUtilizationWithoutRequests;
pub use probe_named_port_missing::ProbeNamedPortMissing;
pub use probe_port_not_exposed::ProbePortNotExposed;
pub use serving_without_disruption_budget::ServingWithoutDisruptionBudget;
pub use serving_without_readiness_probe::ServingWithoutReadinessProbe;
pub use single_replica_serving::SingleReplicaServing;

/// The rules of this category.
pub fn rules() -> Vec<&'static dyn Rule> {
    vec![
        &ConflictingAutoscalers,
        &HpaUtilizationWithoutRequests,
        &ProbeNamedPortMissing,
        &ProbePortNotExposed,
        &ServingWithoutDisruptionBudget,
        &ServingWithoutReadinessProbe,
        &SingleReplicaServing,
    ]
}
