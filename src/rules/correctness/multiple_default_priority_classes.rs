use crate::declare_rule;
use crate::lint::{InputCx, Rule, RuleMeta, Sink};

declare_rule! {
    /// ## What it does
    /// Reports PriorityClasses marked `globalDefault: true` when another one in the input
    /// already is; each one after the first is reported.
    ///
    /// ## Why is this bad?
    /// Only one default can exist: the Priority admission plugin rejects the second one
    /// (`PriorityClass ... is already marked as default. Only one default can exist`), so
    /// what pods without a `priorityClassName` get depends on which was applied first.
    ///
    /// ## Example
    /// ```yaml
    /// apiVersion: scheduling.k8s.io/v1
    /// kind: PriorityClass
    /// metadata:
    ///   name: training-default
    /// value: 1000
    /// globalDefault: true
    /// ---
    /// apiVersion: scheduling.k8s.io/v1
    /// kind: PriorityClass
    /// metadata:
    ///   name: serving-default
    /// value: 100000
    /// globalDefault: true
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// apiVersion: scheduling.k8s.io/v1
    /// kind: PriorityClass
    /// metadata:
    ///   name: training-default
    /// value: 1000
    /// globalDefault: true
    /// ---
    /// apiVersion: scheduling.k8s.io/v1
    /// kind: PriorityClass
    /// metadata:
    ///   name: serving-high
    /// value: 100000
    /// globalDefault: false
    /// ```
    ///
    /// ## References
    /// - <https://kubernetes.io/docs/concepts/scheduling-eviction/pod-priority-preemption/#priorityclass>
    pub MultipleDefaultPriorityClasses {
        name: "multiple-default-priority-classes",
        category: Correctness,
        level: Error,
        summary: "more than one PriorityClass is marked globalDefault",
    }
}

impl Rule for MultipleDefaultPriorityClasses {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn cross_object(&self) -> bool {
        true
    }

    fn check_input(&self, cx: &InputCx<'_>, sink: &mut Sink) {
        let defaults = &cx.facts.default_priority_classes;
        let Some(first) = defaults.first() else {
            return;
        };
        let first_name = first.name.as_deref().unwrap_or("<unnamed>");
        for other in &defaults[1..] {
            sink.report_at(
                &other.location,
                format!(
                    "`PriorityClass` `{}` is marked globalDefault, but `{first_name}` already is: only one default can exist",
                    other.name.as_deref().unwrap_or("<unnamed>")
                ),
            )
            .help("keep `globalDefault: true` on one PriorityClass and set it to false on the others");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::{check, render};

    #[test]
    fn every_default_after_the_first() {
        let yaml = "\
apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata: {name: a}
value: 1
globalDefault: true
---
apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata: {name: b}
value: 2
globalDefault: true
---
apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata: {name: c}
value: 3
globalDefault: yes
";
        assert_eq!(
            render(&check(&MultipleDefaultPriorityClasses, yaml)),
            "11:16 [error] `PriorityClass` `b` is marked globalDefault, but `a` already is: only one default can exist (globalDefault)\n\
             17:16 [error] `PriorityClass` `c` is marked globalDefault, but `a` already is: only one default can exist (globalDefault)"
        );
    }

    #[test]
    fn one_default_or_none_passes() {
        let yaml = "apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata: {name: a}\nglobalDefault: true\n---\napiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata: {name: b}\nglobalDefault: \"true\"\n---\napiVersion: v1\nkind: ConfigMap\nglobalDefault: true\n";
        assert!(check(&MultipleDefaultPriorityClasses, yaml).is_empty());
    }
}
