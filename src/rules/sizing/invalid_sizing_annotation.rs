use super::annotated::{annotation, coefficients, parse};
use crate::declare_rule;
use crate::lint::{ObjectCx, Rule, RuleMeta, Sink};
use crate::sizing::{INPUTS_ANNOTATION, SizingError, plan_training};

declare_rule! {
    /// ## What it does
    /// Reports a `sizing.mlk.dev/inputs` annotation that mlk cannot read: not JSON, unknown
    /// fields, an unknown GPU type, precision, optimizer or sharding, or values the sizing
    /// formulas refuse (a parameter count outside 1 to 1000T, zero GPUs or workers).
    ///
    /// ## Why is this bad?
    /// `mlk train --model-params` records its sizing inputs in this annotation so that
    /// `mlk lint` can re-check the workload's GPUs, CPU and memory. An unreadable
    /// annotation silently turns those checks off.
    ///
    /// ## Example
    /// ```yaml
    /// apiVersion: batch/v1
    /// kind: Job
    /// metadata:
    ///   name: llm-train
    ///   annotations:
    ///     sizing.mlk.dev/inputs: '{"modelParams":7000000000.0,"precision":"bf16","optimizer":"adam","sharding":"fsdp","gpuType":"h100"}'
    /// spec:
    ///   template:
    ///     spec:
    ///       restartPolicy: Never
    ///       containers:
    ///       - name: trainer
    ///         image: registry.example.com/train:1.4.2
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
    /// ```
    pub InvalidSizingAnnotation {
        name: "invalid-sizing-annotation",
        category: Sizing,
        level: Warning,
        summary: "sizing inputs annotation that mlk cannot read",
    }
}

impl Rule for InvalidSizingAnnotation {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_object(&self, cx: &ObjectCx<'_>, sink: &mut Sink) {
        let Some((node, path)) = annotation(cx) else {
            return;
        };
        let problem = match parse(node) {
            Err(e) => e,
            Ok(input) => {
                // Only the inputs themselves; GPU counts that do not fit are another rule's.
                let bare = crate::sizing::TrainingSizingInput {
                    gpus_per_worker: None,
                    workers: None,
                    ..input.clone()
                };
                let zero = input.gpus_per_worker == Some(0) || input.workers == Some(0);
                match plan_training(&bare, &coefficients(cx.settings)) {
                    Err(SizingError::InvalidInput { message, .. }) => message,
                    _ if zero => "GPUs per worker and workers must be at least 1".to_string(),
                    _ => return,
                }
            }
        };
        sink.report(path, format!("`{INPUTS_ANNOTATION}` cannot be read: {problem}"))
            .help("re-generate the workload with `mlk train --model-params ...`, or remove the annotation");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::{check, render};

    fn job(annotation: &str) -> String {
        format!(
            "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: t\n  annotations:\n    sizing.mlk.dev/inputs: {annotation}\nspec:\n  template:\n    spec:\n      containers: [{{name: t, image: x:1}}]\n"
        )
    }

    #[test]
    fn unreadable_annotations_are_reported() {
        let found = render(&check(
            &InvalidSizingAnnotation,
            &job("'{\"modelParams\": 7e9'"),
        ));
        assert!(
            found.starts_with(
                "6:28 [warning] `sizing.mlk.dev/inputs` cannot be read: EOF while parsing"
            ),
            "{found}"
        );
        let found = render(&check(
            &InvalidSizingAnnotation,
            &job(
                r#"'{"modelParams":7e9,"precision":"bf16","optimizer":"adam","sharding":"fsdp","gpuType":"h100"}'"#,
            ),
        ));
        assert!(found.contains("unknown GPU type `h100`"), "{found}");
        let found = render(&check(
            &InvalidSizingAnnotation,
            &job(
                r#"'{"modelParams":0,"precision":"bf16","optimizer":"adam","sharding":"fsdp","gpuType":"h100-80gb"}'"#,
            ),
        ));
        assert!(
            found.contains("parameter count must be a number from 1 to 1000T"),
            "{found}"
        );
        let found = render(&check(
            &InvalidSizingAnnotation,
            &job(
                r#"'{"modelParams":1e9,"precision":"bf16","optimizer":"adam","sharding":"fsdp","gpuType":"h100-80gb","workers":0}'"#,
            ),
        ));
        assert!(found.contains("must be at least 1"), "{found}");
        let found = render(&check(&InvalidSizingAnnotation, &job("[1]")));
        assert!(found.contains("not a JSON string"), "{found}");
    }

    #[test]
    fn readable_and_absent_annotations_pass() {
        let ok = r#"'{"modelParams":7000000000.0,"precision":"bf16","optimizer":"adam","sharding":"ddp","gpuType":"h100-80gb","workers":4}'"#;
        assert!(check(&InvalidSizingAnnotation, &job(ok)).is_empty());
        let plain = "apiVersion: v1\nkind: Pod\nmetadata: {name: p, annotations: {a: b}}\nspec:\n  containers: [{name: t, image: x:1}]\n";
        assert!(check(&InvalidSizingAnnotation, plain).is_empty());
    }
}
