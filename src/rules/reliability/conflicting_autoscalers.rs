use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::declare_rule;
use crate::lint::facts::{Namespace, StrMap, WorkloadFact};
use crate::lint::{InputCx, Rule, RuleMeta, Sink};

declare_rule! {
    /// ## What it does
    /// Reports HorizontalPodAutoscalers of the input that scale the same workload (the same
    /// `scaleTargetRef` kind and name in the same namespace); each one is reported, naming
    /// the others (the first five). An HPA written more than once (the same name and
    /// namespace) is one object; HPAs without a name (`generateName`) are each their own.
    ///
    /// It also reports HPAs of different Deployments, StatefulSets, ReplicaSets or
    /// ReplicationControllers of the input, in one namespace, where the `spec.selector` of
    /// one matches the labels of the other's pod template: a stable Deployment selecting
    /// `app: llm` beside a canary whose pods carry `app: llm, track: canary`. A selector
    /// with `matchExpressions` is not judged, and neither is a workload that is not in the
    /// input.
    ///
    /// ## Why is this bad?
    /// Since Kubernetes 1.26 the HPA controller refuses to act on pods that more than one
    /// HPA selects: every HPA involved gets the condition `ScalingActive=False` with reason
    /// `AmbiguousSelector` ("pods by selector ... are controlled by multiple HPAs"), and the
    /// workload is no longer scaled at all. Before, the HPAs overwrote each other's replica
    /// counts in turn. Splitting metrics over several HPAs (one per metric, or one that only
    /// scales up and one that only scales down) therefore disables autoscaling. The pods an
    /// HPA counts are those its target's selector matches, so two HPAs of workloads whose
    /// selectors overlap are refused in the same way.
    ///
    /// ## Example
    /// ```yaml
    /// apiVersion: autoscaling/v2
    /// kind: HorizontalPodAutoscaler
    /// metadata:
    ///   name: llm-gpu
    /// spec:
    ///   scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: llm}
    ///   minReplicas: 2
    ///   maxReplicas: 8
    ///   metrics:
    ///   - type: Pods
    ///     pods:
    ///       metric: {name: gpu_utilization}
    ///       target: {type: AverageValue, averageValue: "80"}
    /// ---
    /// apiVersion: autoscaling/v2
    /// kind: HorizontalPodAutoscaler
    /// metadata:
    ///   name: llm-queue
    /// spec:
    ///   scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: llm}
    ///   minReplicas: 2
    ///   maxReplicas: 8
    ///   metrics:
    ///   - type: Pods
    ///     pods:
    ///       metric: {name: queue_length}
    ///       target: {type: AverageValue, averageValue: "10"}
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// apiVersion: autoscaling/v2
    /// kind: HorizontalPodAutoscaler
    /// metadata:
    ///   name: llm
    /// spec:
    ///   scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: llm}
    ///   minReplicas: 2
    ///   maxReplicas: 8
    ///   metrics:
    ///   - type: Pods
    ///     pods:
    ///       metric: {name: gpu_utilization}
    ///       target: {type: AverageValue, averageValue: "80"}
    ///   - type: Pods
    ///     pods:
    ///       metric: {name: queue_length}
    ///       target: {type: AverageValue, averageValue: "10"}
    /// ```
    ///
    /// ## References
    /// - <https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/#scaling-on-multiple-metrics>
    /// - <https://github.com/kubernetes/kubernetes/pull/112011>
    pub ConflictingAutoscalers {
        name: "conflicting-autoscalers",
        category: Reliability,
        level: Error,
        summary: "more than one HorizontalPodAutoscaler scales the same workload or the same pods",
    }
}

impl Rule for ConflictingAutoscalers {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn cross_object(&self) -> bool {
        true
    }

    fn check_input(&self, cx: &InputCx<'_>, sink: &mut Sink) {
        let mut by_target: BTreeMap<(&Namespace, &str, &str), Vec<usize>> = BTreeMap::new();
        for (i, h) in cx.facts.hpas.iter().enumerate() {
            if let (Some(kind), Some(name)) = (&h.target_kind, &h.target_name) {
                by_target
                    .entry((&h.namespace, kind, name))
                    .or_default()
                    .push(i);
            }
        }
        let name = |i: usize| cx.facts.hpas[i].name.as_deref().unwrap_or("<unnamed>");
        // An HPA written more than once (the same name in the same namespace) is one object,
        // applied again; HPAs without a name (`generateName`) are each one of their own.
        let id = |i: usize| cx.facts.hpas[i].name.as_deref().ok_or(i);
        let mut reports: Vec<(usize, String, &str)> = Vec::new();
        for ((_, kind, target), hpas) in &by_target {
            let mut ids: Vec<(Result<&str, usize>, usize)> =
                hpas.iter().map(|&i| (id(i), i)).collect();
            ids.sort();
            ids.dedup_by_key(|(id, _)| *id);
            if ids.len() < 2 {
                continue;
            }
            for &i in hpas {
                let others: Vec<String> = ids
                    .iter()
                    .filter(|(other, _)| *other != id(i))
                    .map(|&(_, j)| format!("`{}`", name(j)))
                    .collect();
                reports.push((
                    i,
                    format!(
                        "`HorizontalPodAutoscaler` `{}` scales `{kind}` `{target}`, as {}: the HPA controller scales it with none of them",
                        name(i),
                        also(&others),
                    ),
                    "keep one HorizontalPodAutoscaler per workload and list every metric in it: it scales to the highest replica count any metric asks for",
                ));
            }
        }
        let workloads = workloads(cx);
        let targets: Vec<Scaled<'_>> = by_target
            .iter()
            .filter_map(|(&(namespace, kind, target), hpas)| {
                Some(Scaled {
                    namespace,
                    kind,
                    name: target,
                    hpas,
                    workload: *workloads.get(&(namespace, kind, target))?,
                })
            })
            .collect();
        for (x, overlapping) in overlaps(&targets) {
            let t = &targets[x];
            let named: Vec<String> = overlapping
                .shown
                .iter()
                .map(|&y| {
                    let other = &targets[y];
                    format!(
                        "`{}` `{}` (scaled by `{}`)",
                        other.kind,
                        other.name,
                        name(other.hpas[0])
                    )
                })
                .collect();
            let more = overlapping.count - named.len();
            let listed = if more > 0 {
                format!("{} and {more} others", named.join(", "))
            } else {
                named.join(", ")
            };
            for &i in t.hpas {
                reports.push((
                    i,
                    format!(
                        "`HorizontalPodAutoscaler` `{}` scales `{}` `{}`, whose selector matches some of the same pods as that of {listed}: the HPA controller scales none of them",
                        name(i),
                        t.kind,
                        t.name,
                    ),
                    "give each workload a selector that only its own pods match (a label such as `app.kubernetes.io/instance` on its pods and in its selector)",
                ));
            }
        }
        // In the order of the input.
        reports.sort_by_key(|(i, _, _)| *i);
        for (i, message, help) in reports {
            sink.report_at(&cx.facts.hpas[i].target_location, message)
                .help(help);
        }
    }
}

/// A workload of the input that HPAs scale, with its pod selector.
struct Scaled<'a> {
    namespace: &'a Namespace,
    kind: &'a str,
    name: &'a str,
    /// The HPAs that scale it, in input order.
    hpas: &'a [usize],
    workload: &'a WorkloadFact,
}

/// The workloads of the input that an HPA's `scaleTargetRef` can name and whose scale
/// subresource selects pods by their `spec.selector`, by namespace, kind and name (the
/// first of each).
fn workloads<'a>(cx: &InputCx<'a>) -> HashMap<(&'a Namespace, &'a str, &'a str), &'a WorkloadFact> {
    let mut out = HashMap::new();
    for w in &cx.facts.workloads {
        let Some(name) = w.name.as_deref() else {
            continue;
        };
        if matches!(
            w.kind.as_str(),
            "Deployment" | "StatefulSet" | "ReplicaSet" | "ReplicationController"
        ) {
            out.entry((&w.namespace, w.kind.as_str(), name))
                .or_insert(w);
        }
    }
    out
}

/// The other scaled workloads whose selector matches a workload's pods, or whose pods its
/// selector matches: the first few, and how many in all.
#[derive(Default)]
struct Overlapping {
    shown: BTreeSet<usize>,
    count: usize,
}

impl Overlapping {
    fn add(&mut self, other: usize) {
        self.count += 1;
        if self.shown.len() < MAX_NAMED {
            self.shown.insert(other);
        }
    }
}

/// True when `selector` matches the labels of any pod of `target`.
fn matches_pods(selector: &StrMap, target: &Scaled<'_>) -> bool {
    target
        .workload
        .pods
        .iter()
        .any(|pod| selector.iter().all(|(k, v)| pod.labels.get(k) == Some(v)))
}

/// The pairs of scaled workloads of one namespace where one's selector matches the
/// labels of the other's pods. The HPA controller counts, for each HPA, the pods its
/// target's selector matches, and refuses to scale when another HPA's target selector
/// matches any of them.
fn overlaps(targets: &[Scaled<'_>]) -> BTreeMap<usize, Overlapping> {
    // Scaled workloads by namespace and each label of their pods, so that a selector is
    // compared only with the workloads whose pods carry its first label.
    let mut by_label: HashMap<(&Namespace, &str, &str), Vec<usize>> = HashMap::new();
    for (x, t) in targets.iter().enumerate() {
        for pod in &t.workload.pods {
            for (k, v) in pod.labels.iter() {
                let entry = by_label.entry((t.namespace, k, v)).or_default();
                if entry.last() != Some(&x) {
                    entry.push(x);
                }
            }
        }
    }
    let mut out: BTreeMap<usize, Overlapping> = BTreeMap::new();
    for (y, t) in targets.iter().enumerate() {
        let Some(selector) = &t.workload.selector else {
            continue;
        };
        let Some((k, v)) = selector.iter().next() else {
            continue;
        };
        for &x in by_label
            .get(&(t.namespace, k.as_str(), v.as_str()))
            .map(Vec::as_slice)
            .unwrap_or_default()
        {
            if x == y || !matches_pods(selector, &targets[x]) {
                continue;
            }
            // A pair whose selectors each match the other's pods is met twice: once here.
            let both = targets[x]
                .workload
                .selector
                .as_ref()
                .is_some_and(|s| matches_pods(s, t));
            if !both || y < x {
                out.entry(x).or_default().add(y);
                out.entry(y).or_default().add(x);
            }
        }
    }
    out
}

/// The most other HPAs a message names.
const MAX_NAMED: usize = 5;

/// `` `b` also does ``, `` `b` and `c` also do ``, or, for many, the first few and how
/// many more.
fn also(others: &[String]) -> String {
    match others {
        [one] => format!("{one} also does"),
        _ if others.len() > MAX_NAMED => format!(
            "{} and {} others also do",
            others[..MAX_NAMED].join(", "),
            others.len() - MAX_NAMED
        ),
        [rest @ .., last] => format!("{} and {last} also do", rest.join(", ")),
        [] => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::{check, render};

    fn hpa(name: &str, namespace: &str, kind: &str, target: &str) -> String {
        format!(
            "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {{name: {name}, namespace: {namespace}}}\nspec:\n  scaleTargetRef: {{apiVersion: apps/v1, kind: {kind}, name: {target}}}\n  maxReplicas: 4\n"
        )
    }

    #[test]
    fn every_autoscaler_of_a_shared_target_is_reported() {
        let yaml = [
            hpa("a", "ml", "Deployment", "llm"),
            hpa("other", "ml", "Deployment", "embed"),
            hpa("b", "ml", "Deployment", "llm"),
            hpa("c", "ml", "Deployment", "llm"),
        ]
        .join("---\n");
        assert_eq!(
            render(&check(&ConflictingAutoscalers, &yaml)),
            "5:19 [error] `HorizontalPodAutoscaler` `a` scales `Deployment` `llm`, as `b` and `c` also do: the HPA controller scales it with none of them (spec.scaleTargetRef)\n\
             19:19 [error] `HorizontalPodAutoscaler` `b` scales `Deployment` `llm`, as `a` and `c` also do: the HPA controller scales it with none of them (spec.scaleTargetRef)\n\
             26:19 [error] `HorizontalPodAutoscaler` `c` scales `Deployment` `llm`, as `a` and `b` also do: the HPA controller scales it with none of them (spec.scaleTargetRef)"
        );
        // `b` written twice is one HPA beside `a`.
        let two = [
            hpa("a", "ml", "Deployment", "llm"),
            hpa("b", "ml", "Deployment", "llm"),
            hpa("b", "ml", "Deployment", "llm"),
        ]
        .join("---\n");
        let found = check(&ConflictingAutoscalers, &two);
        let messages: Vec<&str> = found.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "`HorizontalPodAutoscaler` `a` scales `Deployment` `llm`, as `b` also does: the HPA controller scales it with none of them",
                "`HorizontalPodAutoscaler` `b` scales `Deployment` `llm`, as `a` also does: the HPA controller scales it with none of them",
                "`HorizontalPodAutoscaler` `b` scales `Deployment` `llm`, as `a` also does: the HPA controller scales it with none of them",
            ]
        );
    }

    #[test]
    fn unnamed_autoscalers_are_each_their_own_and_long_lists_are_cut() {
        let unnamed = "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {generateName: hpa-, namespace: ml}\nspec:\n  scaleTargetRef: {kind: Deployment, name: llm}\n  maxReplicas: 4\n";
        let yaml = [unnamed, unnamed].join("---\n");
        assert_eq!(check(&ConflictingAutoscalers, &yaml).len(), 2);
        let many: Vec<String> = (0..8)
            .map(|i| hpa(&format!("h{i}"), "ml", "Deployment", "llm"))
            .collect();
        let found = check(&ConflictingAutoscalers, &many.join("---\n"));
        assert_eq!(found.len(), 8);
        assert!(
            found[0]
                .message
                .contains("as `h1`, `h2`, `h3`, `h4`, `h5` and 2 others also do:"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn other_namespaces_kinds_and_incomplete_targets_pass() {
        let yaml = [
            hpa("a", "ml", "Deployment", "llm"),
            // The same HPA again.
            hpa("a", "ml", "Deployment", "llm"),
            hpa("b", "serving", "Deployment", "llm"),
            hpa("c", "ml", "StatefulSet", "llm"),
            "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: d, namespace: ml}\nspec:\n  scaleTargetRef: {kind: Deployment}\n".to_string(),
            "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: e, namespace: ml}\nspec: {}\n".to_string(),
        ]
        .join("---\n");
        assert!(check(&ConflictingAutoscalers, &yaml).is_empty());
    }

    fn deployment(name: &str, namespace: &str, selector: &str, labels: &str) -> String {
        format!(
            "apiVersion: apps/v1\nkind: Deployment\nmetadata: {{name: {name}, namespace: {namespace}}}\nspec:\n  selector: {selector}\n  template:\n    metadata: {{labels: {labels}}}\n    spec:\n      containers:\n      - {{name: c, image: x:1}}\n"
        )
    }

    #[test]
    fn a_selector_that_matches_the_pods_of_another_scaled_workload_is_reported() {
        let yaml = [
            deployment("llm", "ml", "{matchLabels: {app: llm}}", "{app: llm}"),
            deployment(
                "llm-canary",
                "ml",
                "{matchLabels: {app: llm, track: canary}}",
                "{app: llm, track: canary}",
            ),
            hpa("stable", "ml", "Deployment", "llm"),
            hpa("canary", "ml", "Deployment", "llm-canary"),
        ]
        .join("---\n");
        let found = check(&ConflictingAutoscalers, &yaml);
        assert_eq!(
            render(&found),
            "27:19 [error] `HorizontalPodAutoscaler` `stable` scales `Deployment` `llm`, whose selector matches some of the same pods as that of `Deployment` `llm-canary` (scaled by `canary`): the HPA controller scales none of them (spec.scaleTargetRef)\n\
             34:19 [error] `HorizontalPodAutoscaler` `canary` scales `Deployment` `llm-canary`, whose selector matches some of the same pods as that of `Deployment` `llm` (scaled by `stable`): the HPA controller scales none of them (spec.scaleTargetRef)"
        );
        assert!(
            found[0]
                .help
                .as_deref()
                .is_some_and(|h| h.contains("only its own pods")),
            "{:?}",
            found[0].help
        );
    }

    #[test]
    fn workloads_whose_selectors_keep_to_their_own_pods_pass() {
        const CANARY: (&str, &str) = (
            "{matchLabels: {app: llm, track: canary}}",
            "{app: llm, track: canary}",
        );
        // The stable workload (namespace ml): selector and labels; the canary: namespace,
        // selector and labels, and whether an HPA scales it.
        let cases = [
            // Each selector keeps to its own track.
            (
                (
                    "{matchLabels: {app: llm, track: stable}}",
                    "{app: llm, track: stable}",
                ),
                "ml",
                CANARY,
                true,
            ),
            // The same labels in two namespaces.
            (
                ("{matchLabels: {app: llm}}", "{app: llm}"),
                "dev",
                ("{matchLabels: {app: llm}}", "{app: llm}"),
                true,
            ),
            // Without an HPA the canary's pods are counted by no other HPA.
            (
                ("{matchLabels: {app: llm}}", "{app: llm}"),
                "ml",
                CANARY,
                false,
            ),
            // A selector with expressions is not judged by its labels alone.
            (
                (
                    "{matchLabels: {app: llm}, matchExpressions: [{key: track, operator: NotIn, values: [canary]}]}",
                    "{app: llm}",
                ),
                "ml",
                CANARY,
                true,
            ),
        ];
        for ((selector, labels), namespace, (canary_selector, canary_labels), scaled) in cases {
            let mut docs = vec![
                deployment("llm", "ml", selector, labels),
                deployment("llm-canary", namespace, canary_selector, canary_labels),
                hpa("stable", "ml", "Deployment", "llm"),
            ];
            if scaled {
                docs.push(hpa("canary", namespace, "Deployment", "llm-canary"));
            }
            assert!(
                check(&ConflictingAutoscalers, &docs.join("---\n")).is_empty(),
                "{selector} {namespace} {canary_selector} {scaled}"
            );
        }
    }

    #[test]
    fn many_overlapping_workloads_are_each_reported_once_naming_a_few() {
        let mut docs: Vec<String> = (0..8)
            .map(|i| {
                deployment(
                    &format!("w{i}"),
                    "ml",
                    "{matchLabels: {app: llm}}",
                    "{app: llm}",
                )
            })
            .collect();
        docs.extend((0..8).map(|i| hpa(&format!("h{i}"), "ml", "Deployment", &format!("w{i}"))));
        let found = check(&ConflictingAutoscalers, &docs.join("---\n"));
        assert_eq!(found.len(), 8, "{}", render(&found));
        assert!(
            found[0].message.contains(
                "as that of `Deployment` `w1` (scaled by `h1`), `Deployment` `w2` (scaled by `h2`), `Deployment` `w3` (scaled by `h3`), `Deployment` `w4` (scaled by `h4`), `Deployment` `w5` (scaled by `h5`) and 2 others:"
            ),
            "{}",
            found[0].message
        );
    }
}
