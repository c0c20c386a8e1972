use crate::declare_rule;
use crate::lint::{ObjectCx, Rule, RuleMeta, Sink};
use crate::manifest::Node;

declare_rule! {
    /// ## What it does
    /// Reports PriorityClasses that the API server rejects: a `value` above 1,000,000,000
    /// (the highest user-definable priority), a name starting with `system-` (reserved for
    /// `system-cluster-critical` and `system-node-critical`), and a `preemptionPolicy`
    /// other than `PreemptLowerPriority` or `Never`.
    ///
    /// ## Why is this bad?
    /// The class is not created, and every pod that names it in `priorityClassName` is
    /// then rejected by the Priority admission plugin: a whole training queue stops.
    ///
    /// ## Example
    /// ```yaml
    /// apiVersion: scheduling.k8s.io/v1
    /// kind: PriorityClass
    /// metadata:
    ///   name: training-urgent
    /// value: 2000000000
    /// preemptionPolicy: Never
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// apiVersion: scheduling.k8s.io/v1
    /// kind: PriorityClass
    /// metadata:
    ///   name: training-urgent
    /// value: 1000000
    /// preemptionPolicy: Never
    /// ```
    ///
    /// ## References
    /// - <https://kubernetes.io/docs/concepts/scheduling-eviction/pod-priority-preemption/#priorityclass>
    pub InvalidPriorityClass {
        name: "invalid-priority-class",
        category: Correctness,
        level: Error,
        summary: "`PriorityClass` value, name or preemption policy that the API server rejects",
    }
}

/// `scheduling.HighestUserDefinablePriority`.
const HIGHEST_USER_PRIORITY: i64 = 1_000_000_000;

/// The built-in classes (`scheduling.SystemPriorityClasses`): name and value.
const SYSTEM_CLASSES: [(&str, i64); 2] = [
    ("system-cluster-critical", 2_000_000_000),
    ("system-node-critical", 2_000_001_000),
];

impl Rule for InvalidPriorityClass {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_object(&self, cx: &ObjectCx<'_>, sink: &mut Sink) {
        if cx.object.group() != Some("scheduling.k8s.io") || cx.object.kind != Some("PriorityClass")
        {
            return;
        }
        let node = cx.object.node;
        let value = node.get("value").and_then(Node::as_i64);
        if let Some(name) = cx.object.name.filter(|n| n.starts_with("system-")) {
            // Upstream accepts a `system-` name only as an exact copy of a built-in class.
            let known = SYSTEM_CLASSES
                .iter()
                .any(|(n, v)| *n == name && value == Some(*v))
                && node.get("globalDefault").and_then(Node::as_bool) != Some(true);
            if !known {
                sink.report(
                    cx.path(&["metadata", "name"]),
                    format!("name `{name}` uses the reserved `system-` prefix"),
                )
                .help("rename it; names starting with `system-` are reserved for Kubernetes' own classes");
            }
        } else if let Some(v) = value.filter(|v| *v > HIGHEST_USER_PRIORITY) {
            sink.report(
                cx.path(&["value"]),
                format!("value {v} exceeds the maximum of a user-defined priority, {HIGHEST_USER_PRIORITY}"),
            )
            .help("use a value of at most 1000000000; higher values are reserved for system classes");
        }
        if let Some(p) = node.get("preemptionPolicy").and_then(Node::as_str)
            && !matches!(p, "PreemptLowerPriority" | "Never")
        {
            sink.report(
                cx.path(&["preemptionPolicy"]),
                format!("unsupported `preemptionPolicy` `{p}`"),
            )
            .help("use `PreemptLowerPriority` (the default) or `Never`");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::{check, render};

    fn class(name: &str, rest: &str) -> String {
        format!(
            "apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata: {{name: {name}}}\n{rest}"
        )
    }

    #[test]
    fn value_name_and_policy() {
        assert_eq!(
            render(&check(
                &InvalidPriorityClass,
                &class("urgent", "value: 1000000001\npreemptionPolicy: never\n")
            )),
            "4:8 [error] value 1000000001 exceeds the maximum of a user-defined priority, 1000000000 (value)\n\
             5:19 [error] unsupported `preemptionPolicy` `never` (preemptionPolicy)"
        );
        assert_eq!(
            render(&check(
                &InvalidPriorityClass,
                &class("system-gpu", "value: 10\n")
            )),
            "3:18 [error] name `system-gpu` uses the reserved `system-` prefix (metadata.name)"
        );
        assert_eq!(
            check(
                &InvalidPriorityClass,
                &class("system-node-critical", "value: 5\n")
            )
            .len(),
            1
        );
    }

    #[test]
    fn valid_system_and_malformed_pass() {
        for yaml in [
            class(
                "batch-low",
                "value: -10\nglobalDefault: false\npreemptionPolicy: Never\n",
            ),
            class("top", "value: 1000000000\n"),
            class("system-cluster-critical", "value: 2000000000\n"),
            class("x", "value: big\npreemptionPolicy: [a]\n"),
            "apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\n".to_string(),
        ] {
            assert!(check(&InvalidPriorityClass, &yaml).is_empty(), "{yaml}");
        }
    }
}
