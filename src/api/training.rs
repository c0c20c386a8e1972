//! The `TrainingJob` resource (short name `mltj`): a high-level description of a training
//! run that `mlk train -f` compiles into Jobs, StatefulSets, PyTorchJobs, TFJobs or JobSets.
use std::collections::BTreeMap;

use kube::CustomResource;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::common::{EnvVar, GpuSpec, PodResources, ResourceStatus, Scheduling};

/// A distributed training run.
#[derive(CustomResource, Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[kube(
    group = "mlk.dev",
    version = "v1alpha1",
    kind = "TrainingJob",
    plural = "trainingjobs",
    shortname = "mltj",
    category = "mlk",
    namespaced,
    status = "ResourceStatus",
    printcolumn = r#"{"name":"Framework","type":"string","jsonPath":".spec.framework"}"#,
    printcolumn = r#"{"name":"Workers","type":"integer","jsonPath":".spec.workers"}"#,
    printcolumn = r#"{"name":"GPUs/Worker","type":"integer","jsonPath":".spec.gpusPerWorker"}"#,
    printcolumn = r#"{"name":"Phase","type":"string","jsonPath":".status.phase"}"#,
    printcolumn = r#"{"name":"Age","type":"date","jsonPath":".metadata.creationTimestamp"}"#
)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TrainingJobSpec {
    /// Training framework; decides the default image, command and distributed wiring.
    pub framework: Framework,
    /// Container image; defaults to the framework's pinned image.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1, max = 4096))]
    pub image: Option<String>,
    /// Command (entrypoint) of the training container.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub command: Vec<String>,
    /// Arguments of the training container.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub args: Vec<String>,
    /// Number of worker pods. Total GPUs = workers x gpusPerWorker.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1, max = 1000))]
    pub workers: Option<u32>,
    /// GPUs per worker pod (or MIG devices per pod with `gpu.mig`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0, max = 64))]
    pub gpus_per_worker: Option<u32>,
    /// Parameter-server pods (strategy `parameter-server` only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1, max = 100))]
    pub parameter_servers: Option<u32>,
    /// Distribution strategy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strategy: Option<Strategy>,
    /// GPU type, MIG profile or vendor resource.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gpu: Option<GpuSpec>,
    /// CPU, memory and /dev/shm per pod.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resources: Option<PodResources>,
    /// Model description used by the sizing formulas.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<ModelSpec>,
    /// Size of the training data set (`200Gi`), used by sizing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_size: Option<String>,
    /// Read-only data volumes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub data: Vec<DataVolume>,
    /// Checkpoint volume.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checkpoint: Option<CheckpointSpec>,
    /// Placement and admission.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scheduling: Option<Scheduling>,
    /// Retries, deadline and cleanup.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lifecycle: Option<Lifecycle>,
    /// Environment variables of the training container.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub env: Vec<EnvVar>,
    /// Secrets whose keys become environment variables.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub env_from_secrets: Vec<String>,
    /// Hyperparameters, passed as `HP_<NAME>` variables or `--name=value` arguments.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub hyperparameters: BTreeMap<String, String>,
    /// How hyperparameters reach the program.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hyperparameter_mode: Option<HyperparameterMode>,
}

/// Supported frameworks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Framework {
    #[default]
    Pytorch,
    Tensorflow,
    Xgboost,
    Jax,
    Custom,
}

impl Framework {
    /// The spelling used on the command line and in files.
    pub fn as_str(self) -> &'static str {
        match self {
            Framework::Pytorch => "pytorch",
            Framework::Tensorflow => "tensorflow",
            Framework::Xgboost => "xgboost",
            Framework::Jax => "jax",
            Framework::Custom => "custom",
        }
    }
}

/// Distribution strategies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Strategy {
    /// Data parallel: every GPU holds the whole model state.
    Ddp,
    /// Fully sharded data parallel (ZeRO-3 equivalent).
    Fsdp,
    /// TensorFlow parameter servers.
    ParameterServer,
    /// TensorFlow MultiWorkerMirroredStrategy.
    MultiWorkerMirrored,
    /// No distributed wiring: every worker runs the command as is.
    None,
}

impl Strategy {
    /// The spelling used on the command line and in files.
    pub fn as_str(self) -> &'static str {
        match self {
            Strategy::Ddp => "ddp",
            Strategy::Fsdp => "fsdp",
            Strategy::ParameterServer => "parameter-server",
            Strategy::MultiWorkerMirrored => "multi-worker-mirrored",
            Strategy::None => "none",
        }
    }
}

/// How hyperparameters are handed to the training program.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum HyperparameterMode {
    /// `HP_<NAME>` environment variables (the default).
    Env,
    /// `--name=value` arguments appended to the command.
    Args,
}

/// The model, for sizing.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ModelSpec {
    /// Parameter count (`7B`, `350M`, `1.5e9`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub params: Option<String>,
    /// Training precision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub precision: Option<PrecisionName>,
    /// Optimizer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub optimizer: Option<OptimizerName>,
    /// How model states are sharded across GPUs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sharding: Option<ShardingName>,
    /// Explicit activation memory per GPU (`8Gi`) instead of the configured fraction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub activation_memory: Option<String>,
}

/// Numeric precision of training.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum PrecisionName {
    Fp32,
    Fp16,
    Bf16,
}

/// Optimizers the sizing formulas know.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum OptimizerName {
    Adam,
    Adamw,
    Sgd,
}

/// Model-state sharding.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ShardingName {
    Ddp,
    Zero1,
    Zero2,
    Zero3,
    Fsdp,
}

/// A read-only data volume from a PersistentVolumeClaim.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DataVolume {
    /// PersistentVolumeClaim name.
    #[schemars(length(min = 1, max = 253))]
    pub claim: String,
    /// Mount path; defaults to `/data/<claim>`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mount_path: Option<String>,
}

/// The checkpoint volume.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CheckpointSpec {
    /// Mount path of the checkpoint volume (default `/checkpoints`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dir: Option<String>,
    /// Size of one checkpoint, or of the volume when `keep` is absent (`100Gi`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<String>,
    /// StorageClass of the claim; the cluster default when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub storage_class: Option<String>,
    /// Existing claim to use instead of creating one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claim: Option<String>,
}

/// Retries, deadline and cleanup.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Lifecycle {
    /// Pod failures before the job fails (retries of preempted pods do not count).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0, max = 100))]
    pub backoff_limit: Option<u32>,
    /// Wall-clock limit (`12h`, `90m`, `2d`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<String>,
    /// Delete the finished job after this long (`24h`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ttl_after_finished: Option<String>,
    /// Pod restart policy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub restart_policy: Option<RestartPolicy>,
}

/// Restart policies valid for training pods.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum RestartPolicy {
    Never,
    OnFailure,
}
