use std::borrow::Cow;
use std::sync::LazyLock;

use super::api::{SHAPES, Shape, Shapes};
use crate::declare_rule;
use crate::input::did_you_mean;
use crate::lint::{ObjectCx, PodCx, Rule, RuleMeta, Sink};
use crate::manifest::{Node, Path, Value};

declare_rule! {
    /// ## What it does
    /// Reports fields that the schema of a built-in kind does not have, at the key, with
    /// the nearest known field as a suggestion (`resource:` for `resources:`). The schemas
    /// are those of the newest Kubernetes release, for every kind and served version.
    /// Custom resources whose schemas mlk knows are checked whole, against the fields that
    /// their upstream API types declare in any release in use: the Kubeflow training jobs
    /// (`kubeflow.org/v1`, and the MPI Operator's `v2beta1` MPIJob), Kubeflow Trainer's
    /// TrainJob and training runtimes, JobSet and LeaderWorkerSet. Of Ray, Volcano Job and
    /// NVIDIA Dynamo resources, only the pod specs are checked (a Dynamo `v1alpha1`
    /// service's `mainContainer` is a container); the rest of such a resource, whose schema
    /// is its CRD's, is not.
    ///
    /// ## Why is this bad?
    /// `kubectl apply` validates strictly by default and rejects the object. Where strict
    /// validation is off (older kubectl, `--validate=false`, some GitOps tools), the API
    /// server drops the field silently: a misspelled `resources:` means a pod without its
    /// GPU limit, and a field indented one level too deep means a setting that never
    /// applies.
    ///
    /// ## Example
    /// ```yaml
    /// apiVersion: v1
    /// kind: Pod
    /// metadata:
    ///   name: trainer
    /// spec:
    ///   containers:
    ///   - name: trainer
    ///     image: registry.example.com/train:1.4.2
    ///     resource:
    ///       limits:
    ///         nvidia.com/gpu: 1
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// apiVersion: v1
    /// kind: Pod
    /// metadata:
    ///   name: trainer
    /// spec:
    ///   containers:
    ///   - name: trainer
    ///     image: registry.example.com/train:1.4.2
    ///     resources:
    ///       limits:
    ///         nvidia.com/gpu: 1
    /// ```
    ///
    /// ## References
    /// - <https://kubernetes.io/docs/reference/using-api/api-concepts/#field-validation>
    pub UnknownField {
        name: "unknown-field",
        category: Correctness,
        level: Error,
        summary: "field does not exist in the kind's schema",
    }
}

impl Rule for UnknownField {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_object(&self, cx: &ObjectCx<'_>, sink: &mut Sink) {
        let (Some(api_version), Some(kind)) = (cx.object.api_version, cx.object.kind) else {
            return;
        };
        let shapes = &SHAPES;
        let Some(root) = shapes.root(api_version, kind) else {
            return;
        };
        let mut walk = Walk {
            shapes,
            base: &cx.object.path,
            stack: Vec::new(),
            sink,
            extra: None,
        };
        walk.node(root, cx.object.node);
    }

    fn check_pod(&self, cx: &PodCx<'_>, sink: &mut Sink) {
        let object = cx.object;
        // Built-in kinds, and the custom resources whose schemas mlk knows, are walked
        // whole by `check_object`.
        let whole = match (object.api_version, object.kind) {
            (Some(v), Some(k)) => SHAPES.root(v, k).is_some(),
            _ => false,
        };
        if whole || cx.pod.workflow.is_some() || !holds_core_pod_specs(object) {
            return;
        }
        static IDS: LazyLock<Option<(usize, usize)>> =
            LazyLock::new(|| Some((SHAPES.named("PodSpec")?, SHAPES.named("Container")?)));
        let Some((pod_spec, container)) = *IDS else {
            return;
        };
        let mut walk = Walk {
            shapes: &SHAPES,
            base: &cx.base,
            stack: Vec::new(),
            sink,
            extra: cx
                .pod
                .inline
                .and_then(|i| i.field.first())
                .map(|field| (*field, container)),
        };
        walk.node(pod_spec, cx.pod.spec);
    }
}

/// Custom resources whose pod templates are core pod specs: what their CRDs embed is the
/// PodSpec schema (Dynamo's `v1alpha1` `extraPodSpec` adds a `mainContainer`).
fn holds_core_pod_specs(object: &crate::manifest::Object<'_>) -> bool {
    use crate::rules::ml::workload::{is_jobset, is_kubeflow, is_volcano_job};
    let other = match (object.group(), object.kind) {
        (Some("leaderworkerset.x-k8s.io"), Some("LeaderWorkerSet")) => true,
        (Some("ray.io"), Some(kind)) => matches!(kind, "RayCluster" | "RayJob" | "RayService"),
        _ => false,
    };
    other
        || is_kubeflow(object)
        || is_jobset(object)
        || is_volcano_job(object)
        || crate::manifest::is_dynamo(object)
}

enum Seg<'a> {
    Key(Cow<'a, str>),
    Index(usize),
}

struct Walk<'a, 's> {
    shapes: &'a Shapes,
    base: &'a Path,
    /// The path from the object to the node being visited, turned into a [`Path`] only
    /// when something is reported.
    stack: Vec<Seg<'a>>,
    sink: &'s mut Sink,
    /// A field that the root struct has beyond its schema, with its shape.
    extra: Option<(&'static str, usize)>,
}

impl<'a> Walk<'a, '_> {
    fn node(&mut self, shape: usize, node: &'a Node) {
        match (self.shapes.get(shape), &node.value) {
            (Shape::Object { name, fields }, Value::Map(entries)) => {
                for (key, value) in entries {
                    let Some(text) = key.key_text() else {
                        continue;
                    };
                    let extra = self
                        .extra
                        .filter(|(k, _)| self.stack.is_empty() && *k == text)
                        .map(|(_, s)| s);
                    match self.shapes.get(shape).field(&text).or(extra) {
                        Some(field) => {
                            self.stack.push(Seg::Key(text));
                            self.node(field, value);
                            self.stack.pop();
                        }
                        None => self.report(name, fields, &text, key),
                    }
                }
            }
            (Shape::Map(values), Value::Map(entries)) => {
                if matches!(self.shapes.get(*values), Shape::Any) {
                    return;
                }
                for (key, value) in entries {
                    let Some(text) = key.key_text() else {
                        continue;
                    };
                    self.stack.push(Seg::Key(text));
                    self.node(*values, value);
                    self.stack.pop();
                }
            }
            (Shape::List(items), Value::Seq(list)) => {
                if matches!(self.shapes.get(*items), Shape::Any) {
                    return;
                }
                for (i, item) in list.iter().enumerate() {
                    self.stack.push(Seg::Index(i));
                    self.node(*items, item);
                    self.stack.pop();
                }
            }
            _ => {}
        }
    }

    fn report(&mut self, schema: &str, fields: &[(&str, usize)], field: &str, key: &Node) {
        let mut path = self.base.clone();
        for seg in &self.stack {
            path = match seg {
                Seg::Key(k) => path.key(k),
                Seg::Index(i) => path.index(*i),
            };
        }
        let path = path.key(field);
        let entry = self.sink.report_span(
            path,
            key.span,
            format!("unknown field `{field}` in `{schema}`"),
        );
        let mut names: Vec<&str> = fields.iter().map(|(name, _)| *name).collect();
        names.sort_unstable();
        // A Go field `Type` can be written `subGroupPolicyType`: the short name is a suffix.
        let mut chars = field.chars();
        let suffix: Option<String> = chars
            .next()
            .map(|first| first.to_uppercase().chain(chars).collect());
        let longer = suffix.and_then(|suffix| {
            names
                .iter()
                .copied()
                .find(|name| name.len() > suffix.len() && name.ends_with(&suffix))
        });
        match did_you_mean(field, names.iter().copied()).or(longer) {
            Some(near) => entry.help(format!("did you mean `{near}`?")),
            None => entry.help(format!(
                "remove it, or check its spelling and indentation: `{schema}` has no such field"
            )),
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::{check, render};

    #[test]
    fn pod_specs_of_training_and_serving_custom_resources() {
        let pytorch = "\
apiVersion: kubeflow.org/v1
kind: PyTorchJob
metadata: {name: ft}
spec:
  runPolicy: {cleanPodPolicy: None}
  pytorchReplicaSpecs:
    Worker:
      replicas: 2
      template:
        spec:
          containers:
          - name: pytorch
            image: x:1
            resource: {limits: {nvidia.com/gpu: 8}}
";
        assert_eq!(
            render(&check(&UnknownField, pytorch)),
            "14:13 [error] unknown field `resource` in `Container` (spec.pytorchReplicaSpecs.Worker.template.spec.containers[0].resource)"
        );
        let dynamo = "\
apiVersion: nvidia.com/v1alpha1
kind: DynamoGraphDeployment
metadata: {name: g}
spec:
  services:
    Worker:
      replicas: 1
      extraPodSpec:
        tolerations: []
        mainContainer:
          image: x:1
          comand: [python3]
        nodeSelecter: {}
";
        assert_eq!(
            render(&check(&UnknownField, dynamo)),
            "12:11 [error] unknown field `comand` in `Container` (spec.services.Worker.extraPodSpec.mainContainer.comand)\n\
             13:9 [error] unknown field `nodeSelecter` in `PodSpec` (spec.services.Worker.extraPodSpec.nodeSelecter)"
        );
        // KServe's predictor adds fields of its own to a pod spec, and unknown kinds'
        // container lists are found by a search that does not know their schema.
        for yaml in [
            "apiVersion: serving.kserve.io/v1beta1\nkind: InferenceService\nmetadata: {name: m}\nspec:\n  predictor:\n    minReplicas: 1\n    containers: [{name: c, image: x:1}]\n",
            "apiVersion: example.com/v1\nkind: Trainer\nmetadata: {name: t}\nspec:\n  pod:\n    replicas: 2\n    containers: [{name: c, image: x:1}]\n",
        ] {
            assert!(check(&UnknownField, yaml).is_empty(), "{yaml}");
        }
    }

    #[test]
    fn own_fields_of_known_custom_resources() {
        let pytorch = "\
apiVersion: kubeflow.org/v1
kind: PyTorchJob
metadata: {name: ft}
spec:
  nprocPerNode: auto
  runPolicy: {cleanPodPolicy: None, backofLimit: 3}
  pytorchReplicaSpecs:
    Worker:
      replica: 2
      restartPolicy: OnFailure
      template:
        spec:
          containers: [{name: pytorch, image: x:1, resource: {}}]
status: {anything: 1}
";
        let found = check(&UnknownField, pytorch);
        assert_eq!(
            render(&found),
            "6:37 [error] unknown field `backofLimit` in `RunPolicy` (spec.runPolicy.backofLimit)\n\
             9:7 [error] unknown field `replica` in `ReplicaSpec` (spec.pytorchReplicaSpecs.Worker.replica)\n\
             13:52 [error] unknown field `resource` in `Container` (spec.pytorchReplicaSpecs.Worker.template.spec.containers[0].resource)"
        );
        assert_eq!(
            found[0].help.as_deref(),
            Some("did you mean `backoffLimit`?")
        );
        let jobset = "\
apiVersion: jobset.x-k8s.io/v1alpha2
kind: JobSet
metadata: {name: pretrain}
spec:
  failurePolicy: {maxRestarts: 3}
  replicatedJobs:
  - name: node
    replicas: 4
    template:
      spec:
        completionMode: Indexed
        template:
          spec:
            restartPolicy: Never
            containers: [{name: t, image: x:1}]
  sucessPolicy: {operator: All}
";
        assert_eq!(
            render(&check(&UnknownField, jobset)),
            "16:3 [error] unknown field `sucessPolicy` in `JobSetSpec` (spec.sucessPolicy)"
        );
        // The standalone operators' first `v1` jobs had the run policy in the spec.
        let old_tfjob = "apiVersion: kubeflow.org/v1\nkind: TFJob\nmetadata: {name: t}\nspec:\n  cleanPodPolicy: None\n  backoffLimit: 2\n  tfReplicaSpecs: {Worker: {replicas: 2, template: {spec: {containers: [{name: tensorflow, image: x:1}]}}}}\n";
        assert!(check(&UnknownField, old_tfjob).is_empty());
        // Trainer v2: `podTemplateOverrides` belongs to the spec, not to its `trainer`.
        let trainjob = "\
apiVersion: trainer.kubeflow.org/v1alpha1
kind: TrainJob
metadata: {name: ft}
spec:
  runtimeRef: {name: torch-distributed}
  trainer:
    image: x:1
    numNodes: 2
    numProcPerNode: auto
    resourcesPerNode: {limits: {nvidia.com/gpu: 8}}
    podTemplateOverrides: []
  podSpecOverrides: [{targetJobs: [{name: node}], tolerations: [{key: gpu, operator: Exists}]}]
  runtimePatches:
  - manager: kueue.x-k8s.io
    trainingRuntimeSpec:
      template:
        spec:
          replicatedJobs:
          - name: node
            template: {spec: {template: {spec: {nodeSelecter: {}}}}}
";
        assert_eq!(
            render(&check(&UnknownField, trainjob)),
            "11:5 [error] unknown field `podTemplateOverrides` in `Trainer` (spec.trainer.podTemplateOverrides)\n\
             20:49 [error] unknown field `nodeSelecter` in `PodSpecPatch` (spec.runtimePatches[0].trainingRuntimeSpec.template.spec.replicatedJobs[0].template.spec.template.spec.nodeSelecter)"
        );
        let runtime = "\
apiVersion: trainer.kubeflow.org/v1alpha1
kind: ClusterTrainingRuntime
metadata: {name: torch-distributed}
spec:
  mlPolicy: {numNodes: 1, torch: {numProcPerNode: auto}}
  podGroupPolicy: {coscheduling: {scheduleTimeoutSeconds: 60}}
  template:
    spec:
      replicatedJobs:
      - name: node
        template:
          metadata: {labels: {trainer.kubeflow.org/trainjob-ancestor-step: trainer}}
          spec:
            template:
              spec:
                containers: [{name: node, image: x:1}]
";
        assert!(check(&UnknownField, runtime).is_empty());
        let lws = "\
apiVersion: leaderworkerset.x-k8s.io/v1
kind: LeaderWorkerSet
metadata: {name: vllm}
spec:
  replicas: 2
  leaderWorkerTemplate:
    size: 4
    subGroupPolicy: {type: LeaderWorker, subGroupSize: 2}
    workerTemplate:
      spec:
        containers: [{name: vllm, image: x:1}]
";
        let found = check(&UnknownField, lws);
        assert_eq!(
            render(&found),
            "8:22 [error] unknown field `type` in `SubGroupPolicy` (spec.leaderWorkerTemplate.subGroupPolicy.type)"
        );
        assert_eq!(
            found[0].help.as_deref(),
            Some("did you mean `subGroupPolicyType`?")
        );
        // Another version of a known kind has a schema mlk does not know.
        let other = pytorch.replace("kubeflow.org/v1", "kubeflow.org/v2");
        assert_eq!(
            render(&check(&UnknownField, &other)),
            "13:52 [error] unknown field `resource` in `Container` (spec.pytorchReplicaSpecs.Worker.template.spec.containers[0].resource)"
        );
    }

    #[test]
    fn misspelled_field_at_the_key_with_a_suggestion() {
        let yaml = "\
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  label: {app: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: web
        image: nginx:1.27
        resource:
          limits: {cpu: 1}
        ports: [{containerPort: 80, protocl: TCP}]
";
        let found = check(&UnknownField, yaml);
        assert_eq!(
            render(&found),
            "5:3 [error] unknown field `label` in `ObjectMeta` (metadata.label)\n\
             14:9 [error] unknown field `resource` in `Container` (spec.template.spec.containers[0].resource)\n\
             16:37 [error] unknown field `protocl` in `ContainerPort` (spec.template.spec.containers[0].ports[0].protocl)"
        );
        assert_eq!(found[0].help.as_deref(), Some("did you mean `labels`?"));
        assert_eq!(found[1].help.as_deref(), Some("did you mean `resources`?"));
        assert_eq!(found[2].help.as_deref(), Some("did you mean `protocol`?"));
    }

    #[test]
    fn field_at_the_wrong_level() {
        let yaml = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: a, image: x:1}]\n  image: x:1\n";
        let found = check(&UnknownField, yaml);
        assert_eq!(
            render(&found),
            "6:3 [error] unknown field `image` in `PodSpec` (spec.image)"
        );
    }

    #[test]
    fn merged_fields_are_checked_where_they_are_written() {
        // kubectl resolves `<<` before the API server sees the object: a merged field is a
        // field, and a quoted `'<<'` is a key named `<<`.
        let yaml = "\
apiVersion: v1
kind: Pod
metadata: {name: p}
x-defaults: &defaults
  imagePullPolicy: IfNotPresent
  imagePulPolicy: Always
spec:
  containers:
  - <<: *defaults
    name: a
    image: x:1
  - {'<<': {}, name: b, image: x:1}
";
        assert_eq!(
            render(&check(&UnknownField, yaml)),
            "4:1 [error] unknown field `x-defaults` in `Pod` (x-defaults)\n\
             6:3 [error] unknown field `imagePulPolicy` in `Container` (spec.containers[0].imagePulPolicy)\n\
             12:6 [error] unknown field `<<` in `Container` (spec.containers[1][\"<<\"])"
        );
    }

    #[test]
    fn free_form_and_int_or_string_fields_pass() {
        let yaml = r#"
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {app: web, "example.com/x": "y"}
  annotations: {anything: goes}
  creationTimestamp: null
  managedFields:
  - manager: kubectl
    fieldsV1: {"f:spec": {"f:replicas": {}}}
spec:
  strategy: {rollingUpdate: {maxSurge: 25%, maxUnavailable: 0}}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      nodeSelector: {nvidia.com/gpu.present: "true"}
      containers:
      - name: web
        image: nginx:1.27
        resources: {limits: {nvidia.com/gpu: 1, cpu: 500m}}
        livenessProbe: {httpGet: {port: http, path: /}}
        <<: {imagePullPolicy: IfNotPresent}
status: {replicas: 1}
"#;
        assert!(
            check(&UnknownField, yaml).is_empty(),
            "{}",
            render(&check(&UnknownField, yaml))
        );
    }

    #[test]
    fn crd_schemas_and_raw_extensions_pass() {
        let yaml = r#"
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: widgets.example.com}
spec:
  group: example.com
  names: {kind: Widget, plural: widgets}
  scope: Namespaced
  versions:
  - name: v1
    served: true
    storage: true
    schema:
      openAPIV3Schema:
        type: object
        x-kubernetes-preserve-unknown-fields: true
        properties:
          spec:
            type: object
            default: {size: 1}
            properties: {size: {type: integer, minimum: 0}}
---
apiVersion: apps/v1
kind: ControllerRevision
metadata: {name: r}
revision: 1
data: {spec: {whatever: 1}}
"#;
        assert!(
            check(&UnknownField, yaml).is_empty(),
            "{}",
            render(&check(&UnknownField, yaml))
        );
    }

    #[test]
    fn unknown_custom_resources_and_unserved_versions_are_out_of_scope() {
        for yaml in [
            "apiVersion: example.com/v1\nkind: PyTorchJob\nmetadata: {name: a}\nspec: {anything: 1}\n",
            "apiVersion: kubeflow.org/v2\nkind: PyTorchJob\nmetadata: {name: a}\nspec: {anything: 1}\n",
            "apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata: {name: a}\nspec: {rollbackTo: {}}\n",
            "apiVersion: v1\nkind: CronJob\nspec: {nonsense: 1}\n",
        ] {
            assert!(check(&UnknownField, yaml).is_empty(), "{yaml}");
        }
    }

    #[test]
    fn wrong_types_and_odd_keys_do_not_panic() {
        let yaml = "apiVersion: v1\nkind: Pod\nmetadata: [a]\nspec:\n  containers: {a: b}\n  volumes: [1, null, {name: v, emptyDir: 3}]\n  1: x\n  ? [a]\n  : y\n";
        assert_eq!(
            render(&check(&UnknownField, yaml)),
            "7:3 [error] unknown field `1` in `PodSpec` (spec.1)"
        );
    }

    #[test]
    fn list_items_are_checked_with_their_path() {
        let yaml = "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: a}\n  datas: {}\n";
        assert_eq!(
            render(&check(&UnknownField, yaml)),
            "7:3 [error] unknown field `datas` in `ConfigMap` (items[0].datas)"
        );
    }
}
