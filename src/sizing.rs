//! Resource sizing for ML workloads (SPEC section 6): the GPU table with memory sizes, node
//! labels and MIG profiles; GPU memory for training from the model states (ZeRO paper);
//! the linear platform formula for CPU, memory and storage; and weight memory for serving.
//!
//! Units: GPU memory sizes are the vendors' nominal decimal gigabytes (1 GB = 10^9 bytes),
//! and every "GB" in this module, in its messages and in the formulas is decimal too, as in
//! the ZeRO paper (7.5B parameters x 16 bytes = 120 GB). The nominal figure is slightly
//! below what most cards report in GiB, so the comparison errs on the safe side.
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::quantity::{MAX_FORMATTED_BYTES, Quantity};

/// The annotation in which generated workloads record their [`TrainingSizingInput`] as
/// JSON, so that `lint` can re-check the requests against the formulas.
pub const INPUTS_ANNOTATION: &str = "sizing.mlk.dev/inputs";

const GB: f64 = 1e9;

/// Above this many parameters (a quadrillion) an input is a typo, not a model.
pub const MAX_MODEL_PARAMS: f64 = 1e15;

/// The most GPUs a plan may use in total; anything larger is reported, not computed.
pub const MAX_TOTAL_GPUS: u32 = 100_000;

// ---------------------------------------------------------------------------------------
// GPU table
// ---------------------------------------------------------------------------------------

/// A Multi-Instance GPU profile of one GPU type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MigProfile {
    /// The profile as NVIDIA names it: `<compute slices>g.<memory>gb`, `+me` for the
    /// variant that owns the media engines.
    pub name: &'static str,
    pub memory_gb: u32,
    /// Instances per GPU when the whole GPU is cut into this profile only. Different
    /// profiles share the same 7 compute slices, so these counts are alternatives.
    pub max_instances: u8,
}

impl MigProfile {
    /// The extended resource the device plugin advertises under the `mixed` MIG strategy.
    pub fn resource_name(&self) -> String {
        mig_resource_name(self.name)
    }
}

/// `nvidia.com/mig-<profile>`, with `+` written as `.` as the device plugin does
/// (`1g.5gb+me` is advertised as `nvidia.com/mig-1g.5gb.me`).
pub fn mig_resource_name(profile: &str) -> String {
    format!("nvidia.com/mig-{}", profile.replace('+', "."))
}

/// One supported GPU type.
#[derive(Debug, PartialEq, Eq)]
pub struct GpuSpec {
    /// The name used on the command line (`--gpu-type h100-80gb`).
    pub name: &'static str,
    /// Nominal memory per GPU in decimal GB, as used by the sizing formulas.
    pub memory_gb: u32,
    /// The `nvidia.com/gpu.product` value GPU Feature Discovery sets for the most common
    /// variant of this GPU; the generators use it as the node selector.
    pub product_label: &'static str,
    /// The label values of other variants with the same memory (PCIe cards next to SXM
    /// modules), so the linter can recognise them.
    pub other_product_labels: &'static [&'static str],
    /// MIG profiles from NVIDIA mig-parted; empty for GPUs without MIG.
    pub mig_profiles: &'static [MigProfile],
}

impl GpuSpec {
    pub fn memory_bytes(&self) -> u64 {
        u64::from(self.memory_gb) * 1_000_000_000
    }

    pub fn supports_mig(&self) -> bool {
        !self.mig_profiles.is_empty()
    }

    /// The MIG profile of this GPU named `name` (`1g.10gb`, `1g.5gb+me`).
    pub fn mig_profile(&self, name: &str) -> Option<&'static MigProfile> {
        self.mig_profiles.iter().find(|p| p.name == name)
    }

    /// The MIG profile behind an extended resource name (`nvidia.com/mig-1g.5gb.me`).
    pub fn mig_profile_for_resource(&self, resource: &str) -> Option<&'static MigProfile> {
        let advertised = resource.strip_prefix("nvidia.com/mig-")?;
        self.mig_profiles.iter().find(|p| {
            p.name.len() == advertised.len()
                && p.name
                    .bytes()
                    .zip(advertised.bytes())
                    .all(|(a, b)| if a == b'+' { b == b'.' } else { a == b })
        })
    }

    /// True when a node with this `nvidia.com/gpu.product` label carries this GPU type.
    pub fn has_product_label(&self, label: &str) -> bool {
        self.product_label == label || self.other_product_labels.contains(&label)
    }
}

const fn mig(name: &'static str, memory_gb: u32, max_instances: u8) -> MigProfile {
    MigProfile {
        name,
        memory_gb,
        max_instances,
    }
}

const MIG_A30: &[MigProfile] = &[
    mig("1g.6gb", 6, 4),
    mig("2g.12gb", 12, 2),
    mig("4g.24gb", 24, 1),
];

const MIG_A100_40GB: &[MigProfile] = &[
    mig("1g.5gb", 5, 7),
    mig("1g.5gb+me", 5, 1),
    mig("1g.10gb", 10, 4),
    mig("2g.10gb", 10, 3),
    mig("3g.20gb", 20, 2),
    mig("4g.20gb", 20, 1),
    mig("7g.40gb", 40, 1),
];

/// Shared by A100-80GB and H100-80GB, which mig-parted configures identically.
const MIG_80GB: &[MigProfile] = &[
    mig("1g.10gb", 10, 7),
    mig("1g.10gb+me", 10, 1),
    mig("1g.20gb", 20, 4),
    mig("2g.20gb", 20, 3),
    mig("3g.40gb", 40, 2),
    mig("4g.40gb", 40, 1),
    mig("7g.80gb", 80, 1),
];

const MIG_H100_NVL: &[MigProfile] = &[
    mig("1g.12gb", 12, 7),
    mig("1g.24gb", 24, 4),
    mig("2g.24gb", 24, 3),
    mig("3g.47gb", 47, 2),
    mig("4g.47gb", 47, 1),
    mig("7g.94gb", 94, 1),
];

const MIG_H200: &[MigProfile] = &[
    mig("1g.18gb", 18, 7),
    mig("1g.35gb", 35, 4),
    mig("2g.35gb", 35, 3),
    mig("3g.71gb", 71, 2),
    mig("4g.71gb", 71, 1),
    mig("7g.141gb", 141, 1),
];

/// mig-parted lists these four profiles for B200 but, in the configurations read, gives
/// whole-GPU counts only for `1g.23gb` (7) and `7g.180gb` (1). The counts for `2g.45gb`
/// (3) and `3g.90gb` (2) follow from the same 7 compute slices and 8 memory slices as on
/// every other 7-slice GPU in this table.
const MIG_B200: &[MigProfile] = &[
    mig("1g.23gb", 23, 7),
    mig("2g.45gb", 45, 3),
    mig("3g.90gb", 90, 2),
    mig("7g.180gb", 180, 1),
];

/// The supported GPU types, smallest memory first (the "bigger GPU" suggestion relies on
/// this order).
///
/// The product labels are GFD's sanitised NVML product names (spaces become `-`). Where
/// form factors differ, the SXM module (or the cloud variant) is the primary label:
/// `NVIDIA-A100-SXM4-80GB` next to the PCIe card's `NVIDIA-A100-80GB-PCIe`, and
/// `NVIDIA-H100-80GB-HBM3` next to `NVIDIA-H100-PCIe`. Clouds that do not run GFD use
/// their own labels (GKE: `cloud.google.com/gke-accelerator`).
pub static GPU_TYPES: [GpuSpec; 14] = [
    GpuSpec {
        name: "t4",
        memory_gb: 16,
        product_label: "Tesla-T4",
        other_product_labels: &[],
        mig_profiles: &[],
    },
    GpuSpec {
        name: "v100-16gb",
        memory_gb: 16,
        product_label: "Tesla-V100-SXM2-16GB",
        other_product_labels: &["Tesla-V100-PCIE-16GB"],
        mig_profiles: &[],
    },
    GpuSpec {
        name: "a10",
        memory_gb: 24,
        product_label: "NVIDIA-A10",
        other_product_labels: &[],
        mig_profiles: &[],
    },
    GpuSpec {
        name: "a10g",
        memory_gb: 24,
        product_label: "NVIDIA-A10G",
        other_product_labels: &[],
        mig_profiles: &[],
    },
    GpuSpec {
        name: "l4",
        memory_gb: 24,
        product_label: "NVIDIA-L4",
        other_product_labels: &[],
        mig_profiles: &[],
    },
    GpuSpec {
        name: "a30",
        memory_gb: 24,
        product_label: "NVIDIA-A30",
        other_product_labels: &[],
        mig_profiles: MIG_A30,
    },
    GpuSpec {
        name: "v100-32gb",
        memory_gb: 32,
        product_label: "Tesla-V100-SXM2-32GB",
        other_product_labels: &["Tesla-V100-PCIE-32GB", "Tesla-V100S-PCIE-32GB"],
        mig_profiles: &[],
    },
    GpuSpec {
        name: "a100-40gb",
        memory_gb: 40,
        product_label: "NVIDIA-A100-SXM4-40GB",
        other_product_labels: &["NVIDIA-A100-PCIE-40GB"],
        mig_profiles: MIG_A100_40GB,
    },
    GpuSpec {
        name: "l40s",
        memory_gb: 48,
        product_label: "NVIDIA-L40S",
        other_product_labels: &[],
        mig_profiles: &[],
    },
    GpuSpec {
        name: "a100-80gb",
        memory_gb: 80,
        product_label: "NVIDIA-A100-SXM4-80GB",
        other_product_labels: &["NVIDIA-A100-80GB-PCIe"],
        mig_profiles: MIG_80GB,
    },
    GpuSpec {
        name: "h100-80gb",
        memory_gb: 80,
        product_label: "NVIDIA-H100-80GB-HBM3",
        other_product_labels: &["NVIDIA-H100-PCIe"],
        mig_profiles: MIG_80GB,
    },
    GpuSpec {
        name: "h100-nvl",
        memory_gb: 94,
        product_label: "NVIDIA-H100-NVL",
        other_product_labels: &[],
        mig_profiles: MIG_H100_NVL,
    },
    GpuSpec {
        name: "h200",
        memory_gb: 141,
        product_label: "NVIDIA-H200",
        other_product_labels: &["NVIDIA-H200-NVL"],
        mig_profiles: MIG_H200,
    },
    // 192 GB nominal, but HGX/DGX B200 systems expose 180 GB per GPU.
    GpuSpec {
        name: "b200",
        memory_gb: 180,
        product_label: "NVIDIA-B200",
        other_product_labels: &[],
        mig_profiles: MIG_B200,
    },
];

/// The GPU type named on the command line, ignoring ASCII case.
pub fn gpu_type(name: &str) -> Option<&'static GpuSpec> {
    GPU_TYPES.iter().find(|g| g.name.eq_ignore_ascii_case(name))
}

/// Every GPU type name, smallest memory first, for help text and did-you-mean.
pub fn gpu_type_names() -> impl Iterator<Item = &'static str> {
    GPU_TYPES.iter().map(|g| g.name)
}

/// The GPU type of a node labelled `nvidia.com/gpu.product=<label>`.
pub fn gpu_type_by_product_label(label: &str) -> Option<&'static GpuSpec> {
    GPU_TYPES.iter().find(|g| g.has_product_label(label))
}

/// The GPU types on which a MIG profile exists, for "did you mean another GPU type" help.
pub fn gpu_types_with_mig_profile(profile: &str) -> impl Iterator<Item = &'static GpuSpec> {
    GPU_TYPES
        .iter()
        .filter(move |g| g.mig_profile(profile).is_some())
}

// ---------------------------------------------------------------------------------------
// Training choices
// ---------------------------------------------------------------------------------------

macro_rules! choice_enum {
    ($(#[$meta:meta])* $name:ident, $what:literal { $($(#[$vmeta:meta])* $variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $text)] $variant),+
        }

        impl $name {
            /// Every value as written on the command line.
            pub const NAMES: &'static [&'static str] = &[$($text),+];

            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text),+
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $name {
            type Err = String;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $($text => Ok($name::$variant),)+
                    _ => Err(format!(
                        "unknown {} `{}`: use one of {}",
                        $what,
                        s,
                        Self::NAMES.join(", ")
                    )),
                }
            }
        }
    };
}

choice_enum!(
    /// The training precision. `fp16` and `bf16` mean mixed precision as in the ZeRO paper
    /// and in PyTorch AMP / FSDP mixed precision: 16-bit weights and gradients for the
    /// computation, plus an fp32 master copy of the weights held by the optimizer.
    Precision, "precision" {
        Fp32 = "fp32",
        Fp16 = "fp16",
        Bf16 = "bf16",
    }
);

impl Precision {
    /// Bytes of one weight (or gradient) in this precision.
    pub fn weight_bytes(self) -> u32 {
        match self {
            Precision::Fp32 => 4,
            Precision::Fp16 | Precision::Bf16 => 2,
        }
    }
}

choice_enum!(
    /// The optimizer, which decides the optimizer-state bytes per parameter.
    Optimizer, "optimizer" {
        Adam = "adam",
        Adamw = "adamw",
        /// SGD with momentum. PyTorch's default is no momentum (no state at all), but
        /// training with SGD nearly always sets it, so sizing counts the buffer.
        Sgd = "sgd",
    }
);

choice_enum!(
    /// How the model states are spread over the data-parallel GPUs.
    Sharding, "sharding" {
        /// Plain data parallelism: every GPU holds everything.
        Ddp = "ddp",
        /// ZeRO stage 1: optimizer states sharded.
        Zero1 = "zero1",
        /// ZeRO stage 2: optimizer states and gradients sharded.
        Zero2 = "zero2",
        /// ZeRO stage 3: optimizer states, gradients and weights sharded.
        Zero3 = "zero3",
        /// PyTorch FSDP with full sharding, which holds the same as ZeRO stage 3.
        Fsdp = "fsdp",
    }
);

/// Bytes per parameter of each model state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BytesPerParam {
    /// The weights the forward and backward passes use.
    pub weights: u32,
    pub gradients: u32,
    /// Everything the optimizer keeps: the ZeRO paper's K.
    pub optimizer: u32,
}

impl BytesPerParam {
    /// The model-state bytes per parameter for a precision and optimizer.
    ///
    /// | precision | optimizer | weights | gradients | K (optimizer)                      | total |
    /// |-----------|-----------|---------|-----------|------------------------------------|-------|
    /// | fp16/bf16 | adam(w)   | 2       | 2         | 12 = fp32 master 4 + 2 moments 4+4 | 16    |
    /// | fp16/bf16 | sgd       | 2       | 2         | 8 = fp32 master 4 + momentum 4     | 12    |
    /// | fp32      | adam(w)   | 4       | 4         | 8 = 2 moments 4+4 (no master copy) | 16    |
    /// | fp32      | sgd       | 4       | 4         | 4 = momentum                       | 12    |
    ///
    /// The first row is the ZeRO paper's mixed-precision Adam (K = 12, 16 bytes in all).
    /// In fp32 the weights are themselves the master copy, so K keeps only the moments.
    pub fn new(precision: Precision, optimizer: Optimizer) -> BytesPerParam {
        let weights = precision.weight_bytes();
        let master = match precision {
            Precision::Fp32 => 0,
            Precision::Fp16 | Precision::Bf16 => 4,
        };
        let states = match optimizer {
            Optimizer::Adam | Optimizer::Adamw => 8,
            Optimizer::Sgd => 4,
        };
        BytesPerParam {
            weights,
            gradients: weights,
            optimizer: master + states,
        }
    }

    pub fn total(&self) -> u32 {
        self.weights + self.gradients + self.optimizer
    }

    /// Bytes per parameter every GPU keeps whole, and bytes per parameter divided among
    /// the N data-parallel GPUs, for a sharding strategy (ZeRO paper, section 5):
    ///
    /// * `ddp`: (w + g + K) Ψ per GPU, nothing divided.
    /// * `zero1`: (w + g) Ψ + K Ψ / N (the paper's 4Ψ + KΨ/N in mixed precision).
    /// * `zero2`: w Ψ + (g + K) Ψ / N (the paper's 2Ψ + (2+K)Ψ/N).
    /// * `zero3`, `fsdp`: (w + g + K) Ψ / N.
    pub fn split(&self, sharding: Sharding) -> (u32, u32) {
        let (w, g, k) = (self.weights, self.gradients, self.optimizer);
        match sharding {
            Sharding::Ddp => (w + g + k, 0),
            Sharding::Zero1 => (w + g, k),
            Sharding::Zero2 => (w, g + k),
            Sharding::Zero3 | Sharding::Fsdp => (0, w + g + k),
        }
    }

    /// What a training checkpoint holds per parameter: the weights and the optimizer
    /// states (fp32 master copy and moments), not the gradients. This matches the
    /// DeepSpeed layout (16-bit model file plus optimizer shards) and a full PyTorch
    /// state dict of model and optimizer.
    pub fn checkpoint(&self) -> u32 {
        self.weights + self.optimizer
    }
}

/// Model-state bytes (weights, gradients, optimizer states) of the whole model.
pub fn model_state_bytes(params: f64, precision: Precision, optimizer: Optimizer) -> f64 {
    params * f64::from(BytesPerParam::new(precision, optimizer).total())
}

/// Model-state bytes one of `gpus` data-parallel GPUs holds. Activations, temporary
/// buffers and fragmentation (the paper's "residual states") are not included.
pub fn model_state_bytes_per_gpu(
    params: f64,
    precision: Precision,
    optimizer: Optimizer,
    sharding: Sharding,
    gpus: u32,
) -> f64 {
    let (whole, divided) = BytesPerParam::new(precision, optimizer).split(sharding);
    params * (f64::from(whole) + f64::from(divided) / f64::from(gpus.max(1)))
}

// ---------------------------------------------------------------------------------------
// Coefficients
// ---------------------------------------------------------------------------------------

/// The coefficients of the platform formulas, configurable under `sizing:` in `mlk.yaml`.
///
/// Per worker pod:
///
/// ```text
/// cpu     = baseCpu + data_size_gb * cpuPerGb + model_params_billions * cpuPerBillionParams
/// memory  = baseMemory + data_size_gb * memoryPerGb + model_params * modelMemoryBytesPerParam
/// ```
///
/// The defaults are starting points for a typical PyTorch job, not measurements of any
/// particular cluster; platforms should tune them to what their jobs actually use.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(default, deny_unknown_fields, rename_all = "camelCase")]
pub struct Coefficients {
    /// CPU for a worker before data and model: the training process, the launcher
    /// (torchrun) and NCCL's helper threads, plus two data-loader processes. Default `2`.
    pub base_cpu: Quantity,
    /// CPU per GB of training data: bigger datasets tend to mean more decoding and
    /// augmentation work per step. Default `10m`, so 200 GB of data adds 2 cores.
    pub cpu_per_gb: Quantity,
    /// CPU per billion parameters, for tokenisation, checkpoint serialisation and the
    /// host side of larger models. Default `500m`, so a 7B model adds 3.5 cores.
    pub cpu_per_billion_params: Quantity,
    /// CPU per GPU of a pod whose model is not described (no `--model-params`): enough
    /// for the data-loader workers that keep one GPU busy. Default `8`, the vCPUs per GPU
    /// of the common 8-GPU cloud instances.
    pub cpu_per_gpu: Quantity,
    /// Memory per GPU of a pod whose model is not described. Default `64Gi`, what 8-GPU
    /// cloud instances offer per GPU at the low end.
    pub memory_per_gpu: Quantity,
    /// Memory for a worker before data and model: Python, CUDA and NCCL host buffers
    /// and the framework itself. Default `8Gi`.
    pub base_memory: Quantity,
    /// Memory per GB of training data, for page cache, shuffle buffers and prefetching.
    /// Default `50Mi`, so 200 GB of data adds about 10 GB.
    pub memory_per_gb: Quantity,
    /// Host memory per parameter to load a checkpoint or gather a full state dict for
    /// saving: one fp32 copy of the weights (4 bytes per parameter) times the 1.5 buffer
    /// factor of DeepSpeed's memory estimators. Counted once per worker pod, which holds
    /// when ranks load on a meta device and rank 0 broadcasts, or share one memory-mapped
    /// safetensors file; jobs where every process loads its own copy need it per GPU.
    /// Default `6.0`, so a 7B model needs 42 GB.
    pub model_memory_bytes_per_param: f64,
    /// Activations, temporary buffers and fragmentation, as a fraction of the model-state
    /// bytes each GPU holds. Activations depend on batch size, sequence length and
    /// activation checkpointing, which mlk does not know; with a fixed global batch they
    /// shrink per GPU as data parallelism grows, as sharded model states do, which is why
    /// this is a fraction of the per-GPU states rather than of the whole model. Override
    /// per job with an explicit activation memory. Default `0.2`.
    pub activation_fraction: f64,
    /// The fraction of a GPU's nominal memory the model may use; the CUDA context, NCCL
    /// buffers and the allocator's fragmentation take the rest. Default `0.9`.
    pub usable_gpu_memory_fraction: f64,
    /// GPUs per node, and so the most GPUs one worker pod can request. Default `8`, the
    /// size of HGX/DGX systems and of the largest cloud GPU instances.
    pub max_gpus_per_node: u32,
    /// Checkpoints kept on the checkpoint volume. Default `2`: the latest and the one
    /// before, so a checkpoint that is cut off while being written never leaves the job
    /// without a good one.
    pub checkpoints_kept: u32,
    /// KV-cache and runtime allowance for LLM serving, as a fraction of the weights.
    /// Default `0.2`: EleutherAI's "Transformer Math 101" puts inference at up to 20%
    /// above the weights.
    pub kv_cache_fraction: f64,
}

impl Default for Coefficients {
    fn default() -> Self {
        Coefficients {
            base_cpu: Quantity::from_units(2),
            cpu_per_gb: Quantity::from_millis(10),
            cpu_per_billion_params: Quantity::from_millis(500),
            cpu_per_gpu: Quantity::from_units(8),
            memory_per_gpu: Quantity::from_units(64 << 30),
            base_memory: Quantity::from_units(8 << 30),
            memory_per_gb: Quantity::from_units(50 << 20),
            model_memory_bytes_per_param: 6.0,
            activation_fraction: 0.2,
            usable_gpu_memory_fraction: 0.9,
            max_gpus_per_node: 8,
            checkpoints_kept: 2,
            kv_cache_fraction: 0.2,
        }
    }
}

impl Coefficients {
    /// Checks every coefficient is a finite number in its range.
    pub fn validate(&self) -> Result<(), SizingError> {
        let quantities = [
            ("baseCpu", self.base_cpu),
            ("cpuPerGb", self.cpu_per_gb),
            ("cpuPerBillionParams", self.cpu_per_billion_params),
            ("baseMemory", self.base_memory),
            ("memoryPerGb", self.memory_per_gb),
        ];
        for (name, q) in quantities {
            if q.is_negative() {
                return Err(SizingError::coefficient(name, "must not be negative"));
            }
        }
        let fractions = [
            (
                "modelMemoryBytesPerParam",
                self.model_memory_bytes_per_param,
            ),
            ("activationFraction", self.activation_fraction),
            ("kvCacheFraction", self.kv_cache_fraction),
        ];
        for (name, value) in fractions {
            if !(value.is_finite() && value >= 0.0) {
                return Err(SizingError::coefficient(
                    name,
                    "must be a finite number, 0 or more",
                ));
            }
        }
        let usable = self.usable_gpu_memory_fraction;
        if !(usable.is_finite() && usable > 0.0 && usable <= 1.0) {
            return Err(SizingError::coefficient(
                "usableGpuMemoryFraction",
                "must be greater than 0 and at most 1",
            ));
        }
        if self.max_gpus_per_node == 0 {
            return Err(SizingError::coefficient(
                "maxGpusPerNode",
                "must be at least 1",
            ));
        }
        Ok(())
    }
}

// ---------------------------------------------------------------------------------------
// Training plan
// ---------------------------------------------------------------------------------------

/// What the training formulas need. Serialised (compact, camelCase, unset options left
/// out) into the [`INPUTS_ANNOTATION`] of generated workloads, and read back by `lint`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct TrainingSizingInput {
    /// Number of model parameters.
    pub model_params: f64,
    pub precision: Precision,
    pub optimizer: Optimizer,
    pub sharding: Sharding,
    #[serde(rename = "gpuType", with = "gpu_by_name")]
    pub gpu: &'static GpuSpec,
    /// GPUs per worker pod, when the user set it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gpus_per_worker: Option<u32>,
    /// Worker pods, when the user set it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workers: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_size_bytes: Option<u64>,
    /// Activation memory per GPU, replacing the coefficients' activation fraction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub activation_memory_bytes: Option<u64>,
    /// Size of one checkpoint, replacing the estimate from the model states.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checkpoint_size_bytes: Option<u64>,
    /// Checkpoints kept, replacing the coefficients' default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checkpoints_kept: Option<u32>,
}

mod gpu_by_name {
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    use super::{GpuSpec, gpu_type, gpu_type_names};

    pub fn serialize<S: Serializer>(gpu: &&'static GpuSpec, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(gpu.name)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<&'static GpuSpec, D::Error> {
        let name = std::borrow::Cow::<str>::deserialize(d)?;
        gpu_type(&name).ok_or_else(|| {
            D::Error::custom(format!(
                "unknown GPU type `{name}`: use one of {}",
                gpu_type_names().collect::<Vec<_>>().join(", ")
            ))
        })
    }
}

/// The sizing of a training job, and the figures it came from.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TrainingPlan {
    pub gpus_per_worker: u32,
    pub workers: u32,
    pub total_gpus: u32,
    /// The fewest GPUs in total that hold the model states and activations.
    pub min_total_gpus: u32,
    pub cpu_millis_per_worker: u64,
    pub memory_bytes_per_worker: u64,
    /// Model states of the whole model.
    pub model_state_bytes: u64,
    /// Model states one GPU holds with `total_gpus` GPUs.
    pub model_state_bytes_per_gpu: u64,
    pub activation_bytes_per_gpu: u64,
    /// Model states plus activations per GPU.
    pub needed_bytes_per_gpu: u64,
    pub usable_bytes_per_gpu: u64,
    /// The weights in the training precision: the exported model.
    pub model_bytes: u64,
    pub checkpoint_bytes: u64,
    pub checkpoints_kept: u32,
    /// `checkpoint_bytes * checkpoints_kept`: the size of the checkpoint volume.
    pub checkpoint_storage_bytes: u64,
    pub data_bytes: u64,
    /// `data + model + checkpoint * checkpoints_kept` (SPEC section 6).
    pub storage_bytes: u64,
}

/// Why a workload cannot be sized. The message gives the numbers; [`SizingError::help`]
/// gives the fix.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum SizingError {
    #[error("{message}")]
    InvalidInput { message: String, help: String },

    #[error(
        "the model states of {params} parameters ({precision}, {optimizer}) {take} under `{sharding}`, plus {activation} of activations: {needed}, but one {gpu} GPU has {usable} usable ({percent}% of {gpu_gb} GB)",
        params = format_params(*params),
        take = if *sharding == Sharding::Ddp {
            format!("take {} on every GPU", gb(*state_bytes))
        } else {
            format!("keep {} unsharded on every GPU", gb(*state_bytes))
        },
        activation = gb(*activation_bytes),
        needed = gb(state_bytes + activation_bytes),
        usable = gb(*usable_bytes),
        percent = percent(*usable_bytes, gpu.memory_gb),
        gpu = gpu.name,
        gpu_gb = gpu.memory_gb,
    )]
    ModelTooLarge {
        params: f64,
        precision: Precision,
        optimizer: Optimizer,
        sharding: Sharding,
        gpu: &'static GpuSpec,
        /// For `zero1`/`zero2`, the states no number of GPUs divides.
        state_bytes: f64,
        activation_bytes: f64,
        usable_bytes: f64,
        /// The fewest GPUs that hold the model with `--sharding fsdp`.
        fsdp_gpus: Option<u32>,
        /// The smallest GPU type that holds it under the same sharding.
        bigger_gpu: Option<&'static GpuSpec>,
    },

    #[error(
        "with {gpus} in total, each would hold {needed} of model states and activations under `{sharding}`, but has {usable} usable",
        gpus = gpu_count(*total, gpu),
        needed = gb(*needed_bytes),
        usable = gb(*usable_bytes),
    )]
    TooFewGpus {
        total: u32,
        gpus_per_worker: u32,
        sharding: Sharding,
        gpu: &'static GpuSpec,
        needed_bytes: f64,
        usable_bytes: f64,
        min_total: u32,
        max_gpus_per_node: u32,
    },

    #[error(
        "the model needs at least {min_total} {gpu} GPUs, more than {workers} workers can hold with at most {max_gpus_per_node} GPUs each",
        gpu = gpu.name,
    )]
    TooFewWorkers {
        min_total: u32,
        workers: u32,
        gpu: &'static GpuSpec,
        max_gpus_per_node: u32,
    },

    #[error("{gpus} GPUs per worker is more than the {max_gpus_per_node} GPUs a node has")]
    TooManyGpusPerWorker { gpus: u32, max_gpus_per_node: u32 },

    #[error(
        "the model needs more than {max} {gpu} GPUs under `{sharding}`",
        max = MAX_TOTAL_GPUS,
        gpu = gpu.name
    )]
    TooManyGpus {
        sharding: Sharding,
        gpu: &'static GpuSpec,
    },

    #[error(
        "an activation memory of {activation} per GPU leaves no room for model states: one {gpu} GPU has {usable} usable",
        activation = gb(*activation_bytes),
        usable = gb(*usable_bytes),
        gpu = gpu.name,
    )]
    ActivationTooLarge {
        activation_bytes: f64,
        usable_bytes: f64,
        gpu: &'static GpuSpec,
    },
}

impl SizingError {
    fn invalid(message: impl Into<String>, help: impl Into<String>) -> SizingError {
        SizingError::InvalidInput {
            message: message.into(),
            help: help.into(),
        }
    }

    fn coefficient(name: &str, rule: &str) -> SizingError {
        SizingError::invalid(
            format!("sizing coefficient `{name}` {rule}"),
            format!(
                "fix `{name}` in the sizing section of mlk.yaml, or remove it to use the default"
            ),
        )
    }

    /// The concrete fix, for the `help:` line.
    pub fn help(&self) -> String {
        match self {
            SizingError::InvalidInput { help, .. } => help.clone(),
            SizingError::ModelTooLarge {
                sharding,
                gpu,
                fsdp_gpus,
                bigger_gpu,
                ..
            } => {
                let shard = match (sharding, fsdp_gpus) {
                    (Sharding::Ddp, Some(n)) => Some(format!(
                        "use `--sharding fsdp` (needs at least {n} {} GPUs)",
                        gpu.name
                    )),
                    (_, Some(n)) => Some(format!(
                        "use `--sharding zero3` or `--sharding fsdp` (needs at least {n} {} GPUs)",
                        gpu.name
                    )),
                    (_, None) => None,
                };
                let bigger = match bigger_gpu {
                    Some(bigger) => format!(
                        "a GPU with more memory (`--gpu-type {}` holds it)",
                        bigger.name
                    ),
                    None => "a GPU with more memory, though no GPU type mlk knows holds it whole"
                        .to_string(),
                };
                match shard {
                    Some(shard) => format!("{shard}, or {bigger}"),
                    None => format!("use {bigger}"),
                }
            }
            SizingError::TooFewGpus {
                gpus_per_worker,
                min_total,
                max_gpus_per_node,
                ..
            } => {
                let (gpus, workers) = if *min_total <= *max_gpus_per_node {
                    (*min_total, 1)
                } else {
                    let per = (*gpus_per_worker).clamp(1, *max_gpus_per_node);
                    (per, min_total.div_ceil(per))
                };
                format!(
                    "use at least {min_total} GPUs in total (for example `--gpus {gpus} --workers {workers}`), a sharding that divides more of the model states, or a GPU with more memory"
                )
            }
            SizingError::TooFewWorkers {
                min_total,
                max_gpus_per_node,
                ..
            } => {
                let workers = min_total.div_ceil(*max_gpus_per_node);
                format!(
                    "use at least {workers} workers (`--workers {workers}`), or leave `--workers` unset so mlk chooses"
                )
            }
            SizingError::TooManyGpusPerWorker {
                gpus,
                max_gpus_per_node,
            } => {
                let workers = gpus.div_ceil(*max_gpus_per_node);
                let per = gpus.div_ceil(workers);
                format!(
                    "spread the GPUs over pods (`--gpus {per} --workers {workers}`), or raise `maxGpusPerNode` in mlk.yaml if your nodes have more"
                )
            }
            SizingError::TooManyGpus { .. } => {
                "check the parameter count, or use a sharding that divides more of the model states"
                    .to_string()
            }
            SizingError::ActivationTooLarge { .. } => {
                "lower the activation memory, or use a GPU with more memory".to_string()
            }
        }
    }
}

impl From<SizingError> for crate::error::Error {
    fn from(e: SizingError) -> Self {
        crate::error::Error::Sizing {
            help: e.help(),
            message: e.to_string(),
        }
    }
}

fn gpu_count(n: u32, gpu: &GpuSpec) -> String {
    let plural = if n == 1 { "" } else { "s" };
    format!("{n} {} GPU{plural}", gpu.name)
}

/// Bytes as decimal GB with one decimal, as every message of this module shows them.
fn gb(bytes: f64) -> String {
    format!("{:.1} GB", bytes / GB)
}

fn percent(usable_bytes: f64, memory_gb: u32) -> String {
    let p = usable_bytes / (f64::from(memory_gb) * GB) * 100.0;
    let rounded = (p * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        format!("{rounded:.1}")
    }
}

/// `7B`, `1.5B`, `350M`: a parameter count as people write it.
pub fn format_params(params: f64) -> String {
    let (value, suffix) = [(1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")]
        .into_iter()
        .find(|(scale, _)| params >= *scale)
        .map_or((params, ""), |(scale, suffix)| (params / scale, suffix));
    let text = format!("{value:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    format!("{text}{suffix}")
}

/// Activation memory per GPU: a fraction of that GPU's model states, or fixed bytes.
#[derive(Clone, Copy)]
enum Activation {
    Fraction(f64),
    Bytes(f64),
}

/// The per-GPU memory need as a function of the number of data-parallel GPUs.
struct PerGpu {
    /// Bytes every GPU holds whole.
    whole: f64,
    /// Bytes divided among the GPUs.
    divided: f64,
    activation: Activation,
}

enum MinGpus {
    Fits(u32),
    Never,
    TooMany,
}

impl PerGpu {
    fn states(&self, gpus: u32) -> f64 {
        self.whole + self.divided / f64::from(gpus)
    }

    fn activation(&self, gpus: u32) -> f64 {
        match self.activation {
            Activation::Fraction(f) => self.states(gpus) * f,
            Activation::Bytes(b) => b,
        }
    }

    fn need(&self, gpus: u32) -> f64 {
        self.states(gpus) + self.activation(gpus)
    }

    /// The smallest N with `need(N) <= usable`. `need` falls as N grows, towards the
    /// whole part (plus its activations), so the answer is the ceiling of the divided
    /// part over the room the whole part leaves; the loops only correct float rounding
    /// at the boundary.
    fn min_gpus(&self, usable: f64) -> MinGpus {
        if self.need(1) <= usable {
            return MinGpus::Fits(1);
        }
        let (limit, divided) = match self.activation {
            Activation::Fraction(f) => (self.whole * (1.0 + f), self.divided * (1.0 + f)),
            Activation::Bytes(b) => (self.whole + b, self.divided),
        };
        let room = usable - limit;
        if divided <= 0.0 || room <= 0.0 {
            return MinGpus::Never;
        }
        let estimate = (divided / room).ceil();
        if estimate.is_nan() || estimate > f64::from(MAX_TOTAL_GPUS) {
            return MinGpus::TooMany;
        }
        let mut n = (estimate as u32).max(1);
        while n > 1 && self.need(n - 1) <= usable {
            n -= 1;
        }
        while self.need(n) > usable {
            if n >= MAX_TOTAL_GPUS {
                return MinGpus::TooMany;
            }
            n += 1;
        }
        MinGpus::Fits(n)
    }
}

/// Rounds a computed size up, and refuses sizes no Kubernetes quantity could express.
fn ceil_u64(value: f64, what: &str) -> Result<u64, SizingError> {
    let rounded = value.ceil();
    if rounded.is_finite() && rounded >= 0.0 && rounded <= MAX_FORMATTED_BYTES as f64 {
        Ok(rounded as u64)
    } else {
        Err(SizingError::invalid(
            format!("the {what} is too large to compute"),
            "check the parameter count, data size and sizing coefficients",
        ))
    }
}

fn validate_params(params: f64) -> Result<(), SizingError> {
    if params.is_finite() && (1.0..=MAX_MODEL_PARAMS).contains(&params) {
        Ok(())
    } else {
        Err(SizingError::invalid(
            "the model parameter count must be a number from 1 to 1000T",
            "give the count as `7B`, `350M` or `7000000000`",
        ))
    }
}

fn per_gpu(input: &TrainingSizingInput, coefficients: &Coefficients) -> PerGpu {
    let (whole, divided) =
        BytesPerParam::new(input.precision, input.optimizer).split(input.sharding);
    PerGpu {
        whole: input.model_params * f64::from(whole),
        divided: input.model_params * f64::from(divided),
        activation: match input.activation_memory_bytes {
            Some(bytes) => Activation::Bytes(bytes as f64),
            None => Activation::Fraction(coefficients.activation_fraction),
        },
    }
}

/// Sizes a training job: GPUs per worker and workers (what the user did not fix), CPU
/// and memory per worker, and storage.
///
/// The GPU count is the smallest total N for which each GPU's model states plus
/// activations fit its usable memory; with full sharding that is
/// `ceil(model_memory_needed / usable_gpu_memory)`, the SPEC's formula. N is then split
/// into the fewest workers of at most `maxGpusPerNode` GPUs, with the same number on
/// each (torchrun needs one `--nproc-per-node` for all nodes), which may round the total
/// up. Under `ddp` the model must fit one GPU.
pub fn plan_training(
    input: &TrainingSizingInput,
    coefficients: &Coefficients,
) -> Result<TrainingPlan, SizingError> {
    coefficients.validate()?;
    validate_params(input.model_params)?;
    if input.gpus_per_worker == Some(0) || input.workers == Some(0) {
        return Err(SizingError::invalid(
            "GPUs per worker and workers must be at least 1",
            "leave them unset to let mlk size them",
        ));
    }
    let max_per_node = coefficients.max_gpus_per_node;
    if let Some(gpus) = input.gpus_per_worker
        && gpus > max_per_node
    {
        return Err(SizingError::TooManyGpusPerWorker {
            gpus,
            max_gpus_per_node: max_per_node,
        });
    }

    let gpu = input.gpu;
    let usable = gpu.memory_bytes() as f64 * coefficients.usable_gpu_memory_fraction;
    let need = per_gpu(input, coefficients);
    if let Activation::Bytes(bytes) = need.activation
        && bytes >= usable
    {
        return Err(SizingError::ActivationTooLarge {
            activation_bytes: bytes,
            usable_bytes: usable,
            gpu,
        });
    }

    let min_total = match need.min_gpus(usable) {
        MinGpus::Fits(n) => n,
        MinGpus::TooMany => {
            return Err(SizingError::TooManyGpus {
                sharding: input.sharding,
                gpu,
            });
        }
        MinGpus::Never => return Err(model_too_large(input, coefficients, &need, usable)),
    };

    let (gpus_per_worker, workers) = match (input.gpus_per_worker, input.workers) {
        (Some(g), Some(w)) => (g, w),
        (Some(g), None) => (g, min_total.div_ceil(g)),
        (None, Some(w)) => {
            let g = min_total.div_ceil(w);
            if g > max_per_node {
                return Err(SizingError::TooFewWorkers {
                    min_total,
                    workers: w,
                    gpu,
                    max_gpus_per_node: max_per_node,
                });
            }
            (g, w)
        }
        (None, None) => {
            let w = min_total.div_ceil(max_per_node);
            (min_total.div_ceil(w), w)
        }
    };
    let total = gpus_per_worker
        .checked_mul(workers)
        .filter(|&t| t <= MAX_TOTAL_GPUS)
        .ok_or_else(|| {
            SizingError::invalid(
                format!("{workers} workers with {gpus_per_worker} GPUs each is more than {MAX_TOTAL_GPUS} GPUs"),
                "check `--gpus` and `--workers`",
            )
        })?;
    if total < min_total {
        return Err(SizingError::TooFewGpus {
            total,
            gpus_per_worker,
            sharding: input.sharding,
            gpu,
            needed_bytes: need.need(total),
            usable_bytes: usable,
            min_total,
            max_gpus_per_node: max_per_node,
        });
    }

    let params = input.model_params;
    let bytes = BytesPerParam::new(input.precision, input.optimizer);
    let data_bytes = input.data_size_bytes.unwrap_or(0);
    let data_gb = data_bytes as f64 / GB;

    let cpu_millis = 1000.0
        * (coefficients.base_cpu.as_f64()
            + data_gb * coefficients.cpu_per_gb.as_f64()
            + params / GB * coefficients.cpu_per_billion_params.as_f64());
    let memory = coefficients.base_memory.as_f64()
        + data_gb * coefficients.memory_per_gb.as_f64()
        + params * coefficients.model_memory_bytes_per_param;

    let model_bytes = ceil_u64(params * f64::from(bytes.weights), "model size")?;
    let checkpoint_bytes = match input.checkpoint_size_bytes {
        Some(size) => size,
        None => ceil_u64(params * f64::from(bytes.checkpoint()), "checkpoint size")?,
    };
    let checkpoints_kept = input
        .checkpoints_kept
        .unwrap_or(coefficients.checkpoints_kept);
    let storage_overflow = || {
        SizingError::invalid(
            "the storage needed is too large to compute",
            "check the data size, checkpoint size and checkpoints kept",
        )
    };
    let checkpoint_storage_bytes = checkpoint_bytes
        .checked_mul(u64::from(checkpoints_kept))
        .ok_or_else(storage_overflow)?;
    let storage_bytes = data_bytes
        .checked_add(model_bytes)
        .and_then(|s| s.checked_add(checkpoint_storage_bytes))
        .filter(|&s| s <= MAX_FORMATTED_BYTES)
        .ok_or_else(storage_overflow)?;

    Ok(TrainingPlan {
        gpus_per_worker,
        workers,
        total_gpus: total,
        min_total_gpus: min_total,
        cpu_millis_per_worker: ceil_u64(cpu_millis, "CPU request")?,
        memory_bytes_per_worker: ceil_u64(memory, "memory request")?,
        model_state_bytes: ceil_u64(
            model_state_bytes(params, input.precision, input.optimizer),
            "model state size",
        )?,
        model_state_bytes_per_gpu: ceil_u64(need.states(total), "model state size")?,
        activation_bytes_per_gpu: ceil_u64(need.activation(total), "activation size")?,
        needed_bytes_per_gpu: ceil_u64(need.need(total), "GPU memory need")?,
        usable_bytes_per_gpu: ceil_u64(usable, "usable GPU memory")?,
        model_bytes,
        checkpoint_bytes,
        checkpoints_kept,
        checkpoint_storage_bytes,
        data_bytes,
        storage_bytes,
    })
}

/// The error for a model whose unsharded states never fit, with the two ways out:
/// full sharding on the same GPU, or the smallest GPU type that holds it as asked.
fn model_too_large(
    input: &TrainingSizingInput,
    coefficients: &Coefficients,
    need: &PerGpu,
    usable: f64,
) -> SizingError {
    let fsdp = TrainingSizingInput {
        sharding: Sharding::Fsdp,
        ..input.clone()
    };
    let fsdp_gpus = match per_gpu(&fsdp, coefficients).min_gpus(usable) {
        MinGpus::Fits(n) => Some(n),
        MinGpus::Never | MinGpus::TooMany => None,
    };
    let bigger_gpu = GPU_TYPES.iter().find(|g| {
        let usable = g.memory_bytes() as f64 * coefficients.usable_gpu_memory_fraction;
        g.memory_gb > input.gpu.memory_gb && matches!(need.min_gpus(usable), MinGpus::Fits(_))
    });
    // For ddp the whole states; for zero1/zero2 the part no number of GPUs divides.
    let state_bytes = need.whole;
    let activation_bytes = match need.activation {
        Activation::Fraction(f) => state_bytes * f,
        Activation::Bytes(b) => b,
    };
    SizingError::ModelTooLarge {
        params: input.model_params,
        precision: input.precision,
        optimizer: input.optimizer,
        sharding: input.sharding,
        gpu: input.gpu,
        state_bytes,
        activation_bytes,
        usable_bytes: usable,
        fsdp_gpus,
        bigger_gpu,
    }
}

// ---------------------------------------------------------------------------------------
// Inference
// ---------------------------------------------------------------------------------------

/// Bytes of the weights for serving: 4 per parameter in fp32, 2 in fp16/bf16.
pub fn inference_weight_bytes(params: f64, precision: Precision) -> Result<u64, SizingError> {
    validate_params(params)?;
    ceil_u64(params * f64::from(precision.weight_bytes()), "model size")
}

/// GPU memory for serving: the weights plus a KV-cache and runtime allowance given as a
/// fraction of them (see [`Coefficients::kv_cache_fraction`]; 0 for runtimes without a
/// KV cache).
pub fn inference_memory_bytes(
    params: f64,
    precision: Precision,
    kv_cache_fraction: f64,
) -> Result<u64, SizingError> {
    if !(kv_cache_fraction.is_finite() && kv_cache_fraction >= 0.0) {
        return Err(SizingError::coefficient(
            "kvCacheFraction",
            "must be a finite number, 0 or more",
        ));
    }
    let weights = inference_weight_bytes(params, precision)?;
    ceil_u64(weights as f64 * (1.0 + kv_cache_fraction), "serving memory")
}

// ---------------------------------------------------------------------------------------
// Parameter counts
// ---------------------------------------------------------------------------------------

const PARAM_COUNT_HELP: &str = "a parameter count is a number with an optional suffix K, M, B or T (thousand, million, billion, trillion), such as `7B`, `350M`, `1.5b` or `7000000000`";

/// Parses `7B`, `350M`, `1.5b`, `125k`, `1T` or `7000000000` into a parameter count,
/// rounded to a whole number and between 1 and 1000T. Suffixes ignore case: `m` means
/// million here, as in model names, never milli.
pub fn parse_param_count(s: &str) -> Result<f64, String> {
    let (number, exponent) = match s.as_bytes().last().map(u8::to_ascii_lowercase) {
        Some(b'k') => (&s[..s.len() - 1], 3),
        Some(b'm') => (&s[..s.len() - 1], 6),
        Some(b'b') => (&s[..s.len() - 1], 9),
        Some(b't') => (&s[..s.len() - 1], 12),
        _ => (s, 0),
    };
    let (int_part, frac_part) = number.split_once('.').unwrap_or((number, ""));
    let digits_only = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
    if int_part.is_empty() && frac_part.is_empty()
        || !digits_only(int_part)
        || !digits_only(frac_part)
    {
        return Err(PARAM_COUNT_HELP.to_string());
    }
    let out_of_range = || format!("the parameter count `{s}` must be from 1 to 1000T");
    let int_part = int_part.trim_start_matches('0');
    if int_part.len() > 16 {
        return Err(out_of_range());
    }
    // Digits past the first one below a whole parameter cannot change the rounding to
    // the nearest whole number, except through that first digit.
    let frac_used = &frac_part[..frac_part.len().min(exponent + 1)];
    let mut value: u128 = 0;
    for b in int_part.bytes().chain(frac_used.bytes()) {
        value = value * 10 + u128::from(b - b'0');
    }
    let shift = exponent as i32 - frac_used.len() as i32;
    let count = if shift >= 0 {
        value * 10u128.pow(shift as u32)
    } else {
        // shift is -1 here: exactly one digit below a whole parameter, rounded half up.
        (value + 5) / 10
    };
    if count == 0 || count as f64 > MAX_MODEL_PARAMS {
        return Err(out_of_range());
    }
    Ok(count as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h100() -> &'static GpuSpec {
        gpu_type("h100-80gb").unwrap()
    }

    fn input(params: f64, sharding: Sharding, gpu: &str) -> TrainingSizingInput {
        TrainingSizingInput {
            model_params: params,
            precision: Precision::Bf16,
            optimizer: Optimizer::Adam,
            sharding,
            gpu: gpu_type(gpu).unwrap(),
            gpus_per_worker: None,
            workers: None,
            data_size_bytes: None,
            activation_memory_bytes: None,
            checkpoint_size_bytes: None,
            checkpoints_kept: None,
        }
    }

    #[track_caller]
    fn plan(input: &TrainingSizingInput) -> TrainingPlan {
        plan_training(input, &Coefficients::default()).unwrap_or_else(|e| panic!("{e}"))
    }

    #[track_caller]
    fn plan_err(input: &TrainingSizingInput) -> SizingError {
        match plan_training(input, &Coefficients::default()) {
            Ok(p) => panic!("expected an error, got {p:?}"),
            Err(e) => e,
        }
    }

    #[test]
    fn bytes_per_param_for_every_precision_and_optimizer() {
        let b = |p, o| BytesPerParam::new(p, o);
        // ZeRO paper: mixed-precision Adam is 2 + 2 + 12.
        assert_eq!(
            b(Precision::Bf16, Optimizer::Adam),
            BytesPerParam {
                weights: 2,
                gradients: 2,
                optimizer: 12
            }
        );
        assert_eq!(b(Precision::Fp16, Optimizer::Adamw).total(), 16);
        // fp32 Adam: 4 + 4 + 8, no separate master copy.
        assert_eq!(
            b(Precision::Fp32, Optimizer::Adam),
            BytesPerParam {
                weights: 4,
                gradients: 4,
                optimizer: 8
            }
        );
        assert_eq!(b(Precision::Fp32, Optimizer::Adam).total(), 16);
        // Mixed-precision SGD with momentum: 2 + 2 + (4 master + 4 momentum).
        assert_eq!(b(Precision::Bf16, Optimizer::Sgd).total(), 12);
        assert_eq!(b(Precision::Bf16, Optimizer::Sgd).optimizer, 8);
        // fp32 SGD with momentum: 4 + 4 + 4.
        assert_eq!(b(Precision::Fp32, Optimizer::Sgd).total(), 12);
        assert_eq!(b(Precision::Bf16, Optimizer::Adam).checkpoint(), 14);
        assert_eq!(b(Precision::Fp32, Optimizer::Adam).checkpoint(), 12);
    }

    #[test]
    fn zero_paper_example() {
        // Ψ = 7.5B, N_d = 64, mixed-precision Adam (ZeRO §5):
        //   DDP    16 x 7.5            = 120 GB
        //   ZeRO-1 4 x 7.5 + 12 x 7.5/64 = 30 + 1.40625  = 31.40625 GB
        //   ZeRO-2 2 x 7.5 + 14 x 7.5/64 = 15 + 1.640625 = 16.640625 GB
        //   ZeRO-3 16 x 7.5/64          = 1.875 GB
        let per_gpu = |s| model_state_bytes_per_gpu(7.5e9, Precision::Fp16, Optimizer::Adam, s, 64);
        assert_eq!(per_gpu(Sharding::Ddp), 120e9);
        assert_eq!(per_gpu(Sharding::Zero1), 31.40625e9);
        assert_eq!(per_gpu(Sharding::Zero2), 16.640625e9);
        assert_eq!(per_gpu(Sharding::Zero3), 1.875e9);
        assert_eq!(per_gpu(Sharding::Fsdp), 1.875e9);
        assert_eq!(gb(per_gpu(Sharding::Zero1)), "31.4 GB");
        assert_eq!(gb(per_gpu(Sharding::Zero2)), "16.6 GB");
        assert_eq!(gb(per_gpu(Sharding::Zero3)), "1.9 GB");
        assert_eq!(
            model_state_bytes(7.5e9, Precision::Bf16, Optimizer::Adam),
            120e9
        );
    }

    #[test]
    fn worked_example_ddp_does_not_fit_an_h100() {
        // 7B x 16 bytes = 112 GB of model states; activations 0.2 x 112 = 22.4 GB;
        // 134.4 GB needed, 0.9 x 80 = 72 GB usable.
        let e = plan_err(&input(7e9, Sharding::Ddp, "h100-80gb"));
        let msg = e.to_string();
        assert_eq!(
            msg,
            "the model states of 7B parameters (bf16, adam) take 112.0 GB on every GPU under `ddp`, plus 22.4 GB of activations: 134.4 GB, but one h100-80gb GPU has 72.0 GB usable (90% of 80 GB)"
        );
        // FSDP: ceil(134.4 / 72) = 2; the smallest bigger GPU whose 90% holds 134.4 GB
        // is b200 (162 GB usable; h200 has 126.9).
        assert_eq!(
            e.help(),
            "use `--sharding fsdp` (needs at least 2 h100-80gb GPUs), or a GPU with more memory (`--gpu-type b200` holds it)"
        );
        let fatal: crate::error::Error = e.into();
        assert!(matches!(fatal, crate::error::Error::Sizing { .. }));
    }

    #[test]
    fn worked_example_fsdp_needs_two_h100s() {
        // Per GPU with N GPUs: 112/N GB of states x 1.2 for activations <= 72 GB usable.
        //   N = 1: 134.4 GB > 72; N = 2: 56 + 11.2 = 67.2 GB <= 72. So 2 GPUs, 1 worker.
        // (An activation allowance of 0.2 x the *whole* model, 22.4 GB per GPU, would
        // give 56 + 22.4 = 78.4 > 72 and so 3 GPUs; the fraction is of per-GPU states.)
        let mut i = input(7e9, Sharding::Fsdp, "h100-80gb");
        i.data_size_bytes = Some(200 << 30);
        let p = plan(&i);
        assert_eq!(
            (p.gpus_per_worker, p.workers, p.total_gpus, p.min_total_gpus),
            (2, 1, 2, 2)
        );
        assert_eq!(p.model_state_bytes, 112_000_000_000);
        assert_eq!(p.model_state_bytes_per_gpu, 56_000_000_000);
        assert_eq!(p.activation_bytes_per_gpu, 11_200_000_000);
        assert_eq!(p.needed_bytes_per_gpu, 67_200_000_000);
        assert_eq!(p.usable_bytes_per_gpu, 72_000_000_000);
        // 200Gi = 214.7483648 GB of data.
        // cpu = 2000m + 214.7483648 x 10m + 7 x 500m = 2000 + 2147.48 + 3500 -> 7648m
        assert_eq!(p.cpu_millis_per_worker, 7648);
        // memory = 8Gi + 214.7483648 x 50Mi + 7e9 x 6
        //        = 8589934592 + 11258999068.43 + 42000000000 = 61848933660.43 -> up
        assert_eq!(p.memory_bytes_per_worker, 61_848_933_661);
        // storage = data 214748364800 + model 14e9 (bf16) + 2 x checkpoint 98e9 (14 B/param)
        assert_eq!(p.model_bytes, 14_000_000_000);
        assert_eq!(p.checkpoint_bytes, 98_000_000_000);
        assert_eq!(p.checkpoints_kept, 2);
        assert_eq!(p.checkpoint_storage_bytes, 196_000_000_000);
        assert_eq!(p.data_bytes, 214_748_364_800);
        assert_eq!(p.storage_bytes, 424_748_364_800);
        assert_eq!(
            crate::quantity::format_cpu_millis(p.cpu_millis_per_worker),
            "7648m"
        );
    }

    #[test]
    fn zero3_matches_fsdp_and_fp32_changes_nothing_for_adam() {
        let a = plan(&input(7e9, Sharding::Zero3, "h100-80gb"));
        let b = plan(&input(7e9, Sharding::Fsdp, "h100-80gb"));
        assert_eq!(a, b);
        let mut fp32 = input(7e9, Sharding::Fsdp, "h100-80gb");
        fp32.precision = Precision::Fp32;
        let c = plan(&fp32);
        assert_eq!(c.total_gpus, 2);
        assert_eq!(c.model_state_bytes, 112_000_000_000);
        // fp32 weights are 4 bytes; checkpoint 4 + 8 = 12 bytes per parameter.
        assert_eq!(c.model_bytes, 28_000_000_000);
        assert_eq!(c.checkpoint_bytes, 84_000_000_000);
    }

    #[test]
    fn small_models_fit_one_gpu_under_ddp() {
        // 1B x 16 = 16 GB x 1.2 = 19.2 GB <= 72 GB
        let p = plan(&input(1e9, Sharding::Ddp, "h100-80gb"));
        assert_eq!((p.gpus_per_worker, p.workers), (1, 1));
        assert_eq!(p.model_state_bytes_per_gpu, 16_000_000_000);
        // DDP with user-fixed GPUs keeps them: each holds everything.
        let mut i = input(1e9, Sharding::Ddp, "h100-80gb");
        i.gpus_per_worker = Some(8);
        i.workers = Some(4);
        let p = plan(&i);
        assert_eq!((p.gpus_per_worker, p.workers, p.total_gpus), (8, 4, 32));
        assert_eq!(p.model_state_bytes_per_gpu, 16_000_000_000);
        assert_eq!(p.min_total_gpus, 1);
    }

    #[test]
    fn large_models_split_into_equal_workers() {
        // 70B: 1120 GB x 1.2 = 1344 GB / 72 = 18.67 -> 19 GPUs;
        // 3 workers of at most 8, ceil(19/3) = 7 each -> 21.
        let p = plan(&input(70e9, Sharding::Fsdp, "h100-80gb"));
        assert_eq!(p.min_total_gpus, 19);
        assert_eq!((p.gpus_per_worker, p.workers, p.total_gpus), (7, 3, 21));
        // 1120/21 = 53.33 GB per GPU
        assert_eq!(p.model_state_bytes_per_gpu, 53_333_333_334);
    }

    #[test]
    fn zero2_needs_many_small_gpus() {
        // 7B ZeRO-2 on a10 (21.6 GB usable): whole 2 x 7 = 14 GB, divided 14 x 7 = 98 GB.
        //   (14 + 98/N) x 1.2 <= 21.6  =>  98/N <= 4  =>  N >= 24.5  => 25
        //   check: N=25 -> (14 + 3.92) x 1.2 = 21.504; N=24 -> 21.7 > 21.6
        // 25 GPUs -> 4 workers of ceil(25/4) = 7 -> 28.
        let p = plan(&input(7e9, Sharding::Zero2, "a10"));
        assert_eq!(p.min_total_gpus, 25);
        assert_eq!((p.gpus_per_worker, p.workers, p.total_gpus), (7, 4, 28));
    }

    #[test]
    fn zero1_that_never_fits_suggests_zero3() {
        // 7B ZeRO-1 on t4 (14.4 GB usable): 4 x 7 = 28 GB stays whole, x 1.2 = 33.6 GB.
        // Full sharding: 112 x 1.2 / 14.4 = 9.33 -> 10 GPUs.
        // Bigger GPU: (28 + 84/N) x 1.2 < 0.9 x M needs M > 37.3 GB -> a100-40gb.
        let e = plan_err(&input(7e9, Sharding::Zero1, "t4"));
        assert_eq!(
            e.to_string(),
            "the model states of 7B parameters (bf16, adam) keep 28.0 GB unsharded on every GPU under `zero1`, plus 5.6 GB of activations: 33.6 GB, but one t4 GPU has 14.4 GB usable (90% of 16 GB)"
        );
        assert_eq!(
            e.help(),
            "use `--sharding zero3` or `--sharding fsdp` (needs at least 10 t4 GPUs), or a GPU with more memory (`--gpu-type a100-40gb` holds it)"
        );
    }

    #[test]
    fn ddp_too_large_for_every_gpu() {
        // 70B x 16 x 1.2 = 1344 GB: no GPU in the table.
        let e = plan_err(&input(70e9, Sharding::Ddp, "b200"));
        assert_eq!(
            e.help(),
            "use `--sharding fsdp` (needs at least 9 b200 GPUs), or a GPU with more memory, though no GPU type mlk knows holds it whole"
        );
    }

    #[test]
    fn user_fixed_counts_that_are_too_small() {
        let mut i = input(7e9, Sharding::Fsdp, "h100-80gb");
        i.gpus_per_worker = Some(1);
        i.workers = Some(1);
        let e = plan_err(&i);
        assert_eq!(
            e.to_string(),
            "with 1 h100-80gb GPU in total, each would hold 134.4 GB of model states and activations under `fsdp`, but has 72.0 GB usable"
        );
        assert_eq!(
            e.help(),
            "use at least 2 GPUs in total (for example `--gpus 2 --workers 1`), a sharding that divides more of the model states, or a GPU with more memory"
        );

        // 70B needs 19: with --gpus 4 fixed, mlk picks ceil(19/4) = 5 workers.
        let mut i = input(70e9, Sharding::Fsdp, "h100-80gb");
        i.gpus_per_worker = Some(4);
        let p = plan(&i);
        assert_eq!((p.gpus_per_worker, p.workers), (4, 5));
        // With --workers 2 fixed, 10 per worker is more than a node has.
        i.gpus_per_worker = None;
        i.workers = Some(2);
        let e = plan_err(&i);
        assert_eq!(
            e.to_string(),
            "the model needs at least 19 h100-80gb GPUs, more than 2 workers can hold with at most 8 GPUs each"
        );
        assert_eq!(
            e.help(),
            "use at least 3 workers (`--workers 3`), or leave `--workers` unset so mlk chooses"
        );
        // With --workers 4 fixed: ceil(19/4) = 5 each.
        i.workers = Some(4);
        let p = plan(&i);
        assert_eq!((p.gpus_per_worker, p.workers, p.total_gpus), (5, 4, 20));
        // Too few with both fixed, more than one node's worth needed.
        i.gpus_per_worker = Some(4);
        i.workers = Some(2);
        assert_eq!(
            plan_err(&i).help(),
            "use at least 19 GPUs in total (for example `--gpus 4 --workers 5`), a sharding that divides more of the model states, or a GPU with more memory"
        );
    }

    #[test]
    fn too_many_gpus_per_worker() {
        let mut i = input(7e9, Sharding::Fsdp, "h100-80gb");
        i.gpus_per_worker = Some(16);
        let e = plan_err(&i);
        assert_eq!(
            e.to_string(),
            "16 GPUs per worker is more than the 8 GPUs a node has"
        );
        assert_eq!(
            e.help(),
            "spread the GPUs over pods (`--gpus 8 --workers 2`), or raise `maxGpusPerNode` in mlk.yaml if your nodes have more"
        );
        i.gpus_per_worker = Some(0);
        assert!(matches!(plan_err(&i), SizingError::InvalidInput { .. }));
        i.gpus_per_worker = None;
        i.workers = Some(0);
        assert!(matches!(plan_err(&i), SizingError::InvalidInput { .. }));
    }

    #[test]
    fn explicit_activation_memory() {
        // 112/N + 20 <= 72  =>  N >= 2.15  => 3
        let mut i = input(7e9, Sharding::Fsdp, "h100-80gb");
        i.activation_memory_bytes = Some(20_000_000_000);
        let p = plan(&i);
        assert_eq!(p.total_gpus, 3);
        assert_eq!(p.activation_bytes_per_gpu, 20_000_000_000);
        // 37.33 + 20
        assert_eq!(p.needed_bytes_per_gpu, 57_333_333_334);
        i.activation_memory_bytes = Some(72_000_000_000);
        let e = plan_err(&i);
        assert_eq!(
            e.to_string(),
            "an activation memory of 72.0 GB per GPU leaves no room for model states: one h100-80gb GPU has 72.0 GB usable"
        );
        // Zero activations: exactly 112/72 = 1.56 -> 2.
        i.activation_memory_bytes = Some(0);
        assert_eq!(plan(&i).total_gpus, 2);
    }

    #[test]
    fn boundary_fits_exactly() {
        // 4.5B fp16 Adam FSDP, no activations: 72 GB of states = exactly one h100's usable.
        let mut i = input(4.5e9, Sharding::Fsdp, "h100-80gb");
        i.activation_memory_bytes = Some(0);
        assert_eq!(plan(&i).total_gpus, 1);
        // One more parameter per GPU's worth does not.
        i.model_params = 4.5e9 + 1.0;
        assert_eq!(plan(&i).total_gpus, 2);
    }

    #[test]
    fn absurd_inputs_are_errors_not_panics() {
        for params in [f64::NAN, f64::INFINITY, -1.0, 0.0, 0.5, 1e16] {
            let e = plan_err(&input(params, Sharding::Fsdp, "h100-80gb"));
            assert_eq!(
                e.to_string(),
                "the model parameter count must be a number from 1 to 1000T"
            );
        }
        // 1000T params, fully sharded: far beyond the GPU limit.
        let e = plan_err(&input(1e15, Sharding::Fsdp, "t4"));
        assert!(matches!(e, SizingError::TooManyGpus { .. }), "{e:?}");
        assert_eq!(
            e.to_string(),
            "the model needs more than 100000 t4 GPUs under `fsdp`"
        );
        let mut i = input(7e9, Sharding::Fsdp, "h100-80gb");
        i.data_size_bytes = Some(u64::MAX);
        i.checkpoint_size_bytes = Some(u64::MAX);
        assert!(matches!(plan_err(&i), SizingError::InvalidInput { .. }));
        // Representable in u64, but not as a Kubernetes quantity once the model is added.
        i.data_size_bytes = Some(MAX_FORMATTED_BYTES);
        i.checkpoint_size_bytes = None;
        assert_eq!(
            plan_err(&i).to_string(),
            "the storage needed is too large to compute"
        );
        i.data_size_bytes = None;
        i.gpus_per_worker = Some(8);
        i.workers = Some(u32::MAX);
        assert!(matches!(plan_err(&i), SizingError::InvalidInput { .. }));
    }

    #[test]
    fn coefficients_are_validated() {
        let i = input(7e9, Sharding::Fsdp, "h100-80gb");
        type Change = fn(&mut Coefficients);
        let cases: [(Change, &str); 7] = [
            (
                |c| c.activation_fraction = f64::NAN,
                "sizing coefficient `activationFraction` must be a finite number, 0 or more",
            ),
            (
                |c| c.activation_fraction = -0.1,
                "sizing coefficient `activationFraction` must be a finite number, 0 or more",
            ),
            (
                |c| c.usable_gpu_memory_fraction = 0.0,
                "sizing coefficient `usableGpuMemoryFraction` must be greater than 0 and at most 1",
            ),
            (
                |c| c.usable_gpu_memory_fraction = 1.5,
                "sizing coefficient `usableGpuMemoryFraction` must be greater than 0 and at most 1",
            ),
            (
                |c| c.max_gpus_per_node = 0,
                "sizing coefficient `maxGpusPerNode` must be at least 1",
            ),
            (
                |c| c.base_memory = Quantity::from_units(-1),
                "sizing coefficient `baseMemory` must not be negative",
            ),
            (
                |c| c.model_memory_bytes_per_param = f64::INFINITY,
                "sizing coefficient `modelMemoryBytesPerParam` must be a finite number, 0 or more",
            ),
        ];
        for (change, message) in cases {
            let mut c = Coefficients::default();
            change(&mut c);
            let e = plan_training(&i, &c).unwrap_err();
            assert_eq!(e.to_string(), message);
            assert!(e.help().contains("mlk.yaml"));
        }
    }

    #[test]
    fn coefficients_deserialise_with_defaults_and_reject_unknown_keys() {
        let c: Coefficients = serde_json::from_str(
            r#"{"baseCpu": "4", "memoryPerGb": "100Mi", "activationFraction": 0.5, "maxGpusPerNode": 4}"#,
        )
        .unwrap();
        assert_eq!(c.base_cpu, Quantity::from_units(4));
        assert_eq!(c.memory_per_gb, Quantity::from_units(100 << 20));
        assert_eq!(c.activation_fraction, 0.5);
        assert_eq!(c.max_gpus_per_node, 4);
        assert_eq!(c.usable_gpu_memory_fraction, 0.9);
        assert_eq!(c.base_memory, Quantity::parse("8Gi").unwrap());
        assert_eq!(c.cpu_per_gb, Quantity::parse("10m").unwrap());
        assert_eq!(c.cpu_per_billion_params, Quantity::parse("500m").unwrap());
        let e = serde_json::from_str::<Coefficients>(r#"{"baseCpus": 2}"#).unwrap_err();
        assert!(e.to_string().contains("unknown field `baseCpus`"), "{e}");
        let e = serde_json::from_str::<Coefficients>(r#"{"baseCpu": "2 cores"}"#).unwrap_err();
        assert!(e.to_string().contains("a quantity must be"), "{e}");
        // The schema knows the fields and forbids others.
        let schema = serde_json::to_value(schemars::schema_for!(Coefficients)).unwrap();
        assert_eq!(schema["additionalProperties"], false);
        assert!(schema["properties"]["usableGpuMemoryFraction"].is_object());
    }

    #[test]
    fn inputs_serialise_compactly_and_round_trip() {
        let mut i = input(7e9, Sharding::Fsdp, "h100-80gb");
        i.data_size_bytes = Some(200 << 30);
        let json = serde_json::to_string(&i).unwrap();
        assert_eq!(
            json,
            r#"{"modelParams":7000000000.0,"precision":"bf16","optimizer":"adam","sharding":"fsdp","gpuType":"h100-80gb","dataSizeBytes":214748364800}"#
        );
        let back: TrainingSizingInput = serde_json::from_str(&json).unwrap();
        assert_eq!(back, i);
        let e = serde_json::from_str::<TrainingSizingInput>(&json.replace("h100-80gb", "h100"))
            .unwrap_err();
        assert!(
            e.to_string()
                .starts_with("unknown GPU type `h100`: use one of t4, v100-16gb"),
            "{e}"
        );
        let e = serde_json::from_str::<TrainingSizingInput>(&json.replace("fsdp", "zero4"))
            .unwrap_err();
        assert!(e.to_string().contains("zero4"), "{e}");
        let p = plan(&i);
        let v = serde_json::to_value(&p).unwrap();
        assert_eq!(v["gpusPerWorker"], 2);
        assert_eq!(v["modelStateBytes"], 112_000_000_000u64);
    }

    #[test]
    fn choices_parse_and_print() {
        assert_eq!("bf16".parse::<Precision>(), Ok(Precision::Bf16));
        assert_eq!("adamw".parse::<Optimizer>(), Ok(Optimizer::Adamw));
        assert_eq!("zero2".parse::<Sharding>(), Ok(Sharding::Zero2));
        assert_eq!(Sharding::Fsdp.to_string(), "fsdp");
        assert_eq!(
            "int8".parse::<Precision>(),
            Err("unknown precision `int8`: use one of fp32, fp16, bf16".to_string())
        );
        assert_eq!(Sharding::NAMES, ["ddp", "zero1", "zero2", "zero3", "fsdp"]);
    }

    #[test]
    fn gpu_table() {
        let names: Vec<_> = gpu_type_names().collect();
        assert_eq!(names.len(), 14);
        for name in [
            "t4",
            "v100-16gb",
            "v100-32gb",
            "a10",
            "a10g",
            "l4",
            "l40s",
            "a30",
            "a100-40gb",
            "a100-80gb",
            "h100-80gb",
            "h100-nvl",
            "h200",
            "b200",
        ] {
            assert!(names.contains(&name), "{name}");
        }
        let memory: Vec<u32> = GPU_TYPES.iter().map(|g| g.memory_gb).collect();
        assert!(memory.is_sorted(), "{memory:?}");
        let mem = |n| gpu_type(n).unwrap().memory_gb;
        assert_eq!(
            [
                mem("t4"),
                mem("v100-16gb"),
                mem("v100-32gb"),
                mem("a10"),
                mem("l4"),
                mem("l40s")
            ],
            [16, 16, 32, 24, 24, 48]
        );
        assert_eq!(
            [
                mem("a30"),
                mem("a100-40gb"),
                mem("a100-80gb"),
                mem("h100-80gb"),
                mem("h100-nvl"),
                mem("h200"),
                mem("b200")
            ],
            [24, 40, 80, 80, 94, 141, 180]
        );
        assert_eq!(gpu_type("H100-80GB"), Some(h100()));
        assert_eq!(gpu_type("h100"), None);
        assert_eq!(h100().product_label, "NVIDIA-H100-80GB-HBM3");
        assert_eq!(
            gpu_type("a100-80gb").unwrap().product_label,
            "NVIDIA-A100-SXM4-80GB"
        );
        assert_eq!(gpu_type("t4").unwrap().product_label, "Tesla-T4");
        assert_eq!(gpu_type("l4").unwrap().product_label, "NVIDIA-L4");
        assert_eq!(gpu_type_by_product_label("NVIDIA-H100-PCIe"), Some(h100()));
        assert_eq!(
            gpu_type_by_product_label("NVIDIA-H100-80GB-HBM3"),
            Some(h100())
        );
        assert_eq!(gpu_type_by_product_label("nvidia-h100-80gb-hbm3"), None);
        // Labels are unique across the table, and all are valid label values.
        let mut labels: Vec<&str> = GPU_TYPES
            .iter()
            .flat_map(|g| {
                std::iter::once(g.product_label).chain(g.other_product_labels.iter().copied())
            })
            .collect();
        for l in &labels {
            crate::validate::label_value(l).unwrap();
        }
        let count = labels.len();
        labels.sort();
        labels.dedup();
        assert_eq!(labels.len(), count);
    }

    #[test]
    fn mig_profiles() {
        let a100 = gpu_type("a100-40gb").unwrap();
        let p = a100.mig_profile("1g.5gb").unwrap();
        assert_eq!((p.memory_gb, p.max_instances), (5, 7));
        assert_eq!(a100.mig_profile("3g.20gb").unwrap().max_instances, 2);
        assert_eq!(
            a100.mig_profile("1g.5gb+me").unwrap().resource_name(),
            "nvidia.com/mig-1g.5gb.me"
        );
        assert_eq!(
            a100.mig_profile_for_resource("nvidia.com/mig-1g.5gb.me")
                .map(|p| p.name),
            Some("1g.5gb+me")
        );
        for gpu in &GPU_TYPES {
            for profile in gpu.mig_profiles {
                assert_eq!(
                    gpu.mig_profile_for_resource(&profile.resource_name()),
                    Some(profile)
                );
            }
            assert_eq!(gpu.mig_profile_for_resource("nvidia.com/gpu"), None);
        }
        assert_eq!(a100.mig_profile("1g.10gb").unwrap().max_instances, 4);
        assert_eq!(a100.mig_profile("1g.20gb"), None);
        assert_eq!(h100().mig_profile("1g.10gb").unwrap().max_instances, 7);
        assert_eq!(
            h100().mig_profile("7g.80gb").unwrap().resource_name(),
            "nvidia.com/mig-7g.80gb"
        );
        assert_eq!(
            gpu_type("a30")
                .unwrap()
                .mig_profile("1g.6gb")
                .unwrap()
                .max_instances,
            4
        );
        assert_eq!(
            gpu_type("h100-nvl")
                .unwrap()
                .mig_profile("3g.47gb")
                .unwrap()
                .max_instances,
            2
        );
        assert_eq!(
            gpu_type("h200")
                .unwrap()
                .mig_profile("1g.18gb")
                .unwrap()
                .max_instances,
            7
        );
        assert_eq!(
            gpu_type("b200")
                .unwrap()
                .mig_profile("7g.180gb")
                .unwrap()
                .max_instances,
            1
        );
        assert!(!gpu_type("l4").unwrap().supports_mig());
        assert!(!gpu_type("t4").unwrap().supports_mig());
        assert!(gpu_type("a30").unwrap().supports_mig());
        let on: Vec<_> = gpu_types_with_mig_profile("1g.10gb")
            .map(|g| g.name)
            .collect();
        assert_eq!(on, ["a100-40gb", "a100-80gb", "h100-80gb"]);
        assert_eq!(gpu_types_with_mig_profile("1g.6gb").count(), 1);
        assert_eq!(gpu_types_with_mig_profile("2g.5gb").count(), 0);
        // Every profile's memory is the number in its name, and no whole-GPU profile
        // claims more memory than the GPU has.
        for g in &GPU_TYPES {
            for p in g.mig_profiles {
                let mem: u32 = p
                    .name
                    .split(['.', '+'])
                    .nth(1)
                    .unwrap()
                    .trim_end_matches("gb")
                    .parse()
                    .unwrap();
                assert_eq!(mem, p.memory_gb, "{} {}", g.name, p.name);
                assert!(p.memory_gb <= g.memory_gb);
                assert!((1..=7).contains(&p.max_instances));
            }
        }
        assert_eq!(mig_resource_name("1g.10gb+me"), "nvidia.com/mig-1g.10gb.me");
    }

    #[test]
    fn inference_memory() {
        assert_eq!(
            inference_weight_bytes(7e9, Precision::Bf16),
            Ok(14_000_000_000)
        );
        assert_eq!(
            inference_weight_bytes(7e9, Precision::Fp32),
            Ok(28_000_000_000)
        );
        // 14 GB x 1.2
        assert_eq!(
            inference_memory_bytes(7e9, Precision::Fp16, 0.2),
            Ok(16_800_000_000)
        );
        assert_eq!(
            inference_memory_bytes(7e9, Precision::Bf16, 0.0),
            Ok(14_000_000_000)
        );
        assert!(inference_memory_bytes(7e9, Precision::Bf16, f64::NAN).is_err());
        assert!(inference_weight_bytes(f64::NAN, Precision::Bf16).is_err());
    }

    #[test]
    fn param_counts() {
        assert_eq!(parse_param_count("7B"), Ok(7e9));
        assert_eq!(parse_param_count("7b"), Ok(7e9));
        assert_eq!(parse_param_count("350M"), Ok(350e6));
        assert_eq!(parse_param_count("1.5b"), Ok(1.5e9));
        assert_eq!(parse_param_count("7000000000"), Ok(7e9));
        assert_eq!(parse_param_count("125k"), Ok(125e3));
        assert_eq!(parse_param_count("1.2T"), Ok(1.2e12));
        assert_eq!(parse_param_count("7.1B"), Ok(7_100_000_000.0));
        assert_eq!(parse_param_count(".5B"), Ok(5e8));
        assert_eq!(parse_param_count("7."), Ok(7.0));
        assert_eq!(parse_param_count("1000T"), Ok(1e15));
        assert_eq!(parse_param_count("0007B"), Ok(7e9));
        // Rounded to a whole parameter, half up.
        assert_eq!(parse_param_count("1.0000000005B"), Ok(1_000_000_001.0));
        assert_eq!(parse_param_count("1.0000000004999B"), Ok(1_000_000_000.0));
        assert_eq!(parse_param_count("2.5"), Ok(3.0));
        assert_eq!(
            parse_param_count(&format!("1.{}B", "0".repeat(100))),
            Ok(1e9)
        );
        for s in [
            "", "B", "7 B", " 7B", "7GB", "7e9", "-7B", "+7B", "7..5B", "1,5B", "seven", "7BB",
            ".", "7Bé",
        ] {
            let e = parse_param_count(s).unwrap_err();
            assert!(e.starts_with("a parameter count is a number"), "{s}: {e}");
        }
        for s in ["0", "0B", "0.4", "1001T", "99999999999999999999"] {
            let e = parse_param_count(s).unwrap_err();
            assert!(e.ends_with("must be from 1 to 1000T"), "{s}: {e}");
        }
    }

    #[test]
    fn params_are_shown_as_people_write_them() {
        assert_eq!(format_params(7e9), "7B");
        assert_eq!(format_params(1.5e9), "1.5B");
        assert_eq!(format_params(350e6), "350M");
        assert_eq!(format_params(70e9), "70B");
        assert_eq!(format_params(1.2e12), "1.2T");
        assert_eq!(format_params(999.0), "999");
    }

    proptest::proptest! {
        #[test]
        fn param_count_parsing_never_panics(s in "\\PC{0,30}|[0-9.]{0,25}[kKmMbBtT]?") {
            let _ = parse_param_count(&s);
        }

        #[test]
        fn planning_never_panics_and_always_fits(
            params in proptest::prelude::any::<f64>(),
            gpu in 0usize..14,
            sharding in 0usize..5,
            gpus_per_worker in proptest::option::of(0u32..20),
            workers in proptest::option::of(0u32..2000),
            activation in proptest::option::of(proptest::prelude::any::<u64>()),
        ) {
            let mut i = input(1.0, Sharding::Ddp, GPU_TYPES[gpu].name);
            i.model_params = params;
            i.sharding = Sharding::NAMES[sharding].parse().unwrap();
            i.gpus_per_worker = gpus_per_worker;
            i.workers = workers;
            i.activation_memory_bytes = activation;
            if let Ok(p) = plan_training(&i, &Coefficients::default()) {
                proptest::prop_assert!(p.needed_bytes_per_gpu <= p.usable_bytes_per_gpu);
                proptest::prop_assert!(p.total_gpus >= p.min_total_gpus);
                proptest::prop_assert!(p.gpus_per_worker <= 8);
                proptest::prop_assert_eq!(p.total_gpus, p.gpus_per_worker * p.workers);
            }
        }

        #[test]
        fn realistic_models_get_a_plan(billions in 0.1f64..500.0, gpu in 0usize..14) {
            let i = input(billions * 1e9, Sharding::Fsdp, GPU_TYPES[gpu].name);
            let p = plan(&i);
            // The minimum is minimal: one GPU fewer would not hold it.
            let per_gpu = |n: u32| 16.0 * i.model_params / f64::from(n) * 1.2;
            let usable = i.gpu.memory_bytes() as f64 * 0.9;
            proptest::prop_assert!(per_gpu(p.min_total_gpus) <= usable);
            proptest::prop_assert!(p.min_total_gpus == 1 || per_gpu(p.min_total_gpus - 1) > usable);
        }
    }
}
