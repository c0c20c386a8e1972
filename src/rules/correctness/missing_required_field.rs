use super::api::{is_builtin_group, is_served};
use crate::declare_rule;
use crate::lint::{ObjectCx, PodCx, Rule, RuleMeta, Sink};
use crate::manifest::{Node, Path, Value};

declare_rule! {
    /// ## What it does
    /// Reports fields that the API server requires and that are missing, null or empty:
    /// `metadata.name` (without `generateName`) of built-in kinds, except in a Katib trial
    /// template, which Katib names; `spec.selector` and
    /// `spec.template` of Deployments, ReplicaSets, StatefulSets and DaemonSets; the
    /// template of Jobs; the schedule and job template of CronJobs; `scaleTargetRef` and
    /// `maxReplicas` of HorizontalPodAutoscalers; the `value` of PriorityClasses; the
    /// `roleRef` of role bindings; and in every pod template of built-in kinds and of the
    /// ML operators' kinds: at least one container, each container's `name` and `image`,
    /// and the names of volumes, volume mounts, environment variables and the
    /// `containerPort` of ports. The report points at the nearest parent that exists.
    ///
    /// ## Why is this bad?
    /// The API server rejects the object (`Required value`), or, for a pod template, the
    /// controller can never create its pods.
    ///
    /// ## Example
    /// ```yaml
    /// apiVersion: apps/v1
    /// kind: Deployment
    /// metadata:
    ///   name: model-server
    /// spec:
    ///   selector:
    ///     matchLabels:
    ///       app: model-server
    ///   template:
    ///     metadata:
    ///       labels:
    ///         app: model-server
    ///     spec:
    ///       containers:
    ///       - name: server
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// apiVersion: apps/v1
    /// kind: Deployment
    /// metadata:
    ///   name: model-server
    /// spec:
    ///   selector:
    ///     matchLabels:
    ///       app: model-server
    ///   template:
    ///     metadata:
    ///       labels:
    ///         app: model-server
    ///     spec:
    ///       containers:
    ///       - name: server
    ///         image: registry.example.com/serve:3.1.0
    /// ```
    ///
    /// ## References
    /// - <https://kubernetes.io/docs/reference/kubernetes-api/>
    pub MissingRequiredField {
        name: "missing-required-field",
        category: Correctness,
        level: Error,
        summary: "field the API server requires is missing",
    }
}

/// Kinds outside the built-in groups whose pod templates are real pod template specs.
const OPERATOR_KINDS: &[&str] = &[
    "PyTorchJob",
    "TFJob",
    "MPIJob",
    "XGBoostJob",
    "PaddleJob",
    "JAXJob",
    "JobSet",
    "RayCluster",
    "RayJob",
    "RayService",
    "LeaderWorkerSet",
];

/// Absent, null or an empty string: what Go's zero value makes of the field.
fn is_missing(node: Option<&Node>) -> bool {
    match node.map(|n| &n.value) {
        None | Some(Value::Null) => true,
        Some(Value::Str(s)) => s.is_empty(),
        _ => false,
    }
}

impl Rule for MissingRequiredField {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_object(&self, cx: &ObjectCx<'_>, sink: &mut Sink) {
        let (Some(api_version), Some(kind)) = (cx.object.api_version, cx.object.kind) else {
            return;
        };
        if !is_served(api_version, kind) {
            return;
        }
        let node = cx.object.node;
        let metadata = node.get("metadata");
        if cx.object.embedded.is_none()
            && is_missing(metadata.and_then(|m| m.get("name")))
            && is_missing(metadata.and_then(|m| m.get("generateName")))
        {
            sink.report(
                cx.path(&["metadata", "name"]),
                format!("missing required field `metadata.name` in {kind}"),
            )
            .help("name the object with `metadata.name` (or `metadata.generateName` for `kubectl create`)");
        }
        let required: &[&[&str]] = match kind {
            "Deployment" | "ReplicaSet" | "StatefulSet" | "DaemonSet" => {
                &[&["spec", "selector"], &["spec", "template"]]
            }
            "Job" => &[&["spec", "template"]],
            "CronJob" => &[&["spec", "schedule"], &["spec", "jobTemplate"]],
            "HorizontalPodAutoscaler" => &[
                &["spec", "scaleTargetRef", "kind"],
                &["spec", "scaleTargetRef", "name"],
                &["spec", "maxReplicas"],
            ],
            "PriorityClass" => &[&["value"]],
            "RoleBinding" | "ClusterRoleBinding" => &[&["roleRef"]],
            _ => &[],
        };
        for path in required {
            let value = path.iter().try_fold(node, |n, k| n.get(k));
            if is_missing(value) {
                sink.report(
                    cx.path(path),
                    format!("missing required field `{}` in {kind}", path.join(".")),
                )
                .help(format!(
                    "set `{}`: the API server rejects {kind}s without it",
                    path.join(".")
                ));
            }
        }
    }

    fn check_pod(&self, cx: &PodCx<'_>, sink: &mut Sink) {
        let object = cx.object;
        let builtin = object.api_version.is_some_and(is_builtin_group);
        if !builtin && !object.kind.is_some_and(|k| OPERATOR_KINDS.contains(&k)) {
            return;
        }
        let spec = cx.spec();
        if spec
            .get("containers")
            .and_then(Node::as_seq)
            .is_none_or(<[Node]>::is_empty)
        {
            sink.report(
                cx.path(&["containers"]),
                "missing required field `containers` in the pod template",
            )
            .help("a pod needs at least one container");
        }
        for (i, volume) in list(spec, "volumes") {
            named(
                sink,
                volume,
                || cx.path(&["volumes"]).index(i),
                "name",
                "a volume",
            );
        }
        for c in cx.containers() {
            for field in ["name", "image"] {
                if is_missing(c.node.get(field)) {
                    sink.report(
                        c.path(&[field]),
                        format!("missing required field `{field}` in {}", c.describe()),
                    )
                    .help(format!("set the container's `{field}`"));
                }
            }
            for (i, mount) in list(c.node, "volumeMounts") {
                let path = || c.path(&["volumeMounts"]).index(i);
                named(sink, mount, path, "name", "a volume mount");
                named(sink, mount, path, "mountPath", "a volume mount");
            }
            for (i, env) in list(c.node, "env") {
                named(
                    sink,
                    env,
                    || c.path(&["env"]).index(i),
                    "name",
                    "an environment variable",
                );
            }
            for (i, port) in list(c.node, "ports") {
                if port.get("containerPort").is_none_or(Node::is_null) {
                    sink.report(
                        c.path(&["ports"]).index(i).key("containerPort"),
                        format!(
                            "missing required field `containerPort` in a port of {}",
                            c.describe()
                        ),
                    )
                    .help("set the port number with `containerPort`");
                }
            }
        }
    }
}

/// The map items of the list `key` of `node`, with their indexes.
fn list<'a>(node: &'a Node, key: &str) -> impl Iterator<Item = (usize, &'a Node)> {
    node.get(key)
        .and_then(Node::as_seq)
        .unwrap_or_default()
        .iter()
        .enumerate()
        .filter(|(_, n)| n.as_map().is_some())
}

/// Reports `field` missing from `item`; `path` gives the item's path, built only then.
fn named(sink: &mut Sink, item: &Node, path: impl FnOnce() -> Path, field: &str, what: &str) {
    if is_missing(item.get(field)) {
        sink.report(
            path().key(field),
            format!("missing required field `{field}` in {what}"),
        )
        .help(format!("set `{field}`"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::{check, render};

    #[test]
    fn workload_fields_point_at_the_nearest_parent() {
        let yaml = "\
apiVersion: apps/v1
kind: Deployment
metadata:
  labels: {app: web}
spec:
  replicas: 2
";
        assert_eq!(
            render(&check(&MissingRequiredField, yaml)),
            "3:1 [error] missing required field `metadata.name` in Deployment (metadata.name)\n\
             5:1 [error] missing required field `spec.selector` in Deployment (spec.selector)\n\
             5:1 [error] missing required field `spec.template` in Deployment (spec.template)"
        );
    }

    #[test]
    fn containers_volumes_env_and_ports() {
        let yaml = "\
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  volumes: [{emptyDir: {}}]
  initContainers: [{name: init, image: ''}]
  containers:
  - image: x:1
    env: [{value: a}]
    ports: [{name: http}]
    volumeMounts: [{name: v}]
";
        assert_eq!(
            render(&check(&MissingRequiredField, yaml)),
            "5:13 [error] missing required field `name` in a volume (spec.volumes[0].name)\n\
             6:40 [error] missing required field `image` in init container \"init\" (spec.initContainers[0].image)\n\
             8:5 [error] missing required field `name` in container \"<unnamed>\" (spec.containers[0].name)\n\
             9:11 [error] missing required field `name` in an environment variable (spec.containers[0].env[0].name)\n\
             10:13 [error] missing required field `containerPort` in a port of container \"<unnamed>\" (spec.containers[0].ports[0].containerPort)\n\
             11:20 [error] missing required field `mountPath` in a volume mount (spec.containers[0].volumeMounts[0].mountPath)"
        );
    }

    #[test]
    fn other_kinds() {
        let yaml = "\
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: h}
spec: {scaleTargetRef: {kind: Deployment}}
---
apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata: {name: p}
---
apiVersion: batch/v1
kind: CronJob
metadata: {generateName: c-}
spec: {schedule: '', jobTemplate: {spec: {template: {spec: {containers: []}}}}}
";
        let found = render(&check(&MissingRequiredField, yaml));
        assert!(
            found.contains("`spec.scaleTargetRef.name` in HorizontalPodAutoscaler"),
            "{found}"
        );
        assert!(found.contains("`spec.maxReplicas`"), "{found}");
        assert!(found.contains("`value` in PriorityClass"), "{found}");
        assert!(found.contains("`spec.schedule` in CronJob"), "{found}");
        assert!(
            found.contains("`containers` in the pod template"),
            "{found}"
        );
        assert_eq!(found.lines().count(), 5, "{found}");
    }

    #[test]
    fn complete_custom_and_malformed_objects_pass() {
        for yaml in [
            "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a}\nspec: {selector: {}, template: {spec: {containers: [{name: a, image: b, ports: [{containerPort: 80}]}]}}}\n",
            "apiVersion: example.com/v1\nkind: Widget\nspec: {template: {spec: {containers: [{name: a}]}}}\n",
            "apiVersion: serving.kserve.io/v1beta1\nkind: InferenceService\nmetadata: {name: a}\nspec: {predictor: {containers: [{image: x}]}}\n",
            "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec: {containers: [1, {name: a, image: b, env: 3, ports: [null]}]}\n",
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n",
        ] {
            assert!(
                check(&MissingRequiredField, yaml).is_empty(),
                "{yaml}: {}",
                render(&check(&MissingRequiredField, yaml))
            );
        }
    }
}
