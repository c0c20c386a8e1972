//! Target `statefulset`: the classic pattern of a headless Service plus one StatefulSet per
//! role (a parameter-server layout gets separate chief, worker and ps sets). Pods restart in
//! place; checkpoints live on a per-pod volumeClaimTemplate.
use k8s_openapi::api::apps::v1::{StatefulSet, StatefulSetSpec};
use k8s_openapi::api::core::v1::PersistentVolumeClaim;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::{LabelSelector, ObjectMeta};
use serde_json::Value;

use super::plan::TrainPlan;
use super::wiring::{self, RankSource, Topology};
use super::{checkpoint_claim_spec, headless_service, pod_group, role_metadata};
use crate::error::Result;
use crate::output::to_value;

pub(crate) fn render(plan: &TrainPlan, docs: &mut Vec<Value>) -> Result<()> {
    docs.push(to_value(&headless_service(
        plan,
        &plan.name,
        wiring::service_selector(plan),
        wiring::port(plan.framework),
    ))?);
    if plan.volcano {
        docs.push(to_value(&pod_group(plan))?);
    }
    let set_name = |role: &str| super::job::job_name(plan, role);
    let host = |role: &str, i: u32| format!("{}-{i}.{}", set_name(role), plan.name);
    let topology = Topology {
        rank: RankSource::PodIndexLabel,
        host: &host,
    };
    for role in plan.roles() {
        let mut template = wiring::role_template(
            plan,
            &role,
            Some(&topology),
            "Always",
            None,
            super::job::CONTAINER,
        );
        let mut claims = None;
        if let (Some(ck), Some(mount)) = (&plan.checkpoint, wiring::checkpoint_mount(plan))
            && role.accelerated
        {
            if let Some(size) = &ck.size {
                claims = Some(vec![PersistentVolumeClaim {
                    metadata: ObjectMeta {
                        name: Some("checkpoints".to_string()),
                        ..Default::default()
                    },
                    spec: Some(checkpoint_claim_spec(plan, size)),
                    status: None,
                }]);
            }
            if let Some(spec) = template.spec.as_mut()
                && let Some(c) = spec.containers.first_mut()
            {
                c.volume_mounts.get_or_insert_with(Vec::new).push(mount);
            }
            if let (Some(existing), Some(spec)) = (&ck.existing_claim, template.spec.as_mut()) {
                spec.volumes.get_or_insert_with(Vec::new).push(
                    k8s_openapi::api::core::v1::Volume {
                        name: "checkpoints".to_string(),
                        persistent_volume_claim: Some(
                            k8s_openapi::api::core::v1::PersistentVolumeClaimVolumeSource {
                                claim_name: existing.clone(),
                                read_only: None,
                            },
                        ),
                        ..Default::default()
                    },
                );
            }
        }
        let selector = template
            .metadata
            .as_ref()
            .and_then(|m| m.labels.clone())
            .map(|mut l| {
                l.retain(|k, _| k != "kueue.x-k8s.io/queue-name");
                l
            });
        let name = set_name(role.name);
        let set = StatefulSet {
            metadata: role_metadata(plan, &name, role.replicas),
            spec: StatefulSetSpec {
                service_name: Some(plan.name.clone()),
                replicas: Some(role.replicas as i32),
                pod_management_policy: Some("Parallel".to_string()),
                selector: LabelSelector {
                    match_labels: selector,
                    match_expressions: None,
                },
                template,
                volume_claim_templates: claims,
                ..Default::default()
            },
            status: None,
        };
        docs.push(to_value(&set)?);
    }
    Ok(())
}
