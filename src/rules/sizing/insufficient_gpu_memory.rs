use super::annotated::{WorkerPod, coefficients, gpu_pods, inputs};
use crate::declare_rule;
use crate::lint::{ObjectCx, Rule, RuleMeta, Sink};
use crate::sizing::{
    MAX_TOTAL_GPUS, MigProfile, SizingError, TrainingSizingInput, format_params,
    model_state_bytes_per_gpu, plan_training,
};

declare_rule! {
    /// ## What it does
    /// Re-runs the GPU memory formula (SPEC section 6; ZeRO paper model states plus an
    /// activation allowance, against the usable part of each GPU's memory) for workloads
    /// annotated with `sizing.mlk.dev/inputs`, with the GPUs the pods actually ask for:
    /// the GPUs per pod times the pods of every GPU template. It reports workloads whose
    /// GPUs cannot hold the model states: too few GPUs for the sharding, a model that no
    /// number of GPUs holds without sharding, or MIG instances too small. The GPU type is
    /// the one the pods' `nvidia.com/gpu.product` node selector names, else the
    /// annotation's.
    ///
    /// ## Why is this bad?
    /// Such a job starts, allocates its GPUs, and fails with CUDA out-of-memory errors as
    /// soon as it builds the optimizer: hours of queueing for nothing, often repeated by
    /// retries. It happens when GPU counts are edited by hand after `mlk train` sized the
    /// job, or the sharding strategy is changed.
    ///
    /// ## Example
    /// ```yaml
    /// apiVersion: batch/v1
    /// kind: Job
    /// metadata:
    ///   name: llm-train
    ///   annotations:
    ///     sizing.mlk.dev/inputs: '{"modelParams":7000000000.0,"precision":"bf16","optimizer":"adam","sharding":"fsdp","gpuType":"h100-80gb"}'
    /// spec:
    ///   template:
    ///     spec:
    ///       restartPolicy: Never
    ///       containers:
    ///       - name: trainer
    ///         image: registry.example.com/train:1.4.2
    ///         resources:
    ///           limits:
    ///             nvidia.com/gpu: 1
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// apiVersion: batch/v1
    /// kind: Job
    /// metadata:
    ///   name: llm-train
    ///   annotations:
    ///     sizing.mlk.dev/inputs: '{"modelParams":7000000000.0,"precision":"bf16","optimizer":"adam","sharding":"fsdp","gpuType":"h100-80gb"}'
    /// spec:
    ///   template:
    ///     spec:
    ///       restartPolicy: Never
    ///       containers:
    ///       - name: trainer
    ///         image: registry.example.com/train:1.4.2
    ///         resources:
    ///           limits:
    ///             nvidia.com/gpu: 2
    /// ```
    ///
    /// ## References
    /// - Rajbhandari et al., "ZeRO: Memory Optimizations Toward Training Trillion Parameter Models", SC'20, <https://arxiv.org/abs/1910.02054>
    /// - <https://deepspeed.readthedocs.io/en/latest/memory.html>
    pub InsufficientGpuMemory {
        name: "insufficient-gpu-memory",
        category: Sizing,
        level: Error,
        summary: "the GPUs asked for cannot hold the model states",
    }
}

impl Rule for InsufficientGpuMemory {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_object(&self, cx: &ObjectCx<'_>, sink: &mut Sink) {
        let Some(input) = inputs(cx) else { return };
        let pods = gpu_pods(cx, input.gpu);
        let Some(first) = pods.first() else { return };
        let total = pods.iter().fold(0u64, |t, p| {
            t.saturating_add(p.replicas.saturating_mul(p.gpus))
        });
        let Ok(total) = u32::try_from(total) else {
            return;
        };
        if total == 0 || total > MAX_TOTAL_GPUS {
            return;
        }
        let coefficients = coefficients(cx.settings);
        if let Some(profile) = first.mig {
            if pods.iter().all(|p| p.mig == Some(profile)) {
                check_mig(&input, profile, total, first, &coefficients, sink);
            }
            return;
        }
        if pods
            .iter()
            .any(|p| p.mig.is_some() || p.resource != first.resource)
        {
            return;
        }
        let uniform = pods.iter().all(|p| p.gpus == first.gpus);
        let (per_worker, workers) = if uniform {
            let workers = pods.iter().map(|p| p.replicas).sum::<u64>();
            (u32::try_from(first.gpus).ok(), u32::try_from(workers).ok())
        } else {
            (Some(1), Some(total))
        };
        let (Some(per_worker), Some(workers)) = (per_worker, workers) else {
            return;
        };
        let actual = TrainingSizingInput {
            gpu: first.selected.unwrap_or(input.gpu),
            gpus_per_worker: Some(per_worker),
            workers: Some(workers),
            ..input
        };
        let coefficients = crate::sizing::Coefficients {
            max_gpus_per_node: coefficients.max_gpus_per_node.max(per_worker),
            ..coefficients
        };
        if let Err(
            e @ (SizingError::ModelTooLarge { .. }
            | SizingError::TooFewGpus { .. }
            | SizingError::TooManyGpus { .. }
            | SizingError::ActivationTooLarge { .. }),
        ) = plan_training(&actual, &coefficients)
        {
            sink.report(first.gpu_path(), e.to_string()).help(e.help());
        }
    }
}

/// MIG instances: the same formula against the memory of one instance.
fn check_mig(
    input: &TrainingSizingInput,
    profile: &MigProfile,
    instances: u32,
    first: &WorkerPod<'_>,
    coefficients: &crate::sizing::Coefficients,
    sink: &mut crate::lint::Sink,
) {
    let states = model_state_bytes_per_gpu(
        input.model_params,
        input.precision,
        input.optimizer,
        input.sharding,
        instances,
    );
    let activation = input
        .activation_memory_bytes
        .map_or(states * coefficients.activation_fraction, |b| b as f64);
    let need = states + activation;
    let usable = f64::from(profile.memory_gb) * 1e9 * coefficients.usable_gpu_memory_fraction;
    // A NaN from absurd inputs compares false and is not reported.
    if need.partial_cmp(&usable) != Some(std::cmp::Ordering::Greater) {
        return;
    }
    sink.report(
        first.gpu_path(),
        format!(
            "the model states of {} parameters ({}, {}) under `{}` with {instances} `{}` in total, plus activations, take {:.1} GB per instance, but one {} instance has {:.1} GB usable",
            format_params(input.model_params),
            input.precision,
            input.optimizer,
            input.sharding,
            first.resource,
            need / 1e9,
            profile.name,
            usable / 1e9,
        ),
    )
    .help("use a larger MIG profile or whole GPUs, or shard the model states over more instances");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::{check, render};

    fn job(
        annotation: &str,
        parallelism: u32,
        resource: &str,
        gpus: u32,
        selector: &str,
    ) -> String {
        format!(
            "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: t\n  annotations:\n    sizing.mlk.dev/inputs: '{annotation}'\nspec:\n  parallelism: {parallelism}\n  template:\n    spec:\n{selector}      containers:\n      - name: t\n        image: x:1\n        resources:\n          limits: {{{resource}: {gpus}}}\n"
        )
    }

    const FSDP_7B: &str = r#"{"modelParams":7000000000.0,"precision":"bf16","optimizer":"adam","sharding":"fsdp","gpuType":"h100-80gb"}"#;
    const DDP_7B: &str = r#"{"modelParams":7000000000.0,"precision":"bf16","optimizer":"adam","sharding":"ddp","gpuType":"h100-80gb"}"#;

    #[test]
    fn too_few_gpus_for_fsdp_are_reported_at_the_gpu_limit() {
        let found = check(
            &InsufficientGpuMemory,
            &job(FSDP_7B, 1, "nvidia.com/gpu", 1, ""),
        );
        assert_eq!(
            render(&found),
            "15:36 [error] with 1 h100-80gb GPU in total, each would hold 134.4 GB of model states and activations under `fsdp`, but has 72.0 GB usable (spec.template.spec.containers[0].resources.limits[\"nvidia.com/gpu\"])"
        );
        assert!(
            found[0]
                .help
                .as_deref()
                .unwrap()
                .contains("at least 2 GPUs")
        );
        // Two pods of one GPU hold it, as one pod of two does.
        assert!(
            check(
                &InsufficientGpuMemory,
                &job(FSDP_7B, 2, "nvidia.com/gpu", 1, "")
            )
            .is_empty()
        );
        assert!(
            check(
                &InsufficientGpuMemory,
                &job(FSDP_7B, 1, "nvidia.com/gpu", 2, "")
            )
            .is_empty()
        );
    }

    #[test]
    fn unsharded_models_that_fit_no_gpu_are_reported() {
        let found = render(&check(
            &InsufficientGpuMemory,
            &job(DDP_7B, 4, "nvidia.com/gpu", 8, ""),
        ));
        assert!(
            found.contains("take 112.0 GB on every GPU under `ddp`"),
            "{found}"
        );
    }

    #[test]
    fn the_selected_gpu_model_wins_over_the_annotation() {
        let selector = "      nodeSelector: {nvidia.com/gpu.product: NVIDIA-B200}\n";
        assert!(
            check(
                &InsufficientGpuMemory,
                &job(DDP_7B, 1, "nvidia.com/gpu", 1, selector)
            )
            .is_empty()
        );
        let selector = "      nodeSelector: {nvidia.com/gpu.product: NVIDIA-L4}\n";
        let found = render(&check(
            &InsufficientGpuMemory,
            &job(FSDP_7B, 1, "nvidia.com/gpu", 2, selector),
        ));
        assert!(found.contains("2 l4 GPUs in total"), "{found}");
    }

    #[test]
    fn mig_instances_use_the_profile_memory() {
        let small = r#"{"modelParams":1000000000.0,"precision":"bf16","optimizer":"adam","sharding":"ddp","gpuType":"a100-80gb"}"#;
        let found = render(&check(
            &InsufficientGpuMemory,
            &job(small, 1, "nvidia.com/mig-1g.10gb", 1, ""),
        ));
        assert!(
            found.contains("take 19.2 GB per instance, but one 1g.10gb instance has 9.0 GB usable"),
            "{found}"
        );
        assert!(
            check(
                &InsufficientGpuMemory,
                &job(small, 1, "nvidia.com/mig-3g.40gb", 1, "")
            )
            .is_empty()
        );
    }

    #[test]
    fn unannotated_cpu_and_unreadable_workloads_pass() {
        let plain = "apiVersion: batch/v1\nkind: Job\nmetadata: {name: t}\nspec:\n  template:\n    spec:\n      containers: [{name: t, image: x:1, resources: {limits: {nvidia.com/gpu: 1}}}]\n";
        assert!(check(&InsufficientGpuMemory, plain).is_empty());
        assert!(check(&InsufficientGpuMemory, &job(FSDP_7B, 1, "cpu", 1, "")).is_empty());
        assert!(
            check(
                &InsufficientGpuMemory,
                &job("{not json", 1, "nvidia.com/gpu", 1, "")
            )
            .is_empty()
        );
        assert!(
            check(
                &InsufficientGpuMemory,
                &job(FSDP_7B, 1, "nvidia.com/gpu", 0, "")
            )
            .is_empty()
        );
    }
}
