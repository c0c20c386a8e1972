//! `mlk train`: a validated [`TrainPlan`] becomes the objects of the chosen target.
mod job;
mod jobset;
mod kubeflow;
pub mod plan;
mod statefulset;
mod wiring;

use std::collections::BTreeMap;

use k8s_openapi::api::core::v1::{
    ConfigMap, PersistentVolumeClaim, PersistentVolumeClaimSpec, Service, ServicePort, ServiceSpec,
    VolumeResourceRequirements,
};
use k8s_openapi::apimachinery::pkg::api::resource::Quantity;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;
use serde_json::Value;

pub use plan::{TrainPlan, TrainTarget};

use crate::api::TrainingJob;
use crate::error::Result;
use crate::generate::crds::{PodGroupSpec, Resource};
use crate::generate::pod::standard_labels;
use crate::output::to_value;

/// The component label value of training workloads.
pub const COMPONENT: &str = "training";

/// Renders the plan as the objects of its target, in apply order (claims, config and
/// services before the workload that uses them).
pub fn render(plan: &TrainPlan) -> Result<Vec<Value>> {
    let mut docs = Vec::new();
    if plan.target == TrainTarget::TrainingJob {
        docs.push(to_value(&training_job(plan))?);
        return Ok(docs);
    }
    if let Some(cm) = wiring::smoke_test_config_map(plan) {
        docs.push(to_value(&cm)?);
    }
    if let Some(pvc) = checkpoint_claim(plan) {
        docs.push(to_value(&pvc)?);
    }
    match plan.target {
        TrainTarget::Job => job::render(plan, &mut docs)?,
        TrainTarget::StatefulSet => statefulset::render(plan, &mut docs)?,
        TrainTarget::PyTorchJob => kubeflow::render_pytorch(plan, &mut docs)?,
        TrainTarget::TfJob => kubeflow::render_tf(plan, &mut docs)?,
        TrainTarget::JobSet => jobset::render(plan, &mut docs)?,
        TrainTarget::TrainingJob => {}
    }
    Ok(docs)
}

/// Metadata of one workload object of a multi-object layout (a Job or StatefulSet per
/// role): the gang-scheduling acknowledgement only belongs on objects with several pods.
pub(crate) fn role_metadata(plan: &TrainPlan, name: &str, pods: u32) -> ObjectMeta {
    let mut meta = top_metadata(plan, name);
    if pods <= 1
        && let Some(annotations) = meta.annotations.as_mut()
    {
        let gang = format!(
            "{}{}",
            crate::lint::engine::SUPPRESSION_PREFIX,
            crate::rules::ml::TrainingWithoutGangScheduling::META.name
        );
        annotations.remove(&gang);
        if annotations.is_empty() {
            meta.annotations = None;
        }
    }
    meta
}

/// Object metadata with the standard labels, the queue label and the sizing annotation.
pub(crate) fn top_metadata(plan: &TrainPlan, name: &str) -> ObjectMeta {
    let mut labels = standard_labels(&plan.name, COMPONENT);
    if let Some(queue) = &plan.queue {
        labels.insert("kueue.x-k8s.io/queue-name".to_string(), queue.clone());
    }
    ObjectMeta {
        name: Some(name.to_string()),
        namespace: plan.namespace.clone(),
        labels: Some(labels),
        annotations: plan_annotations(plan),
        ..Default::default()
    }
}

/// Metadata of helper objects (services, claims, config maps): standard labels only.
pub(crate) fn helper_metadata(plan: &TrainPlan, name: &str) -> ObjectMeta {
    ObjectMeta {
        name: Some(name.to_string()),
        namespace: plan.namespace.clone(),
        labels: Some(standard_labels(&plan.name, COMPONENT)),
        ..Default::default()
    }
}

fn plan_annotations(plan: &TrainPlan) -> Option<BTreeMap<String, String>> {
    let mut annotations = BTreeMap::new();
    if let Some(json) = &plan.sizing_annotation {
        annotations.insert(crate::sizing::INPUTS_ANNOTATION.to_string(), json.clone());
    }
    for (rule, reason) in &plan.acknowledged {
        annotations.insert(
            format!("{}{rule}", crate::lint::engine::SUPPRESSION_PREFIX),
            reason.clone(),
        );
    }
    (!annotations.is_empty()).then_some(annotations)
}

/// A headless Service that gives every pod of `selector` a stable DNS name, so workers
/// find rank 0. `publishNotReadyAddresses` lets pods resolve each other before they are
/// ready, which rendezvous needs.
pub(crate) fn headless_service(
    plan: &TrainPlan,
    name: &str,
    selector: BTreeMap<String, String>,
    port: (&str, i32),
) -> Service {
    Service {
        metadata: helper_metadata(plan, name),
        spec: Some(ServiceSpec {
            cluster_ip: Some("None".to_string()),
            selector: Some(selector),
            publish_not_ready_addresses: Some(true),
            ports: Some(vec![ServicePort {
                name: Some(port.0.to_string()),
                port: port.1,
                protocol: Some("TCP".to_string()),
                ..Default::default()
            }]),
            ..Default::default()
        }),
        status: None,
    }
}

/// The checkpoint claim, shared by every worker: ReadWriteMany when several pods mount it.
fn checkpoint_claim(plan: &TrainPlan) -> Option<PersistentVolumeClaim> {
    let ckpt = plan.checkpoint.as_ref()?;
    if ckpt.existing_claim.is_some() || plan.target == TrainTarget::StatefulSet {
        return None;
    }
    let size = ckpt.size.clone()?;
    Some(PersistentVolumeClaim {
        metadata: helper_metadata(plan, &ckpt.claim_name),
        spec: Some(checkpoint_claim_spec(plan, &size)),
        status: None,
    })
}

pub(crate) fn checkpoint_claim_spec(plan: &TrainPlan, size: &str) -> PersistentVolumeClaimSpec {
    let shared = plan.total_pods() > 1 && plan.target != TrainTarget::StatefulSet;
    let mode = if shared {
        "ReadWriteMany"
    } else {
        "ReadWriteOnce"
    };
    PersistentVolumeClaimSpec {
        access_modes: Some(vec![mode.to_string()]),
        storage_class_name: plan
            .checkpoint
            .as_ref()
            .and_then(|c| c.storage_class.clone()),
        resources: Some(VolumeResourceRequirements {
            requests: Some(BTreeMap::from([(
                "storage".to_string(),
                Quantity(size.to_string()),
            )])),
            limits: None,
        }),
        ..Default::default()
    }
}

/// A Volcano PodGroup whose minMember is every pod: none starts until all can.
pub(crate) fn pod_group(plan: &TrainPlan) -> Resource<PodGroupSpec> {
    Resource {
        api_version: "scheduling.volcano.sh/v1beta1".to_string(),
        kind: "PodGroup".to_string(),
        metadata: helper_metadata(plan, &plan.name),
        spec: PodGroupSpec {
            min_member: plan.total_pods() as i32,
            priority_class_name: plan.priority_class.clone(),
            queue: None,
        },
    }
}

fn training_job(plan: &TrainPlan) -> TrainingJob {
    let mut job = TrainingJob::new(&plan.name, plan.spec.clone());
    job.metadata = top_metadata(plan, &plan.name);
    job
}

/// Serialises a ConfigMap; kept here so targets share one constructor.
pub(crate) fn config_map(
    plan: &TrainPlan,
    name: &str,
    data: BTreeMap<String, String>,
) -> ConfigMap {
    ConfigMap {
        metadata: helper_metadata(plan, name),
        data: Some(data),
        ..Default::default()
    }
}
