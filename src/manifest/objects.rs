//! Kubernetes objects in a document, and the pod templates inside an object.
//!
//! [`objects`] turns a document into the objects it holds: the root map itself, the items of
//! a `kind: List` (or any `*List` with `items`), or the maps of a root JSON array, which is
//! what `mlk ... -o json` may print. [`pod_templates`] then finds every pod spec that an
//! object will create, in the built-in workload kinds and in the ML custom resources of SPEC
//! section 8, so that one set of pod rules checks them all.
//!
//! # Unknown kinds
//!
//! For a kind not listed in [`pod_templates`], the object is searched (at most
//! [`FALLBACK_DEPTH`] fields deep, skipping `metadata` and `status`) for maps whose
//! `containers` field is a list of maps: that is the shape of a pod spec, whether it sits
//! under `template.spec`, under `spec`, or inline as in a Knative Service. The search does
//! not look inside a pod spec it found. Such templates have no role.
use std::collections::HashMap;
use std::fmt;
use std::ops::Deref;

use compact_str::CompactString;

use super::load::Document;
use super::node::{Node, Span, Style, Value};

/// How deep the fallback search for pod specs looks into an object of an unknown kind.
pub const FALLBACK_DEPTH: usize = 16;

/// Nested `List`s are expanded this many levels deep; kubectl itself never nests them.
const LIST_DEPTH: usize = 4;

/// One step of a path inside a document.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PathSeg {
    Key(CompactString),
    Index(usize),
}

/// A path from some node to another, rendered like a JSONPath without the `$`:
/// `spec.template.spec.containers[0].image`, with keys that are not plain words in
/// brackets (`metadata.annotations["mlk.dev/gpu"]`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Path(pub Vec<PathSeg>);

impl Path {
    pub fn new() -> Self {
        Path(Vec::new())
    }

    /// This path followed by `key`.
    pub fn key(&self, key: &str) -> Self {
        let mut path = self.clone();
        path.0.push(PathSeg::Key(key.into()));
        path
    }

    /// This path followed by `index`.
    pub fn index(&self, index: usize) -> Self {
        let mut path = self.clone();
        path.0.push(PathSeg::Index(index));
        path
    }

    /// This path followed by every step of `rest`.
    pub fn join(&self, rest: &[PathSeg]) -> Self {
        let mut path = self.clone();
        path.0.extend_from_slice(rest);
        path
    }

    /// This path followed by each of `keys`.
    pub fn keys(&self, keys: &[&str]) -> Self {
        let mut path = self.clone();
        path.0
            .extend(keys.iter().map(|k| PathSeg::Key((*k).into())));
        path
    }
}

impl Deref for Path {
    type Target = [PathSeg];

    fn deref(&self) -> &[PathSeg] {
        &self.0
    }
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, seg) in self.0.iter().enumerate() {
            match seg {
                PathSeg::Index(n) => write!(f, "[{n}]")?,
                PathSeg::Key(k) if is_word(k) => {
                    if i > 0 {
                        f.write_str(".")?;
                    }
                    f.write_str(k)?;
                }
                PathSeg::Key(k) => write!(f, "[{}]", serde_json::Value::from(k.as_str()))?,
            }
        }
        Ok(())
    }
}

fn is_word(key: &str) -> bool {
    !key.is_empty()
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

/// One Kubernetes object of a document.
#[derive(Clone, Debug, PartialEq)]
pub struct Object<'a> {
    pub api_version: Option<&'a str>,
    pub kind: Option<&'a str>,
    pub name: Option<&'a str>,
    pub namespace: Option<&'a str>,
    /// The object's map.
    pub node: &'a Node,
    /// Where the object is in its document: empty for the root, `items[2]` in a List.
    pub path: Path,
    /// Set when the object is written inside another whose controller creates it, naming
    /// and placing it (a Katib Experiment's trial template).
    pub embedded: Option<Embedded>,
}

/// How an object written inside another comes to exist.
#[derive(Clone, Debug, PartialEq)]
pub struct Embedded {
    /// The path of the object it is written in, whose suppressions cover it too.
    pub parent: Path,
    /// The controller keeps it once done (a Katib trial whose template says `retain:
    /// true`); otherwise it deletes it.
    pub retained: bool,
}

impl<'a> Object<'a> {
    fn new(node: &'a Node, path: Path) -> Self {
        let metadata = node.get("metadata");
        let field = |n: Option<&'a Node>, key: &str| n.and_then(|n| n.get(key)?.as_str());
        Object {
            api_version: field(Some(node), "apiVersion"),
            kind: field(Some(node), "kind"),
            name: field(metadata, "name"),
            namespace: field(metadata, "namespace"),
            node,
            path,
            embedded: None,
        }
    }

    /// The API group of `apiVersion`: `""` for the core group (`v1`).
    pub fn group(&self) -> Option<&'a str> {
        let api_version = self.api_version?;
        Some(api_version.rsplit_once('/').map_or("", |(group, _)| group))
    }
}

/// The objects of a document; see the module docs for Lists and arrays.
pub fn objects(doc: &Document) -> Vec<Object<'_>> {
    let mut out = Vec::new();
    collect_objects(&doc.root, Path::new(), LIST_DEPTH, &mut out);
    out
}

fn collect_objects<'a>(node: &'a Node, path: Path, depth: usize, out: &mut Vec<Object<'a>>) {
    if let Some(items) = node.as_seq() {
        if depth > 0 && path.is_empty() {
            for (i, item) in items.iter().enumerate() {
                collect_objects(item, path.index(i), depth - 1, out);
            }
        }
        return;
    }
    if node.as_map().is_none() {
        return;
    }
    let object = Object::new(node, path);
    let items = node.get("items").and_then(Node::as_seq);
    match (object.kind, items) {
        (Some(kind), Some(items)) if kind.ends_with("List") && depth > 0 => {
            for (i, item) in items.iter().enumerate() {
                if item.as_map().is_some() {
                    collect_objects(item, object.path.key("items").index(i), depth - 1, out);
                }
            }
        }
        _ => {
            let trial = embedded_object(&object).map(|n| Object {
                // Katib creates each trial in the Experiment's namespace, and names it
                // after the Experiment.
                namespace: object.namespace,
                name: object.name,
                embedded: Some(Embedded {
                    parent: object.path.clone(),
                    retained: follow(
                        node,
                        &Path::new().keys(&["spec", "trialTemplate", "retain"]),
                    )
                    .and_then(Node::as_bool)
                        == Some(true),
                }),
                ..Object::new(n, object.path.keys(&KATIB_TRIAL))
            });
            out.push(object);
            out.extend(trial);
        }
    }
}

/// Where a Katib Experiment holds its trial template.
const KATIB_TRIAL: [&str; 3] = ["spec", "trialTemplate", "trialSpec"];

/// The object written inside `object` that is checked as an object of its own (a Katib
/// Experiment's trial template), so that rules walking `object` skip it.
pub fn embedded_object<'a>(object: &Object<'a>) -> Option<&'a Node> {
    if !is_katib_experiment(object) {
        return None;
    }
    follow(object.node, &Path::new().keys(&KATIB_TRIAL)).filter(|n| n.as_map().is_some())
}

/// A Katib Experiment, whose trials are objects of the kind its `trialTemplate.trialSpec`
/// holds (a Job, a PyTorchJob, ...): they are checked as such, not as part of the
/// Experiment.
fn is_katib_experiment(object: &Object<'_>) -> bool {
    object.group() == Some("kubeflow.org") && object.kind == Some("Experiment")
}

/// True for mlk's own resources (`mlk.dev` TrainingJob and InferenceService), which the
/// linter checks through what they compile to rather than through [`pod_templates`].
pub fn is_mlk_resource(object: &Object<'_>) -> bool {
    object.group() == Some("mlk.dev")
        && matches!(object.kind, Some("TrainingJob" | "InferenceService"))
}

/// One pod template of an object.
#[derive(Clone, Debug, PartialEq)]
pub struct PodTemplate<'a> {
    /// From the object's root to the pod spec: `spec.template.spec`.
    pub path: Path,
    /// The pod spec (the map with `containers`).
    pub spec: &'a Node,
    /// The pod's metadata (labels, annotations), when the template has any.
    pub metadata: Option<&'a Node>,
    /// Which pods of a multi-role workload this is: a Kubeflow replica type (`Worker`), a
    /// JobSet replicated job, a Ray group, `leader`/`worker`, a Volcano task, an Argo
    /// template.
    pub role: Option<String>,
    /// A container written inline in the pod spec, outside its container lists.
    pub inline: Option<Inline<'a>>,
    /// For an Argo Workflows template, the workflow spec it belongs to: the pod takes some
    /// of its pod-level settings from there.
    pub workflow: Option<Workflow<'a>>,
}

/// A container written as one field of a pod spec: the `model` (or framework key, such as
/// `pytorch`) of a KServe predictor, or the `container` or `script` of an Argo template.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Inline<'a> {
    /// The keys from the pod spec to it: one key.
    pub field: &'static [&'static str],
    pub node: &'a Node,
    /// The name the operator gives the container.
    pub name: &'static str,
    /// The operator replaces any name the container was given (Argo's `main`); otherwise
    /// the given name stands.
    pub renamed: bool,
    /// The operator merges the container over the container of a serving runtime that the
    /// object only names (a KServe model): fields it leaves out may come from there.
    pub over_runtime: bool,
}

/// The spec of an Argo Workflow (or WorkflowTemplate, ClusterWorkflowTemplate, or a
/// CronWorkflow's `workflowSpec`).
#[derive(Clone, Debug, PartialEq)]
pub struct Workflow<'a> {
    pub spec: &'a Node,
    /// From the object's root.
    pub path: Path,
    /// The steps or DAG template (by index in `templates`) that runs this pod, whose node
    /// selector, affinity and tolerations the pod takes when the template sets none of its
    /// own. `None` when it runs from the workflow itself (entrypoint, exit handler, hooks),
    /// from a template that sets none of them, or from nothing in the file.
    pub boundary: Option<usize>,
}

/// One container of a pod template.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TemplateContainer<'a> {
    pub node: &'a Node,
    /// The keys from the pod spec to the list that holds it (`containers`,
    /// `initContainers`, `containerSet.containers`), or to the inline container (`model`).
    pub field: &'static [&'static str],
    /// Its index in that list; `None` for the inline container.
    pub index: Option<usize>,
    /// An init container (in `initContainers`).
    pub init: bool,
    /// Merged over a serving runtime's container; see [`Inline::over_runtime`].
    pub over_runtime: bool,
    /// The name the operator gives an inline container, and whether it replaces the given one.
    inline_name: Option<(&'static str, bool)>,
}

impl<'a> TemplateContainer<'a> {
    /// Its path, given the pod spec's: `spec.containers[0]`, `spec.predictor.model`.
    pub fn path(&self, spec: &Path) -> Path {
        let field = spec.keys(self.field);
        match self.index {
            Some(i) => field.index(i),
            None => field,
        }
    }

    /// The name the container runs with: its `name`, or the one its operator gives it.
    pub fn name(&self) -> Option<&'a str> {
        let given = || self.node.get("name").and_then(Node::as_str);
        match self.inline_name {
            Some((name, true)) => Some(name),
            Some((name, false)) => given().or(Some(name)),
            None => given(),
        }
    }
}

/// The container lists of a pod spec, as keys from the pod spec, init containers first.
const POD_LISTS: [ContainerList; 2] = [
    (&["initContainers"], true, None),
    (&["containers"], false, None),
];

/// A container list of a pod spec: the keys to it, whether it holds init containers, and
/// the name the operator gives a container without one.
type ContainerList = (&'static [&'static str], bool, Option<&'static str>);

/// The container lists of an Argo template: its containers run beside `container` or
/// `script` (as `main`), after the init containers. A container set's container without a
/// name is `main`.
const ARGO_LISTS: [ContainerList; 3] = [
    (&["initContainers"], true, None),
    (&["containerSet", "containers"], false, Some("main")),
    (&["sidecars"], false, None),
];

impl<'a> PodTemplate<'a> {
    /// The init containers, then the inline container, then the regular containers: those
    /// entries of the lists that are maps, in the order the pod runs them.
    pub fn containers(&self) -> impl Iterator<Item = TemplateContainer<'a>> + use<'a> {
        let lists: &'static [ContainerList] = if self.workflow.is_some() {
            &ARGO_LISTS
        } else {
            &POD_LISTS
        };
        let inline = self
            .inline
            .filter(|i| i.node.as_map().is_some())
            .map(|i| TemplateContainer {
                node: i.node,
                field: i.field,
                index: None,
                init: false,
                over_runtime: i.over_runtime,
                inline_name: Some((i.name, i.renamed)),
            });
        let spec = self.spec;
        let listed = move |init: bool| {
            lists
                .iter()
                .filter(move |(_, i, _)| *i == init)
                .flat_map(move |&(field, init, name)| listed(spec, field, init, name))
        };
        listed(true).chain(inline).chain(listed(false))
    }

    /// The ephemeral containers that are maps.
    pub fn ephemeral_containers(&self) -> impl Iterator<Item = TemplateContainer<'a>> + use<'a> {
        listed(self.spec, &["ephemeralContainers"], false, None)
    }

    /// A pod-level field of the pod this template makes. An Argo template's pod takes
    /// `securityContext`, `schedulerName` and the service account from the template, else
    /// from the workflow spec; `nodeSelector`, `affinity` and `tolerations` from the
    /// template, else from a steps or DAG template that runs it, else from the workflow
    /// spec; `hostNetwork`, `dnsPolicy` and `imagePullSecrets` only from the workflow spec;
    /// `priorityClassName` from the template, else from the workflow's
    /// `podPriorityClassName`. An empty selector, toleration list or name counts as unset,
    /// as in Argo. Argo has no other pod-level fields (the rest can only come from a
    /// `podSpecPatch`).
    pub fn field(&self, key: &str) -> Option<&'a Node> {
        self.lookup(key).map(|(node, _)| node)
    }

    /// The path of [`PodTemplate::field`] from the object's root: where it is, or where it
    /// would go in the pod spec (the Argo template).
    pub fn field_path(&self, key: &str) -> Path {
        match (self.lookup(key), &self.workflow) {
            (Some((_, Source::Workflow(outer))), Some(workflow)) => workflow.path.key(outer),
            (Some((_, Source::Caller(i))), Some(workflow)) => {
                workflow.path.key("templates").index(i).key(key)
            }
            _ => self.path.key(key),
        }
    }

    /// The maps of the pod's metadata: the template's own, then, for an Argo pod, the
    /// workflow's `podMetadata` (`true`), whose labels and annotations the template's
    /// override key by key.
    pub fn metadata_maps(&self) -> impl Iterator<Item = (&'a Node, bool)> + use<'a> {
        let outer = self
            .workflow
            .as_ref()
            .and_then(|w| w.spec.get("podMetadata"))
            .filter(|m| m.as_map().is_some());
        self.metadata
            .filter(|m| m.as_map().is_some())
            .map(|m| (m, false))
            .into_iter()
            .chain(outer.map(|m| (m, true)))
    }

    /// The path of a metadata map of [`PodTemplate::metadata_maps`] from the object's root:
    /// where it is, or where it would go.
    pub fn metadata_path(&self, outer: bool) -> Path {
        match (&self.workflow, outer) {
            (Some(workflow), true) => workflow.path.key("podMetadata"),
            (Some(_), false) => self.path.key("metadata"),
            (None, _) => {
                let mut path = self.path.clone();
                path.0.pop();
                path.key("metadata")
            }
        }
    }

    /// The field and where it comes from.
    fn lookup(&self, key: &str) -> Option<(&'a Node, Source)> {
        let Some(workflow) = &self.workflow else {
            return self.spec.get(key).map(|n| (n, Source::Own));
        };
        let (template_first, boundary, outer) = match key {
            "securityContext" => (true, false, "securityContext"),
            "nodeSelector" => (true, true, "nodeSelector"),
            "affinity" => (true, true, "affinity"),
            "tolerations" => (true, true, "tolerations"),
            "schedulerName" => (true, false, "schedulerName"),
            "serviceAccountName" => (true, false, "serviceAccountName"),
            "automountServiceAccountToken" => (true, false, "automountServiceAccountToken"),
            "priorityClassName" => (true, false, "podPriorityClassName"),
            "hostNetwork" => (false, false, "hostNetwork"),
            "dnsPolicy" => (false, false, "dnsPolicy"),
            "imagePullSecrets" => (false, false, "imagePullSecrets"),
            _ => return None,
        };
        let set = |node: &'a Node, k: &str| argo_value(node.get(k)?, k);
        let own = template_first
            .then(|| set(self.spec, key))
            .flatten()
            .map(|n| (n, Source::Own));
        let from_boundary = || {
            let i = workflow.boundary.filter(|_| boundary)?;
            let caller = workflow.spec.get("templates")?.as_seq()?.get(i)?;
            Some((set(caller, key)?, Source::Caller(i)))
        };
        own.or_else(from_boundary)
            .or_else(|| set(workflow.spec, outer).map(|n| (n, Source::Workflow(outer))))
    }

    /// The pod's volumes that are maps. An Argo template's pod has the template's volumes,
    /// then those of the workflow spec that its containers mount.
    pub fn volumes(&self) -> impl Iterator<Item = Volume<'a>> + use<'a> {
        let own = map_items(self.spec.get("volumes")).map(|(index, node)| Volume {
            node,
            in_workflow: false,
            index,
        });
        let mut shared = Vec::new();
        if let Some(workflow) = &self.workflow {
            let mounted = self.mounted_volumes();
            let names: Vec<&str> = map_items(self.spec.get("volumes"))
                .filter_map(|(_, v)| volume_name(v))
                .collect();
            shared.extend(
                map_items(workflow.spec.get("volumes"))
                    .filter(|(_, v)| {
                        volume_name(v).is_some_and(|n| mounted.contains(&n) && !names.contains(&n))
                    })
                    .map(|(index, node)| Volume {
                        node,
                        in_workflow: true,
                        index,
                    }),
            );
        }
        own.chain(shared)
    }

    /// The path of a volume of [`PodTemplate::volumes`] from the object's root.
    pub fn volume_path(&self, volume: &Volume<'_>) -> Path {
        let list = match (&self.workflow, volume.in_workflow) {
            (Some(workflow), true) => workflow.path.key("volumes"),
            _ => self.path.key("volumes"),
        };
        list.index(volume.index)
    }

    /// The names of the volumes the containers mount (and a container set's shared mounts).
    fn mounted_volumes(&self) -> Vec<&'a str> {
        let shared = self
            .spec
            .get("containerSet")
            .and_then(|s| s.get("volumeMounts"));
        // Argo looks for the workflow's volumes in the mounts of `container` or `script`,
        // the container set's shared mounts and the init and sidecar containers, not in
        // the mounts of each container of a set.
        self.containers()
            .filter(|c| c.field != ["containerSet", "containers"])
            .filter_map(|c| c.node.get("volumeMounts"))
            .chain(shared)
            .filter_map(Node::as_seq)
            .flatten()
            .filter_map(|m| m.get("name").and_then(Node::as_str))
            .collect()
    }
}

/// Where a pod-level field of an Argo pod comes from.
#[derive(Clone, Copy)]
enum Source {
    Own,
    /// The boundary template at this index of `templates`.
    Caller(usize),
    /// This key of the workflow spec.
    Workflow(&'static str),
}

/// A field's value as Argo takes it: `null` is unset, and so are an empty node selector,
/// toleration list, scheduler, priority class or service account name, for which Argo
/// falls back to the next level.
fn argo_value<'a>(node: &'a Node, key: &str) -> Option<&'a Node> {
    let empty = match key {
        "nodeSelector"
        | "tolerations"
        | "schedulerName"
        | "serviceAccountName"
        | "priorityClassName"
        | "podPriorityClassName" => {
            node.as_map().is_some_and(<[_]>::is_empty)
                || node.as_seq().is_some_and(<[_]>::is_empty)
                || node.as_str() == Some("")
        }
        _ => false,
    };
    (!node.is_null() && !empty).then_some(node)
}

/// A volume of a pod: an entry of the pod spec's `volumes`, or of an Argo workflow spec's.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Volume<'a> {
    pub node: &'a Node,
    in_workflow: bool,
    index: usize,
}

/// The map entries of a list, with their indexes.
fn map_items(list: Option<&Node>) -> impl Iterator<Item = (usize, &Node)> {
    list.and_then(Node::as_seq)
        .unwrap_or_default()
        .iter()
        .enumerate()
        .filter(|(_, n)| n.as_map().is_some())
}

fn volume_name(volume: &Node) -> Option<&str> {
    volume.get("name").and_then(Node::as_str)
}

/// The map entries of the container list at `field` under a pod spec.
fn listed<'a>(
    spec: &'a Node,
    field: &'static [&'static str],
    init: bool,
    default_name: Option<&'static str>,
) -> impl Iterator<Item = TemplateContainer<'a>> + use<'a> {
    map_items(field.iter().try_fold(spec, |n, k| n.get(k))).map(move |(i, node)| {
        TemplateContainer {
            node,
            field,
            index: Some(i),
            init,
            over_runtime: false,
            inline_name: default_name.map(|name| (name, false)),
        }
    })
}

/// The keys of a KServe predictor that hold its model container: `model`, or one of the
/// framework keys that came before it.
static KSERVE_MODEL_KEYS: [&str; 11] = [
    "model",
    "sklearn",
    "xgboost",
    "tensorflow",
    "pytorch",
    "triton",
    "onnx",
    "huggingface",
    "pmml",
    "lightgbm",
    "paddle",
];

/// The pod templates of an object, in the order they appear.
///
/// Known kinds: Pod (its own `spec`); Deployment, ReplicaSet, StatefulSet, DaemonSet,
/// ReplicationController, Job (`spec.template`); CronJob (`spec.jobTemplate.spec.template`);
/// PodTemplate (`template`); PyTorchJob, TFJob, MPIJob, XGBoostJob, PaddleJob, JAXJob
/// (`spec.*ReplicaSpecs.<role>.template`); JobSet
/// (`spec.replicatedJobs[].template.spec.template`); RayCluster (`spec.headGroupSpec.template`,
/// `spec.workerGroupSpecs[].template`), RayJob (the same under `spec.rayClusterSpec`, and
/// `spec.submitterPodTemplate`), RayService (under `spec.rayClusterConfig`); LeaderWorkerSet
/// (`spec.leaderWorkerTemplate.leaderTemplate` and `.workerTemplate`); Volcano Job
/// (`spec.tasks[].template`); KServe InferenceService (`spec.predictor` with its `model` or
/// framework container, `spec.predictor.workerSpec`, `spec.transformer`, `spec.explainer`);
/// Argo Workflow, WorkflowTemplate, ClusterWorkflowTemplate and CronWorkflow (each template
/// that runs containers, see [`PodTemplate::field`] for its pod-level settings).
/// Kubeflow TrainJob and mlk's own resources have none here, and neither have Kyverno
/// policies (their patterns only describe pods).
/// Other kinds use the fallback search of the module docs. A known kind whose template is
/// missing or malformed has no template: reporting that is a correctness rule's job.
pub fn pod_templates<'a>(object: &Object<'a>) -> Vec<PodTemplate<'a>> {
    let mut out = Vec::new();
    let root = object.node;
    let here = Path::new();
    let volcano = object
        .group()
        .is_some_and(|g| g == "batch.volcano.sh" || g.ends_with(".volcano.sh"));
    match object.kind.unwrap_or_default() {
        _ if is_mlk_resource(object) => {}
        "Pod" => {
            if let Some(spec) = root.get("spec").filter(|s| s.as_map().is_some()) {
                out.push(PodTemplate {
                    path: here.key("spec"),
                    spec,
                    metadata: root.get("metadata"),
                    role: None,
                    inline: None,
                    workflow: None,
                });
            }
        }
        "Job" if volcano => {
            named_items(root, &here, &["spec", "tasks"], &["template"], &mut out);
        }
        "Deployment"
        | "ReplicaSet"
        | "StatefulSet"
        | "DaemonSet"
        | "ReplicationController"
        | "Job" => template(root, &here, &["spec", "template"], None, &mut out),
        "CronJob" => template(
            root,
            &here,
            &["spec", "jobTemplate", "spec", "template"],
            None,
            &mut out,
        ),
        "PodTemplate" => template(root, &here, &["template"], None, &mut out),
        "PyTorchJob" | "TFJob" | "MPIJob" | "XGBoostJob" | "PaddleJob" | "JAXJob" => {
            kubeflow(root, &mut out);
        }
        "JobSet" => named_items(
            root,
            &here,
            &["spec", "replicatedJobs"],
            &["template", "spec", "template"],
            &mut out,
        ),
        "RayCluster" => ray_cluster(root, &here.key("spec"), &mut out),
        "RayJob" => {
            ray_cluster(root, &here.keys(&["spec", "rayClusterSpec"]), &mut out);
            template(
                root,
                &here,
                &["spec", "submitterPodTemplate"],
                Some("submitter"),
                &mut out,
            );
        }
        "RayService" => ray_cluster(root, &here.keys(&["spec", "rayClusterConfig"]), &mut out),
        "LeaderWorkerSet" => {
            let lwt = ["spec", "leaderWorkerTemplate"];
            template(
                root,
                &here,
                &[&lwt[..], &["leaderTemplate"]].concat(),
                Some("leader"),
                &mut out,
            );
            template(
                root,
                &here,
                &[&lwt[..], &["workerTemplate"]].concat(),
                Some("worker"),
                &mut out,
            );
        }
        "TrainJob" => {}
        _ if is_dynamo(object) => dynamo(root, &mut out),
        _ if is_katib_experiment(object) => {}
        _ if is_argo_workflow(object) => {
            let path = if object.kind == Some("CronWorkflow") {
                here.keys(&["spec", "workflowSpec"])
            } else {
                here.key("spec")
            };
            if let Some(spec) = follow(root, &path).filter(|s| s.as_map().is_some()) {
                argo(spec, path, &mut out);
            }
        }
        _ if holds_pod_patterns(object) => {}
        // KFServing, KServe's former name, served the same v1beta1 shape.
        "InferenceService"
            if matches!(
                object.group(),
                Some("serving.kserve.io" | "serving.kubeflow.org")
            ) =>
        {
            let kfserving = object.group() == Some("serving.kubeflow.org");
            kserve(root, kfserving, &mut out);
        }
        // A serving runtime's spec is the pod its models run in, and its `workerSpec` the
        // other nodes of a multi-node runtime.
        "ServingRuntime" | "ClusterServingRuntime"
            if object.group() == Some("serving.kserve.io") =>
        {
            for keys in [&["spec"][..], &["spec", "workerSpec"]] {
                let path = here.keys(keys);
                if let Some(spec) = follow(root, &path).filter(|s| lists_containers(s)) {
                    out.push(PodTemplate {
                        path,
                        spec,
                        metadata: None,
                        role: None,
                        inline: None,
                        workflow: None,
                    });
                }
            }
        }
        _ => fallback(root, &mut Path::new(), FALLBACK_DEPTH, &mut out),
    }
    out
}

/// Kyverno policies, whose `containers` lists are patterns describing the pods they match,
/// not pods of their own; and Seldon Core's `Server` and `SeldonRuntime`, whose pod specs
/// are overrides that the operator merges over the pod of a `ServerConfig` (container by
/// container, by name), so that what they leave out comes from there.
fn holds_pod_patterns(object: &Object<'_>) -> bool {
    object
        .group()
        .is_some_and(|g| g == "kyverno.io" || g.ends_with(".kyverno.io"))
        || (object.group() == Some("mlops.seldon.io")
            && matches!(object.kind, Some("Server" | "SeldonRuntime")))
}

/// The Argo Workflows kinds that hold a workflow spec, whatever the version: the API serves
/// only `argoproj.io/v1alpha1`, but `argo submit` reads a file's workflow whatever version
/// it names (Argo's own examples have used `argoproj.io/v1`).
fn is_argo_workflow(object: &Object<'_>) -> bool {
    object.group() == Some("argoproj.io")
        && matches!(
            object.kind,
            Some("Workflow" | "CronWorkflow" | "WorkflowTemplate" | "ClusterWorkflowTemplate")
        )
}

/// The pods of an Argo workflow: one per template that runs a `container`, a `script` or a
/// `containerSet`, with the template's name as its role, and one per such template written
/// inline in a DAG task or a step, with the task's or step's name. Argo gives each run of a
/// template the node selector, affinity and tolerations of the steps or DAG template that
/// started it, so a template run from several that set them differently is one pod per
/// such boundary (at most [`MAX_BOUNDARIES`]), and one more when something runs it
/// without (the workflow's entrypoint, exit handler or hooks, or a caller that sets none).
/// Steps, DAG and suspend templates make no pod, and resource, data, HTTP and plugin
/// templates run only Argo's own executor. A workflow with a `podSpecPatch` or with
/// `templateDefaults` beyond [`INERT_DEFAULTS`], and a template with a `podSpecPatch`, are
/// not read: Argo merges those into the pod in ways mlk does not reproduce, so their pods
/// are left unchecked rather than checked wrongly.
fn argo<'a>(spec: &'a Node, path: Path, out: &mut Vec<PodTemplate<'a>>) {
    let patch = has_pod_spec_patch(spec);
    let shaping_defaults = spec
        .get("templateDefaults")
        .and_then(Node::as_map)
        .unwrap_or_default()
        .iter()
        .any(|(k, v)| !v.is_null() && k.as_str().is_none_or(|k| !INERT_DEFAULTS.contains(&k)));
    if patch || shaping_defaults {
        return;
    }
    let templates = spec
        .get("templates")
        .and_then(Node::as_seq)
        .unwrap_or_default();
    let mut by_name: HashMap<&str, usize> = HashMap::new();
    for (i, t) in templates.iter().enumerate() {
        if let Some(name) = t.get("name").and_then(Node::as_str) {
            by_name.entry(name).or_insert(i);
        }
    }
    // Who runs each template: the templates whose steps and tasks (and their exit handlers
    // and hooks) name it, and whether the workflow itself does.
    let mut callers: Vec<Vec<usize>> = vec![Vec::new(); templates.len()];
    let mut from_workflow = vec![false; templates.len()];
    for name in called(spec) {
        if let Some(&i) = by_name.get(name) {
            from_workflow[i] = true;
        }
    }
    for (c, t) in templates.iter().enumerate() {
        for (_, step) in argo_steps(t) {
            for name in called(step).chain(step.get("template").and_then(Node::as_str)) {
                if let Some(&i) = by_name.get(name)
                    && callers[i].last() != Some(&c)
                {
                    callers[i].push(c);
                }
            }
        }
    }
    let sets_boundary = |t: &Node| {
        ["nodeSelector", "affinity", "tolerations"]
            .iter()
            .any(|k| t.get(k).and_then(|v| argo_value(v, k)).is_some())
    };
    let list = path.key("templates");
    let workflow = |boundary: Option<usize>| Workflow {
        spec,
        path: path.clone(),
        boundary,
    };
    for (i, template) in templates.iter().enumerate() {
        let name = template.get("name").and_then(Node::as_str);
        let setting: Vec<usize> = callers[i]
            .iter()
            .copied()
            .filter(|&c| sets_boundary(&templates[c]))
            .take(MAX_BOUNDARIES)
            .collect();
        let unbounded =
            from_workflow[i] || callers[i].is_empty() || callers[i].len() > setting.len();
        let boundaries = setting
            .into_iter()
            .map(Some)
            .chain(unbounded.then_some(None));
        for boundary in boundaries {
            argo_pod(template, list.index(i), name, workflow(boundary), out);
        }
        for (at, step) in argo_steps(template) {
            if let Some(inline) = step.get("inline") {
                let role = step.get("name").and_then(Node::as_str);
                let boundary = sets_boundary(template).then_some(i);
                argo_pod(
                    inline,
                    list.index(i).join(&at.path()).key("inline"),
                    role,
                    workflow(boundary),
                    out,
                );
            }
        }
    }
}

/// Template fields whose defaults do not change what a pod runs or how: a workflow whose
/// `templateDefaults` set only these is read.
const INERT_DEFAULTS: [&str; 12] = [
    "timeout",
    "activeDeadlineSeconds",
    "retryStrategy",
    "memoize",
    "synchronization",
    "parallelism",
    "failFast",
    "archiveLocation",
    "outputs",
    "inputs",
    "hooks",
    "daemon",
];

/// Whether a workflow spec or a template has a `podSpecPatch` (a null or empty one patches
/// nothing).
fn has_pod_spec_patch(node: &Node) -> bool {
    node.get("podSpecPatch")
        .is_some_and(|p| !p.is_null() && p.as_str() != Some(""))
}

/// How many boundary templates of one template are read, each as a pod of its own.
const MAX_BOUNDARIES: usize = 16;

/// The templates a workflow spec, a step or a task runs besides its `template`: its exit
/// handler (`onExit`) and its lifecycle hooks.
fn called(node: &Node) -> impl Iterator<Item = &str> {
    let hooks = node
        .get("hooks")
        .and_then(Node::as_map)
        .unwrap_or_default()
        .iter()
        .filter_map(|(_, hook)| hook.get("template").and_then(Node::as_str));
    let entry = node.get("entrypoint").and_then(Node::as_str);
    node.get("onExit")
        .and_then(Node::as_str)
        .into_iter()
        .chain(entry)
        .chain(hooks)
}

/// Where a step or task sits in its template.
#[derive(Clone, Copy)]
enum StepAt {
    Step(usize, usize),
    Task(usize),
}

impl StepAt {
    fn path(self) -> Path {
        match self {
            StepAt::Step(i, j) => Path::new().key("steps").index(i).index(j),
            StepAt::Task(j) => Path::new().keys(&["dag", "tasks"]).index(j),
        }
    }
}

/// The steps of a steps template and the tasks of a DAG template.
fn argo_steps(template: &Node) -> impl Iterator<Item = (StepAt, &Node)> {
    let steps = template
        .get("steps")
        .and_then(Node::as_seq)
        .unwrap_or_default()
        .iter()
        .enumerate()
        .flat_map(|(i, group)| {
            group
                .as_seq()
                .unwrap_or_default()
                .iter()
                .enumerate()
                .map(move |(j, step)| (StepAt::Step(i, j), step))
        });
    let tasks = template
        .get("dag")
        .and_then(|d| d.get("tasks"))
        .and_then(Node::as_seq)
        .unwrap_or_default()
        .iter()
        .enumerate()
        .map(|(j, task)| (StepAt::Task(j), task));
    steps.chain(tasks)
}

/// The pod of one Argo template at `path`, if it runs containers of its own.
fn argo_pod<'a>(
    template: &'a Node,
    path: Path,
    role: Option<&str>,
    workflow: Workflow<'a>,
    out: &mut Vec<PodTemplate<'a>>,
) {
    if template.as_map().is_none() || has_pod_spec_patch(template) {
        return;
    }
    let inline = [("container", &["container"]), ("script", &["script"])]
        .into_iter()
        .find_map(|(key, field): (&str, &'static [&'static str; 1])| {
            let node = template.get(key).filter(|n| n.as_map().is_some())?;
            Some(Inline {
                field,
                node,
                name: "main",
                renamed: true,
                over_runtime: false,
            })
        });
    let container_set = template
        .get("containerSet")
        .is_some_and(|s| s.get("containers").and_then(Node::as_seq).is_some());
    if inline.is_none() && !container_set {
        return;
    }
    out.push(PodTemplate {
        path,
        spec: template,
        metadata: template.get("metadata"),
        role: role.map(str::to_owned),
        inline,
        workflow: Some(workflow),
    });
}

/// The serving runtimes among some documents, for the KServe models that name them: KServe
/// merges a predictor's `model` over the `kserve-container` of the ServingRuntime of that
/// name in the model's namespace, or else of the ClusterServingRuntime of that name.
#[derive(Debug, Default)]
pub struct ServingRuntimes<'a> {
    namespaced: Vec<(Option<&'a str>, &'a str, &'a Node)>,
    cluster: Vec<(&'a str, &'a Node)>,
}

/// Where a serving runtime applies.
#[derive(Clone, Debug)]
enum RuntimeScope {
    /// A ServingRuntime, in its namespace (`None` when the manifest names none).
    Namespace(Option<String>),
    /// A ClusterServingRuntime.
    Cluster,
}

/// The container KServe makes of a predictor's model, merged over the runtime's container
/// of that name.
const KSERVE_CONTAINER: &str = "kserve-container";

/// The container of a runtime without a `kserve-container`: nothing to merge over.
static NO_CONTAINER: Node = Node {
    value: Value::Null,
    span: Span {
        start: 0,
        end: 0,
        line: 0,
        col: 0,
    },
    style: Style::Plain,
    tag: super::node::Tag::None,
};

/// A serving runtime of one file, kept for the models of the other files of a run.
#[derive(Clone, Debug)]
pub struct RuntimeDef {
    scope: RuntimeScope,
    name: String,
    /// The runtime's `kserve-container`.
    container: Node,
}

impl<'a> ServingRuntimes<'a> {
    /// The ServingRuntimes and ClusterServingRuntimes of `documents`.
    pub fn of(documents: &'a [Document]) -> Self {
        let mut runtimes = ServingRuntimes::default();
        for object in documents.iter().flat_map(objects) {
            let Some(name) = object.name.filter(|_| {
                object
                    .api_version
                    .is_some_and(|v| v.starts_with("serving.kserve.io/"))
            }) else {
                continue;
            };
            // KServe (since 0.10) merges the model over the container named
            // `kserve-container`, and deploys nothing when the runtime has none.
            let container = object
                .node
                .get("spec")
                .and_then(|s| s.get("containers"))
                .and_then(Node::as_seq)
                .unwrap_or_default()
                .iter()
                .find(|c| c.get("name").and_then(Node::as_str) == Some(KSERVE_CONTAINER))
                .unwrap_or(&NO_CONTAINER);
            match object.kind {
                Some("ServingRuntime") => {
                    runtimes
                        .namespaced
                        .push((object.namespace, name, container));
                }
                Some("ClusterServingRuntime") => runtimes.cluster.push((name, container)),
                _ => {}
            }
        }
        runtimes
    }

    /// These runtimes followed by `others`, which are looked at only where none of these
    /// has the name.
    pub fn with(mut self, others: &[&'a RuntimeDef]) -> Self {
        for def in others {
            match &def.scope {
                RuntimeScope::Namespace(namespace) => {
                    self.namespaced
                        .push((namespace.as_deref(), &def.name, &def.container));
                }
                RuntimeScope::Cluster => self.cluster.push((&def.name, &def.container)),
            }
        }
        self
    }

    /// What the KServe model of `pod`, a pod template of `object`, may take from the
    /// runtimes of other files: nothing when these hold a ServingRuntime of the name it
    /// names in its namespace, which no other runtime can override.
    pub fn need(&self, object: &Object<'_>, pod: &PodTemplate<'_>) -> Option<RuntimeNeed> {
        let name = runtime_name(pod)?;
        if self.namespaced(object, name).is_some() {
            return None;
        }
        Some(RuntimeNeed {
            namespace: object.namespace.map(str::to_string),
            name: name.to_string(),
            cluster_here: self.cluster.iter().any(|(n, _)| *n == name),
        })
    }

    /// Copies of these runtimes, to outlive their documents.
    pub fn defs(&self) -> Vec<RuntimeDef> {
        let namespaced = self.namespaced.iter().map(|(ns, name, c)| RuntimeDef {
            scope: RuntimeScope::Namespace(ns.map(str::to_string)),
            name: name.to_string(),
            container: (*c).clone(),
        });
        let cluster = self.cluster.iter().map(|(name, c)| RuntimeDef {
            scope: RuntimeScope::Cluster,
            name: name.to_string(),
            container: (*c).clone(),
        });
        namespaced.chain(cluster).collect()
    }

    /// The runtime container that the KServe model of `pod`, a pod template of `object`, is
    /// merged over, when the runtime it names (`model.runtime`) is among these.
    pub fn container_for(&self, object: &Object<'_>, pod: &PodTemplate<'_>) -> Option<&'a Node> {
        let name = runtime_name(pod)?;
        self.namespaced(object, name).or_else(|| {
            self.cluster
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, container)| *container)
        })
    }

    /// The container of the ServingRuntime `name` in the namespace of `object`.
    fn namespaced(&self, object: &Object<'_>, name: &str) -> Option<&'a Node> {
        self.namespaced
            .iter()
            .find(|(namespace, n, _)| *n == name && *namespace == object.namespace)
            .map(|(_, _, container)| *container)
    }
}

impl RuntimeDef {
    /// The runtime's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Whether this runtime of another file changes what `need` resolves to: a
    /// ServingRuntime of the name in the model's namespace always does (KServe looks there
    /// first), a ClusterServingRuntime of the name only when the model's file has none.
    pub fn settles(&self, need: &RuntimeNeed) -> bool {
        self.name == need.name
            && match &self.scope {
                RuntimeScope::Namespace(namespace) => *namespace == need.namespace,
                RuntimeScope::Cluster => !need.cluster_here,
            }
    }
}

/// A serving runtime that a KServe model names and its own file does not settle.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct RuntimeNeed {
    namespace: Option<String>,
    name: String,
    /// The model's file holds a ClusterServingRuntime of the name.
    cluster_here: bool,
}

impl RuntimeNeed {
    /// The runtime's name.
    pub fn name(&self) -> &str {
        &self.name
    }
}

/// The serving runtime that the KServe model of `pod` names (`model.runtime`).
fn runtime_name<'a>(pod: &PodTemplate<'a>) -> Option<&'a str> {
    let model = pod.inline.as_ref().filter(|i| i.over_runtime)?;
    model.node.get("runtime")?.as_str()
}

/// The components of a KServe InferenceService: each is a pod spec with the PodSpec fields
/// inline, and the predictor's model container may sit under `model` (or a framework key)
/// instead of `containers`.
/// KFServing (`kfserving`), KServe's former name, named the model container its own way
/// and had no serving runtimes to merge it over.
fn kserve<'a>(root: &'a Node, kfserving: bool, out: &mut Vec<PodTemplate<'a>>) {
    for component in ["predictor", "transformer", "explainer"] {
        let Some(spec) = root
            .get("spec")
            .and_then(|s| s.get(component))
            .filter(|c| c.as_map().is_some())
        else {
            continue;
        };
        let inline = (component == "predictor")
            .then(|| {
                KSERVE_MODEL_KEYS
                    .iter()
                    .find_map(|k| spec.get(k).filter(|n| n.as_map().is_some()).map(|n| (k, n)))
            })
            .flatten()
            .map(|(key, node)| Inline {
                field: std::slice::from_ref(key),
                node,
                name: if kfserving {
                    "kfserving-container"
                } else {
                    KSERVE_CONTAINER
                },
                renamed: false,
                over_runtime: !kfserving,
            });
        if inline.is_some() || lists_containers(spec) {
            out.push(PodTemplate {
                path: Path::new().keys(&["spec", component]),
                spec,
                metadata: None,
                role: None,
                inline,
                workflow: None,
            });
        }
        // The other nodes of a multi-node predictor.
        if let Some(workers) = spec.get("workerSpec").filter(|w| lists_containers(w)) {
            out.push(PodTemplate {
                path: Path::new().keys(&["spec", component, "workerSpec"]),
                spec: workers,
                metadata: None,
                role: None,
                inline: None,
                workflow: None,
            });
        }
    }
}

/// Whether `node` has the shape of a pod spec: a `containers` list of maps, not empty.
fn lists_containers(node: &Node) -> bool {
    node.get("containers")
        .and_then(Node::as_seq)
        .is_some_and(|cs| !cs.is_empty() && cs.iter().all(|c| c.as_map().is_some()))
}

fn follow<'a>(node: &'a Node, path: &Path) -> Option<&'a Node> {
    path.iter().try_fold(node, |n, seg| match seg {
        PathSeg::Key(k) => n.get(k),
        PathSeg::Index(i) => n.as_seq()?.get(*i),
    })
}

/// The pod template (a PodTemplateSpec: `metadata` and `spec`) at `base` + `keys`.
fn template<'a>(
    root: &'a Node,
    base: &Path,
    keys: &[&str],
    role: Option<&str>,
    out: &mut Vec<PodTemplate<'a>>,
) {
    let path = base.keys(keys);
    let Some(tpl) = follow(root, &path) else {
        return;
    };
    if let Some(spec) = tpl.get("spec").filter(|s| s.as_map().is_some()) {
        out.push(PodTemplate {
            path: path.key("spec"),
            spec,
            metadata: tpl.get("metadata"),
            role: role.map(str::to_owned),
            inline: None,
            workflow: None,
        });
    }
}

/// Templates at `item` + `keys` for every item of the list at `base` + `list`, each item's
/// `name` being its role (JobSet replicated jobs, Volcano tasks).
fn named_items<'a>(
    root: &'a Node,
    base: &Path,
    list: &[&str],
    keys: &[&str],
    out: &mut Vec<PodTemplate<'a>>,
) {
    let list_path = base.keys(list);
    let Some(items) = follow(root, &list_path).and_then(Node::as_seq) else {
        return;
    };
    for (i, item) in items.iter().enumerate() {
        let role = item.get("name").and_then(Node::as_str);
        template(root, &list_path.index(i), keys, role, out);
    }
}

/// NVIDIA Dynamo's `DynamoGraphDeployment` and `DynamoComponentDeployment`
/// (`nvidia.com`), whose pods the Dynamo operator builds.
pub fn is_dynamo(object: &Object<'_>) -> bool {
    object.group() == Some("nvidia.com")
        && matches!(
            object.kind,
            Some("DynamoGraphDeployment" | "DynamoComponentDeployment")
        )
}

/// The pods of a Dynamo deployment. In `v1alpha1` each service (`spec.services.<name>` of a
/// graph, or the `spec` of a component deployment) has an `extraPodSpec`: pod spec fields
/// and a `mainContainer`, which the operator names `main`. In `v1beta1` each component
/// (`spec.components[*]` of a graph, or the `spec` of a component deployment) has a
/// `podTemplate`, whose container `main` is the component's.
fn dynamo<'a>(root: &'a Node, out: &mut Vec<PodTemplate<'a>>) {
    let Some(spec) = root.get("spec").filter(|s| s.as_map().is_some()) else {
        return;
    };
    let here = Path::new().key("spec");
    let mut services: Vec<(Path, &Node, Option<&str>)> = Vec::new();
    if let Some(map) = spec.get("services").and_then(Node::as_map) {
        for (name, service) in map {
            if let Some(name) = name.as_str() {
                services.push((here.keys(&["services", name]), service, Some(name)));
            }
        }
    } else if let Some(list) = spec.get("components").and_then(Node::as_seq) {
        for (i, component) in list.iter().enumerate() {
            let name = component.get("name").and_then(Node::as_str);
            services.push((here.key("components").index(i), component, name));
        }
    } else {
        services.push((here, spec, None));
    }
    for (path, service, role) in services {
        if let Some(extra) = service.get("extraPodSpec").filter(|e| e.as_map().is_some()) {
            let inline = extra
                .get("mainContainer")
                .filter(|c| c.as_map().is_some())
                .map(|node| Inline {
                    field: &["mainContainer"],
                    node,
                    name: "main",
                    renamed: true,
                    over_runtime: false,
                });
            out.push(PodTemplate {
                path: path.key("extraPodSpec"),
                spec: extra,
                metadata: service.get("extraPodMetadata"),
                role: role.map(str::to_owned),
                inline,
                workflow: None,
            });
        } else {
            template(root, &path, &["podTemplate"], role, out);
        }
    }
}

/// Kubeflow training operators: `spec.<framework>ReplicaSpecs.<role>.template`.
fn kubeflow<'a>(root: &'a Node, out: &mut Vec<PodTemplate<'a>>) {
    let Some(spec) = root.get("spec").and_then(Node::as_map) else {
        return;
    };
    for (key, replica_specs) in spec {
        let Some(field) = key.as_str().filter(|k| k.ends_with("ReplicaSpecs")) else {
            continue;
        };
        for (role, _) in replica_specs.as_map().unwrap_or_default() {
            if let Some(role) = role.as_str() {
                let base = Path::new().keys(&["spec", field, role]);
                template(root, &base, &["template"], Some(role), out);
            }
        }
    }
}

/// A Ray cluster spec at `base`: the head group, then each worker group.
fn ray_cluster<'a>(root: &'a Node, base: &Path, out: &mut Vec<PodTemplate<'a>>) {
    template(
        root,
        base,
        &["headGroupSpec", "template"],
        Some("head"),
        out,
    );
    let groups_path = base.key("workerGroupSpecs");
    let Some(groups) = follow(root, &groups_path).and_then(Node::as_seq) else {
        return;
    };
    for (i, group) in groups.iter().enumerate() {
        let role = group
            .get("groupName")
            .and_then(Node::as_str)
            .unwrap_or("worker");
        template(root, &groups_path.index(i), &["template"], Some(role), out);
    }
}

/// The search for pod-spec-shaped maps in unknown kinds; see the module docs. `path` is
/// the path of `node`, extended and restored on the way down.
fn fallback<'a>(node: &'a Node, path: &mut Path, depth: usize, out: &mut Vec<PodTemplate<'a>>) {
    let is_collection = |n: &Node| n.as_map().is_some() || n.as_seq().is_some();
    if let Some(items) = node.as_seq() {
        if depth > 0 {
            for (i, item) in items.iter().enumerate().filter(|(_, n)| is_collection(n)) {
                path.0.push(PathSeg::Index(i));
                fallback(item, path, depth - 1, out);
                path.0.pop();
            }
        }
        return;
    }
    let Some(entries) = node.as_map() else {
        return;
    };
    if lists_containers(node) {
        out.push(PodTemplate {
            path: path.clone(),
            spec: node,
            metadata: None,
            role: None,
            inline: None,
            workflow: None,
        });
        return;
    }
    if depth == 0 {
        return;
    }
    for (key, value) in entries {
        let Some(key) = key.as_str() else {
            continue;
        };
        if key == "metadata" || key == "status" || !is_collection(value) {
            continue;
        }
        let before = out.len();
        path.0.push(PathSeg::Key(key.into()));
        fallback(value, path, depth - 1, out);
        path.0.pop();
        // A pod spec found directly under `spec` takes its labels from the sibling metadata.
        if key == "spec"
            && let Some(found) = out.get_mut(before)
            && found.path.len() == path.len() + 1
        {
            found.metadata = node.get("metadata");
        }
    }
}

/// The span of the node at `path` under `root`, and `true`; or, when the path does not
/// exist, the span of its nearest existing parent and `false`. A parent reached through a
/// map key is located by that key, so a missing field points at the line that names its
/// parent (`securityContext:`) rather than at the whole parent map; so is a block list or
/// map found at the path (`args:`, not its first item).
pub fn locate(root: &Node, path: &[PathSeg]) -> (Span, bool) {
    let mut node = root;
    let mut key_span = None;
    for seg in path {
        let next = match seg {
            PathSeg::Key(k) => node.entry(k).map(|(key, value)| (Some(key.span), value)),
            PathSeg::Index(i) => node.as_seq().and_then(|s| s.get(*i)).map(|n| (None, n)),
        };
        match next {
            Some((span, child)) => {
                key_span = span;
                node = child;
            }
            None => return (key_span.unwrap_or(node.span), false),
        }
    }
    let block = node.style == Style::Block && matches!(node.value, Value::Seq(_) | Value::Map(_));
    (key_span.filter(|_| block).unwrap_or(node.span), true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::manifest::load::{Limits, SourceFile, load};

    #[track_caller]
    fn loaded(text: &str) -> SourceFile {
        let file = load("t.yaml", text.as_bytes(), &Limits::default());
        assert!(file.problems.is_empty(), "{:?}", file.problems);
        file
    }

    /// `(path, role, first container name)` of every pod template of the file's only object.
    #[track_caller]
    fn templates(text: &str) -> Vec<(String, Option<String>, String)> {
        let file = loaded(text);
        let objects = objects(&file.documents[0]);
        assert_eq!(objects.len(), 1);
        pod_templates(&objects[0])
            .into_iter()
            .map(|t| {
                let first = t
                    .spec
                    .get("containers")
                    .and_then(|c| c.as_seq()?.first()?.get("name")?.as_str());
                (
                    t.path.to_string(),
                    t.role,
                    first.unwrap_or_default().to_owned(),
                )
            })
            .collect()
    }

    fn one(path: &str, role: Option<&str>, name: &str) -> (String, Option<String>, String) {
        (path.to_owned(), role.map(str::to_owned), name.to_owned())
    }

    const POD_SPEC: &str = "spec:\n  containers:\n  - name: c\n";

    /// Indents the lines of `text` by `n` spaces.
    fn indent(text: &str, n: usize) -> String {
        text.lines()
            .map(|l| format!("{}{l}\n", " ".repeat(n)))
            .collect()
    }

    #[test]
    fn pod_uses_its_own_spec_and_metadata() {
        let file = loaded(
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  namespace: ml\nspec:\n  containers:\n  - name: c\n",
        );
        let objs = objects(&file.documents[0]);
        let pod = &objs[0];
        assert_eq!(
            (pod.api_version, pod.kind, pod.name, pod.namespace),
            (Some("v1"), Some("Pod"), Some("p"), Some("ml"))
        );
        assert_eq!(pod.group(), Some(""));
        let tpls = pod_templates(pod);
        assert_eq!(tpls.len(), 1);
        assert_eq!(tpls[0].path.to_string(), "spec");
        assert_eq!(
            tpls[0]
                .metadata
                .and_then(|m| m.get("name"))
                .and_then(Node::as_str),
            Some("p")
        );
    }

    #[test]
    fn workload_controllers_use_spec_template() {
        for kind in [
            "Deployment",
            "ReplicaSet",
            "StatefulSet",
            "DaemonSet",
            "ReplicationController",
            "Job",
        ] {
            let text = format!(
                "kind: {kind}\nspec:\n  template:\n    metadata:\n      labels: {{app: x}}\n{}",
                indent(POD_SPEC, 4)
            );
            assert_eq!(
                templates(&text),
                vec![one("spec.template.spec", None, "c")],
                "{kind}"
            );
        }
    }

    #[test]
    fn template_metadata_is_kept() {
        let file = loaded(&format!(
            "kind: Deployment\nspec:\n  template:\n    metadata:\n      labels: {{app: x}}\n{}",
            indent(POD_SPEC, 4)
        ));
        let objs = objects(&file.documents[0]);
        let tpl = &pod_templates(&objs[0])[0];
        let app = tpl
            .metadata
            .and_then(|m| m.get("labels")?.get("app")?.as_str());
        assert_eq!(app, Some("x"));
    }

    #[test]
    fn cronjob_and_podtemplate() {
        let cron = format!(
            "apiVersion: batch/v1\nkind: CronJob\nspec:\n  jobTemplate:\n    spec:\n      template:\n{}",
            indent(POD_SPEC, 8)
        );
        assert_eq!(
            templates(&cron),
            vec![one("spec.jobTemplate.spec.template.spec", None, "c")]
        );
        let pt = format!("kind: PodTemplate\ntemplate:\n{}", indent(POD_SPEC, 2));
        assert_eq!(templates(&pt), vec![one("template.spec", None, "c")]);
    }

    #[test]
    fn kubeflow_replica_specs_have_roles() {
        for (kind, field) in [
            ("PyTorchJob", "pytorchReplicaSpecs"),
            ("TFJob", "tfReplicaSpecs"),
            ("MPIJob", "mpiReplicaSpecs"),
            ("XGBoostJob", "xgbReplicaSpecs"),
            ("PaddleJob", "paddleReplicaSpecs"),
            ("JAXJob", "jaxReplicaSpecs"),
        ] {
            let text = format!(
                "apiVersion: kubeflow.org/v1\nkind: {kind}\nspec:\n  {field}:\n    Master:\n      replicas: 1\n      template:\n{}    Worker:\n      template:\n{}",
                indent(POD_SPEC, 8),
                indent(&POD_SPEC.replace("name: c", "name: w"), 8)
            );
            assert_eq!(
                templates(&text),
                vec![
                    one(
                        &format!("spec.{field}.Master.template.spec"),
                        Some("Master"),
                        "c"
                    ),
                    one(
                        &format!("spec.{field}.Worker.template.spec"),
                        Some("Worker"),
                        "w"
                    ),
                ],
                "{kind}"
            );
        }
    }

    #[test]
    fn jobset_replicated_jobs() {
        let text = format!(
            "apiVersion: jobset.x-k8s.io/v1alpha2\nkind: JobSet\nspec:\n  replicatedJobs:\n  - name: driver\n    template:\n      spec:\n        template:\n{}  - name: workers\n    template:\n      spec:\n        template:\n{}",
            indent(POD_SPEC, 10),
            indent(POD_SPEC, 10)
        );
        assert_eq!(
            templates(&text),
            vec![
                one(
                    "spec.replicatedJobs[0].template.spec.template.spec",
                    Some("driver"),
                    "c"
                ),
                one(
                    "spec.replicatedJobs[1].template.spec.template.spec",
                    Some("workers"),
                    "c"
                ),
            ]
        );
    }

    fn ray_spec(n: usize) -> String {
        indent(
            &format!(
                "headGroupSpec:\n  template:\n{}workerGroupSpecs:\n- groupName: gpu\n  template:\n{}- template:\n{}",
                indent(POD_SPEC, 4),
                indent(POD_SPEC, 4),
                indent(POD_SPEC, 4)
            ),
            n,
        )
    }

    #[test]
    fn ray_cluster_job_and_service() {
        let expect = |base: &str| {
            vec![
                one(
                    &format!("{base}.headGroupSpec.template.spec"),
                    Some("head"),
                    "c",
                ),
                one(
                    &format!("{base}.workerGroupSpecs[0].template.spec"),
                    Some("gpu"),
                    "c",
                ),
                one(
                    &format!("{base}.workerGroupSpecs[1].template.spec"),
                    Some("worker"),
                    "c",
                ),
            ]
        };
        let cluster = format!(
            "apiVersion: ray.io/v1\nkind: RayCluster\nspec:\n{}",
            ray_spec(2)
        );
        assert_eq!(templates(&cluster), expect("spec"));

        let job = format!(
            "apiVersion: ray.io/v1\nkind: RayJob\nspec:\n  rayClusterSpec:\n{}  submitterPodTemplate:\n{}",
            ray_spec(4),
            indent(POD_SPEC, 4)
        );
        let mut want = expect("spec.rayClusterSpec");
        want.push(one(
            "spec.submitterPodTemplate.spec",
            Some("submitter"),
            "c",
        ));
        assert_eq!(templates(&job), want);

        let service = format!(
            "apiVersion: ray.io/v1\nkind: RayService\nspec:\n  rayClusterConfig:\n{}",
            ray_spec(4)
        );
        assert_eq!(templates(&service), expect("spec.rayClusterConfig"));
    }

    #[test]
    fn leader_worker_set() {
        let text = format!(
            "apiVersion: leaderworkerset.x-k8s.io/v1\nkind: LeaderWorkerSet\nspec:\n  leaderWorkerTemplate:\n    leaderTemplate:\n{}    workerTemplate:\n{}",
            indent(POD_SPEC, 6),
            indent(POD_SPEC, 6)
        );
        assert_eq!(
            templates(&text),
            vec![
                one(
                    "spec.leaderWorkerTemplate.leaderTemplate.spec",
                    Some("leader"),
                    "c"
                ),
                one(
                    "spec.leaderWorkerTemplate.workerTemplate.spec",
                    Some("worker"),
                    "c"
                ),
            ]
        );
    }

    #[test]
    fn volcano_job_tasks_are_not_a_batch_job() {
        let text = format!(
            "apiVersion: batch.volcano.sh/v1alpha1\nkind: Job\nspec:\n  tasks:\n  - name: ps\n    template:\n{}",
            indent(POD_SPEC, 6)
        );
        assert_eq!(
            templates(&text),
            vec![one("spec.tasks[0].template.spec", Some("ps"), "c")]
        );
    }

    #[test]
    fn policy_patterns_have_none() {
        let kyverno = "apiVersion: kyverno.io/v1\nkind: ClusterPolicy\nspec:\n  rules:\n  - validate:\n      pattern:\n        spec:\n          containers: [{name: '*'}]\n";
        assert!(templates(kyverno).is_empty());
        let server = "apiVersion: mlops.seldon.io/v1alpha1\nkind: Server\nspec:\n  serverConfig: mlserver\n  podSpec:\n    containers: [{name: rclone, resources: {requests: {memory: 1Gi}}}]\n";
        assert!(templates(server).is_empty());
        let config = server.replace("kind: Server", "kind: ServerConfig");
        assert_eq!(templates(&config).len(), 1);
        let rollout = format!(
            "apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nspec:\n  template:\n{}",
            indent(POD_SPEC, 4)
        );
        assert_eq!(
            templates(&rollout),
            vec![one("spec.template.spec", None, "c")]
        );
    }

    const WORKFLOW: &str = "\
apiVersion: argoproj.io/v1alpha1
kind: Workflow
spec:
  hostNetwork: true
  podPriorityClassName: batch
  securityContext: {runAsNonRoot: true}
  tolerations: [{key: gpu}]
  volumes:
  - {name: shared, persistentVolumeClaim: {claimName: data}}
  - {name: unused, hostPath: {path: /x}}
  templates:
  - name: main
    steps: [[{name: a, template: train}]]
  - name: train
    securityContext: {runAsUser: 1000}
    initContainers: [{name: fetch, image: x:1}]
    container: {name: ignored, image: x:1, volumeMounts: [{name: shared, mountPath: /d}]}
    sidecars: [{name: proxy, image: x:1}]
    volumes: [{name: scratch, emptyDir: {}}]
  - name: eval
    priorityClassName: urgent
    script: {image: x:1, source: print(1)}
  - name: set
    containerSet:
      volumeMounts: [{name: unused, mountPath: /x}]
      containers: [{name: a, image: x:1}, {name: b, image: x:1}]
  - name: apply
    resource: {action: create, manifest: x}
";

    #[test]
    fn argo_templates_that_run_containers_are_pods() {
        assert_eq!(
            containers_of(WORKFLOW),
            vec![
                vec![
                    ("spec.templates[1].initContainers[0]".into(), "fetch".into()),
                    ("spec.templates[1].container".into(), "main".into()),
                    ("spec.templates[1].sidecars[0]".into(), "proxy".into()),
                ],
                vec![("spec.templates[2].script".into(), "main".into())],
                vec![
                    (
                        "spec.templates[3].containerSet.containers[0]".into(),
                        "a".into()
                    ),
                    (
                        "spec.templates[3].containerSet.containers[1]".into(),
                        "b".into()
                    ),
                ],
            ]
        );
        let file = loaded(WORKFLOW);
        let objs = objects(&file.documents[0]);
        let pods = pod_templates(&objs[0]);
        let roles: Vec<_> = pods.iter().map(|p| p.role.as_deref()).collect();
        assert_eq!(roles, [Some("train"), Some("eval"), Some("set")]);
        let at = |pod: &PodTemplate<'_>, key: &str| {
            pod.field(key).map(|_| pod.field_path(key).to_string())
        };
        // The template's own securityContext replaces the workflow's; without one, the
        // workflow's applies. Argo has no `hostPID` and no pod-level `containers`.
        for (pod, key, expected) in [
            (
                0,
                "securityContext",
                Some("spec.templates[1].securityContext"),
            ),
            (1, "securityContext", Some("spec.securityContext")),
            (0, "hostNetwork", Some("spec.hostNetwork")),
            (0, "tolerations", Some("spec.tolerations")),
            (0, "priorityClassName", Some("spec.podPriorityClassName")),
            (
                1,
                "priorityClassName",
                Some("spec.templates[2].priorityClassName"),
            ),
            (0, "hostPID", None),
            (0, "containers", None),
        ] {
            assert_eq!(
                at(&pods[pod], key).as_deref(),
                expected,
                "{key} of pod {pod}"
            );
        }
        let volumes = |pod: &PodTemplate<'_>| -> Vec<String> {
            pod.volumes()
                .map(|v| pod.volume_path(&v).to_string())
                .collect()
        };
        // Workflow volumes join the pods that mount them.
        assert_eq!(
            volumes(&pods[0]),
            ["spec.templates[1].volumes[0]", "spec.volumes[0]"]
        );
        assert!(volumes(&pods[1]).is_empty());
        assert_eq!(volumes(&pods[2]), ["spec.volumes[1]"]);
    }

    #[test]
    fn argo_boundary_templates_empty_values_inline_templates_and_metadata() {
        let workflow = "\
apiVersion: argoproj.io/v1alpha1
kind: Workflow
spec:
  templateDefaults: null
  tolerations: [{key: spot}]
  nodeSelector: {pool: cpu}
  podMetadata: {labels: {team: a}}
  volumes:
  - {name: host, hostPath: {path: /x}}
  templates:
  - name: pipeline
    tolerations: [{key: nvidia.com/gpu}]
    dag:
      tasks:
      - {name: train, template: train}
      - {name: set, template: set}
      - name: quick
        inline: {container: {image: x:1}}
  - name: direct
    steps: [[{name: s, template: set}]]
  - name: train
    tolerations: []
    nodeSelector: {}
    metadata: {labels: {step: train}}
    container: {image: x:1}
  - name: set
    containerSet:
      containers:
      - {image: x:1, volumeMounts: [{name: host, mountPath: /x}]}
";
        let file = loaded(workflow);
        let objs = objects(&file.documents[0]);
        let pods = pod_templates(&objs[0]);
        let paths: Vec<String> = pods.iter().map(|p| p.path.to_string()).collect();
        assert_eq!(
            paths,
            [
                "spec.templates[0].dag.tasks[2].inline",
                "spec.templates[2]",
                "spec.templates[3]",
                "spec.templates[3]"
            ]
        );
        assert_eq!(pods[0].role.as_deref(), Some("quick"));
        let source = |pod: &PodTemplate<'_>, key: &str| {
            pod.field(key).map(|_| pod.field_path(key).to_string())
        };
        // An empty list or map on the template falls back; the DAG template that runs the
        // pod comes before the workflow, for inline templates too. `set` runs from
        // `pipeline` and from `direct`, which sets nothing: one pod for each.
        for (pod, key, expected) in [
            (1, "tolerations", "spec.templates[0].tolerations"),
            (0, "tolerations", "spec.templates[0].tolerations"),
            (1, "nodeSelector", "spec.nodeSelector"),
            (2, "tolerations", "spec.templates[0].tolerations"),
            (3, "tolerations", "spec.tolerations"),
        ] {
            assert_eq!(
                source(&pods[pod], key).as_deref(),
                Some(expected),
                "{key} of pod {pod}"
            );
        }
        // A container set's own mounts do not bring the workflow's volumes into the pod,
        // and its unnamed container is `main`.
        assert_eq!(pods[2].volumes().count(), 0);
        assert_eq!(
            pods[2].containers().map(|c| c.name()).collect::<Vec<_>>(),
            [Some("main")]
        );
        // The template's metadata, then the workflow's podMetadata.
        let metadata: Vec<String> = pods[1]
            .metadata_maps()
            .map(|(_, outer)| pods[1].metadata_path(outer).to_string())
            .collect();
        assert_eq!(metadata, ["spec.templates[2].metadata", "spec.podMetadata"]);
    }

    #[test]
    fn argo_each_boundary_is_a_pod_of_its_own() {
        let workflow = "\
apiVersion: argoproj.io/v1alpha1
kind: Workflow
spec:
  entrypoint: gpu
  onExit: cleanup
  templates:
  - name: gpu
    tolerations: [{key: nvidia.com/gpu}]
    dag:
      tasks:
      - {name: t, template: train, onExit: cleanup}
      - name: h
        template: train
        hooks: {done: {template: report}}
  - name: cpu
    tolerations: [{key: spot}]
    steps: [[{name: t, template: train}]]
  - {name: train, container: {image: x:1}}
  - {name: report, container: {image: x:1}}
  - {name: cleanup, container: {image: x:1}}
";
        let file = loaded(workflow);
        let objs = objects(&file.documents[0]);
        let pods: Vec<(String, String)> = pod_templates(&objs[0])
            .iter()
            .map(|p| {
                let at = p
                    .field("tolerations")
                    .map(|_| p.field_path("tolerations").to_string())
                    .unwrap_or_default();
                (p.role.clone().unwrap_or_default(), at)
            })
            .collect();
        // Whatever order the callers come in, each gives a pod its tolerations; a hook
        // runs within its task's template; the workflow's exit handler runs with none.
        let expect = |role: &str, at: &str| (role.to_owned(), at.to_owned());
        assert_eq!(
            pods,
            [
                expect("train", "spec.templates[0].tolerations"),
                expect("train", "spec.templates[1].tolerations"),
                expect("report", "spec.templates[0].tolerations"),
                expect("cleanup", "spec.templates[0].tolerations"),
                expect("cleanup", ""),
            ]
        );
    }

    #[test]
    fn argo_cron_workflows_and_merged_settings() {
        let cron = WORKFLOW
            .replace(
                "kind: Workflow\nspec:\n",
                "kind: CronWorkflow\nspec:\n  schedule: '0 * * * *'\n  workflowSpec:\n",
            )
            .replace("\n  ", "\n    ")
            .replace("\n    schedule", "\n  schedule")
            .replace("\n    workflowSpec", "\n  workflowSpec");
        let file = loaded(&cron);
        let objs = objects(&file.documents[0]);
        let pods = pod_templates(&objs[0]);
        assert_eq!(pods.len(), 3);
        assert_eq!(pods[0].path.to_string(), "spec.workflowSpec.templates[1]");
        assert_eq!(
            pods[1]
                .field("securityContext")
                .map(|_| pods[1].field_path("securityContext").to_string())
                .as_deref(),
            Some("spec.workflowSpec.securityContext")
        );
        // Defaults that only bound time or retries are read past.
        let inert = WORKFLOW.replace(
            "  hostNetwork: true\n",
            "  templateDefaults: {timeout: 1h, retryStrategy: {limit: 2}}\n",
        );
        assert_eq!(templates(&inert).len(), 3);
        // `argo submit` reads a workflow whatever version it names.
        let submitted = WORKFLOW.replace("argoproj.io/v1alpha1", "argoproj.io/v1");
        assert_eq!(templates(&submitted), templates(WORKFLOW));
        // Defaults and patches that Argo merges into the pod are not reproduced: such pods
        // are not read at all.
        let defaults = WORKFLOW.replace(
            "  hostNetwork: true\n",
            "  templateDefaults: {container: {securityContext: {runAsNonRoot: true}}}\n",
        );
        assert!(templates(&defaults).is_empty());
        let patched = WORKFLOW.replace(
            "  - name: eval\n",
            "  - name: eval\n    podSpecPatch: '{}'\n",
        );
        let roles: Vec<_> = {
            let file = loaded(&patched);
            let objs = objects(&file.documents[0]);
            pod_templates(&objs[0])
                .iter()
                .map(|p| p.role.clone())
                .collect()
        };
        assert_eq!(roles, [Some("train".to_string()), Some("set".to_string())]);
    }

    #[test]
    fn trainjob_and_mlk_resources_have_none() {
        let trainjob = format!(
            "apiVersion: trainer.kubeflow.org/v1alpha1\nkind: TrainJob\nspec:\n  template:\n{}",
            indent(POD_SPEC, 4)
        );
        assert!(templates(&trainjob).is_empty());
        let text = format!(
            "apiVersion: mlk.dev/v1alpha1\nkind: TrainingJob\nspec:\n  template:\n{}",
            indent(POD_SPEC, 4)
        );
        let file = loaded(&text);
        let objs = objects(&file.documents[0]);
        assert!(is_mlk_resource(&objs[0]));
        assert!(pod_templates(&objs[0]).is_empty());
    }

    /// The containers of each template: (path from the object, name).
    fn containers_of(text: &str) -> Vec<Vec<(String, String)>> {
        let file = loaded(text);
        let objects = objects(&file.documents[0]);
        pod_templates(&objects[0])
            .iter()
            .map(|t| {
                t.containers()
                    .map(|c| {
                        let at = c.path(&t.path).to_string();
                        (at, c.name().unwrap_or_default().to_owned())
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn dynamo_services_and_components_and_their_main_containers() {
        let pairs = |v: &[(&str, &str)]| -> Vec<(String, String)> {
            v.iter()
                .map(|(p, n)| (p.to_string(), n.to_string()))
                .collect()
        };
        let graph = "\
apiVersion: nvidia.com/v1alpha1
kind: DynamoGraphDeployment
spec:
  services:
    Frontend:
      extraPodSpec:
        mainContainer: {name: ignored, image: x:1}
    Worker:
      resources: {limits: {gpu: '1'}}
      extraPodSpec:
        containers: [{name: helper, image: x:1}]
        mainContainer: {image: x:1}
    Bare:
      replicas: 1
";
        assert_eq!(
            containers_of(graph),
            [
                pairs(&[("spec.services.Frontend.extraPodSpec.mainContainer", "main")]),
                pairs(&[
                    ("spec.services.Worker.extraPodSpec.mainContainer", "main"),
                    ("spec.services.Worker.extraPodSpec.containers[0]", "helper"),
                ]),
            ]
        );
        let beta = "\
apiVersion: nvidia.com/v1beta1
kind: DynamoGraphDeployment
spec:
  components:
  - name: decode
    podTemplate:
      spec:
        containers: [{name: main, image: x:1}]
";
        assert_eq!(
            templates(beta),
            vec![one(
                "spec.components[0].podTemplate.spec",
                Some("decode"),
                "main"
            )]
        );
        let component = "\
apiVersion: nvidia.com/v1alpha1
kind: DynamoComponentDeployment
spec:
  extraPodSpec:
    mainContainer: {image: x:1}
";
        assert_eq!(
            containers_of(component),
            [pairs(&[("spec.extraPodSpec.mainContainer", "main")])]
        );
        // The same kinds in another group are not Dynamo's: only the generic search for
        // container lists reads them.
        assert_eq!(
            containers_of(&graph.replace("nvidia.com/v1alpha1", "example.com/v1")),
            [pairs(&[(
                "spec.services.Worker.extraPodSpec.containers[0]",
                "helper"
            )])]
        );
    }

    #[test]
    fn kserve_components_and_the_model_container() {
        let isvc = "\
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
spec:
  predictor:
    initContainers: [{name: fetch, image: x:1}]
    model: {modelFormat: {name: sklearn}, storageUri: gs://b/m}
    containers: [{name: sidecar, image: x:1}]
    workerSpec:
      containers: [{name: worker, image: x:1}]
  transformer:
    containers: [{name: t, image: x:1}]
  explainer:
    containers: []
";
        assert_eq!(
            containers_of(isvc),
            [
                vec![
                    (
                        "spec.predictor.initContainers[0]".to_owned(),
                        "fetch".to_owned()
                    ),
                    (
                        "spec.predictor.model".to_owned(),
                        "kserve-container".to_owned()
                    ),
                    (
                        "spec.predictor.containers[0]".to_owned(),
                        "sidecar".to_owned()
                    ),
                ],
                vec![(
                    "spec.predictor.workerSpec.containers[0]".to_owned(),
                    "worker".to_owned()
                )],
                vec![("spec.transformer.containers[0]".to_owned(), "t".to_owned())],
            ]
        );
        let framework = isvc.replace(
            "model: {modelFormat: {name: sklearn}",
            "pytorch: {name: named",
        );
        assert_eq!(
            containers_of(&framework)[0][1],
            ("spec.predictor.pytorch".to_owned(), "named".to_owned())
        );
        // KFServing, the same shape under its former group, named the container its own way
        // and had no serving runtime to merge it over.
        let kfserving = isvc.replace("serving.kserve.io", "serving.kubeflow.org");
        let over_runtime = |text: &str| {
            let file = loaded(text);
            let objs = objects(&file.documents[0]);
            pod_templates(&objs[0])[0]
                .containers()
                .any(|c| c.over_runtime)
        };
        assert!(over_runtime(isvc) && !over_runtime(&kfserving));
        assert_eq!(
            containers_of(&kfserving)[0][1],
            (
                "spec.predictor.model".to_owned(),
                "kfserving-container".to_owned()
            )
        );
        let malformed = "apiVersion: serving.kserve.io/v1beta1\nkind: InferenceService\nspec:\n  predictor:\n    model: gs://b/m\n  transformer: [a]\n";
        assert!(containers_of(malformed).is_empty());
    }

    #[test]
    fn a_model_is_merged_over_the_kserve_container_of_the_runtime_it_names() {
        let text = "\
apiVersion: serving.kserve.io/v1alpha1
kind: ServingRuntime
metadata: {name: two, namespace: a}
spec:
  containers:
  - {name: agent, image: agent:1}
  - {name: kserve-container, image: server:1}
---
apiVersion: serving.kserve.io/v1alpha1
kind: ClusterServingRuntime
metadata: {name: two}
spec:
  containers: [{name: kserve-container, image: cluster:1}]
---
apiVersion: serving.kserve.io/v1alpha1
kind: ClusterServingRuntime
metadata: {name: none}
spec:
  containers: [{name: server, image: other:1}]
";
        let file = loaded(text);
        let runtimes = ServingRuntimes::of(&file.documents);
        let image = |runtimes: &ServingRuntimes<'_>, namespace: &str, runtime: &str| {
            let isvc = format!(
                "apiVersion: serving.kserve.io/v1beta1\nkind: InferenceService\nmetadata: {{name: m, namespace: {namespace}}}\nspec:\n  predictor:\n    model: {{runtime: {runtime}, modelFormat: {{name: sklearn}}}}\n"
            );
            let model = loaded(&isvc);
            let objs = objects(&model.documents[0]);
            let pods = pod_templates(&objs[0]);
            runtimes.container_for(&objs[0], &pods[0]).map(|c| {
                c.get("image")
                    .and_then(Node::as_str)
                    .unwrap_or("<none>")
                    .to_owned()
            })
        };
        let defs = runtimes.defs();
        // Kept for other files, the runtimes resolve the same way.
        let refs: Vec<&RuntimeDef> = defs.iter().collect();
        for runtimes in [&runtimes, &ServingRuntimes::default().with(&refs)] {
            // The namespace's runtime first, and its `kserve-container`, not its first one.
            assert_eq!(image(runtimes, "a", "two").as_deref(), Some("server:1"));
            assert_eq!(image(runtimes, "b", "two").as_deref(), Some("cluster:1"));
            // A runtime without a `kserve-container` gives the model nothing.
            assert_eq!(image(runtimes, "a", "none").as_deref(), Some("<none>"));
            assert_eq!(image(runtimes, "a", "missing"), None);
        }
    }

    #[test]
    fn serving_runtimes_are_pods_with_their_workers() {
        let runtime = "\
apiVersion: serving.kserve.io/v1alpha1
kind: ClusterServingRuntime
spec:
  containers: [{name: kserve-container, image: x:1}]
  workerSpec:
    pipelineParallelSize: 2
    containers: [{name: worker-container, image: x:1}]
";
        assert_eq!(
            containers_of(runtime),
            [
                vec![(
                    "spec.containers[0]".to_owned(),
                    "kserve-container".to_owned()
                )],
                vec![(
                    "spec.workerSpec.containers[0]".to_owned(),
                    "worker-container".to_owned()
                )],
            ]
        );
        let single = runtime.replace("  workerSpec:\n", "  other:\n");
        assert_eq!(containers_of(&single).len(), 1);
    }

    #[test]
    fn a_katib_trial_template_is_an_object_of_its_own_kind() {
        let text = "\
apiVersion: kubeflow.org/v1beta1
kind: Experiment
metadata: {name: hpo, namespace: research}
spec:
  trialTemplate:
    primaryContainerName: pytorch
    trialSpec:
      apiVersion: kubeflow.org/v1
      kind: PyTorchJob
      spec:
        pytorchReplicaSpecs:
          Worker:
            replicas: 2
            template:
              spec:
                containers: [{name: pytorch, image: x:1}]
";
        let file = loaded(text);
        let objs = objects(&file.documents[0]);
        let summary: Vec<_> = objs
            .iter()
            .map(|o| {
                let roles: Vec<String> = pod_templates(o)
                    .iter()
                    .map(|t| format!("{}", t.path))
                    .collect();
                (
                    o.kind,
                    o.namespace,
                    o.embedded.is_some(),
                    o.path.to_string(),
                    roles,
                )
            })
            .collect();
        // The Experiment has no pods of its own; its trial is a PyTorchJob in its namespace.
        assert_eq!(
            summary,
            [
                (
                    Some("Experiment"),
                    Some("research"),
                    false,
                    String::new(),
                    vec![]
                ),
                (
                    Some("PyTorchJob"),
                    Some("research"),
                    true,
                    "spec.trialTemplate.trialSpec".to_owned(),
                    vec!["spec.pytorchReplicaSpecs.Worker.template.spec".to_owned()]
                ),
            ]
        );
        // A trial template kept in a ConfigMap is not in the Experiment.
        let elsewhere = text.replace("trialSpec:", "configMap:");
        assert_eq!(objects(&loaded(&elsewhere).documents[0]).len(), 1);
    }

    #[test]
    fn unknown_kinds_use_the_fallback_search() {
        let knative = format!(
            "apiVersion: serving.knative.dev/v1\nkind: Service\nspec:\n  template:\n    metadata:\n      labels: {{a: b}}\n{}",
            indent(POD_SPEC, 4)
        );
        assert_eq!(
            templates(&knative),
            vec![one("spec.template.spec", None, "c")]
        );
        let kserve = "apiVersion: serving.kserve.io/v1beta1\nkind: InferenceService\nspec:\n  predictor:\n    containers:\n    - name: kserve-container\n";
        assert_eq!(
            templates(kserve),
            vec![one("spec.predictor", None, "kserve-container")]
        );
        let other_group = "apiVersion: example.com/v1\nkind: InferenceService\nspec:\n  predictor:\n    model: {image: x}\n";
        assert!(templates(other_group).is_empty());
        let not_pods = "kind: Widget\nmetadata:\n  containers: [{name: x}]\nspec:\n  containers: []\n  other:\n    containers: [a, b]\n";
        assert!(templates(not_pods).is_empty());

        let file = loaded(&format!(
            "kind: Thing\nspec:\n  template:\n    metadata: {{labels: {{a: b}}}}\n{}",
            indent(POD_SPEC, 4)
        ));
        let objs = objects(&file.documents[0]);
        let tpl = &pod_templates(&objs[0])[0];
        assert!(tpl.metadata.and_then(|m| m.get("labels")).is_some());
    }

    #[test]
    fn known_kinds_with_missing_templates_have_none() {
        assert!(templates("kind: Deployment\nspec: {}\n").is_empty());
        assert!(templates("kind: Deployment\nspec:\n  template:\n    spec: []\n").is_empty());
        assert!(templates("kind: Pod\n").is_empty());
    }

    #[test]
    fn lists_and_arrays_expand_into_objects() {
        let file = loaded(
            "apiVersion: v1\nkind: List\nitems:\n- kind: ConfigMap\n  metadata: {name: a}\n- 42\n- kind: DeploymentList\n  items:\n  - kind: Deployment\n    metadata: {name: d}\n",
        );
        let objs = objects(&file.documents[0]);
        let got: Vec<_> = objs.iter().map(|o| (o.path.to_string(), o.name)).collect();
        assert_eq!(
            got,
            vec![
                ("items[0]".to_owned(), Some("a")),
                ("items[2].items[0]".to_owned(), Some("d"))
            ]
        );

        let file = loaded(r#"[{"kind": "Pod", "metadata": {"name": "p"}}, {"kind": "Service"}]"#);
        let objs = objects(&file.documents[0]);
        let got: Vec<_> = objs.iter().map(|o| (o.path.to_string(), o.kind)).collect();
        assert_eq!(
            got,
            vec![
                ("[0]".to_owned(), Some("Pod")),
                ("[1]".to_owned(), Some("Service"))
            ]
        );

        let file = loaded("just a string\n");
        assert!(objects(&file.documents[0]).is_empty());
    }

    #[test]
    fn paths_render_like_jsonpath() {
        let path = Path::new()
            .keys(&["spec", "template"])
            .index(0)
            .key("mlk.dev/gpu")
            .key("a b");
        assert_eq!(
            path.to_string(),
            r#"spec.template[0]["mlk.dev/gpu"]["a b"]"#
        );
        assert_eq!(Path::new().index(2).key("kind").to_string(), "[2].kind");
    }

    #[test]
    fn locate_finds_exact_nodes_and_nearest_parents() {
        let file = loaded(
            "spec:\n  containers:\n  - name: app\n    securityContext:\n      privileged: true\n",
        );
        let root = &file.documents[0].root;
        let c0 = Path::new().keys(&["spec", "containers"]).index(0);
        let (span, exact) = locate(root, &c0.keys(&["securityContext", "privileged"]));
        assert!(exact);
        assert_eq!(
            (span.line, span.col, &file.text[span.range()]),
            (5, 19, "true")
        );

        let (span, exact) = locate(root, &c0.keys(&["securityContext", "runAsNonRoot"]));
        assert!(!exact);
        assert_eq!(
            (span.line, span.col, &file.text[span.range()]),
            (4, 5, "securityContext")
        );

        let (span, exact) = locate(root, &c0.keys(&["resources", "limits"]));
        assert!(!exact);
        assert_eq!((span.line, span.col), (3, 5));

        let (span, exact) = locate(root, &Path::new().keys(&["spec", "containers"]).index(5));
        assert!(!exact);
        assert_eq!(&file.text[span.range()], "containers");

        // A block list or map is named by its key, not by its first item or entry; a list
        // item by its first entry; a flow collection where it opens.
        let at = |path: &Path| {
            let (span, exact) = locate(root, path);
            assert!(exact);
            (
                span.line,
                &file.text[span.start as usize..span.start as usize + 4],
            )
        };
        assert_eq!(at(&Path::new().keys(&["spec", "containers"])), (2, "cont"));
        assert_eq!(at(&c0.key("securityContext")), (4, "secu"));
        assert_eq!(at(&c0), (3, "name"));
        let flow = loaded("spec:\n  args: [a, b]\n");
        let (span, _) = locate(
            &flow.documents[0].root,
            &Path::new().keys(&["spec", "args"]),
        );
        assert_eq!((span.line, span.col), (2, 9));
    }
}
