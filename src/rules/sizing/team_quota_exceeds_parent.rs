use std::collections::BTreeMap;

use super::budgets::{shown, tightest};
use crate::declare_rule;
use crate::lint::{InputCx, Rule, RuleMeta, Sink};
use crate::quantity::Quantity;

/// The Namespace label that names a team namespace's parent budget.
pub const PARENT_LABEL: &str = "quota.mlk.dev/parent";

declare_rule! {
    /// ## What it does
    /// Checks a budget hierarchy across the input. A Namespace labelled
    /// `quota.mlk.dev/parent: <namespace>` is a child of that namespace (a team of a
    /// department, a department of an organisation); `mlk quota -f org.yaml` writes these
    /// labels. For every resource the parent's ResourceQuotas limit, the children's limits
    /// (each child's tightest unscoped quota for it) are added up; the rule reports when
    /// the sum is above the parent's own limit. `cpu` and `requests.cpu` count as the same
    /// key, as do `memory`/`requests.memory` and `ephemeral-storage`. Children without a
    /// quota for the resource are left out.
    ///
    /// ## Why is this bad?
    /// Kubernetes enforces each namespace's quota on its own and knows nothing of the
    /// hierarchy. If the teams' quotas add up to more than the department's budget, the
    /// teams can together use more GPUs than the department was given, and the
    /// department's own quota stops nothing.
    ///
    /// ## Example
    /// ```yaml
    /// apiVersion: v1
    /// kind: ResourceQuota
    /// metadata:
    ///   name: budget
    ///   namespace: research
    /// spec:
    ///   hard:
    ///     requests.nvidia.com/gpu: "16"
    /// ---
    /// apiVersion: v1
    /// kind: Namespace
    /// metadata:
    ///   name: team-a
    ///   labels:
    ///     quota.mlk.dev/parent: research
    /// ---
    /// apiVersion: v1
    /// kind: ResourceQuota
    /// metadata:
    ///   name: budget
    ///   namespace: team-a
    /// spec:
    ///   hard:
    ///     requests.nvidia.com/gpu: "12"
    /// ---
    /// apiVersion: v1
    /// kind: Namespace
    /// metadata:
    ///   name: team-b
    ///   labels:
    ///     quota.mlk.dev/parent: research
    /// ---
    /// apiVersion: v1
    /// kind: ResourceQuota
    /// metadata:
    ///   name: budget
    ///   namespace: team-b
    /// spec:
    ///   hard:
    ///     requests.nvidia.com/gpu: "8"
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// apiVersion: v1
    /// kind: ResourceQuota
    /// metadata:
    ///   name: budget
    ///   namespace: research
    /// spec:
    ///   hard:
    ///     requests.nvidia.com/gpu: "16"
    /// ---
    /// apiVersion: v1
    /// kind: Namespace
    /// metadata:
    ///   name: team-a
    ///   labels:
    ///     quota.mlk.dev/parent: research
    /// ---
    /// apiVersion: v1
    /// kind: ResourceQuota
    /// metadata:
    ///   name: budget
    ///   namespace: team-a
    /// spec:
    ///   hard:
    ///     requests.nvidia.com/gpu: "10"
    /// ---
    /// apiVersion: v1
    /// kind: Namespace
    /// metadata:
    ///   name: team-b
    ///   labels:
    ///     quota.mlk.dev/parent: research
    /// ---
    /// apiVersion: v1
    /// kind: ResourceQuota
    /// metadata:
    ///   name: budget
    ///   namespace: team-b
    /// spec:
    ///   hard:
    ///     requests.nvidia.com/gpu: "6"
    /// ```
    pub TeamQuotaExceedsParent {
        name: "team-quota-exceeds-parent",
        category: Sizing,
        level: Warning,
        summary: "child namespaces' quotas add up to more than their parent's",
    }
}

impl Rule for TeamQuotaExceedsParent {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn cross_object(&self) -> bool {
        true
    }

    fn check_input(&self, cx: &InputCx<'_>, sink: &mut Sink) {
        let facts = cx.facts;
        let mut children: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for ns in &facts.namespaces {
            if let Some(parent) = ns.labels.get(PARENT_LABEL)
                && *parent != ns.name
                && !children
                    .get(parent.as_str())
                    .is_some_and(|c| c.contains(&ns.name.as_str()))
            {
                children.entry(parent).or_default().push(&ns.name);
            }
        }
        let limits_of = |namespace: &str| {
            tightest(
                facts
                    .quotas
                    .iter()
                    .filter(|q| q.namespace.name() == Some(namespace)),
            )
        };
        for (parent, kids) in children {
            let budget = limits_of(parent);
            if budget.is_empty() {
                continue;
            }
            let kid_limits: Vec<_> = kids.iter().map(|k| (*k, limits_of(k))).collect();
            for (key, (limit, entry)) in &budget {
                let mut total = Quantity::default();
                let mut parts = Vec::new();
                for (kid, limits) in &kid_limits {
                    if let Some((q, _)) = limits.get(key) {
                        let Some(sum) = total.checked_add(*q) else {
                            break;
                        };
                        total = sum;
                        parts.push(format!("`{kid}` {}", shown(resource_of(key), *q)));
                    }
                }
                if total <= *limit {
                    continue;
                }
                sink.report_at(
                    &entry.location,
                    format!(
                        "the namespaces under `{parent}` are given {} of `{key}` in total ({}), more than the {} of `{parent}` itself",
                        shown(resource_of(key), total),
                        parts.join(", "),
                        shown(resource_of(key), *limit),
                    ),
                )
                .help(format!(
                    "lower the children's `{key}` or raise the parent's; `mlk quota -f org.yaml` keeps the tree consistent"
                ));
            }
        }
    }
}

/// The resource of a normalised quota key, for formatting amounts.
fn resource_of(key: &str) -> &str {
    key.strip_prefix("requests.")
        .or_else(|| key.strip_prefix("limits."))
        .unwrap_or(key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::{check, render};

    fn tree(parent_hard: &str, a_hard: &str, b_hard: &str) -> String {
        format!(
            "apiVersion: v1\nkind: ResourceQuota\nmetadata: {{name: q, namespace: org}}\nspec:\n  hard: {{{parent_hard}}}\n---\n\
             apiVersion: v1\nkind: Namespace\nmetadata: {{name: a, labels: {{quota.mlk.dev/parent: org}}}}\n---\n\
             apiVersion: v1\nkind: ResourceQuota\nmetadata: {{name: q, namespace: a}}\nspec:\n  hard: {{{a_hard}}}\n---\n\
             apiVersion: v1\nkind: Namespace\nmetadata: {{name: b, labels: {{quota.mlk.dev/parent: org}}}}\n---\n\
             apiVersion: v1\nkind: ResourceQuota\nmetadata: {{name: q, namespace: b}}\nspec:\n  hard: {{{b_hard}}}\n"
        )
    }

    #[test]
    fn children_over_the_parent_are_reported_at_the_parent_limit() {
        let yaml = tree(
            "requests.nvidia.com/gpu: 16, cpu: 100, limits.memory: 1Ti",
            "requests.nvidia.com/gpu: 12, requests.cpu: 60",
            "requests.nvidia.com/gpu: 8, cpu: 50, limits.memory: 2Ti",
        );
        assert_eq!(
            render(&check(&TeamQuotaExceedsParent, &yaml)),
            "5:35 [warning] the namespaces under `org` are given 20 of `requests.nvidia.com/gpu` in total (`a` 12, `b` 8), more than the 16 of `org` itself (spec.hard[\"requests.nvidia.com/gpu\"])\n\
             5:44 [warning] the namespaces under `org` are given 110 of `requests.cpu` in total (`a` 60, `b` 50), more than the 100 of `org` itself (spec.hard.cpu)\n\
             5:64 [warning] the namespaces under `org` are given 2Ti of `limits.memory` in total (`b` 2Ti), more than the 1Ti of `org` itself (spec.hard[\"limits.memory\"])"
        );
    }

    #[test]
    fn budgets_that_add_up_and_unrelated_namespaces_pass() {
        let yaml = tree(
            "requests.nvidia.com/gpu: 16",
            "requests.nvidia.com/gpu: 8",
            "requests.nvidia.com/gpu: 8",
        );
        assert!(check(&TeamQuotaExceedsParent, &yaml).is_empty());
        // Without the label, `b` is not a child of `org`.
        let yaml = tree(
            "requests.nvidia.com/gpu: 16",
            "requests.nvidia.com/gpu: 12",
            "requests.nvidia.com/gpu: 8",
        )
        .replace(
            "{name: b, labels: {quota.mlk.dev/parent: org}}",
            "{name: b}",
        );
        assert!(check(&TeamQuotaExceedsParent, &yaml).is_empty());
        // Scoped quotas do not count.
        let yaml = tree(
            "requests.nvidia.com/gpu: 16",
            "requests.nvidia.com/gpu: 12",
            "requests.nvidia.com/gpu: 8",
        )
        .replace(
            "namespace: b}\nspec:\n",
            "namespace: b}\nspec:\n  scopes: [BestEffort]\n",
        );
        assert!(check(&TeamQuotaExceedsParent, &yaml).is_empty());
        let no_parent_quota = "apiVersion: v1\nkind: Namespace\nmetadata: {name: a, labels: {quota.mlk.dev/parent: a}}\n";
        assert!(check(&TeamQuotaExceedsParent, no_parent_quota).is_empty());
    }
}
