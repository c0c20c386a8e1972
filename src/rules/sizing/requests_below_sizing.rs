use super::annotated::{coefficients, gpu_pods, inputs};
use crate::declare_rule;
use crate::lint::{ObjectCx, Rule, RuleMeta, Sink};
use crate::quantity::{Quantity, format_bytes, format_cpu_millis};
use crate::sizing::{TrainingSizingInput, format_params, plan_training};

declare_rule! {
    /// ## What it does
    /// For workloads annotated with `sizing.mlk.dev/inputs`, reports GPU pods whose CPU or
    /// memory request (the pod's effective request: containers add up, init containers
    /// count on their own) is below what the platform formula of SPEC section 6 gives per
    /// worker: `cpu = baseCpu + data_gb * cpuPerGb + params_billions * cpuPerBillionParams`,
    /// `memory = baseMemory + data_gb * memoryPerGb + params * modelMemoryBytesPerParam`,
    /// with the coefficients of mlk.yaml (`sizing:`).
    ///
    /// ## Why is this bad?
    /// Training needs host memory to load and save the model and CPU to feed the GPUs.
    /// Below the formula, the job is likely to be killed for running out of memory while
    /// it loads a checkpoint, or to leave expensive GPUs idle waiting for data. Lowered
    /// requests usually come from hand edits after `mlk train` sized the job.
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
    ///             cpu: "2"
    ///             memory: 16Gi
    ///             nvidia.com/gpu: 2
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
    ///             cpu: 5500m
    ///             memory: 48247Mi
    ///             nvidia.com/gpu: 2
    /// ```
    pub RequestsBelowSizing {
        name: "requests-below-sizing",
        category: Sizing,
        level: Warning,
        summary: "cpu or memory request below the sizing formula",
    }
}

impl Rule for RequestsBelowSizing {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_object(&self, cx: &ObjectCx<'_>, sink: &mut Sink) {
        let Some(input) = inputs(cx) else { return };
        let pods = gpu_pods(cx, input.gpu);
        if pods.is_empty() {
            return;
        }
        // CPU and memory do not depend on the GPU counts, so the inputs as written give
        // them even when the pods' GPUs are wrong (which `insufficient-gpu-memory` reports).
        let planning = TrainingSizingInput {
            gpus_per_worker: None,
            workers: None,
            ..input.clone()
        };
        let Ok(plan) = plan_training(&planning, &coefficients(cx.settings)) else {
            return;
        };
        let wanted = [
            (
                "cpu",
                i64::try_from(plan.cpu_millis_per_worker).map(Quantity::from_millis),
                format_cpu_millis(plan.cpu_millis_per_worker),
            ),
            (
                "memory",
                i64::try_from(plan.memory_bytes_per_worker).map(Quantity::from_units),
                format_bytes(plan.memory_bytes_per_worker),
            ),
        ];
        for pod in &pods {
            for (resource, want, shown) in &wanted {
                let Ok(want) = want else { continue };
                let have = pod.requests.get(resource).copied().unwrap_or_default();
                if have >= *want {
                    continue;
                }
                let at = pod
                    .template
                    .containers()
                    .find(|c| !c.init)
                    .map_or_else(
                        || pod.base.key("containers").index(0),
                        |c| c.path(&pod.base),
                    )
                    .key("resources")
                    .key("requests")
                    .key(resource);
                let have_text = if have.is_zero() {
                    "nothing".to_string()
                } else if *resource == "cpu" {
                    format_cpu_millis(u64::try_from(have.milli_value()).unwrap_or(0))
                } else {
                    format_bytes(u64::try_from(have.value()).unwrap_or(0))
                };
                sink.report(
                    at,
                    format!(
                        "pod requests {have_text} of `{resource}`, below the {shown} the sizing formula gives a worker for {} parameters",
                        format_params(input.model_params)
                    ),
                )
                .help(format!(
                    "request at least `{resource}: {shown}` per pod, or re-run `mlk train` with the model's inputs"
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::{check, render};

    const FSDP_7B: &str = r#"{"modelParams":7000000000.0,"precision":"bf16","optimizer":"adam","sharding":"fsdp","gpuType":"h100-80gb"}"#;

    fn job(annotation: &str, resources: &str) -> String {
        format!(
            "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: t\n  annotations:\n    sizing.mlk.dev/inputs: '{annotation}'\nspec:\n  template:\n    spec:\n      containers:\n      - name: t\n        image: x:1\n        resources: {resources}\n"
        )
    }

    #[test]
    fn low_requests_are_reported() {
        let yaml = job(
            FSDP_7B,
            "{requests: {cpu: 2}, limits: {cpu: 2, memory: 16Gi, nvidia.com/gpu: 2}}",
        );
        assert_eq!(
            render(&check(&RequestsBelowSizing, &yaml)),
            "13:21 [warning] pod requests 16Gi of `memory`, below the 48247Mi the sizing formula gives a worker for 7B parameters (spec.template.spec.containers[0].resources.requests.memory)\n\
             13:37 [warning] pod requests 2 of `cpu`, below the 5500m the sizing formula gives a worker for 7B parameters (spec.template.spec.containers[0].resources.requests.cpu)"
        );
    }

    #[test]
    fn what_mlk_train_writes_passes() {
        let yaml = job(
            FSDP_7B,
            "{limits: {cpu: 5500m, memory: 48247Mi, nvidia.com/gpu: 2}}",
        );
        assert!(check(&RequestsBelowSizing, &yaml).is_empty());
    }

    #[test]
    fn sidecar_containers_add_and_cpu_pods_are_skipped() {
        let yaml = "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: t\n  annotations:\n    sizing.mlk.dev/inputs: '{\"modelParams\":7000000000.0,\"precision\":\"bf16\",\"optimizer\":\"adam\",\"sharding\":\"fsdp\",\"gpuType\":\"h100-80gb\"}'\nspec:\n  template:\n    spec:\n      containers:\n      - {name: a, image: x:1, resources: {limits: {cpu: 3, memory: 40Gi, nvidia.com/gpu: 2}}}\n      - {name: b, image: x:1, resources: {limits: {cpu: 3, memory: 10Gi}}}\n";
        assert!(check(&RequestsBelowSizing, yaml).is_empty());
        let cpu_only = job(FSDP_7B, "{limits: {cpu: 1}}");
        assert!(check(&RequestsBelowSizing, &cpu_only).is_empty());
    }
}
