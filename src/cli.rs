//! Command-line syntax (clap derive) and nothing else: these types stop at the command
//! boundary, where `commands/` turns them into validated settings.
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::output::OutputFormat;
use crate::term::ColorChoice;

/// Generate secure, runnable ML workloads for Kubernetes, and lint any Kubernetes YAML.
#[derive(Debug, Parser)]
#[command(
    name = "mlk",
    version,
    about,
    max_term_width = 100,
    propagate_version = true
)]
pub struct Cli {
    /// When to use colour: auto (terminal and no NO_COLOR), always or never.
    #[arg(long, global = true, value_enum, default_value_t, env = "MLK_COLOR")]
    pub color: ColorChoice,

    /// Project configuration file; by default the nearest mlk.yaml from the working
    /// directory upwards.
    #[arg(long, global = true, value_name = "FILE", env = "MLK_CONFIG")]
    pub config: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Generate a training workload (Job, StatefulSet, PyTorchJob, TFJob, JobSet or
    /// TrainingJob) on stdout.
    #[command(long_about = TRAIN_ABOUT)]
    Train(Box<TrainArgs>),
    /// Generate a team's namespace setup (Namespace, ResourceQuota, LimitRange; optionally
    /// PriorityClasses and Kueue queues), or every team's from an organisation file.
    #[command(long_about = QUOTA_ABOUT)]
    Quota(Box<QuotaArgs>),
    /// Generate a model server (Deployment + Service + HPA + PDB, KServe InferenceService
    /// or InferenceService) on stdout.
    #[command(long_about = SERVE_ABOUT)]
    Serve(Box<ServeArgs>),
    /// Scaffold a team repository: mlk.yaml, CRDs, namespace, quota, an example training
    /// job and model server, a kustomization and a CI workflow.
    #[command(long_about = INIT_ABOUT)]
    Init(InitArgs),
    /// Check Kubernetes YAML for Pod Security, GPU, quota, sizing, ML and correctness
    /// problems, at file, line and column.
    Lint(LintArgs),
    /// Print the documentation of a lint rule, or list every rule.
    Rule(RuleArgs),
    /// Print the CustomResourceDefinitions of mlk.dev (TrainingJob, InferenceService).
    Crd(CrdArgs),
    /// Print shell completions.
    Completions(CompletionsArgs),
}

const TRAIN_ABOUT: &str = "\
Generate a training workload on stdout, ready for `kubectl apply -f -`.

`--gpus` is per worker pod and `--workers` is the number of pods: total GPUs = workers x gpus.
Every pod runs under Pod Security \"restricted\", with GPU limits equal to requests, a
memory-backed /dev/shm, and no service-account token.

Sizing: with `--model-params`, mlk fills in GPUs, workers, CPU, memory and checkpoint
storage that you did not set. Model states take 16 bytes per parameter for mixed-precision
Adam (ZeRO, Rajbhandari et al. 2020: 2 weights + 2 gradients + 12 optimizer); DDP keeps all
of it on every GPU, ZeRO-1 4P + 12P/N, ZeRO-2 2P + 14P/N, FSDP/ZeRO-3 16P/N; plus an
activation allowance, against 90% of each GPU's memory. CPU and memory follow the linear
platform formula whose coefficients mlk.yaml can change (see the README).";

/// Shared flags of the generators.
#[derive(Debug, Args)]
pub struct OutputArgs {
    /// Output format: multi-document YAML, or a JSON `List`.
    #[arg(short = 'o', long, value_enum, default_value_t, env = "MLK_OUTPUT")]
    pub output: OutputFormat,
}

/// What `mlk train` emits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum TrainTarget {
    /// batch/v1 Indexed Job (+ headless Service for several workers); any cluster.
    Job,
    /// Headless Service + StatefulSet(s).
    Statefulset,
    /// The mlk.dev TrainingJob resource itself.
    Trainingjob,
    /// Kubeflow Training Operator PyTorchJob (kubeflow.org/v1).
    Pytorchjob,
    /// Kubeflow Training Operator TFJob (kubeflow.org/v1).
    Tfjob,
    /// JobSet (jobset.x-k8s.io/v1alpha2).
    Jobset,
}

/// Flags of `mlk train`.
#[derive(Debug, Args)]
pub struct TrainArgs {
    /// A TrainingJob (mlk.dev/v1alpha1) to start from; `-` reads stdin. Flags override it.
    #[arg(short = 'f', long, value_name = "FILE")]
    pub file: Option<PathBuf>,

    /// Name of the workload (lowercase, starting with a letter, at most 40 characters);
    /// default `<framework>-train`.
    #[arg(long)]
    pub name: Option<String>,

    /// Namespace of every generated object.
    #[arg(short = 'n', long, env = "MLK_NAMESPACE")]
    pub namespace: Option<String>,

    /// What to emit.
    #[arg(long, value_enum)]
    pub target: Option<TrainTarget>,

    /// Training framework.
    #[arg(long, value_enum)]
    pub framework: Option<FrameworkArg>,

    /// Container image (default: the framework's pinned image).
    #[arg(long)]
    pub image: Option<String>,

    /// Command of the training container, split like a shell would
    /// (`--command "python train.py"`); default: the framework's smoke test.
    #[arg(long, allow_hyphen_values = true)]
    pub command: Option<String>,

    /// GPUs per worker pod (MIG devices per pod with --mig). Total = workers x gpus.
    #[arg(long, value_name = "N")]
    pub gpus: Option<u32>,

    /// Number of worker pods (default 1, or what sizing computes).
    #[arg(long, value_name = "N")]
    pub workers: Option<u32>,

    /// Distribution strategy (default: ddp for PyTorch/JAX, multi-worker-mirrored for
    /// TensorFlow, none for single workers).
    #[arg(long, value_enum)]
    pub strategy: Option<StrategyArg>,

    /// Parameter-server pods with `--strategy parameter-server`.
    #[arg(long, value_name = "N")]
    pub parameter_servers: Option<u32>,

    /// GPU type: selects nodes by `nvidia.com/gpu.product` and sets the GPU memory for
    /// sizing (a100-40gb, a100-80gb, h100-80gb, h200, l4, ...).
    #[arg(long, value_name = "TYPE")]
    pub gpu_type: Option<String>,

    /// MIG profile (`1g.10gb`, ...): requests `nvidia.com/mig-<profile>` instead of GPUs.
    #[arg(long, value_name = "PROFILE")]
    pub mig: Option<String>,

    /// Extended resource for GPUs of other vendors (`amd.com/gpu`).
    #[arg(long, value_name = "RESOURCE")]
    pub gpu_resource: Option<String>,

    /// CPU per worker pod (`8`, `500m`).
    #[arg(long)]
    pub cpu: Option<String>,

    /// Memory per worker pod (`64Gi`).
    #[arg(long)]
    pub memory: Option<String>,

    /// Size of the memory-backed /dev/shm for data loaders (`16Gi`).
    #[arg(long, value_name = "SIZE")]
    pub shm_size: Option<String>,

    /// PriorityClass of the pods.
    #[arg(long, value_name = "NAME")]
    pub priority_class: Option<String>,

    /// Kueue LocalQueue: adds `kueue.x-k8s.io/queue-name` (all-or-nothing admission).
    #[arg(long, value_name = "NAME")]
    pub queue: Option<String>,

    /// Scheduler; `volcano` adds a PodGroup with minMember = number of pods.
    #[arg(long, value_enum)]
    pub scheduler: Option<SchedulerArg>,

    /// Run on spot nodes: tolerates the GKE and AKS spot taints (pick the pool with
    /// `--node-selector`); requires a checkpoint volume.
    #[arg(long)]
    pub spot: bool,

    /// Extra node selector `KEY=VALUE` (repeatable).
    #[arg(long, value_name = "KEY=VALUE")]
    pub node_selector: Vec<String>,

    /// Extra toleration `KEY[=VALUE]:EFFECT` (repeatable).
    #[arg(long, value_name = "KEY[=VALUE]:EFFECT")]
    pub toleration: Vec<String>,

    /// Pod failures tolerated before the job fails (default 3).
    #[arg(long, value_name = "N")]
    pub backoff_limit: Option<u32>,

    /// Wall-clock limit of the job (`12h`, `90m`, `2d`; default 72h with a checkpoint
    /// volume, 4h without).
    #[arg(long, value_name = "DURATION")]
    pub deadline: Option<String>,

    /// Delete the finished job after this long (default 24h).
    #[arg(long, value_name = "DURATION")]
    pub ttl: Option<String>,

    /// Pod restart policy (default Never, so podFailurePolicy can tell preemption from bugs).
    #[arg(long, value_enum)]
    pub restart_policy: Option<RestartPolicyArg>,

    /// Read-only data volume `PVC[:/mount/path]` (repeatable; default path /data/<pvc>).
    #[arg(long, value_name = "PVC[:PATH]")]
    pub data: Vec<String>,

    /// Mount path of the checkpoint volume (default /checkpoints).
    #[arg(long, value_name = "PATH")]
    pub checkpoint_dir: Option<String>,

    /// Size of the checkpoint volume (`100Gi`); creates a PersistentVolumeClaim.
    #[arg(long, value_name = "SIZE")]
    pub checkpoint_size: Option<String>,

    /// StorageClass of the checkpoint claim.
    #[arg(long, value_name = "NAME")]
    pub storage_class: Option<String>,

    /// Environment variable `KEY=VALUE` of the training container (repeatable).
    #[arg(long, value_name = "KEY=VALUE")]
    pub env: Vec<String>,

    /// Secret whose keys become environment variables (repeatable).
    #[arg(long, value_name = "SECRET")]
    pub env_from_secret: Vec<String>,

    /// Hyperparameter `NAME=VALUE` (repeatable): `HP_<NAME>` variables, or `--name=value`
    /// arguments with `--hyperparameters-as args`.
    #[arg(long, value_name = "NAME=VALUE")]
    pub hyperparameter: Vec<String>,

    /// How hyperparameters reach the program.
    #[arg(long, value_enum, value_name = "MODE")]
    pub hyperparameters_as: Option<HyperparameterModeArg>,

    /// Model size for sizing (`7B`, `350M`).
    #[arg(long, value_name = "COUNT")]
    pub model_params: Option<String>,

    /// Training precision for sizing.
    #[arg(long, value_enum)]
    pub precision: Option<PrecisionArg>,

    /// Optimizer for sizing.
    #[arg(long, value_enum)]
    pub optimizer: Option<OptimizerArg>,

    /// Model-state sharding for sizing (`fsdp` = ZeRO-3).
    #[arg(long, value_enum)]
    pub sharding: Option<ShardingArg>,

    /// Activation memory per GPU (`8Gi`) instead of the configured fraction.
    #[arg(long, value_name = "SIZE")]
    pub activation_memory: Option<String>,

    /// Size of the training data (`200Gi`), for CPU, memory and storage sizing.
    #[arg(long, value_name = "SIZE")]
    pub data_size: Option<String>,

    #[command(flatten)]
    pub output: OutputArgs,

    /// Arguments appended to the training command (after `--`).
    #[arg(last = true, value_name = "ARGS")]
    pub args: Vec<String>,
}

macro_rules! value_enum_mirror {
    ($(#[$meta:meta])* $name:ident => $target:path { $($variant:ident => $tv:ident),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
        pub enum $name { $($variant),+ }
        impl From<$name> for $target {
            fn from(v: $name) -> Self {
                match v { $($name::$variant => <$target>::$tv),+ }
            }
        }
    };
}

value_enum_mirror!(
    /// Frameworks.
    FrameworkArg => crate::api::training::Framework {
        Pytorch => Pytorch, Tensorflow => Tensorflow, Xgboost => Xgboost, Jax => Jax, Custom => Custom,
    }
);
value_enum_mirror!(
    /// Strategies.
    StrategyArg => crate::api::training::Strategy {
        Ddp => Ddp, Fsdp => Fsdp, ParameterServer => ParameterServer,
        MultiWorkerMirrored => MultiWorkerMirrored, None => None,
    }
);
value_enum_mirror!(
    /// Schedulers.
    SchedulerArg => crate::api::common::SchedulerKind { Default => Default, Volcano => Volcano }
);
/// Restart policies, spelt as in the Kubernetes API.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum RestartPolicyArg {
    #[value(name = "Never", alias = "never")]
    Never,
    #[value(name = "OnFailure", alias = "on-failure")]
    OnFailure,
}

impl From<RestartPolicyArg> for crate::api::training::RestartPolicy {
    fn from(v: RestartPolicyArg) -> Self {
        match v {
            RestartPolicyArg::Never => crate::api::training::RestartPolicy::Never,
            RestartPolicyArg::OnFailure => crate::api::training::RestartPolicy::OnFailure,
        }
    }
}
value_enum_mirror!(
    /// Hyperparameter modes.
    HyperparameterModeArg => crate::api::training::HyperparameterMode { Env => Env, Args => Args }
);
value_enum_mirror!(
    /// Precisions.
    PrecisionArg => crate::api::training::PrecisionName { Fp32 => Fp32, Fp16 => Fp16, Bf16 => Bf16 }
);
value_enum_mirror!(
    /// Optimizers.
    OptimizerArg => crate::api::training::OptimizerName { Adam => Adam, Adamw => Adamw, Sgd => Sgd }
);
value_enum_mirror!(
    /// Sharding.
    ShardingArg => crate::api::training::ShardingName {
        Ddp => Ddp, Zero1 => Zero1, Zero2 => Zero2, Zero3 => Zero3, Fsdp => Fsdp,
    }
);

/// Flags of `mlk crd`.
#[derive(Debug, Args)]
pub struct CrdArgs {
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Flags of `mlk completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// Report formats of `mlk lint`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LintFormat {
    /// Source snippets with the rule, message and help (default on a terminal).
    Human,
    /// `path:line:col: level[rule] message`, one per line (default otherwise).
    Concise,
    /// A JSON document following schemas/lint-report.v1.schema.json.
    Json,
    /// SARIF 2.1.0, for code-scanning upload.
    Sarif,
    /// GitHub Actions workflow commands (annotations).
    Github,
    /// JUnit XML, one test case per file.
    Junit,
}

/// The lowest level that fails the run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

/// Pod Security levels.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum PodSecurityLevelArg {
    Restricted,
    Baseline,
    Privileged,
}

/// Flags of `mlk lint`.
#[derive(Debug, Args)]
pub struct LintArgs {
    /// Files or directories (recursively: *.yaml, *.yml, *.json); `-` reads stdin.
    /// Default: the working directory.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Report format (default: human on a terminal, concise otherwise).
    #[arg(long, value_enum, env = "MLK_FORMAT")]
    pub format: Option<LintFormat>,

    /// Exit 1 when a finding at or above this level is reported.
    #[arg(long, value_enum, default_value = "error", env = "MLK_FAIL_ON")]
    pub fail_on: FailOn,

    /// Only these rules or categories (repeatable, or comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "RULE|CATEGORY")]
    pub select: Vec<String>,

    /// Skip these rules or categories (repeatable, or comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "RULE|CATEGORY")]
    pub ignore: Vec<String>,

    /// Pod Security level to check against (a Namespace's enforce label in the input wins).
    #[arg(long, value_enum, env = "MLK_POD_SECURITY")]
    pub pod_security: Option<PodSecurityLevelArg>,

    /// Pod Security version: `latest` or `v1.N`.
    #[arg(long, value_name = "VERSION", env = "MLK_POD_SECURITY_VERSION")]
    pub pod_security_version: Option<String>,

    /// Kubernetes version the manifests target (`1.30`), for removed APIs.
    #[arg(long, value_name = "VERSION", env = "MLK_KUBERNETES_VERSION")]
    pub kubernetes_version: Option<String>,

    /// Most GPUs one node has (default 8).
    #[arg(long, value_name = "N")]
    pub max_gpus_per_node: Option<u32>,

    /// Follow symbolic links inside directories (loops are never followed).
    #[arg(long)]
    pub follow_symlinks: bool,

    /// Print no summary line.
    #[arg(long, short = 'q')]
    pub quiet: bool,
}

/// Formats of `mlk rule`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum RuleFormat {
    Text,
    Json,
}

/// Flags of `mlk rule`.
#[derive(Debug, Args)]
pub struct RuleArgs {
    /// The rule to document.
    #[arg(required_unless_present = "all", conflicts_with = "all")]
    pub name: Option<String>,

    /// List every rule.
    #[arg(long)]
    pub all: bool,

    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: RuleFormat,
}

const QUOTA_ABOUT: &str = "\
Generate a team's namespace setup on stdout, ready for `kubectl apply -f -`.

The Namespace enforces Pod Security \"restricted\" at a pinned version. The ResourceQuota caps
requests and limits of CPU and memory (limits equal requests), `requests.<gpu resource>` (the
only GPU key quota enforces), storage, and counts of pods, claims, training jobs and model
servers. The LimitRange gives containers that set no CPU or memory a default, bounds pods, and
never gives GPUs a default or a maximum.

`-f org.yaml` reads an Organization (mlk.dev/v1alpha1): totals at the root, departments and
teams under it with `share: 40%` or absolute `gpus`, `cpu`, `memory`, `storage`. mlk checks
that children never exceed their parent, that shares add up to at most 100% and that GPUs
are whole (percent shares round down; the remainder is reported on stderr), then prints the
organisation's and each department's budget namespace and every team's setup, with each
team Namespace labelled `quota.mlk.dev/parent: <department>`.";

/// Flags of `mlk quota`.
#[derive(Debug, Args)]
pub struct QuotaArgs {
    /// An Organization (mlk.dev/v1alpha1) with departments and teams; `-` reads stdin.
    #[arg(
        short = 'f',
        long,
        value_name = "FILE",
        conflicts_with_all = ["team", "gpus", "cpu", "memory", "storage", "cohort", "queue_name", "max_pod_cpu", "max_pod_memory"]
    )]
    pub file: Option<PathBuf>,

    /// The team: the name of its namespace (default: `defaults.namespace` of mlk.yaml).
    #[arg(long, value_name = "NAME")]
    pub team: Option<String>,

    /// GPUs of the team (whole devices).
    #[arg(long, value_name = "N")]
    pub gpus: Option<String>,

    /// CPU of the team (`100`, `500m`).
    #[arg(long)]
    pub cpu: Option<String>,

    /// Memory of the team (`500Gi`).
    #[arg(long)]
    pub memory: Option<String>,

    /// Storage all the team's claims may request together (default 1Ti).
    #[arg(long, value_name = "SIZE")]
    pub storage: Option<String>,

    /// GPU type: the Kueue ResourceFlavor selects its nodes by `nvidia.com/gpu.product`
    /// (default: `defaults.gpuType` of mlk.yaml).
    #[arg(long, value_name = "TYPE")]
    pub gpu_type: Option<String>,

    /// Extended resource of the GPUs (default `nvidia.com/gpu`; `amd.com/gpu`,
    /// `nvidia.com/mig-1g.10gb`).
    #[arg(long, value_name = "RESOURCE")]
    pub gpu_resource: Option<String>,

    /// Most pods in the namespace (default 100).
    #[arg(long, value_name = "N")]
    pub max_pods: Option<u32>,

    /// Most PersistentVolumeClaims in the namespace (default 20).
    #[arg(long, value_name = "N")]
    pub max_claims: Option<u32>,

    /// Most objects of each training-job kind: Job, PyTorchJob, TFJob, JobSet, TrainingJob
    /// (default 50).
    #[arg(long, value_name = "N")]
    pub max_jobs: Option<u32>,

    /// Most objects of each model-server kind: KServe and mlk.dev InferenceService
    /// (default 10).
    #[arg(long, value_name = "N")]
    pub max_inference_services: Option<u32>,

    /// CPU request and limit of containers that set none (default 500m).
    #[arg(long, value_name = "CPU")]
    pub default_cpu: Option<String>,

    /// Memory request and limit of containers that set none (default 1Gi).
    #[arg(long, value_name = "SIZE")]
    pub default_memory: Option<String>,

    /// Most CPU one container or pod may have (default: the team's CPU).
    #[arg(long, value_name = "CPU")]
    pub max_pod_cpu: Option<String>,

    /// Most memory one container or pod may have (default: the team's memory).
    #[arg(long, value_name = "SIZE")]
    pub max_pod_memory: Option<String>,

    /// Also one ResourceQuota per ML PriorityClass, capping its share of the team's CPU,
    /// memory and GPUs (inference 50%, training 75%, experimentation 25%).
    #[arg(long)]
    pub per_priority: bool,

    /// Also the cluster's ML PriorityClasses: ml-inference-critical (2000),
    /// ml-training-high-priority (1000), ml-experimentation (100, never preempts).
    #[arg(long)]
    pub priority_classes: bool,

    /// Also Kueue objects: ResourceFlavors, a ClusterQueue with the team's budget and a
    /// LocalQueue in the namespace, for `mlk train --queue`.
    #[arg(long)]
    pub kueue: bool,

    /// Kueue cohort in which the team lends idle quota and borrows up to its own quota
    /// (with `-f`, each department is its teams' cohort).
    #[arg(long, value_name = "NAME", requires = "kueue")]
    pub cohort: Option<String>,

    /// Name of the LocalQueue (default: the team's name).
    #[arg(long, value_name = "NAME", requires = "kueue")]
    pub queue_name: Option<String>,

    /// Pod Security version the Namespace pins (`v1.35`; default: `defaults.kubernetesVersion`
    /// of mlk.yaml, else the newest mlk knows).
    #[arg(long, value_name = "VERSION")]
    pub pod_security_version: Option<String>,

    #[command(flatten)]
    pub output: OutputArgs,
}

const SERVE_ABOUT: &str = "\
Generate a production-ready model server on stdout, ready for `kubectl apply -f -`.

The runtime decides the pinned image, the ports and the health endpoints of the readiness,
liveness and startup probes. The model comes from `--model-uri`: `pvc://CLAIM/PATH` is mounted
read-only; `s3://`, `gs://` and `hf://` are downloaded by an init container into a volume the
server reads (credentials from `--env-from-secret`). Replicas scale between `--min-replicas`
and `--max-replicas` on CPU utilization and `--metric` Pods metrics, quickly up and slowly
down; pods spread over nodes and zones, with a PodDisruptionBudget and the priority class
`ml-inference-critical`.";

/// What `mlk serve` emits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ServeTarget {
    /// Deployment + Service + HorizontalPodAutoscaler + PodDisruptionBudget; any cluster.
    Deployment,
    /// The mlk.dev InferenceService resource itself.
    Inferenceservice,
    /// KServe InferenceService (serving.kserve.io/v1beta1).
    Kserve,
}

value_enum_mirror!(
    /// Serving runtimes.
    RuntimeArg => crate::api::inference::Runtime {
        Triton => Triton, Torchserve => Torchserve, TensorflowServing => TensorflowServing,
        Vllm => Vllm, Custom => Custom,
    }
);
value_enum_mirror!(
    /// Meshes that split canary traffic.
    MeshArg => crate::api::inference::Mesh { Istio => Istio }
);

/// Flags of `mlk serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// An InferenceService (mlk.dev/v1alpha1) to start from; `-` reads stdin. Flags override it.
    #[arg(short = 'f', long, value_name = "FILE")]
    pub file: Option<PathBuf>,

    /// Name of the server (lowercase, starting with a letter, at most 40 characters);
    /// default `<runtime>-server`.
    #[arg(long)]
    pub name: Option<String>,

    /// Namespace of every generated object.
    #[arg(short = 'n', long, env = "MLK_NAMESPACE")]
    pub namespace: Option<String>,

    /// What to emit.
    #[arg(long, value_enum)]
    pub target: Option<ServeTarget>,

    /// Serving runtime (default triton).
    #[arg(long, value_enum)]
    pub runtime: Option<RuntimeArg>,

    /// Where the model lives: `pvc://CLAIM/PATH`, `s3://BUCKET/PATH`, `gs://BUCKET/PATH` or
    /// `hf://ORG/MODEL`.
    #[arg(long, value_name = "URI")]
    pub model_uri: Option<String>,

    /// Container image (default: the runtime's pinned image; required with `custom`).
    #[arg(long)]
    pub image: Option<String>,

    /// Command of a `custom` server, split like a shell would.
    #[arg(long, allow_hyphen_values = true)]
    pub command: Option<String>,

    /// HTTP port of a `custom` server (default 8080).
    #[arg(long, value_name = "PORT")]
    pub port: Option<u16>,

    /// Health endpoint of a `custom` server for its probes (default `/healthz`).
    #[arg(long, value_name = "PATH")]
    pub health_path: Option<String>,

    /// GPUs per replica (default 1; `0` for CPU only).
    #[arg(long, value_name = "N")]
    pub gpus: Option<u32>,

    /// GPU type: selects nodes by `nvidia.com/gpu.product`.
    #[arg(long, value_name = "TYPE")]
    pub gpu_type: Option<String>,

    /// MIG profile (`1g.10gb`, ...): requests `nvidia.com/mig-<profile>` instead of GPUs.
    #[arg(long, value_name = "PROFILE")]
    pub mig: Option<String>,

    /// Extended resource for GPUs of other vendors (`amd.com/gpu`).
    #[arg(long, value_name = "RESOURCE")]
    pub gpu_resource: Option<String>,

    /// CPU per replica (`8`, `500m`).
    #[arg(long)]
    pub cpu: Option<String>,

    /// Memory per replica (`32Gi`).
    #[arg(long)]
    pub memory: Option<String>,

    /// Size of the memory-backed /dev/shm (`8Gi`).
    #[arg(long, value_name = "SIZE")]
    pub shm_size: Option<String>,

    /// Model size (`7B`): sizes memory as the weights plus the KV-cache allowance.
    #[arg(long, value_name = "COUNT")]
    pub model_params: Option<String>,

    /// Precision of the served weights for sizing (default bf16).
    #[arg(long, value_enum)]
    pub precision: Option<PrecisionArg>,

    /// Fewest replicas (default 2).
    #[arg(long, value_name = "N")]
    pub min_replicas: Option<u32>,

    /// Most replicas (default 10).
    #[arg(long, value_name = "N")]
    pub max_replicas: Option<u32>,

    /// Target CPU utilization in percent of the request (default 70).
    #[arg(long, value_name = "PERCENT")]
    pub target_utilization: Option<u32>,

    /// Custom Pods metric `NAME=TARGET` with its average target per pod (repeatable).
    #[arg(long, value_name = "NAME=TARGET")]
    pub metric: Vec<String>,

    /// Scale-up stabilization window in seconds (default 60).
    #[arg(long, value_name = "SECONDS")]
    pub scale_up_stabilization: Option<u32>,

    /// Most replicas added per period, in percent of the current ones (default 100).
    #[arg(long, value_name = "PERCENT")]
    pub scale_up_percent: Option<u32>,

    /// Scale-down stabilization window in seconds (default 300).
    #[arg(long, value_name = "SECONDS")]
    pub scale_down_stabilization: Option<u32>,

    /// Most replicas removed per period, in percent of the current ones (default 10).
    #[arg(long, value_name = "PERCENT")]
    pub scale_down_percent: Option<u32>,

    /// Period of the scaling policies in seconds (default 60).
    #[arg(long, value_name = "SECONDS")]
    pub scale_period: Option<u32>,

    /// Image of a canary release.
    #[arg(long, value_name = "IMAGE")]
    pub canary_image: Option<String>,

    /// Share of the traffic for the canary (0-100).
    #[arg(long, value_name = "PERCENT")]
    pub canary_percent: Option<u32>,

    /// Service mesh that splits canary traffic on the deployment target.
    #[arg(long, value_enum)]
    pub mesh: Option<MeshArg>,

    /// PriorityClass of the pods (default `ml-inference-critical`).
    #[arg(long, value_name = "NAME")]
    pub priority_class: Option<String>,

    /// Extra node selector `KEY=VALUE` (repeatable).
    #[arg(long, value_name = "KEY=VALUE")]
    pub node_selector: Vec<String>,

    /// Extra toleration `KEY[=VALUE]:EFFECT` (repeatable).
    #[arg(long, value_name = "KEY[=VALUE]:EFFECT")]
    pub toleration: Vec<String>,

    /// Environment variable `KEY=VALUE` of the server container (repeatable).
    #[arg(long, value_name = "KEY=VALUE")]
    pub env: Vec<String>,

    /// Secret whose keys become environment variables of the server and of the model
    /// download (storage credentials; repeatable).
    #[arg(long, value_name = "SECRET")]
    pub env_from_secret: Vec<String>,

    #[command(flatten)]
    pub output: OutputArgs,

    /// Arguments appended to the server command (after `--`).
    #[arg(last = true, value_name = "ARGS")]
    pub args: Vec<String>,
}

const INIT_ABOUT: &str = "\
Scaffold a team repository in DIR (default `.`, created if missing): `mlk.yaml`, `crds/` (the
mlk.dev CRDs), `manifests/` (the team's namespace, quota, limits and priority classes, an
example training job and model server, each the output of `mlk quota`, `mlk train` or
`mlk serve`), `kustomization.yaml`, a README and a GitHub workflow that runs `mlk lint` and
uploads SARIF.

Nothing is written if any file exists (unless `--force`) or if anything fails: files are
written to temporary names first and renamed at the end. Every path written is printed on
stderr; `--dry-run` prints them and writes nothing.";

/// Flags of `mlk init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// The directory to scaffold (created if missing).
    #[arg(value_name = "DIR", default_value = ".")]
    pub dir: PathBuf,

    /// The team: the name of its namespace (default: the directory's name).
    #[arg(long, value_name = "NAME")]
    pub team: Option<String>,

    /// Overwrite files that exist.
    #[arg(long)]
    pub force: bool,

    /// Print the paths that would be written, and write nothing.
    #[arg(long)]
    pub dry_run: bool,
}
