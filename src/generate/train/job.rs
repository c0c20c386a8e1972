//! Target `job`: one batch/v1 Indexed Job per role (completions = parallelism = pods),
//! plus a headless Service when the pods must find each other. Works on any cluster.
use k8s_openapi::api::batch::v1::{
    Job, JobSpec, PodFailurePolicy, PodFailurePolicyOnExitCodesRequirement,
    PodFailurePolicyOnPodConditionsPattern, PodFailurePolicyRule,
};
use serde_json::Value;

use super::plan::TrainPlan;
use super::wiring::{self, RankSource, Topology};
use super::{headless_service, pod_group, role_metadata};
use crate::api::training::RestartPolicy;
use crate::error::Result;
use crate::output::to_value;

/// The main container's name on the built-in targets.
pub(crate) const CONTAINER: &str = "trainer";

pub(crate) fn job_name(plan: &TrainPlan, role: &str) -> String {
    if plan.roles().len() == 1 {
        plan.name.clone()
    } else {
        format!("{}-{role}", plan.name)
    }
}

pub(crate) fn render(plan: &TrainPlan, docs: &mut Vec<Value>) -> Result<()> {
    let distributed = plan.distributed();
    if distributed {
        docs.push(to_value(&headless_service(
            plan,
            &plan.name,
            wiring::service_selector(plan),
            wiring::port(plan.framework),
        ))?);
    }
    if plan.volcano {
        docs.push(to_value(&pod_group(plan))?);
    }
    let host = |role: &str, i: u32| format!("{}-{i}.{}", job_name(plan, role), plan.name);
    let topology = Topology {
        rank: RankSource::JobCompletionIndex,
        host: &host,
    };
    for role in plan.roles() {
        let restart = match plan.restart_policy {
            RestartPolicy::Never => "Never",
            RestartPolicy::OnFailure => "OnFailure",
        };
        let template = wiring::role_template(
            plan,
            &role,
            Some(&topology),
            restart,
            distributed.then(|| plan.name.clone()),
            CONTAINER,
        );
        let name = job_name(plan, role.name);
        let job = Job {
            metadata: role_metadata(plan, &name, role.replicas),
            spec: Some(JobSpec {
                completion_mode: Some("Indexed".to_string()),
                completions: Some(role.replicas as i32),
                parallelism: Some(role.replicas as i32),
                backoff_limit: Some(plan.backoff_limit),
                active_deadline_seconds: Some(plan.deadline_seconds),
                ttl_seconds_after_finished: Some(plan.ttl_seconds),
                suspend: plan.queue.as_ref().map(|_| true),
                pod_failure_policy: (plan.restart_policy == RestartPolicy::Never)
                    .then(pod_failure_policy),
                template,
                ..Default::default()
            }),
            status: None,
        };
        docs.push(to_value(&job)?);
    }
    Ok(())
}

/// Preempted or evicted pods (condition `DisruptionTarget`) are retried without using up
/// the backoff limit; exit codes 1 and 2 (an uncaught Python exception, a usage error) are
/// bugs that no retry fixes, so the job fails at once. Everything else (OOM kills, node
/// loss) counts against `backoffLimit`.
pub(crate) fn pod_failure_policy() -> PodFailurePolicy {
    PodFailurePolicy {
        rules: vec![
            PodFailurePolicyRule {
                action: "Ignore".to_string(),
                on_pod_conditions: Some(vec![PodFailurePolicyOnPodConditionsPattern {
                    type_: "DisruptionTarget".to_string(),
                    status: Some("True".to_string()),
                }]),
                on_exit_codes: None,
            },
            PodFailurePolicyRule {
                action: "FailJob".to_string(),
                on_exit_codes: Some(PodFailurePolicyOnExitCodesRequirement {
                    container_name: Some(CONTAINER.to_string()),
                    operator: "In".to_string(),
                    values: vec![1, 2],
                }),
                on_pod_conditions: None,
            },
        ],
    }
}
