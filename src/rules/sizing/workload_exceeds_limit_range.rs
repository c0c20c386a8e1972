use std::collections::BTreeMap;

use super::budgets::{
    Side, container_amount, object_name, pod_amount_or, shown, workload_name,
    workloads_by_namespace,
};
use crate::declare_rule;
use crate::lint::facts::{LimitRangeFact, Namespace, StrMap};
use crate::lint::{InputCx, Rule, RuleMeta, Sink};
use crate::quantity::Quantity;

declare_rule! {
    /// ## What it does
    /// Looks at every LimitRange of the input and reports workloads in the same namespace
    /// that it would reject: a container whose limit (or, without one, its request) is
    /// above a `Container` item's `max`, a container whose request (or, without one, its
    /// limit) is below its `min`, or a pod whose total limit is above a `Pod` item's
    /// `max`, or that sets no limit of that resource at all (LimitRanger rejects it: "No
    /// limit is specified"). As admission does, a container that sets no limit is given
    /// the `default` (or else the `max`) of a `Container` item first; containers that set
    /// neither request nor limit are otherwise left out of the container checks. Amounts
    /// are compared exactly. Objects without a namespace are compared with the LimitRanges
    /// without one in the same directory (the files of a directory are taken to be applied
    /// to one namespace, which they do not name).
    ///
    /// ## Why is this bad?
    /// The LimitRanger admission plugin rejects such pods (`maximum cpu usage per
    /// Container is 8, but limit is 16`). The workload object is accepted, but none of its
    /// pods can ever be created.
    ///
    /// ## Example
    /// ```yaml
    /// apiVersion: v1
    /// kind: LimitRange
    /// metadata:
    ///   name: limits
    ///   namespace: team-a
    /// spec:
    ///   limits:
    ///   - type: Container
    ///     max:
    ///       memory: 64Gi
    ///     default:
    ///       memory: 4Gi
    /// ---
    /// apiVersion: batch/v1
    /// kind: Job
    /// metadata:
    ///   name: train
    ///   namespace: team-a
    /// spec:
    ///   template:
    ///     spec:
    ///       restartPolicy: Never
    ///       containers:
    ///       - name: trainer
    ///         image: registry.example.com/train:1.4.2
    ///         resources:
    ///           limits:
    ///             memory: 128Gi
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// apiVersion: v1
    /// kind: LimitRange
    /// metadata:
    ///   name: limits
    ///   namespace: team-a
    /// spec:
    ///   limits:
    ///   - type: Container
    ///     max:
    ///       memory: 256Gi
    ///     default:
    ///       memory: 4Gi
    /// ---
    /// apiVersion: batch/v1
    /// kind: Job
    /// metadata:
    ///   name: train
    ///   namespace: team-a
    /// spec:
    ///   template:
    ///     spec:
    ///       restartPolicy: Never
    ///       containers:
    ///       - name: trainer
    ///         image: registry.example.com/train:1.4.2
    ///         resources:
    ///           limits:
    ///             memory: 128Gi
    /// ```
    ///
    /// ## References
    /// - <https://kubernetes.io/docs/concepts/policy/limit-range/>
    /// - `kubernetes/kubernetes` `plugin/pkg/admission/limitranger/admission.go`
    pub WorkloadExceedsLimitRange {
        name: "workload-exceeds-limit-range",
        category: Sizing,
        level: Error,
        summary: "container or pod outside its namespace's LimitRange",
    }
}

impl Rule for WorkloadExceedsLimitRange {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn cross_object(&self) -> bool {
        true
    }

    fn check_input(&self, cx: &InputCx<'_>, sink: &mut Sink) {
        let facts = cx.facts;
        let by_namespace = workloads_by_namespace(facts);
        // Per namespace, only the tightest bound of each resource matters (the smallest max,
        // the largest min): one pass over the pods whatever the number of LimitRanges.
        let mut bounds: BTreeMap<&Namespace, Bounds<'_>> = BTreeMap::new();
        for range in &facts.limit_ranges {
            let b = bounds.entry(&range.namespace).or_default();
            for item in &range.items {
                match item.kind.as_deref() {
                    Some("Container") => {
                        tighten(&mut b.container_max, &item.max, range, |new, old| new < old);
                        tighten(&mut b.container_min, &item.min, range, |new, old| new > old);
                        // The API server defaults `default` to `max`; admission then sets
                        // the limits a container leaves out, the first LimitRange first.
                        for (resource, text) in item.default.iter().chain(item.max.iter()) {
                            if let Ok(value) = Quantity::parse(text) {
                                b.default_limit
                                    .entry(resource.as_str())
                                    .or_insert(Limit { value, range });
                            }
                        }
                    }
                    Some("Pod") => tighten(&mut b.pod_max, &item.max, range, |new, old| new < old),
                    _ => {}
                }
            }
        }
        for (namespace, b) in &bounds {
            for w in by_namespace
                .get(namespace)
                .map(Vec::as_slice)
                .unwrap_or_default()
            {
                let workload = workload_name(&w.kind, w.name.as_deref());
                for pod in &w.pods {
                    for c in &pod.containers {
                        let who = || {
                            format!(
                                "container \"{}\" of `{workload}`",
                                c.name.as_deref().unwrap_or("<unnamed>")
                            )
                        };
                        for (resource, limit) in &b.container_max {
                            let asked = container_amount(c, Side::Limits, resource)
                                .or_else(|| container_amount(c, Side::Requests, resource));
                            if let Some(asked) = asked.filter(|a| *a > limit.value) {
                                sink.report_at(
                                    &c.location,
                                    format!(
                                        "{} asks for {} `{resource}`, above the maximum of {} per container in LimitRange `{}`",
                                        who(),
                                        shown(resource, asked),
                                        shown(resource, limit.value),
                                        limit.name(),
                                    ),
                                )
                                .help(format!("lower the container's `{resource}`, or raise `max.{resource}` of the LimitRange"));
                            }
                        }
                        for (resource, limit) in &b.container_min {
                            let asked = container_amount(c, Side::Requests, resource);
                            if let Some(asked) = asked.filter(|a| *a < limit.value) {
                                sink.report_at(
                                    &c.location,
                                    format!(
                                        "{} asks for {} `{resource}`, below the minimum of {} per container in LimitRange `{}`",
                                        who(),
                                        shown(resource, asked),
                                        shown(resource, limit.value),
                                        limit.name(),
                                    ),
                                )
                                .help(format!("raise the container's `{resource}` request, or lower `min.{resource}` of the LimitRange"));
                            }
                        }
                    }
                    for (resource, limit) in &b.pod_max {
                        if pod.pod_limits.contains_key(resource) {
                            continue;
                        }
                        // Defaults are only applied where mlk sees every container's own
                        // limits: an operator may set them on the pods of other kinds.
                        let whole = seen_whole(&w.kind);
                        let default = b.default_limit.get(resource).filter(|_| whole);
                        let has_limit = pod
                            .containers
                            .iter()
                            .any(|c| c.limits.get(resource).is_some());
                        let Some((total, first)) =
                            pod_amount_or(pod, Side::Limits, resource, default.map(|d| d.value))
                        else {
                            // LimitRanger needs a limit to compare with the maximum.
                            if whole && !has_limit && default.is_none() {
                                sink.report_at(
                                    &pod.location,
                                    format!(
                                        "a pod of `{workload}` sets no `{resource}` limit, which LimitRange `{}` requires of every pod (at most {} in total)",
                                        limit.name(),
                                        shown(resource, limit.value),
                                    ),
                                )
                                .help(format!("set `{resource}` limits on the pod's containers, or give the LimitRange a `Container` item with a `default.{resource}`"));
                            }
                            continue;
                        };
                        if total > limit.value {
                            let defaulted = default.filter(|_| {
                                pod.containers
                                    .iter()
                                    .any(|c| c.limits.get(resource).is_none())
                            });
                            let counting = defaulted.map_or(String::new(), |d| {
                                format!(
                                    " (counting the default of {} that LimitRange `{}` gives each container without one)",
                                    shown(resource, d.value),
                                    d.name()
                                )
                            });
                            sink.report_at(
                                &first.location,
                                format!(
                                    "a pod of `{workload}` has a `{resource}` limit of {} in total{counting}, above the maximum of {} per pod in LimitRange `{}`",
                                    shown(resource, total),
                                    shown(resource, limit.value),
                                    limit.name(),
                                ),
                            )
                            .help(format!("lower the pod's `{resource}` limits, or raise `max.{resource}` of the LimitRange"));
                        }
                    }
                }
            }
        }
    }
}

/// One bound of a resource and the LimitRange it comes from.
struct Limit<'a> {
    value: Quantity,
    range: &'a LimitRangeFact,
}

impl Limit<'_> {
    fn name(&self) -> String {
        object_name(self.range.namespace.name(), self.range.name.as_deref())
    }
}

/// The tightest bounds of one namespace.
#[derive(Default)]
struct Bounds<'a> {
    container_max: BTreeMap<&'a str, Limit<'a>>,
    container_min: BTreeMap<&'a str, Limit<'a>>,
    pod_max: BTreeMap<&'a str, Limit<'a>>,
    /// The limit admission gives a container that sets none.
    default_limit: BTreeMap<&'a str, Limit<'a>>,
}

/// Kinds whose pod templates hold every container's limits as the pods get them; the
/// operators of others (KServe, Dynamo) add limits of their own.
fn seen_whole(kind: &str) -> bool {
    matches!(
        kind,
        "Pod"
            | "Deployment"
            | "StatefulSet"
            | "DaemonSet"
            | "ReplicaSet"
            | "ReplicationController"
            | "Job"
            | "CronJob"
            | "PyTorchJob"
            | "TFJob"
            | "MPIJob"
            | "XGBoostJob"
            | "PaddleJob"
            | "JAXJob"
            | "JobSet"
            | "LeaderWorkerSet"
    )
}

/// Keeps, per resource, the bound for which `tighter(new, old)` holds.
fn tighten<'a>(
    into: &mut BTreeMap<&'a str, Limit<'a>>,
    values: &'a StrMap,
    range: &'a LimitRangeFact,
    tighter: fn(&Quantity, &Quantity) -> bool,
) {
    for (resource, text) in values {
        let Ok(value) = Quantity::parse(text) else {
            continue;
        };
        match into.get(resource.as_str()) {
            Some(old) if !tighter(&value, &old.value) => {}
            _ => {
                into.insert(resource, Limit { value, range });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::{check, render};

    const JOB: &str = "\
apiVersion: batch/v1
kind: Job
metadata: {name: train, namespace: team-a}
spec:
  template:
    spec:
      containers:
      - {name: a, image: x:1, resources: {requests: {cpu: 100m}, limits: {memory: 128Gi, nvidia.com/gpu: 8}}}
      - {name: b, image: x:1, resources: {limits: {memory: 8Gi}}}
      - {name: c, image: x:1}
";

    fn with(namespace: &str, items: &str) -> String {
        format!(
            "apiVersion: v1\nkind: LimitRange\nmetadata: {{name: l, namespace: {namespace}}}\nspec:\n  limits: {items}\n---\n{JOB}"
        )
    }

    #[test]
    fn containers_and_pods_outside_the_range_are_reported() {
        let yaml = with(
            "team-a",
            "[{type: Container, max: {memory: 64Gi}, min: {cpu: 250m}}, {type: Pod, max: {nvidia.com/gpu: 4, memory: 200Gi}}]",
        );
        assert_eq!(
            render(&check(&WorkloadExceedsLimitRange, &yaml)),
            "14:9 [error] a pod of `Job/train` has a `nvidia.com/gpu` limit of 8 in total, above the maximum of 4 per pod in LimitRange `team-a/l` (spec.template.spec.containers[0])\n\
             14:9 [error] container \"a\" of `Job/train` asks for 100m `cpu`, below the minimum of 250m per container in LimitRange `team-a/l` (spec.template.spec.containers[0])\n\
             14:9 [error] container \"a\" of `Job/train` asks for 128Gi `memory`, above the maximum of 64Gi per container in LimitRange `team-a/l` (spec.template.spec.containers[0])"
        );
    }

    #[test]
    fn pods_are_judged_with_the_limits_admission_gives_their_containers() {
        // Container `c` sets no memory limit and is given the default: 128 + 8 + 100.
        let defaulted = with(
            "team-a",
            "[{type: Container, default: {memory: 100Gi}, max: {memory: 1Ti}}, {type: Pod, max: {memory: 200Gi}}]",
        );
        assert_eq!(
            render(&check(&WorkloadExceedsLimitRange, &defaulted)),
            "14:9 [error] a pod of `Job/train` has a `memory` limit of 236Gi in total (counting the default of 100Gi that LimitRange `team-a/l` gives each container without one), above the maximum of 200Gi per pod in LimitRange `team-a/l` (spec.template.spec.containers[0])"
        );
        // No container sets a CPU limit and nothing gives one: LimitRanger has nothing to
        // compare with the maximum and rejects the pod.
        let missing = with("team-a", "[{type: Pod, max: {cpu: 4, memory: 1Ti}}]");
        assert_eq!(
            render(&check(&WorkloadExceedsLimitRange, &missing)),
            "12:5 [error] a pod of `Job/train` sets no `cpu` limit, which LimitRange `team-a/l` requires of every pod (at most 4 in total) (spec.template.spec)"
        );
        let given = with(
            "team-a",
            "[{type: Container, default: {cpu: 1}}, {type: Pod, max: {cpu: 4, memory: 1Ti}}]",
        );
        assert!(check(&WorkloadExceedsLimitRange, &given).is_empty());
        // A default from another LimitRange of the namespace counts too.
        let two = format!(
            "apiVersion: v1\nkind: LimitRange\nmetadata: {{name: defaults, namespace: team-a}}\nspec:\n  limits: [{{type: Container, default: {{cpu: 2}}}}]\n---\n{missing}"
        );
        assert_eq!(
            render(&check(&WorkloadExceedsLimitRange, &two)),
            "20:9 [error] a pod of `Job/train` has a `cpu` limit of 6 in total (counting the default of 2 that LimitRange `team-a/defaults` gives each container without one), above the maximum of 4 per pod in LimitRange `team-a/l` (spec.template.spec.containers[0])"
        );
        // A pod-level limit, and the pods of kinds whose operators add limits, are left alone.
        let pod_level = missing.replace(
            "    spec:\n      containers:",
            "    spec:\n      resources: {limits: {cpu: 2}}\n      containers:",
        );
        assert!(check(&WorkloadExceedsLimitRange, &pod_level).is_empty());
        let isvc = "apiVersion: v1\nkind: LimitRange\nmetadata: {name: l, namespace: team-a}\nspec:\n  limits: [{type: Pod, max: {cpu: 4}}]\n---\napiVersion: serving.kserve.io/v1beta1\nkind: InferenceService\nmetadata: {name: m, namespace: team-a}\nspec:\n  predictor:\n    model: {modelFormat: {name: vllm}, runtime: vllm, storageUri: hf://m}\n";
        assert!(check(&WorkloadExceedsLimitRange, isvc).is_empty());
    }

    #[test]
    fn fitting_workloads_and_other_namespaces_pass() {
        for yaml in [
            with(
                "team-a",
                // Container `c` is given the maximum as its limit: 128 + 8 + 128.
                "[{type: Container, max: {memory: 128Gi, cpu: 1}, min: {cpu: 100m}}, {type: Pod, max: {memory: 264Gi}}]",
            ),
            with("team-b", "[{type: Container, max: {memory: 1Gi}}]"),
            with(
                "team-a",
                "[{type: PersistentVolumeClaim, max: {storage: 1Gi}}, {type: Container, max: {memory: lots}}]",
            ),
        ] {
            assert!(
                check(&WorkloadExceedsLimitRange, &yaml).is_empty(),
                "{yaml}"
            );
        }
    }
}
