//! Target `jobset`: a JobSet (jobset.x-k8s.io/v1alpha2) with one replicated Job per role and
//! one pod per Job, so pod `i` is `<jobset>-<role>-<i>-0.<jobset>` and learns its rank from
//! the `jobset.sigs.k8s.io/job-index` label. JobSet is no gang scheduler by itself: pair it
//! with `--queue` (Kueue) or `--scheduler volcano`.
use k8s_openapi::api::batch::v1::{JobSpec, JobTemplateSpec};
use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;
use serde_json::Value;

use super::plan::TrainPlan;
use super::wiring::{self, RankSource, Topology};
use super::{pod_group, top_metadata};
use crate::error::Result;
use crate::generate::crds::{
    JobSetFailurePolicy, JobSetNetwork, JobSetSpec, JobSetSuccessPolicy, ReplicatedJob, Resource,
};
use crate::output::to_value;

pub(crate) fn render(plan: &TrainPlan, docs: &mut Vec<Value>) -> Result<()> {
    if plan.volcano {
        docs.push(to_value(&pod_group(plan))?);
    }
    let host = |role: &str, i: u32| format!("{}-{role}-{i}-0.{}", plan.name, plan.name);
    let topology = Topology {
        rank: RankSource::JobSetJobIndex,
        host: &host,
    };
    let mut replicated = Vec::new();
    for role in plan.roles() {
        let template = wiring::role_template(
            plan,
            &role,
            Some(&topology),
            "Never",
            None,
            super::job::CONTAINER,
        );
        replicated.push(ReplicatedJob {
            name: role.name.to_string(),
            replicas: role.replicas as i32,
            template: JobTemplateSpec {
                metadata: Some(ObjectMeta::default()),
                spec: Some(JobSpec {
                    completion_mode: Some("Indexed".to_string()),
                    completions: Some(1),
                    parallelism: Some(1),
                    backoff_limit: Some(0),
                    active_deadline_seconds: Some(plan.deadline_seconds),
                    template,
                    ..Default::default()
                }),
            },
        });
    }
    let set = Resource {
        api_version: "jobset.x-k8s.io/v1alpha2".to_string(),
        kind: "JobSet".to_string(),
        metadata: top_metadata(plan, &plan.name),
        spec: JobSetSpec {
            replicated_jobs: replicated,
            network: JobSetNetwork {
                enable_dns_hostnames: true,
                publish_not_ready_addresses: true,
            },
            success_policy: JobSetSuccessPolicy {
                operator: "All".to_string(),
            },
            failure_policy: JobSetFailurePolicy {
                max_restarts: plan.backoff_limit,
            },
            suspend: plan.queue.as_ref().map(|_| true),
            ttl_seconds_after_finished: Some(plan.ttl_seconds),
        },
    };
    docs.push(to_value(&set)?);
    Ok(())
}
