//! From a TrainingJob spec (flags, file and mlk.yaml merged) to a validated, fully
//! defaulted [`TrainPlan`]. Every value is checked here, before anything is printed, and
//! each error names the spec field it came from so the command layer can point at the
//! flag or the file position.
use std::collections::BTreeMap;

use k8s_openapi::api::core::v1::Toleration;

use crate::api::common::{SchedulerKind, TaintEffect, TolerationOperator};
use crate::api::training::{
    Framework, HyperparameterMode, RestartPolicy, Strategy, TrainingJobSpec,
};
use crate::generate::pod::{Accelerators, ContainerResources, GPU_TAINT_KEY, gpu_toleration};
use crate::quantity::{self, Quantity};
use crate::sizing;
use crate::validate;

/// What `mlk train` emits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TrainTarget {
    Job,
    StatefulSet,
    TrainingJob,
    PyTorchJob,
    TfJob,
    JobSet,
}

impl TrainTarget {
    /// The spelling of `--target`.
    pub fn as_str(self) -> &'static str {
        match self {
            TrainTarget::Job => "job",
            TrainTarget::StatefulSet => "statefulset",
            TrainTarget::TrainingJob => "trainingjob",
            TrainTarget::PyTorchJob => "pytorchjob",
            TrainTarget::TfJob => "tfjob",
            TrainTarget::JobSet => "jobset",
        }
    }

    /// Parses the spelling used in mlk.yaml.
    pub fn parse(s: &str) -> Option<Self> {
        [
            TrainTarget::Job,
            TrainTarget::StatefulSet,
            TrainTarget::TrainingJob,
            TrainTarget::PyTorchJob,
            TrainTarget::TfJob,
            TrainTarget::JobSet,
        ]
        .into_iter()
        .find(|t| t.as_str() == s)
    }

    /// Targets whose operator injects the distributed environment itself.
    pub fn operator_wired(self) -> bool {
        matches!(self, TrainTarget::PyTorchJob | TrainTarget::TfJob)
    }
}

/// A validation failure of one spec field.
#[derive(Clone, Debug, PartialEq)]
pub struct SpecError {
    /// Dotted path of the field in the TrainingJob spec (`gpu.type`, `workers`).
    pub field: String,
    /// The offending value as the user wrote it.
    pub value: String,
    /// What is wrong (lowercase, no trailing period).
    pub message: String,
    /// How to fix it.
    pub help: String,
    /// The sizing formulas, not a single value, rejected the request.
    pub sizing: bool,
}

impl SpecError {
    fn new(
        field: &str,
        value: impl ToString,
        message: impl Into<String>,
        help: impl Into<String>,
    ) -> Self {
        SpecError {
            field: field.to_string(),
            value: value.to_string(),
            message: message.into(),
            help: help.into(),
            sizing: false,
        }
    }
}

/// A pod role of the distributed layout.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Role {
    /// `worker`, `chief` or `ps`.
    pub name: &'static str,
    /// Pods of the role.
    pub replicas: u32,
    /// Whether the role's pods get the accelerators.
    pub accelerated: bool,
}

/// A read-only data mount.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataMount {
    pub claim: String,
    pub path: String,
}

/// The checkpoint volume.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckpointPlan {
    pub dir: String,
    pub size: Option<String>,
    pub storage_class: Option<String>,
    pub claim_name: String,
    pub existing_claim: Option<String>,
}

/// Everything the targets need, validated and defaulted.
#[derive(Clone, Debug, PartialEq)]
pub struct TrainPlan {
    pub name: String,
    pub namespace: Option<String>,
    pub target: TrainTarget,
    pub framework: Framework,
    pub strategy: Strategy,
    pub image: String,
    /// The user's command; `None` runs the framework's built-in smoke test.
    pub command: Option<Vec<String>>,
    pub args: Vec<String>,
    pub workers: u32,
    pub parameter_servers: u32,
    /// Resources of an accelerated (worker) pod.
    pub resources: ContainerResources,
    pub shm_size: String,
    pub gpu_product: Option<String>,
    pub priority_class: Option<String>,
    pub queue: Option<String>,
    pub volcano: bool,
    pub spot: bool,
    pub node_selector: BTreeMap<String, String>,
    pub tolerations: Vec<Toleration>,
    pub backoff_limit: i32,
    pub deadline_seconds: i64,
    pub ttl_seconds: i32,
    pub restart_policy: RestartPolicy,
    pub data: Vec<DataMount>,
    pub checkpoint: Option<CheckpointPlan>,
    pub env: Vec<(String, String)>,
    pub env_from_secrets: Vec<String>,
    pub hyperparameters: BTreeMap<String, String>,
    pub hyperparameter_mode: HyperparameterMode,
    /// JSON of the sizing inputs, for the `sizing.mlk.dev/inputs` annotation.
    pub sizing_annotation: Option<String>,
    /// One line explaining the sizing, for stderr.
    pub sizing_summary: Option<String>,
    /// Risks the user accepted by leaving something out, as (lint rule, reason): each
    /// becomes an `ignore.mlk.dev/<rule>` annotation with the reason, so the decision is
    /// visible in the manifest and reviewable, and a warning on stderr.
    pub acknowledged: Vec<(&'static str, String)>,
    /// The resolved spec, emitted as is by the `trainingjob` target.
    pub spec: TrainingJobSpec,
}

impl TrainPlan {
    /// GPUs (or MIG devices) per worker pod.
    pub fn gpus_per_worker(&self) -> u32 {
        self.resources.accelerators.as_ref().map_or(0, |a| a.count)
    }

    /// The pod roles of the layout.
    pub fn roles(&self) -> Vec<Role> {
        if self.strategy == Strategy::ParameterServer {
            vec![
                Role {
                    name: "chief",
                    replicas: 1,
                    accelerated: false,
                },
                Role {
                    name: "worker",
                    replicas: self.workers,
                    accelerated: true,
                },
                Role {
                    name: "ps",
                    replicas: self.parameter_servers,
                    accelerated: false,
                },
            ]
        } else {
            vec![Role {
                name: "worker",
                replicas: self.workers,
                accelerated: true,
            }]
        }
    }

    /// Every pod of the layout.
    pub fn total_pods(&self) -> u32 {
        self.roles().iter().map(|r| r.replicas).sum()
    }

    /// Whether the pods must find each other.
    pub fn distributed(&self) -> bool {
        self.total_pods() > 1 && self.strategy != Strategy::None
    }
}

/// Defaults that come from mlk.yaml.
#[derive(Clone, Debug, Default)]
pub struct TrainDefaults {
    pub namespace: Option<String>,
    pub registry: Option<String>,
    pub gpu_type: Option<String>,
    pub priority_class: Option<String>,
    pub coefficients: sizing::Coefficients,
}

/// Pinned default images: a release tag, never `latest`.
pub fn default_image(framework: Framework) -> Option<&'static str> {
    match framework {
        Framework::Pytorch => Some("pytorch/pytorch:2.7.1-cuda12.8-cudnn9-runtime"),
        Framework::Tensorflow => Some("tensorflow/tensorflow:2.17.0-gpu"),
        Framework::Jax => Some("nvcr.io/nvidia/jax:25.04-py3"),
        Framework::Xgboost => Some("rapidsai/base:25.02-cuda12.8-py3.12"),
        Framework::Custom => None,
    }
}

const DEFAULT_BACKOFF_LIMIT: u32 = 3;
/// Deadline of a job with a checkpoint volume: long runs resume from checkpoints.
const DEFAULT_DEADLINE_SECONDS: u64 = 72 * 3600;
/// Deadline of a job without one: a failure after this long loses no more than 4 hours.
const DEFAULT_DEADLINE_UNCHECKPOINTED_SECONDS: u64 = 4 * 3600;
const DEFAULT_TTL: &str = "24h";
const DEFAULT_CHECKPOINT_DIR: &str = "/checkpoints";
const MAX_WORKERS: u32 = 1000;
const MAX_GPUS_PER_POD: u32 = 64;

/// Validates and defaults the spec.
pub fn resolve(
    name: Option<&str>,
    namespace: Option<&str>,
    target: TrainTarget,
    spec: &TrainingJobSpec,
    defaults: &TrainDefaults,
) -> Result<TrainPlan, SpecError> {
    let framework = spec.framework;
    let name = match name {
        Some(n) => n.to_string(),
        None => format!("{}-train", framework.as_str()),
    };
    validate::dns1035_label(&name).map_err(|m| {
        SpecError::new(
            "metadata.name",
            &name,
            m,
            "use lowercase letters, digits and `-`, starting with a letter, at most 63 characters",
        )
    })?;
    // Pod host names are `<name>-<role>-<index>`: keep room for the suffixes.
    if name.len() > 40 {
        return Err(SpecError::new(
            "metadata.name",
            &name,
            "name is longer than 40 characters",
            "generated pod and job names append role and index suffixes and must stay within 63 characters; use a shorter name",
        ));
    }
    let namespace = namespace
        .map(str::to_string)
        .or_else(|| defaults.namespace.clone());
    if let Some(ns) = &namespace {
        validate::dns1123_label(ns).map_err(|m| {
            SpecError::new(
                "metadata.namespace",
                ns,
                m,
                "a namespace is a lowercase RFC 1123 label",
            )
        })?;
    }

    check_target_framework(target, framework)?;

    let image = match (&spec.image, default_image(framework)) {
        (Some(img), _) => img.clone(),
        (None, Some(img)) => match &defaults.registry {
            Some(reg) => format!("{}/{}", reg.trim_end_matches('/'), img),
            None => img.to_string(),
        },
        (None, None) => {
            return Err(SpecError::new(
                "image",
                "",
                "framework `custom` has no default image",
                "pass `--image REGISTRY/IMAGE:TAG` and `--command`",
            ));
        }
    };
    validate::image_reference(&image).map_err(|m| {
        SpecError::new(
            "image",
            &image,
            m,
            "use `registry/repository:tag` or `repository@sha256:<digest>`",
        )
    })?;
    if !validate::image_is_pinned(&image) {
        return Err(SpecError::new(
            "image",
            &image,
            "image is not pinned to a version",
            "add a version tag other than `latest` (`repo:1.4.2`) or a digest (`repo@sha256:...`), so every pod runs the same code",
        ));
    }
    let command = if spec.command.is_empty() {
        None
    } else {
        Some(spec.command.clone())
    };
    if framework == Framework::Custom && command.is_none() {
        return Err(SpecError::new(
            "command",
            "",
            "framework `custom` has no default command",
            "pass `--command \"your-program --flag\"`",
        ));
    }

    let strategy = resolve_strategy(spec, framework)?;
    let parameter_servers = match (strategy, spec.parameter_servers) {
        (Strategy::ParameterServer, Some(n)) => n,
        (Strategy::ParameterServer, None) => 1,
        (_, Some(n)) => {
            return Err(SpecError::new(
                "parameterServers",
                n,
                "parameter servers need `--strategy parameter-server`",
                "drop `--parameter-servers`, or add `--strategy parameter-server --framework tensorflow`",
            ));
        }
        (_, None) => 0,
    };
    if strategy == Strategy::ParameterServer && target == TrainTarget::JobSet {
        return Err(SpecError::new(
            "strategy",
            strategy.as_str(),
            "the parameter-server layout is not generated for the `jobset` target",
            "use `--target tfjob`, `--target job` or `--target statefulset`",
        ));
    }

    // GPU type and accelerator resource.
    let gpu = spec.gpu.clone().unwrap_or_default();
    let gpu_type_name = gpu.gpu_type.clone().or_else(|| defaults.gpu_type.clone());
    let gpu_type = match &gpu_type_name {
        Some(t) => Some(sizing::gpu_type(t).ok_or_else(|| {
            SpecError::new(
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

    // Sizing from the model, when given.
    let sizing_result = sizing_for(spec, gpu_type, strategy, &defaults.coefficients)?;

    let workers = spec
        .workers
        .or(sizing_result.as_ref().map(|s| s.workers))
        .unwrap_or(1);
    if workers == 0 || workers > MAX_WORKERS {
        return Err(SpecError::new(
            "workers",
            workers,
            format!("workers must be between 1 and {MAX_WORKERS}"),
            "pass `--workers N` with N in range",
        ));
    }
    if framework == Framework::Xgboost && workers > 1 && strategy != Strategy::None {
        return Err(SpecError::new(
            "strategy",
            strategy.as_str(),
            "distributed XGBoost is not wired by mlk",
            "use `--strategy none` to run independent workers, or one worker",
        ));
    }
    let gpus = spec
        .gpus_per_worker
        .or(sizing_result.as_ref().map(|s| s.gpus_per_worker))
        .unwrap_or(1);
    if gpus > MAX_GPUS_PER_POD {
        return Err(SpecError::new(
            "gpusPerWorker",
            gpus,
            format!("at most {MAX_GPUS_PER_POD} GPUs per pod"),
            "spread the GPUs over more `--workers`",
        ));
    }
    let resource = match (&gpu.mig, &gpu.resource) {
        (Some(_), Some(r)) => {
            return Err(SpecError::new(
                "gpu.resource",
                r,
                "`--mig` and `--gpu-resource` cannot be combined",
                "MIG devices are NVIDIA resources; drop one of the two flags",
            ));
        }
        (Some(profile), None) => {
            check_mig(profile, gpu_type)?;
            sizing::mig_resource_name(profile)
        }
        (None, Some(r)) => {
            validate::qualified_name(r).map_err(|m| {
                SpecError::new(
                    "gpu.resource",
                    r,
                    m,
                    "an extended resource looks like `vendor.com/gpu`",
                )
            })?;
            if !r.contains('/') || r.contains("kubernetes.io/") {
                return Err(SpecError::new(
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
    if gpus == 0 && gpu.mig.is_some() {
        return Err(SpecError::new(
            "gpusPerWorker",
            0,
            "`--mig` needs at least one device per pod",
            "pass `--gpus 1` (one MIG device per pod)",
        ));
    }
    let nvidia = resource.starts_with("nvidia.com/");

    // CPU, memory, shm.
    let res = spec.resources.clone().unwrap_or_default();
    let cpu = match &res.cpu {
        Some(c) => check_quantity("resources.cpu", c)?,
        None => match &sizing_result {
            Some(s) => quantity::format_cpu_millis(s.cpu_millis),
            None => quantity::format_cpu_millis(default_cpu_millis(gpus, &defaults.coefficients)),
        },
    };
    let memory_str = match &res.memory {
        Some(m) => check_quantity("resources.memory", m)?,
        None => match &sizing_result {
            Some(s) => quantity::format_bytes(s.memory_bytes),
            None => quantity::format_bytes(default_memory_bytes(gpus, &defaults.coefficients)),
        },
    };
    let memory = Quantity::parse(&memory_str).map_err(|e| {
        SpecError::new(
            "resources.memory",
            &memory_str,
            e.to_string(),
            "use a quantity like `64Gi`",
        )
    })?;
    let shm_size = match &res.shm_size {
        Some(s) => {
            let q = check_quantity("resources.shmSize", s)?;
            let parsed = Quantity::parse(&q).map_err(|e| {
                SpecError::new(
                    "resources.shmSize",
                    &q,
                    e.to_string(),
                    "use a quantity like `16Gi`",
                )
            })?;
            if parsed > memory {
                return Err(SpecError::new(
                    "resources.shmSize",
                    s,
                    format!("shared memory is larger than the pod's memory limit `{memory_str}`"),
                    "a memory-backed /dev/shm counts against the memory limit; lower `--shm-size` or raise `--memory`",
                ));
            }
            q
        }
        None => quantity::format_bytes(default_shm_bytes(memory.value().max(0) as u64)),
    };

    // Scheduling.
    let sched = spec.scheduling.clone().unwrap_or_default();
    let priority_class = sched
        .priority_class
        .clone()
        .or_else(|| defaults.priority_class.clone());
    if let Some(pc) = &priority_class {
        validate::dns1123_subdomain(pc).map_err(|m| {
            SpecError::new(
                "scheduling.priorityClass",
                pc,
                m,
                "a PriorityClass name is a lowercase DNS subdomain",
            )
        })?;
    }
    if let Some(q) = &sched.queue {
        validate::dns1123_subdomain(q).map_err(|m| {
            SpecError::new(
                "scheduling.queue",
                q,
                m,
                "a LocalQueue name is a lowercase DNS subdomain",
            )
        })?;
        validate::label_value(q).map_err(|m| {
            SpecError::new(
                "scheduling.queue",
                q,
                m,
                "the queue name becomes a label value: at most 63 characters",
            )
        })?;
    }
    let volcano = sched.scheduler == Some(SchedulerKind::Volcano);
    if volcano && sched.queue.is_some() {
        return Err(SpecError::new(
            "scheduling.queue",
            sched.queue.clone().unwrap_or_default(),
            "`--queue` (Kueue) and `--scheduler volcano` both gang-schedule; use one",
            "drop `--queue` or `--scheduler volcano`",
        ));
    }
    let spot = sched.spot.unwrap_or(false);
    let mut node_selector = BTreeMap::new();
    if let (Some(t), true) = (gpu_type, gpus > 0 && nvidia) {
        node_selector.insert(
            "nvidia.com/gpu.product".to_string(),
            t.product_label.to_string(),
        );
    }
    for (k, v) in &sched.node_selector {
        validate::qualified_name(k).map_err(|m| {
            SpecError::new(
                "scheduling.nodeSelector",
                k,
                m,
                "a node selector key is a label key like `example.com/pool`",
            )
        })?;
        validate::label_value(v).map_err(|m| {
            SpecError::new(
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
    if spot {
        tolerations.extend(spot_tolerations());
    }
    for t in &sched.tolerations {
        validate::qualified_name(&t.key).map_err(|m| {
            SpecError::new(
                "scheduling.tolerations",
                &t.key,
                m,
                "a taint key is a label key",
            )
        })?;
        if let Some(v) = &t.value {
            validate::label_value(v).map_err(|m| {
                SpecError::new(
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
            return Err(SpecError::new(
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

    // Lifecycle.
    let life = spec.lifecycle.clone().unwrap_or_default();
    let backoff_limit = life.backoff_limit.unwrap_or(DEFAULT_BACKOFF_LIMIT);
    let explicit_deadline = match &life.deadline {
        Some(d) => Some(positive_duration("lifecycle.deadline", d)?),
        None => None,
    };
    let ttl = life
        .ttl_after_finished
        .clone()
        .unwrap_or_else(|| DEFAULT_TTL.to_string());
    let ttl_seconds = positive_duration("lifecycle.ttlAfterFinished", &ttl)?;
    let ttl_seconds = i32::try_from(ttl_seconds).map_err(|_| {
        SpecError::new(
            "lifecycle.ttlAfterFinished",
            &ttl,
            "longer than the API allows (2^31-1 seconds)",
            "use a shorter duration",
        )
    })?;
    let restart_policy = life.restart_policy.unwrap_or(RestartPolicy::Never);

    // Data and checkpoints.
    let mut data = Vec::new();
    for d in &spec.data {
        validate::dns1123_subdomain(&d.claim).map_err(|m| {
            SpecError::new(
                "data",
                &d.claim,
                m,
                "a PersistentVolumeClaim name is a lowercase DNS subdomain",
            )
        })?;
        let path = d
            .mount_path
            .clone()
            .unwrap_or_else(|| format!("/data/{}", d.claim));
        check_mount_path("data", &path)?;
        data.push(DataMount {
            claim: d.claim.clone(),
            path,
        });
    }
    let checkpoint = resolve_checkpoint(spec, &name, sizing_result.as_ref())?;
    let deadline_seconds = explicit_deadline.unwrap_or(if checkpoint.is_some() {
        DEFAULT_DEADLINE_SECONDS
    } else {
        DEFAULT_DEADLINE_UNCHECKPOINTED_SECONDS
    });
    if spot && checkpoint.is_none() {
        return Err(SpecError::new(
            "scheduling.spot",
            "true",
            "spot training without a checkpoint volume loses all progress when a node is reclaimed",
            "add `--checkpoint-size 100Gi` (and save checkpoints to `--checkpoint-dir`)",
        ));
    }

    // Environment.
    let mut env = Vec::new();
    for e in &spec.env {
        validate::env_var_name(&e.name).map_err(|m| SpecError::new("env", &e.name, m, "environment variable names are letters, digits, `_`, `-` and `.`, not starting with a digit"))?;
        if target.operator_wired() && is_operator_injected(&e.name) {
            return Err(SpecError::new(
                "env",
                &e.name,
                format!("`{}` is set by the {} operator", e.name, target.as_str()),
                "drop it: the operator injects the distributed environment into every pod",
            ));
        }
        env.push((e.name.clone(), e.value.clone()));
    }
    for s in &spec.env_from_secrets {
        validate::dns1123_subdomain(s).map_err(|m| {
            SpecError::new(
                "envFromSecrets",
                s,
                m,
                "a Secret name is a lowercase DNS subdomain",
            )
        })?;
    }
    for k in spec.hyperparameters.keys() {
        let env_name = hyperparameter_env_name(k);
        validate::env_var_name(&env_name).map_err(|m| {
            SpecError::new(
                "hyperparameters",
                k,
                m,
                "hyperparameter names are letters, digits, `_`, `-` and `.`",
            )
        })?;
    }

    let total_pods = if strategy == Strategy::ParameterServer {
        workers + 1 + parameter_servers
    } else {
        workers
    };
    let mut acknowledged = Vec::new();
    let gang = sched.queue.is_some() || volcano || target.operator_wired();
    if total_pods > 1 && !gang && target != TrainTarget::TrainingJob {
        let reason = if strategy == Strategy::None {
            "independent workers (--strategy none) need no gang scheduling".to_string()
        } else {
            format!(
                "generated without a gang scheduler: the {total_pods} pods may start one by one; pass --queue (Kueue) or --scheduler volcano"
            )
        };
        acknowledged.push((
            crate::rules::ml::TrainingWithoutGangScheduling::META.name,
            reason,
        ));
    }
    let long = deadline_seconds
        > crate::rules::ml::long_training_without_checkpoint::LONG_TRAINING_SECONDS as u64
        || target == TrainTarget::StatefulSet;
    if long && checkpoint.is_none() && target != TrainTarget::TrainingJob {
        acknowledged.push((
            crate::rules::ml::LongTrainingWithoutCheckpoint::META.name,
            "generated without a checkpoint volume: a failure restarts training from the beginning; pass --checkpoint-size".to_string(),
        ));
    }

    let mut resolved = spec.clone();
    resolved.image = Some(image.clone());
    resolved.workers = Some(workers);
    resolved.gpus_per_worker = Some(gpus);
    resolved.strategy = Some(strategy);
    let mut resolved_resources = res.clone();
    resolved_resources.cpu = Some(cpu.clone());
    resolved_resources.memory = Some(memory_str.clone());
    resolved_resources.shm_size = Some(shm_size.clone());
    resolved.resources = Some(resolved_resources);
    if let Some(t) = &gpu_type_name {
        let mut g = resolved.gpu.clone().unwrap_or_default();
        g.gpu_type = Some(t.clone());
        resolved.gpu = Some(g);
    }

    Ok(TrainPlan {
        name,
        namespace,
        target,
        framework,
        strategy,
        image,
        command,
        args: spec.args.clone(),
        workers,
        parameter_servers,
        resources: ContainerResources {
            cpu,
            memory: memory_str,
            accelerators: (gpus > 0).then_some(Accelerators {
                resource,
                count: gpus,
            }),
        },
        shm_size,
        gpu_product: gpu_type.map(|t| t.product_label.to_string()),
        priority_class,
        queue: sched.queue.clone(),
        volcano,
        spot,
        node_selector,
        tolerations,
        backoff_limit: backoff_limit as i32,
        deadline_seconds: deadline_seconds as i64,
        ttl_seconds,
        restart_policy,
        data,
        checkpoint,
        env,
        env_from_secrets: spec.env_from_secrets.clone(),
        hyperparameters: spec.hyperparameters.clone(),
        hyperparameter_mode: spec.hyperparameter_mode.unwrap_or(HyperparameterMode::Env),
        sizing_annotation: sizing_result.as_ref().map(|s| s.annotation.clone()),
        sizing_summary: sizing_result.as_ref().map(|s| s.summary.clone()),
        acknowledged,
        spec: resolved,
    })
}

fn check_target_framework(target: TrainTarget, framework: Framework) -> Result<(), SpecError> {
    let wanted = match target {
        TrainTarget::PyTorchJob => Framework::Pytorch,
        TrainTarget::TfJob => Framework::Tensorflow,
        _ => return Ok(()),
    };
    if framework == wanted {
        return Ok(());
    }
    Err(SpecError::new(
        "framework",
        framework.as_str(),
        format!(
            "target `{}` runs only {} workloads",
            target.as_str(),
            wanted.as_str()
        ),
        format!(
            "use `--framework {}`, or a target that runs {} (`job`, `statefulset`, `jobset`)",
            wanted.as_str(),
            framework.as_str()
        ),
    ))
}

fn resolve_strategy(spec: &TrainingJobSpec, framework: Framework) -> Result<Strategy, SpecError> {
    let default = match framework {
        Framework::Pytorch | Framework::Jax => Strategy::Ddp,
        Framework::Tensorflow => Strategy::MultiWorkerMirrored,
        Framework::Xgboost | Framework::Custom => Strategy::None,
    };
    let strategy = spec.strategy.unwrap_or(default);
    let ok = match strategy {
        Strategy::None => true,
        Strategy::Ddp => matches!(
            framework,
            Framework::Pytorch | Framework::Jax | Framework::Custom
        ),
        Strategy::Fsdp => matches!(framework, Framework::Pytorch | Framework::Custom),
        Strategy::ParameterServer | Strategy::MultiWorkerMirrored => {
            framework == Framework::Tensorflow
        }
    };
    if ok {
        return Ok(strategy);
    }
    let allowed = match framework {
        Framework::Pytorch => "ddp, fsdp or none",
        Framework::Jax => "ddp or none",
        Framework::Tensorflow => "multi-worker-mirrored, parameter-server or none",
        Framework::Xgboost => "none",
        Framework::Custom => "ddp, fsdp or none",
    };
    Err(SpecError::new(
        "strategy",
        strategy.as_str(),
        format!(
            "strategy `{}` does not apply to {}",
            strategy.as_str(),
            framework.as_str()
        ),
        format!("{} supports {allowed}", framework.as_str()),
    ))
}

/// A MIG profile must exist on the GPU type it is cut from.
pub(crate) fn check_mig(
    profile: &str,
    gpu_type: Option<&'static sizing::GpuSpec>,
) -> Result<(), SpecError> {
    match gpu_type {
        Some(t) => {
            if t.mig_profile(profile).is_some() {
                return Ok(());
            }
            let known: Vec<&str> = t.mig_profiles.iter().map(|p| p.name).collect();
            let help = if known.is_empty() {
                format!(
                    "`{}` does not support MIG; use a MIG-capable type (a100-40gb, a100-80gb, h100-80gb, h200, ...)",
                    t.name
                )
            } else {
                format!("profiles of {}: {}", t.name, known.join(", "))
            };
            Err(SpecError::new(
                "gpu.mig",
                profile,
                format!("MIG profile `{profile}` does not exist on {}", t.name),
                help,
            ))
        }
        None => {
            let on: Vec<&str> = sizing::gpu_types_with_mig_profile(profile)
                .map(|g| g.name)
                .collect();
            if on.is_empty() {
                Err(SpecError::new(
                    "gpu.mig",
                    profile,
                    format!("unknown MIG profile `{profile}`"),
                    "profiles look like `1g.10gb` or `3g.40gb`; pass `--gpu-type` to see the profiles of a GPU",
                ))
            } else {
                Err(SpecError::new(
                    "gpu.mig",
                    profile,
                    "a MIG profile needs the GPU type it is cut from",
                    format!("add `--gpu-type` ({} have this profile)", on.join(", ")),
                ))
            }
        }
    }
}

/// A positive Kubernetes quantity.
pub(crate) fn check_quantity(field: &str, value: &str) -> Result<String, SpecError> {
    let q = Quantity::parse(value).map_err(|e| {
        SpecError::new(
            field,
            value,
            e.to_string(),
            "use a Kubernetes quantity like `8`, `500m`, `64Gi`",
        )
    })?;
    if q.is_zero() || q.is_negative() {
        return Err(SpecError::new(
            field,
            value,
            "must be greater than zero",
            "use a positive quantity",
        ));
    }
    Ok(value.to_string())
}

fn positive_duration(field: &str, value: &str) -> Result<u64, SpecError> {
    let secs = validate::parse_duration(value)
        .map_err(|m| SpecError::new(field, value, m, "use a duration like `90m`, `12h` or `2d`"))?;
    if secs == 0 {
        return Err(SpecError::new(
            field,
            value,
            "must be longer than zero",
            "use a duration like `90m`, `12h` or `2d`",
        ));
    }
    Ok(secs)
}

fn check_mount_path(field: &str, path: &str) -> Result<(), SpecError> {
    let reserved = ["/tmp", "/dev/shm", "/opt/mlk"];
    if !path.starts_with('/') || path.contains("..") || path.contains(':') {
        return Err(SpecError::new(
            field,
            path,
            "mount path must be absolute, without `..` or `:`",
            "use a path like `/data/imagenet`",
        ));
    }
    if reserved
        .iter()
        .any(|r| path == *r || path.starts_with(&format!("{r}/")))
    {
        return Err(SpecError::new(
            field,
            path,
            "mount path collides with mlk's scratch volumes",
            "/tmp, /dev/shm and /opt/mlk are mlk's; choose another path",
        ));
    }
    Ok(())
}

fn resolve_checkpoint(
    spec: &TrainingJobSpec,
    name: &str,
    sizing: Option<&SizingOutcome>,
) -> Result<Option<CheckpointPlan>, SpecError> {
    let ck = spec.checkpoint.clone().unwrap_or_default();
    let size = match &ck.size {
        Some(s) => Some(check_quantity("checkpoint.size", s)?),
        None => sizing
            .and_then(|s| s.storage_bytes)
            .map(quantity::format_bytes),
    };
    if size.is_none() && ck.claim.is_none() && ck.dir.is_none() {
        return Ok(None);
    }
    if size.is_none() && ck.claim.is_none() {
        return Err(SpecError::new(
            "checkpoint.dir",
            ck.dir.clone().unwrap_or_default(),
            "a checkpoint directory needs a volume",
            "add `--checkpoint-size 100Gi` to create a claim",
        ));
    }
    let dir = ck
        .dir
        .clone()
        .unwrap_or_else(|| DEFAULT_CHECKPOINT_DIR.to_string());
    check_mount_path("checkpoint.dir", &dir)?;
    if let Some(sc) = &ck.storage_class {
        validate::dns1123_subdomain(sc).map_err(|m| {
            SpecError::new(
                "checkpoint.storageClass",
                sc,
                m,
                "a StorageClass name is a lowercase DNS subdomain",
            )
        })?;
    }
    if let Some(c) = &ck.claim {
        validate::dns1123_subdomain(c).map_err(|m| {
            SpecError::new(
                "checkpoint.claim",
                c,
                m,
                "a PersistentVolumeClaim name is a lowercase DNS subdomain",
            )
        })?;
    }
    Ok(Some(CheckpointPlan {
        dir,
        size,
        storage_class: ck.storage_class.clone(),
        claim_name: ck
            .claim
            .clone()
            .unwrap_or_else(|| format!("{name}-checkpoints")),
        existing_claim: ck.claim.clone(),
    }))
}

/// Variables the Kubeflow operators inject (reference/k8s-ml-facts.md 1.3, 1.4).
pub fn is_operator_injected(name: &str) -> bool {
    matches!(
        name,
        "MASTER_ADDR" | "MASTER_PORT" | "RANK" | "WORLD_SIZE" | "TF_CONFIG"
    ) || name.starts_with("PET_")
}

/// `lr` becomes `HP_LR`.
pub fn hyperparameter_env_name(key: &str) -> String {
    format!("HP_{}", key.to_ascii_uppercase().replace(['-', '.'], "_"))
}

/// Tolerations of the spot node pools of GKE and AKS; EKS and Karpenter pools carry no
/// taint by default and are chosen with `--node-selector`.
fn spot_tolerations() -> Vec<Toleration> {
    vec![
        Toleration {
            key: Some("cloud.google.com/gke-spot".to_string()),
            operator: Some("Equal".to_string()),
            value: Some("true".to_string()),
            effect: Some(TaintEffect::NoSchedule.as_str().to_string()),
            toleration_seconds: None,
        },
        Toleration {
            key: Some("kubernetes.azure.com/scalesetpriority".to_string()),
            operator: Some("Equal".to_string()),
            value: Some("spot".to_string()),
            effect: Some(TaintEffect::NoSchedule.as_str().to_string()),
            toleration_seconds: None,
        },
    ]
}

/// CPU of a pod when no model is described: `baseCpu + cpuPerGpu x GPUs`.
fn default_cpu_millis(gpus: u32, c: &sizing::Coefficients) -> u64 {
    let base = c.base_cpu.milli_value().max(0) as u64;
    let per = c.cpu_per_gpu.milli_value().max(0) as u64;
    base.saturating_add(per.saturating_mul(u64::from(gpus)))
}

/// Memory of a pod when no model is described: `baseMemory + memoryPerGpu x GPUs`.
fn default_memory_bytes(gpus: u32, c: &sizing::Coefficients) -> u64 {
    let base = c.base_memory.value().max(0) as u64;
    let per = c.memory_per_gpu.value().max(0) as u64;
    base.saturating_add(per.saturating_mul(u64::from(gpus)))
}

/// Runs the sizing formulas when the spec describes the model.
fn sizing_for(
    spec: &TrainingJobSpec,
    gpu_type: Option<&'static sizing::GpuSpec>,
    strategy: Strategy,
    coefficients: &sizing::Coefficients,
) -> Result<Option<SizingOutcome>, SpecError> {
    let Some(model) = &spec.model else {
        return Ok(None);
    };
    let Some(params_text) = &model.params else {
        return Err(SpecError::new(
            "model.params",
            "",
            "sizing needs the parameter count",
            "add `--model-params 7B` (or drop the other model flags)",
        ));
    };
    let params = sizing::parse_param_count(params_text).map_err(|m| {
        SpecError::new(
            "model.params",
            params_text,
            m,
            "write the count like `7B`, `350M` or `1.5e9`",
        )
    })?;
    let Some(gpu) = gpu_type else {
        return Err(SpecError::new(
            "gpu.type",
            "",
            "sizing needs the GPU type, for its memory",
            format!(
                "add `--gpu-type` ({})",
                sizing::gpu_type_names().collect::<Vec<_>>().join(", ")
            ),
        ));
    };
    let name_of = |v: &dyn erased::AsName| v.name();
    let precision: sizing::Precision = model
        .precision
        .map_or("bf16", |p| name_of(&p))
        .parse()
        .map_err(|m: String| SpecError::new("model.precision", "", m, "use fp32, fp16 or bf16"))?;
    let optimizer: sizing::Optimizer = model
        .optimizer
        .map_or("adam", |o| name_of(&o))
        .parse()
        .map_err(|m: String| SpecError::new("model.optimizer", "", m, "use adam, adamw or sgd"))?;
    let sharding_name = match (model.sharding, strategy) {
        (Some(s), _) => name_of(&s),
        (None, Strategy::Fsdp) => "fsdp",
        (None, _) => "ddp",
    };
    let sharding: sizing::Sharding = sharding_name.parse().map_err(|m: String| {
        SpecError::new(
            "model.sharding",
            sharding_name,
            m,
            "use ddp, zero1, zero2, zero3 or fsdp",
        )
    })?;
    let bytes = |field: &str, v: &Option<String>| -> Result<Option<u64>, SpecError> {
        match v {
            None => Ok(None),
            Some(text) => {
                let q = Quantity::parse(text).map_err(|e| {
                    SpecError::new(field, text, e.to_string(), "use a quantity like `200Gi`")
                })?;
                if q.is_negative() {
                    return Err(SpecError::new(
                        field,
                        text,
                        "must not be negative",
                        "use a quantity like `200Gi`",
                    ));
                }
                u64::try_from(q.value())
                    .map(Some)
                    .map_err(|_| SpecError::new(field, text, "too large", "use a smaller quantity"))
            }
        }
    };
    let input = sizing::TrainingSizingInput {
        model_params: params,
        precision,
        optimizer,
        sharding,
        gpu,
        gpus_per_worker: spec.gpus_per_worker,
        workers: spec.workers,
        data_size_bytes: bytes("dataSize", &spec.data_size)?,
        activation_memory_bytes: bytes("model.activationMemory", &model.activation_memory)?,
        checkpoint_size_bytes: None,
        checkpoints_kept: None,
    };
    let plan = sizing::plan_training(&input, coefficients).map_err(|e| SpecError {
        field: "model.params".to_string(),
        value: params_text.clone(),
        message: e.to_string(),
        help: e.help(),
        sizing: true,
    })?;
    let annotation = serde_json::to_string(&input)
        .map_err(|e| SpecError::new("model", "", e.to_string(), "report this as a bug"))?;
    let summary = format!(
        "{} parameters ({}, {}, {}): {:.1} GB of model states, {:.1} GB needed per GPU of {:.1} GB usable -> {} worker(s) x {} {}",
        sizing::format_params(params),
        precision,
        optimizer,
        sharding,
        plan.model_state_bytes as f64 / 1e9,
        plan.needed_bytes_per_gpu as f64 / 1e9,
        plan.usable_bytes_per_gpu as f64 / 1e9,
        plan.workers,
        plan.gpus_per_worker,
        gpu.name,
    );
    Ok(Some(SizingOutcome {
        gpus_per_worker: plan.gpus_per_worker,
        workers: plan.workers,
        cpu_millis: plan.cpu_millis_per_worker,
        memory_bytes: plan.memory_bytes_per_worker,
        storage_bytes: Some(plan.checkpoint_storage_bytes),
        annotation,
        summary,
    }))
}

/// The spelling of the API enums, which match the sizing enums' names.
mod erased {
    use crate::api::training::{OptimizerName, PrecisionName, ShardingName};

    pub trait AsName {
        fn name(&self) -> &'static str;
    }

    impl AsName for PrecisionName {
        fn name(&self) -> &'static str {
            match self {
                PrecisionName::Fp32 => "fp32",
                PrecisionName::Fp16 => "fp16",
                PrecisionName::Bf16 => "bf16",
            }
        }
    }

    impl AsName for OptimizerName {
        fn name(&self) -> &'static str {
            match self {
                OptimizerName::Adam => "adam",
                OptimizerName::Adamw => "adamw",
                OptimizerName::Sgd => "sgd",
            }
        }
    }

    impl AsName for ShardingName {
        fn name(&self) -> &'static str {
            match self {
                ShardingName::Ddp => "ddp",
                ShardingName::Zero1 => "zero1",
                ShardingName::Zero2 => "zero2",
                ShardingName::Zero3 => "zero3",
                ShardingName::Fsdp => "fsdp",
            }
        }
    }
}

/// A quarter of the pod's memory, at least 1 GiB and at most 64 GiB: data-loader workers
/// pass batches through /dev/shm, and the 64 MiB container default makes them crash.
fn default_shm_bytes(memory_bytes: u64) -> u64 {
    const GIB: u64 = 1 << 30;
    (memory_bytes / 4).clamp(GIB, 64 * GIB).min(memory_bytes)
}

/// What sizing contributes to the plan.
#[derive(Clone, Debug, PartialEq)]
pub struct SizingOutcome {
    pub gpus_per_worker: u32,
    pub workers: u32,
    pub cpu_millis: u64,
    pub memory_bytes: u64,
    pub storage_bytes: Option<u64>,
    pub annotation: String,
    pub summary: String,
}
