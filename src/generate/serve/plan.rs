//! From a [`ServeRequest`] (an mlk.dev InferenceService spec with flags and mlk.yaml merged,
//! plus the flags the resource has no field for) to a validated, fully defaulted
//! [`ServePlan`]. Every value is checked here, before anything is printed, and each error
//! names its spec field (or flag) so the command layer can point at the flag or the file.
use std::collections::BTreeMap;

use k8s_openapi::api::core::v1::Toleration;

use super::runtime::{self, Health, Port};
use crate::api::InferenceServiceSpec;
use crate::api::common::TolerationOperator;
use crate::api::inference::Runtime;
use crate::generate::pod::{Accelerators, ContainerResources, GPU_TAINT_KEY, gpu_toleration};
use crate::generate::train::plan::{SpecError, check_mig, check_quantity};
use crate::quantity::{self, Quantity};
use crate::sizing::{self, Precision};
use crate::validate;

/// What `mlk serve` emits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ServeTarget {
    Deployment,
    InferenceService,
    KServe,
}

impl ServeTarget {
    /// The spelling of `--target`.
    pub fn as_str(self) -> &'static str {
        match self {
            ServeTarget::Deployment => "deployment",
            ServeTarget::InferenceService => "inferenceservice",
            ServeTarget::KServe => "kserve",
        }
    }
}

/// The request: the resource's spec and what only flags can say.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ServeRequest {
    pub spec: InferenceServiceSpec,
    /// The `custom` server's command.
    pub command: Option<Vec<String>>,
    pub args: Vec<String>,
    pub port: Option<u16>,
    pub health_path: Option<String>,
    /// Model size (`7B`) and serving precision, for sizing.
    pub model_params: Option<String>,
    pub precision: Option<Precision>,
    pub behavior: BehaviorRequest,
}

/// Autoscaling behavior as requested; unset values take the defaults.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BehaviorRequest {
    pub up_stabilization: Option<u32>,
    pub up_percent: Option<u32>,
    pub down_stabilization: Option<u32>,
    pub down_percent: Option<u32>,
    pub period: Option<u32>,
}

/// Autoscaling behavior: scale up fast, down slowly.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Behavior {
    pub up_stabilization: i32,
    pub up_percent: i32,
    pub down_stabilization: i32,
    pub down_percent: i32,
    pub period: i32,
}

/// Defaults from mlk.yaml.
#[derive(Clone, Debug, Default)]
pub struct ServeDefaults {
    pub namespace: Option<String>,
    pub registry: Option<String>,
    pub gpu_type: Option<String>,
    pub priority_class: Option<String>,
    pub coefficients: sizing::Coefficients,
}

/// Where the model comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ModelSource {
    /// A claim mounted read-only, at `path` inside it.
    Pvc { claim: String, path: Option<String> },
    /// Downloaded by an init container.
    Download(Store),
}

/// Object stores the init container downloads from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Store {
    S3,
    Gcs,
    HuggingFace,
}

impl Store {
    /// The pinned image of the downloader: the store's own CLI. Hugging Face downloads use
    /// the pinned vLLM image, which ships `huggingface-cli`.
    pub fn image(self) -> &'static str {
        match self {
            Store::S3 => "amazon/aws-cli:2.22.0",
            Store::Gcs => "google/cloud-sdk:530.0.0-alpine",
            Store::HuggingFace => "vllm/vllm-openai:v0.9.2",
        }
    }
}

/// A canary release.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CanaryPlan {
    pub image: String,
    pub percent: u32,
}

/// Everything the targets need, validated and defaulted.
#[derive(Clone, Debug, PartialEq)]
pub struct ServePlan {
    pub name: String,
    pub namespace: Option<String>,
    pub target: ServeTarget,
    pub runtime: Runtime,
    pub image: String,
    /// The user chose the image (KServe otherwise takes its ServingRuntime's).
    pub explicit_image: bool,
    /// Image of the init container that downloads the model, if it is downloaded.
    pub downloader_image: Option<String>,
    /// The server's command (the runtime's, or the user's for `custom`).
    pub command: Vec<String>,
    pub args: Vec<String>,
    pub model_uri: String,
    pub model: ModelSource,
    pub ports: Vec<Port>,
    pub health: Health,
    pub startup_failures: i32,
    pub resources: ContainerResources,
    pub shm_size: String,
    pub node_selector: BTreeMap<String, String>,
    pub tolerations: Vec<Toleration>,
    pub priority_class: String,
    pub min_replicas: i32,
    pub max_replicas: i32,
    pub target_utilization: i32,
    /// Custom Pods metrics and their average targets.
    pub metrics: Vec<(String, String)>,
    pub behavior: Behavior,
    pub canary: Option<CanaryPlan>,
    pub env: Vec<(String, String)>,
    pub env_from_secrets: Vec<String>,
    /// Risks the user accepted, as (lint rule, reason): annotated `ignore.mlk.dev/<rule>`
    /// on the objects and warned about on stderr.
    pub acknowledged: Vec<(&'static str, String)>,
    pub sizing_summary: Option<String>,
    /// The resolved spec, emitted as is by the `inferenceservice` target.
    pub spec: InferenceServiceSpec,
}

const MAX_NAME: usize = 40;
const MAX_GPUS_PER_POD: u32 = 64;
const MAX_REPLICAS: u32 = 1000;
const DEFAULT_MIN_REPLICAS: u32 = 2;
const DEFAULT_MAX_REPLICAS: u32 = 10;
const DEFAULT_UTILIZATION: u32 = 70;
const DEFAULT_PRIORITY_CLASS: &str = "ml-inference-critical";
/// HPA API bounds (reference/k8s-ml-facts.md 5.1).
const MAX_STABILIZATION: u32 = 3600;
const MAX_PERIOD: u32 = 1800;

fn err(
    field: &str,
    value: impl ToString,
    message: impl Into<String>,
    help: impl Into<String>,
) -> SpecError {
    SpecError {
        field: field.to_string(),
        value: value.to_string(),
        message: message.into(),
        help: help.into(),
        sizing: false,
    }
}

/// Validates and defaults the request.
pub fn resolve(
    name: Option<&str>,
    namespace: Option<&str>,
    target: ServeTarget,
    req: &ServeRequest,
    defaults: &ServeDefaults,
) -> Result<ServePlan, SpecError> {
    let spec = &req.spec;
    let runtime = spec.runtime;
    let name = name
        .map(str::to_string)
        .unwrap_or_else(|| format!("{}-server", runtime::name(runtime)));
    validate::dns1035_label(&name).map_err(|m| {
        err(
            "metadata.name",
            &name,
            m,
            "use lowercase letters, digits and `-`, starting with a letter",
        )
    })?;
    // ReplicaSet pods append two hash suffixes; the canary adds `-canary`.
    if name.len() > MAX_NAME {
        return Err(err(
            "metadata.name",
            &name,
            format!("name is longer than {MAX_NAME} characters"),
            "generated object and pod names append suffixes and must stay within 63 characters; use a shorter name",
        ));
    }
    let namespace = namespace
        .map(str::to_string)
        .or_else(|| defaults.namespace.clone());
    if let Some(ns) = &namespace {
        validate::dns1123_label(ns).map_err(|m| {
            err(
                "metadata.namespace",
                ns,
                m,
                "a namespace is a lowercase RFC 1123 label",
            )
        })?;
    }

    let model = parse_model_uri(&spec.model_uri)?;

    let image = resolve_image("image", spec.image.as_deref(), runtime, defaults)?;
    let custom_command = match (runtime, &req.command) {
        (Runtime::Custom, Some(c)) => Some(c.clone()),
        (_, Some(c)) => {
            return Err(err(
                "command",
                c.join(" "),
                format!("runtime `{}` has its own command", runtime::name(runtime)),
                "drop `--command` (pass extra server flags after `--`), or use `--runtime custom`",
            ));
        }
        // The resource has no command field: `-f` with `--command` compiles it.
        (Runtime::Custom, None) if target != ServeTarget::InferenceService => {
            return Err(err(
                "command",
                "",
                "runtime `custom` has no default command",
                "pass `--command \"your-server --port 8080\"`",
            ));
        }
        (_, None) => None,
    };
    if runtime != Runtime::Custom && (req.port.is_some() || req.health_path.is_some()) {
        let (field, value) = match (req.port, &req.health_path) {
            (Some(p), _) => ("port", p.to_string()),
            (None, h) => ("healthPath", h.clone().unwrap_or_default()),
        };
        return Err(err(
            field,
            value,
            format!(
                "runtime `{}` has fixed ports and health endpoints",
                runtime::name(runtime)
            ),
            "`--port` and `--health-path` describe a `--runtime custom` server",
        ));
    }
    let custom_port = i32::from(req.port.unwrap_or(8080));
    if custom_port == 0 {
        return Err(err(
            "port",
            0,
            "port 0 is not a port",
            "use a port from 1 to 65535",
        ));
    }
    let health_path = req
        .health_path
        .clone()
        .unwrap_or_else(|| "/healthz".to_string());
    if !health_path.starts_with('/')
        || health_path
            .chars()
            .any(|c| c.is_whitespace() || c.is_control())
    {
        return Err(err(
            "healthPath",
            &health_path,
            "not an absolute URL path",
            "use a path like `/healthz`",
        ));
    }

    // GPUs.
    let gpu = spec.gpu.clone().unwrap_or_default();
    let gpu_type_name = gpu.gpu_type.clone().or_else(|| defaults.gpu_type.clone());
    let gpu_type = match &gpu_type_name {
        Some(t) => Some(sizing::gpu_type(t).ok_or_else(|| {
            err(
                "gpu.type",
                t,
                "unknown GPU type",
                format!(
                    "known types: {}",
                    sizing::gpu_type_names().collect::<Vec<_>>().join(", ")
                ),
            )
        })?),
        None => None,
    };
    let gpus = spec.gpus.unwrap_or(1);
    if gpus > MAX_GPUS_PER_POD {
        return Err(err(
            "gpus",
            gpus,
            format!("at most {MAX_GPUS_PER_POD} GPUs per replica"),
            "serve a smaller model per replica, or use a multi-node serving framework",
        ));
    }
    let resource = match (&gpu.mig, &gpu.resource) {
        (Some(_), Some(r)) => {
            return Err(err(
                "gpu.resource",
                r,
                "`--mig` and `--gpu-resource` cannot be combined",
                "MIG devices are NVIDIA resources; drop one of the two flags",
            ));
        }
        (Some(profile), None) => {
            check_mig(profile, gpu_type)?;
            if gpus == 0 {
                return Err(err(
                    "gpus",
                    0,
                    "`--mig` needs at least one device per replica",
                    "pass `--gpus 1` (one MIG device per replica)",
                ));
            }
            sizing::mig_resource_name(profile)
        }
        (None, Some(r)) => {
            validate::qualified_name(r).map_err(|m| {
                err(
                    "gpu.resource",
                    r,
                    m,
                    "an extended resource looks like `vendor.com/gpu`",
                )
            })?;
            if !r.contains('/') || r.contains("kubernetes.io/") {
                return Err(err(
                    "gpu.resource",
                    r,
                    "not an extended resource name",
                    "an extended resource has a domain prefix, like `amd.com/gpu`",
                ));
            }
            r.clone()
        }
        (None, None) => "nvidia.com/gpu".to_string(),
    };
    let nvidia = resource.starts_with("nvidia.com/");

    // Sizing from the model, when given.
    let c = &defaults.coefficients;
    c.validate().map_err(|e| SpecError {
        help: e.help(),
        ..err("model.params", "", e.to_string(), "")
    })?;
    let mut sizing_summary = None;
    let model_memory = match &req.model_params {
        Some(p) => {
            let params = sizing::parse_param_count(p)
                .map_err(|m| err("model.params", p, m, "use a count like `7B` or `350M`"))?;
            let precision = req.precision.unwrap_or(Precision::Bf16);
            let fraction = if runtime == Runtime::Vllm {
                c.kv_cache_fraction
            } else {
                0.0
            };
            let bytes =
                sizing::inference_memory_bytes(params, precision, fraction).map_err(|e| {
                    SpecError {
                        sizing: true,
                        ..err("model.params", p, e.to_string(), e.help())
                    }
                })?;
            if let Some(t) = gpu_type
                && gpus > 0
                && gpu.mig.is_none()
            {
                let usable =
                    t.memory_bytes() as f64 * c.usable_gpu_memory_fraction * f64::from(gpus);
                if bytes as f64 > usable {
                    let need = (bytes as f64
                        / (t.memory_bytes() as f64 * c.usable_gpu_memory_fraction))
                        .ceil();
                    return Err(SpecError {
                        sizing: true,
                        ..err(
                            "model.params",
                            p,
                            format!(
                                "serving {} parameters in {precision} takes {:.1} GB, but {gpus} {} GPU{} hold{} {:.1} GB usable",
                                sizing::format_params(params),
                                bytes as f64 / 1e9,
                                t.name,
                                if gpus == 1 { "" } else { "s" },
                                if gpus == 1 { "s" } else { "" },
                                usable / 1e9,
                            ),
                            format!(
                                "pass `--gpus {need}` (the runtime shards the model over a replica's GPUs), or a larger `--gpu-type`"
                            ),
                        )
                    });
                }
            }
            sizing_summary = Some(format!(
                "{} parameters in {precision}: {} of weights{} per replica",
                sizing::format_params(params),
                quantity::format_bytes(bytes),
                if fraction > 0.0 { " and KV cache" } else { "" },
            ));
            Some(bytes)
        }
        None => None,
    };

    // CPU, memory, shm.
    let res = spec.resources.clone().unwrap_or_default();
    let cpu = match &res.cpu {
        Some(v) => check_quantity("resources.cpu", v)?,
        None => {
            let base = c.base_cpu.milli_value().max(0) as u64;
            let per = c.cpu_per_gpu.milli_value().max(0) as u64;
            quantity::format_cpu_millis(base.saturating_add(per.saturating_mul(u64::from(gpus))))
        }
    };
    let memory = match &res.memory {
        Some(v) => check_quantity("resources.memory", v)?,
        None => {
            let base = c.base_memory.value().max(0) as u64;
            // The host holds the weights while they load onto the GPUs.
            let extra = match model_memory {
                Some(b) => b,
                None => (c.memory_per_gpu.value().max(0) as u64).saturating_mul(u64::from(gpus)),
            };
            quantity::format_bytes(base.saturating_add(extra))
        }
    };
    let memory_q = Quantity::parse(&memory).map_err(|e| {
        err(
            "resources.memory",
            &memory,
            e.to_string(),
            "use a quantity like `32Gi`",
        )
    })?;
    if let Some(b) = model_memory
        && res.memory.is_some()
        && (memory_q.value().max(0) as u64) < b
    {
        return Err(SpecError {
            sizing: true,
            ..err(
                "resources.memory",
                &memory,
                format!(
                    "the weights take {}, more than the replica's memory",
                    quantity::format_bytes(b)
                ),
                "raise `--memory`: the host holds the weights while they load",
            )
        });
    }
    let shm_size = match &res.shm_size {
        Some(s) => {
            let q = check_quantity("resources.shmSize", s)?;
            let parsed = Quantity::parse(&q).map_err(|e| {
                err(
                    "resources.shmSize",
                    &q,
                    e.to_string(),
                    "use a quantity like `8Gi`",
                )
            })?;
            if parsed > memory_q {
                return Err(err(
                    "resources.shmSize",
                    s,
                    format!("shared memory is larger than the replica's memory limit `{memory}`"),
                    "a memory-backed /dev/shm counts against the memory limit; lower `--shm-size` or raise `--memory`",
                ));
            }
            q
        }
        None => {
            let quarter = (memory_q.value().max(0) as u64) / 4;
            quantity::format_bytes(
                quarter
                    .clamp(1 << 30, 64 << 30)
                    .min(memory_q.value().max(0) as u64),
            )
        }
    };

    // Placement.
    let sched = spec.scheduling.clone().unwrap_or_default();
    if sched.queue.is_some() || sched.scheduler.is_some() || sched.spot.is_some() {
        return Err(err(
            "scheduling",
            "queue/scheduler/spot",
            "queues, gang scheduling and spot placement are training settings",
            "drop `scheduling.queue`, `scheduling.scheduler` and `scheduling.spot` from the InferenceService",
        ));
    }
    let priority_class = sched
        .priority_class
        .clone()
        .or_else(|| defaults.priority_class.clone())
        .unwrap_or_else(|| DEFAULT_PRIORITY_CLASS.to_string());
    validate::dns1123_subdomain(&priority_class).map_err(|m| {
        err(
            "scheduling.priorityClass",
            &priority_class,
            m,
            "a PriorityClass name is a lowercase DNS subdomain",
        )
    })?;
    let mut node_selector = BTreeMap::new();
    if let (Some(t), true) = (gpu_type, gpus > 0 && nvidia) {
        node_selector.insert(
            "nvidia.com/gpu.product".to_string(),
            t.product_label.to_string(),
        );
    }
    for (k, v) in &sched.node_selector {
        validate::qualified_name(k).map_err(|m| {
            err(
                "scheduling.nodeSelector",
                k,
                m,
                "a node selector key is a label key like `example.com/pool`",
            )
        })?;
        validate::label_value(v).map_err(|m| {
            err(
                "scheduling.nodeSelector",
                v,
                m,
                "a node selector value is a label value",
            )
        })?;
        node_selector.insert(k.clone(), v.clone());
    }
    let mut tolerations = Vec::new();
    if gpus > 0 {
        tolerations.push(gpu_toleration(if nvidia {
            GPU_TAINT_KEY
        } else {
            &resource
        }));
    }
    for t in &sched.tolerations {
        validate::qualified_name(&t.key).map_err(|m| {
            err(
                "scheduling.tolerations",
                &t.key,
                m,
                "a taint key is a label key",
            )
        })?;
        if let Some(v) = &t.value {
            validate::label_value(v).map_err(|m| {
                err(
                    "scheduling.tolerations",
                    v,
                    m,
                    "a taint value is a label value",
                )
            })?;
        }
        let operator = t.operator.unwrap_or(if t.value.is_some() {
            TolerationOperator::Equal
        } else {
            TolerationOperator::Exists
        });
        if operator == TolerationOperator::Exists && t.value.is_some() {
            return Err(err(
                "scheduling.tolerations",
                &t.key,
                "operator `Exists` takes no value",
                "drop the value or use operator `Equal`",
            ));
        }
        tolerations.push(Toleration {
            key: Some(t.key.clone()),
            operator: Some(
                match operator {
                    TolerationOperator::Equal => "Equal",
                    TolerationOperator::Exists => "Exists",
                }
                .to_string(),
            ),
            value: t.value.clone(),
            effect: t.effect.map(|e| e.as_str().to_string()),
            toleration_seconds: None,
        });
    }

    // Autoscaling.
    let auto = spec.autoscaling.clone().unwrap_or_default();
    let min_replicas = auto.min_replicas.unwrap_or(DEFAULT_MIN_REPLICAS);
    if !(1..=MAX_REPLICAS).contains(&min_replicas) {
        return Err(err(
            "autoscaling.minReplicas",
            min_replicas,
            format!("the fewest replicas must be between 1 and {MAX_REPLICAS}"),
            "an HPA's minReplicas is at least 1; use 2 or more for availability",
        ));
    }
    let max_replicas = auto
        .max_replicas
        .unwrap_or(DEFAULT_MAX_REPLICAS.max(min_replicas));
    if max_replicas > MAX_REPLICAS {
        return Err(err(
            "autoscaling.maxReplicas",
            max_replicas,
            format!("at most {MAX_REPLICAS} replicas"),
            "lower `--max-replicas`",
        ));
    }
    if max_replicas < min_replicas {
        return Err(err(
            "autoscaling.maxReplicas",
            max_replicas,
            format!("fewer than the {min_replicas} minimum replicas"),
            "`--max-replicas` must be at least `--min-replicas`",
        ));
    }
    let target_utilization = auto.target_utilization.unwrap_or(DEFAULT_UTILIZATION);
    if !(1..=100).contains(&target_utilization) {
        return Err(err(
            "autoscaling.targetUtilization",
            target_utilization,
            "CPU utilization targets are percentages from 1 to 100",
            "pass `--target-utilization 70`",
        ));
    }
    let mut metrics: Vec<(String, String)> = Vec::new();
    for m in &auto.metrics {
        if m.name.is_empty()
            || m.name.len() > 253
            || m.name.chars().any(|c| c.is_whitespace() || c.is_control())
        {
            return Err(err(
                "autoscaling.metrics",
                &m.name,
                "not a metric name",
                "use the name the metrics adapter exposes, like `inference_queue_length`",
            ));
        }
        let q = Quantity::parse(&m.target).map_err(|e| {
            err(
                "autoscaling.metrics",
                &m.target,
                e.to_string(),
                "the target is a quantity like `10` or `500m`",
            )
        })?;
        if q.is_zero() || q.is_negative() {
            return Err(err(
                "autoscaling.metrics",
                &m.target,
                "an average-value target must be positive",
                "pass `--metric NAME=TARGET` with a positive target",
            ));
        }
        if metrics.iter().any(|(n, _)| *n == m.name) {
            return Err(err(
                "autoscaling.metrics",
                &m.name,
                "the metric is listed twice",
                "give each metric one target",
            ));
        }
        metrics.push((m.name.clone(), m.target.clone()));
    }
    let b = req.behavior;
    let up_stabilization = bounded(
        "scaleUpStabilization",
        b.up_stabilization.unwrap_or(60),
        0,
        MAX_STABILIZATION,
    )?;
    let down_stabilization = bounded(
        "scaleDownStabilization",
        b.down_stabilization.unwrap_or(300),
        0,
        MAX_STABILIZATION,
    )?;
    let period = bounded("scalePeriod", b.period.unwrap_or(60), 1, MAX_PERIOD)?;
    let up_percent = bounded("scaleUpPercent", b.up_percent.unwrap_or(100), 1, 10_000)?;
    let down_percent = bounded("scaleDownPercent", b.down_percent.unwrap_or(10), 1, 100)?;
    let behavior = Behavior {
        up_stabilization,
        up_percent,
        down_stabilization,
        down_percent,
        period,
    };

    // Canary.
    let canary = match &spec.canary {
        None => None,
        Some(cn) => {
            let canary_image = resolve_image("canary.image", Some(&cn.image), runtime, defaults)?;
            if cn.percent == 0 || cn.percent >= 100 {
                return Err(err(
                    "canary.percent",
                    cn.percent,
                    "a canary takes between 1 and 99 percent of the traffic",
                    "pass `--canary-percent 10`; at 100 percent, make the canary image the `--image`",
                ));
            }
            match (target, cn.mesh) {
                (ServeTarget::Deployment, None) => {
                    return Err(err(
                        "canary.mesh",
                        "",
                        "a canary on the deployment target needs a mesh to split the traffic",
                        "add `--mesh istio` (VirtualService + DestinationRule), or use `--target kserve` (canaryTrafficPercent)",
                    ));
                }
                (ServeTarget::KServe, Some(_)) => {
                    return Err(err(
                        "canary.mesh",
                        "istio",
                        "KServe splits canary traffic itself",
                        "drop `--mesh` with `--target kserve`",
                    ));
                }
                _ => {}
            }
            if canary_image == image {
                return Err(err(
                    "canary.image",
                    &canary_image,
                    "the canary runs the same image as the stable release",
                    "pass the new release's image to `--canary-image`",
                ));
            }
            Some(CanaryPlan {
                image: canary_image,
                percent: cn.percent,
            })
        }
    };
    // Target-specific limits.
    if target == ServeTarget::KServe {
        if !metrics.is_empty() {
            return Err(err(
                "autoscaling.metrics",
                &metrics[0].0,
                "KServe's HPA autoscaler takes only CPU or memory targets",
                "drop `--metric`, or use `--target deployment`",
            ));
        }
        if canary.is_some() && auto.target_utilization.is_some() {
            return Err(err(
                "autoscaling.targetUtilization",
                target_utilization,
                "KServe canaries run in Serverless mode, which scales on concurrency, not CPU",
                "drop `--target-utilization` with `--canary-image`",
            ));
        }
    }

    // Environment.
    let mut env = Vec::new();
    for e in &spec.env {
        validate::env_var_name(&e.name).map_err(|m| {
            err("env", &e.name, m, "environment variable names are letters, digits, `_`, `-` and `.`, not starting with a digit")
        })?;
        env.push((e.name.clone(), e.value.clone()));
    }
    for s in &spec.env_from_secrets {
        validate::dns1123_subdomain(s).map_err(|m| {
            err(
                "envFromSecrets",
                s,
                m,
                "a Secret name is a lowercase DNS subdomain",
            )
        })?;
    }

    let mut acknowledged = Vec::new();
    if min_replicas < 2 && target == ServeTarget::Deployment {
        acknowledged.push((
            crate::rules::reliability::SingleReplicaServing::META.name,
            "generated with --min-replicas 1: a drain, an eviction or a rollout takes the endpoint down".to_string(),
        ));
    }

    let command = custom_command
        .or_else(|| runtime::command(runtime, &name, gpus))
        .unwrap_or_default();

    let mut resolved = spec.clone();
    resolved.image = Some(image.clone());
    resolved.gpus = Some(gpus);
    let mut r = res.clone();
    r.cpu = Some(cpu.clone());
    r.memory = Some(memory.clone());
    r.shm_size = Some(shm_size.clone());
    resolved.resources = Some(r);
    if let Some(t) = &gpu_type_name {
        let mut g = resolved.gpu.clone().unwrap_or_default();
        g.gpu_type = Some(t.clone());
        resolved.gpu = Some(g);
    }
    let mut a = auto.clone();
    a.min_replicas = Some(min_replicas);
    a.max_replicas = Some(max_replicas);
    a.target_utilization = Some(target_utilization);
    resolved.autoscaling = Some(a);
    let mut s = sched.clone();
    s.priority_class = Some(priority_class.clone());
    resolved.scheduling = Some(s);

    Ok(ServePlan {
        ports: runtime::ports(runtime, custom_port),
        health: runtime::health(runtime, &name, &health_path),
        startup_failures: runtime::startup_failure_threshold(runtime),
        name,
        namespace,
        target,
        runtime,
        explicit_image: spec.image.is_some(),
        downloader_image: match &model {
            ModelSource::Download(store) => Some(match &defaults.registry {
                Some(reg) => format!("{}/{}", reg.trim_end_matches('/'), store.image()),
                None => store.image().to_string(),
            }),
            ModelSource::Pvc { .. } => None,
        },
        image,
        command,
        args: req.args.clone(),
        model_uri: spec.model_uri.clone(),
        model,
        resources: ContainerResources {
            cpu,
            memory,
            accelerators: (gpus > 0).then_some(Accelerators {
                resource,
                count: gpus,
            }),
        },
        shm_size,
        node_selector,
        tolerations,
        priority_class,
        min_replicas: min_replicas as i32,
        max_replicas: max_replicas as i32,
        target_utilization: target_utilization as i32,
        metrics,
        behavior,
        canary,
        env,
        env_from_secrets: spec.env_from_secrets.clone(),
        acknowledged,
        sizing_summary,
        spec: resolved,
    })
}

fn resolve_image(
    field: &str,
    given: Option<&str>,
    runtime: Runtime,
    defaults: &ServeDefaults,
) -> Result<String, SpecError> {
    let image = match (given, runtime::default_image(runtime)) {
        (Some(img), _) => img.to_string(),
        (None, Some(img)) => match &defaults.registry {
            Some(reg) => format!("{}/{}", reg.trim_end_matches('/'), img),
            None => img.to_string(),
        },
        (None, None) => {
            return Err(err(
                field,
                "",
                "runtime `custom` has no default image",
                "pass `--image REGISTRY/IMAGE:TAG` and `--command`",
            ));
        }
    };
    validate::image_reference(&image).map_err(|m| {
        err(
            field,
            &image,
            m,
            "use `registry/repository:tag` or `repository@sha256:<digest>`",
        )
    })?;
    if !validate::image_is_pinned(&image) {
        return Err(err(
            field,
            &image,
            "image is not pinned to a version",
            "add a version tag other than `latest` (`repo:1.4.2`) or a digest (`repo@sha256:...`), so every replica runs the same code",
        ));
    }
    Ok(image)
}

fn bounded(field: &str, value: u32, min: u32, max: u32) -> Result<i32, SpecError> {
    if value < min || value > max {
        return Err(err(
            field,
            value,
            format!("must be between {min} and {max}"),
            "the HorizontalPodAutoscaler API rejects values outside these bounds",
        ));
    }
    Ok(value as i32)
}

/// Parses and checks `pvc://CLAIM[/PATH]`, `s3://BUCKET/PATH`, `gs://BUCKET/PATH` or
/// `hf://[ORG/]MODEL`.
pub fn parse_model_uri(uri: &str) -> Result<ModelSource, SpecError> {
    let help = "use `pvc://CLAIM/PATH`, `s3://BUCKET/PATH`, `gs://BUCKET/PATH` or `hf://ORG/MODEL`";
    if uri.is_empty() {
        return Err(err("modelUri", "", "the model URI is missing", help));
    }
    if uri.len() > 2048
        || uri.chars().any(|c| c.is_whitespace() || c.is_control())
        || uri.contains("..")
    {
        return Err(err(
            "modelUri",
            uri,
            "the model URI has whitespace, control characters or `..`, or is longer than 2048 characters",
            help,
        ));
    }
    let Some((scheme, rest)) = uri.split_once("://") else {
        return Err(err("modelUri", uri, "the model URI has no scheme", help));
    };
    let (host, path) = match rest.split_once('/') {
        Some((h, p)) => (h, p.trim_matches('/')),
        None => (rest, ""),
    };
    if host.is_empty() {
        return Err(err(
            "modelUri",
            uri,
            "the model URI names no claim, bucket or repository",
            help,
        ));
    }
    match scheme {
        "pvc" => {
            validate::dns1123_subdomain(host).map_err(|m| {
                err(
                    "modelUri",
                    uri,
                    format!("claim `{host}`: {m}"),
                    "a PersistentVolumeClaim name is a lowercase DNS subdomain",
                )
            })?;
            Ok(ModelSource::Pvc {
                claim: host.to_string(),
                path: (!path.is_empty()).then(|| path.to_string()),
            })
        }
        "s3" | "gs" => {
            let ok = (3..=63).contains(&host.len())
                && host.chars().all(|c| {
                    c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '.' | '_')
                });
            if !ok {
                return Err(err(
                    "modelUri",
                    uri,
                    format!("`{host}` is not a bucket name"),
                    "bucket names are 3 to 63 lowercase letters, digits, `-`, `.` and `_`",
                ));
            }
            Ok(ModelSource::Download(if scheme == "s3" {
                Store::S3
            } else {
                Store::Gcs
            }))
        }
        "hf" => {
            let parts: Vec<&str> = rest.split('/').collect();
            let ok = parts.len() <= 2
                && parts.iter().all(|p| {
                    !p.is_empty()
                        && p.len() <= 96
                        && p.chars()
                            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
                });
            if !ok {
                return Err(err(
                    "modelUri",
                    uri,
                    "not a Hugging Face repository",
                    "use `hf://ORG/MODEL`, like `hf://meta-llama/Llama-3.1-8B-Instruct`",
                ));
            }
            Ok(ModelSource::Download(Store::HuggingFace))
        }
        other => Err(err(
            "modelUri",
            uri,
            format!("unsupported scheme `{other}://`"),
            help,
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn model_uris() {
        assert_eq!(
            parse_model_uri("pvc://models/ranker/v7"),
            Ok(ModelSource::Pvc {
                claim: "models".to_string(),
                path: Some("ranker/v7".to_string())
            })
        );
        assert_eq!(
            parse_model_uri("pvc://models"),
            Ok(ModelSource::Pvc {
                claim: "models".to_string(),
                path: None
            })
        );
        assert_eq!(
            parse_model_uri("s3://models/r"),
            Ok(ModelSource::Download(Store::S3))
        );
        assert_eq!(
            parse_model_uri("gs://models/r"),
            Ok(ModelSource::Download(Store::Gcs))
        );
        assert_eq!(
            parse_model_uri("hf://gpt2"),
            Ok(ModelSource::Download(Store::HuggingFace))
        );
        for bad in [
            "",
            "models/r",
            "http://x/y",
            "s3://",
            "s3://ab/x",
            "s3://Models/x",
            "pvc://Bad/x",
            "hf://a/b/c",
            "hf://a//b",
            "s3://models/a b",
            "s3://models/../x",
        ] {
            let e = parse_model_uri(bad).expect_err(bad);
            assert_eq!(e.field, "modelUri", "{bad}");
        }
    }

    fn request(uri: &str) -> ServeRequest {
        let mut req = ServeRequest::default();
        req.spec.model_uri = uri.to_string();
        req
    }

    #[test]
    fn behavior_bounds_are_the_api_bounds() {
        let ok = |b: BehaviorRequest| {
            let mut req = request("s3://models/r");
            req.behavior = b;
            resolve(
                None,
                None,
                ServeTarget::Deployment,
                &req,
                &ServeDefaults::default(),
            )
            .map(|p| p.behavior)
        };
        assert!(
            ok(BehaviorRequest {
                up_stabilization: Some(3600),
                down_stabilization: Some(0),
                period: Some(1800),
                ..Default::default()
            })
            .is_ok()
        );
        for (b, field) in [
            (
                BehaviorRequest {
                    up_stabilization: Some(3601),
                    ..Default::default()
                },
                "scaleUpStabilization",
            ),
            (
                BehaviorRequest {
                    period: Some(0),
                    ..Default::default()
                },
                "scalePeriod",
            ),
            (
                BehaviorRequest {
                    period: Some(1801),
                    ..Default::default()
                },
                "scalePeriod",
            ),
            (
                BehaviorRequest {
                    down_percent: Some(0),
                    ..Default::default()
                },
                "scaleDownPercent",
            ),
        ] {
            assert_eq!(ok(b).map_err(|e| e.field), Err(field.to_string()));
        }
    }
}
