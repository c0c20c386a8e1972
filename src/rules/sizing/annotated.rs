//! Workloads that carry their sizing inputs: the [`INPUTS_ANNOTATION`] of the top-level
//! object (written by `mlk train --model-params`), and the GPU pods the inputs describe.
use crate::lint::facts::replicas_of;
use crate::lint::{ObjectCx, Settings};
use crate::manifest::{Node, Path, PodTemplate, pod_templates};
use crate::quantity::Quantity;
use crate::rules::gpu::placement::{PRODUCT_LABEL, allowed_values};
use crate::rules::gpu::resources::{entries, gpu_vendor, mig_profile_of, pod_requests};
use crate::sizing::{
    Coefficients, GpuSpec, INPUTS_ANNOTATION, MigProfile, TrainingSizingInput,
    gpu_type_by_product_label,
};

/// The annotation's value and its path, when the object has it.
pub fn annotation<'a>(cx: &ObjectCx<'a>) -> Option<(&'a Node, Path)> {
    let node = cx
        .object
        .node
        .get("metadata")?
        .get("annotations")?
        .get(INPUTS_ANNOTATION)?;
    Some((
        node,
        cx.path(&["metadata", "annotations", INPUTS_ANNOTATION]),
    ))
}

/// The inputs, or why the annotation cannot be read.
pub fn parse(node: &Node) -> Result<TrainingSizingInput, String> {
    let text = node
        .as_str()
        .ok_or_else(|| format!("the value is a {}, not a JSON string", node.type_name()))?;
    serde_json::from_str(text).map_err(|e| e.to_string())
}

/// The inputs when the annotation is present and readable (unreadable ones are
/// `invalid-sizing-annotation`'s).
pub fn inputs(cx: &ObjectCx<'_>) -> Option<TrainingSizingInput> {
    annotation(cx).and_then(|(node, _)| parse(node).ok())
}

/// What one pod template asks for.
pub struct WorkerPod<'a> {
    pub template: PodTemplate<'a>,
    /// The pod spec's path from the document root.
    pub base: Path,
    pub replicas: u64,
    /// Whole GPUs per pod, or MIG instances of `mig`.
    pub gpus: u64,
    /// The GPU resource asked for.
    pub resource: &'a str,
    pub mig: Option<&'static MigProfile>,
    /// The GPU model the pod's node selector names, when mlk knows it.
    pub selected: Option<&'static GpuSpec>,
    pub requests: std::collections::BTreeMap<&'a str, Quantity>,
}

/// The pod templates of the object that ask for GPUs, with their counts. `annotated` is
/// the GPU type of the inputs, used to find MIG profiles.
pub fn gpu_pods<'a>(cx: &ObjectCx<'a>, annotated: &'static GpuSpec) -> Vec<WorkerPod<'a>> {
    let mut out = Vec::new();
    for template in pod_templates(cx.object) {
        // An Argo workflow's templates are stages run one after another, not the workers of
        // one training run that the inputs describe.
        if template.workflow.is_some() {
            continue;
        }
        let requests = pod_requests(&template, |_| true);
        let Some((resource, amount)) = requests
            .iter()
            .find(|(name, q)| gpu_vendor(name).is_some() && **q > Quantity::default())
            .map(|(n, q)| (*n, *q))
        else {
            continue;
        };
        let Ok(gpus) = u64::try_from(amount.value()) else {
            continue;
        };
        let selected = allowed_values(&template, PRODUCT_LABEL)
            .selector
            .and_then(gpu_type_by_product_label);
        let gpu = selected.unwrap_or(annotated);
        let mig = mig_profile_of(resource).and_then(|_| gpu.mig_profile_for_resource(resource));
        out.push(WorkerPod {
            base: cx.object.path.join(&template.path),
            replicas: replicas_of(cx.object, &template),
            gpus,
            resource,
            mig,
            selected,
            requests,
            template,
        });
    }
    out
}

impl WorkerPod<'_> {
    /// Where to point at the GPU ask: the first container's limit or request of it.
    pub fn gpu_path(&self) -> Path {
        // Regular containers first, then init containers.
        let (init, regular): (Vec<_>, Vec<_>) = self.template.containers().partition(|c| c.init);
        for c in regular.iter().chain(&init) {
            for list in ["limits", "requests"] {
                if entries(c.node, list).any(|(n, _)| n == self.resource) {
                    return c
                        .path(&self.base)
                        .key("resources")
                        .key(list)
                        .key(self.resource);
                }
            }
        }
        self.base.clone()
    }
}

/// The coefficients of the run, with the node size of the lint settings.
pub fn coefficients(settings: &Settings) -> Coefficients {
    Coefficients {
        max_gpus_per_node: settings.max_gpus_per_node.max(1),
        ..settings.sizing.clone()
    }
}
