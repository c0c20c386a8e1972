//! Facts about the whole input that cross-object rules need: namespaces and their Pod
//! Security labels, quotas, limit ranges, workloads with their resources, disruption
//! budgets, autoscalers and services. Gathering keeps only these small records, never the parsed
//! files, so memory stays flat as the input grows.
use std::sync::Arc;

use super::finding::{ObjectRef, Position};
use crate::manifest::{Node, Object, Path, PathSeg, PodTemplate, Span, locate};
use crate::quantity::Quantity;

/// Identifies an object of the input, for suppressions (an embedded object is identified
/// with the one it is written in).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ObjectKey {
    pub file: u32,
    pub document: u32,
    /// Shared by every finding about the object.
    pub path: Arc<str>,
}

/// An object of the input: where it is and how findings name it. One is made per object
/// and shared by every location in it.
#[derive(Debug, PartialEq, Eq)]
pub struct Site {
    pub file: Arc<str>,
    pub document: usize,
    pub object: Arc<ObjectRef>,
    pub key: ObjectKey,
}

/// A place in the input that a cross-object finding can point at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Location {
    pub site: Arc<Site>,
    pub position: Position,
    pub path: String,
}

/// The namespace an object lands in, as far as the input tells: the one it names or, for
/// an object that names none, the namespace its file is applied to (`kubectl apply -n`, the
/// context's, kustomize's `namespace:`). That one is not in the input, and the files of
/// one directory are taken to go to the same one; those of other directories may not.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Namespace {
    Named(String),
    /// Chosen at apply time, for the files of this directory (`""` for the current
    /// directory and standard input).
    Unset(Arc<str>),
}

impl Namespace {
    /// Whether the two may be one namespace: the same name, or both chosen at apply time
    /// (in any directories). Rules that look for something whose absence they report
    /// compare with this, so that a budget or an autoscaler kept in another directory still
    /// counts; rules that report a conflict compare namespaces exactly.
    pub fn may_be(&self, other: &Namespace) -> bool {
        match (self, other) {
            (Namespace::Unset(_), Namespace::Unset(_)) => true,
            _ => self == other,
        }
    }

    /// The name written in the object, if any.
    pub fn name(&self) -> Option<&str> {
        match self {
            Namespace::Named(name) => Some(name),
            Namespace::Unset(_) => None,
        }
    }
}

/// The directory of a file, shared by the objects without a namespace that it holds: made
/// absolute and resolved lexically (`.` and `..`), so that `a.yaml`, `./a.yaml` and the
/// absolute path of the same file share one. `<stdin>` is in the working directory.
pub fn directory_of(file: &str) -> Arc<str> {
    use std::path::{Component, Path, PathBuf};
    static CWD: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    let parent = Path::new(file).parent().unwrap_or(Path::new(""));
    let base = if parent.is_absolute() {
        PathBuf::new()
    } else {
        CWD.get_or_init(|| std::env::current_dir().unwrap_or_default())
            .clone()
    };
    let mut dir = base;
    for component in parent.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                dir.pop();
            }
            other => dir.push(other),
        }
    }
    Arc::from(dir.to_string_lossy())
}

/// Where a gathered object lives, and how to point into it.
pub struct Origin<'a> {
    pub file_index: u32,
    pub file: &'a Arc<str>,
    /// The file's directory, for [`Namespace::Unset`].
    pub directory: &'a Arc<str>,
    pub document: usize,
    pub root: &'a Node,
}

impl Origin<'_> {
    /// The site of `object`, to be shared by the locations in it.
    pub fn site(&self, object: &Object<'_>) -> Arc<Site> {
        Arc::new(Site {
            file: self.file.clone(),
            document: self.document,
            object: Arc::new(object_ref(object)),
            key: ObjectKey {
                file: self.file_index,
                document: self.document as u32,
                // An embedded object shares the suppressions of the one it is written in.
                path: Arc::from(
                    object
                        .embedded
                        .as_ref()
                        .map_or(&object.path, |e| &e.parent)
                        .to_string(),
                ),
            },
        })
    }

    /// The namespace `object` lands in.
    pub fn namespace(&self, object: &Object<'_>) -> Namespace {
        match object.namespace {
            Some(name) if !name.is_empty() => Namespace::Named(name.to_string()),
            _ => Namespace::Unset(self.directory.clone()),
        }
    }

    /// The location of `path` (or of its nearest existing parent) in the object of `site`.
    pub fn locate(&self, site: &Arc<Site>, path: &Path) -> Location {
        let (span, _) = locate(self.root, path);
        Location {
            site: site.clone(),
            position: position(span),
            path: path.to_string(),
        }
    }
}

/// The reporting position of a span.
pub fn position(span: Span) -> Position {
    Position {
        line: span.line,
        column: span.col,
        start: span.start,
        end: span.end,
    }
}

/// The reference of an object in findings.
pub fn object_ref(object: &Object<'_>) -> ObjectRef {
    ObjectRef {
        api_version: object.api_version.map(str::to_string),
        kind: object.kind.map(str::to_string),
        name: object.name.map(str::to_string),
        namespace: object.namespace.map(str::to_string),
    }
}

/// A Namespace object.
#[derive(Clone, Debug, PartialEq)]
pub struct NamespaceFact {
    pub name: String,
    pub labels: StrMap,
    pub location: Location,
}

/// One `hard` entry of a ResourceQuota.
#[derive(Clone, Debug, PartialEq)]
pub struct QuotaEntry {
    pub resource: String,
    pub value: String,
    pub location: Location,
}

/// A ResourceQuota.
#[derive(Clone, Debug, PartialEq)]
pub struct QuotaFact {
    pub namespace: Namespace,
    pub name: Option<String>,
    /// Quotas with `scopes` or `scopeSelector` only count some pods.
    pub scoped: bool,
    pub hard: Vec<QuotaEntry>,
    pub location: Location,
}

/// One item of a LimitRange.
#[derive(Clone, Debug, PartialEq)]
pub struct LimitItemFact {
    pub kind: Option<String>,
    pub max: StrMap,
    pub min: StrMap,
    pub default: StrMap,
    pub default_request: StrMap,
    pub location: Location,
}

/// A LimitRange.
#[derive(Clone, Debug, PartialEq)]
pub struct LimitRangeFact {
    pub namespace: Namespace,
    pub name: Option<String>,
    pub items: Vec<LimitItemFact>,
    pub location: Location,
}

/// One container of a pod template.
#[derive(Clone, Debug, PartialEq)]
pub struct ContainerFact {
    pub name: Option<String>,
    pub init: bool,
    pub requests: Amounts,
    pub limits: Amounts,
    pub location: Location,
    /// An init container with `restartPolicy: Always` (a sidecar): it runs beside the
    /// regular containers, and autoscaling counts its requests.
    pub sidecar: bool,
    pub readiness_probe: bool,
}

/// One pod template of a workload and how many pods it makes.
#[derive(Clone, Debug, PartialEq)]
pub struct PodFact {
    pub role: Option<String>,
    /// Pods from this template when everything runs (replicas, parallelism, ...).
    pub replicas: u64,
    pub labels: StrMap,
    pub containers: Vec<ContainerFact>,
    pub location: Location,
    /// Pod-level `resources.requests`, which stand in for missing container requests
    /// where the PodLevelResources feature is on.
    pub pod_requests: StrMap,
    /// Pod-level `resources.limits`.
    pub pod_limits: StrMap,
}

/// An object with pod templates.
#[derive(Clone, Debug, PartialEq)]
pub struct WorkloadFact {
    pub namespace: Namespace,
    pub kind: String,
    pub name: Option<String>,
    pub pods: Vec<PodFact>,
    /// `metadata.name`, or where it would go.
    pub location: Location,
    /// The object's own labels.
    pub labels: StrMap,
    /// `spec.replicas` when it is an integer, and where it is (or where it would go).
    pub replicas: Option<i64>,
    /// `spec.replicas` is absent (or null), as opposed to written with a wrong type.
    pub replicas_missing: bool,
    pub replicas_location: Location,
    /// The labels `spec.selector` requires of the workload's pods, when it is a label
    /// selector without `matchExpressions` (or, for a ReplicationController, a map).
    pub selector: Option<StrMap>,
}

/// A PodDisruptionBudget.
#[derive(Clone, Debug, PartialEq)]
pub struct PdbFact {
    pub namespace: Namespace,
    pub match_labels: StrMap,
    pub location: Location,
    /// `selector: {}`, which in policy/v1 selects every pod of the namespace.
    pub selects_all: bool,
    /// The selector has `matchExpressions`, which `match_labels` does not describe.
    pub has_expressions: bool,
}

/// A resource metric with a Utilization target in an HPA.
#[derive(Clone, Debug, PartialEq)]
pub struct UtilizationMetric {
    pub resource: String,
    /// For ContainerResource metrics.
    pub container: Option<String>,
    pub location: Location,
}

/// A HorizontalPodAutoscaler.
#[derive(Clone, Debug, PartialEq)]
pub struct HpaFact {
    pub namespace: Namespace,
    pub name: Option<String>,
    pub target_kind: Option<String>,
    pub target_name: Option<String>,
    /// `spec.scaleTargetRef`, or where it would go.
    pub target_location: Location,
    pub utilization: Vec<UtilizationMetric>,
    pub location: Location,
    /// `spec.minReplicas` when it is an integer (the API defaults it to 1).
    pub min_replicas: Option<i64>,
    /// `spec.minReplicas` is absent (or null), as opposed to written with a wrong type.
    pub min_replicas_missing: bool,
    /// `spec.minReplicas`, or `spec` when it is missing.
    pub min_replicas_location: Location,
}

/// A Service with a label selector.
#[derive(Clone, Debug, PartialEq)]
pub struct ServiceFact {
    pub namespace: Namespace,
    pub name: Option<String>,
    pub selector: StrMap,
    /// `clusterIP: None`: DNS names for the pods, no load balancing.
    pub headless: bool,
    pub location: Location,
}

/// A PriorityClass marked `globalDefault: true`.
#[derive(Clone, Debug, PartialEq)]
pub struct DefaultPriorityClassFact {
    pub name: Option<String>,
    /// Of the `globalDefault` field.
    pub location: Location,
}

/// Everything gathered from the input.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Facts {
    pub namespaces: Vec<NamespaceFact>,
    pub quotas: Vec<QuotaFact>,
    pub limit_ranges: Vec<LimitRangeFact>,
    pub workloads: Vec<WorkloadFact>,
    pub pdbs: Vec<PdbFact>,
    pub hpas: Vec<HpaFact>,
    pub services: Vec<ServiceFact>,
    pub default_priority_classes: Vec<DefaultPriorityClassFact>,
}

impl Facts {
    /// The facts of the whole input from those of its parts, each list allocated once.
    pub fn merge(parts: impl IntoIterator<Item = Facts>) -> Facts {
        let parts: Vec<Facts> = parts.into_iter().collect();
        let mut all = Facts::default();
        macro_rules! merge {
            ($($field:ident),*) => {
                $(all.$field.reserve_exact(parts.iter().map(|p| p.$field.len()).sum());)*
                for part in parts {
                    $(all.$field.extend(part.$field);)*
                }
            };
        }
        merge!(
            namespaces,
            quotas,
            limit_ranges,
            workloads,
            pdbs,
            hpas,
            services,
            default_priority_classes
        );
        all
    }

    /// Records what the cross-object rules need of `object`.
    pub fn gather(
        &mut self,
        origin: &Origin<'_>,
        site: &Arc<Site>,
        object: &Object<'_>,
        templates: &[PodTemplate<'_>],
    ) {
        let node = object.node;
        let at = |path: &Path| origin.locate(site, path);
        let here = object.path.clone();
        match (object.group(), object.kind) {
            (Some(""), Some("Namespace")) => {
                if let Some(name) = object.name {
                    self.namespaces.push(NamespaceFact {
                        name: name.to_string(),
                        labels: string_map(node.get("metadata").and_then(|m| m.get("labels"))),
                        location: at(&here.key("metadata").key("labels")),
                    });
                }
            }
            (Some(""), Some("ResourceQuota")) => {
                let spec = node.get("spec");
                let hard_path = here.key("spec").key("hard");
                let hard = spec
                    .and_then(|s| s.get("hard"))
                    .and_then(Node::as_map)
                    .unwrap_or_default()
                    .iter()
                    .filter_map(|(k, v)| {
                        let key = k.as_str()?;
                        Some(QuotaEntry {
                            resource: key.to_string(),
                            value: scalar_string(v)?,
                            location: at(&hard_path.key(key)),
                        })
                    })
                    .collect();
                self.quotas.push(QuotaFact {
                    namespace: origin.namespace(object),
                    name: object.name.map(str::to_string),
                    scoped: spec.is_some_and(|s| {
                        s.get("scopes").is_some() || s.get("scopeSelector").is_some()
                    }),
                    hard,
                    location: at(&here),
                });
            }
            (Some(""), Some("LimitRange")) => {
                let items_path = here.key("spec").key("limits");
                let items = node
                    .get("spec")
                    .and_then(|s| s.get("limits"))
                    .and_then(Node::as_seq)
                    .unwrap_or_default()
                    .iter()
                    .enumerate()
                    .map(|(i, item)| LimitItemFact {
                        kind: item.get("type").and_then(Node::as_str).map(str::to_string),
                        max: string_map(item.get("max")),
                        min: string_map(item.get("min")),
                        default: string_map(item.get("default")),
                        default_request: string_map(item.get("defaultRequest")),
                        location: at(&items_path.index(i)),
                    })
                    .collect();
                self.limit_ranges.push(LimitRangeFact {
                    namespace: origin.namespace(object),
                    name: object.name.map(str::to_string),
                    items,
                    location: at(&here),
                });
            }
            (Some("policy"), Some("PodDisruptionBudget")) => {
                let selector = node.get("spec").and_then(|s| s.get("selector"));
                let match_labels = string_map(selector.and_then(|s| s.get("matchLabels")));
                let has_expressions = selector.is_some_and(has_expressions);
                self.pdbs.push(PdbFact {
                    namespace: origin.namespace(object),
                    selects_all: selector.and_then(Node::as_map).is_some()
                        && match_labels.is_empty()
                        && !has_expressions,
                    match_labels,
                    has_expressions,
                    location: at(&here),
                });
            }
            (Some(""), Some("Service")) => {
                let spec = node.get("spec");
                if let Some(selector) = spec
                    .and_then(|s| s.get("selector"))
                    .filter(|s| s.as_map().is_some_and(|m| !m.is_empty()))
                {
                    self.services.push(ServiceFact {
                        namespace: origin.namespace(object),
                        name: object.name.map(str::to_string),
                        selector: string_map(Some(selector)),
                        headless: spec.and_then(|s| s.get("clusterIP")).and_then(Node::as_str)
                            == Some("None"),
                        location: at(&here.key("spec").key("selector")),
                    });
                }
            }
            (Some("autoscaling"), Some("HorizontalPodAutoscaler")) => {
                let spec = node.get("spec");
                let target = spec.and_then(|s| s.get("scaleTargetRef"));
                let metrics_path = here.key("spec").key("metrics");
                let mut utilization = Vec::new();
                for (i, m) in spec
                    .and_then(|s| s.get("metrics"))
                    .and_then(Node::as_seq)
                    .unwrap_or_default()
                    .iter()
                    .enumerate()
                {
                    for (field, container) in [("resource", false), ("containerResource", true)] {
                        let Some(r) = m.get(field) else { continue };
                        let is_util = r
                            .get("target")
                            .and_then(|t| t.get("type"))
                            .and_then(Node::as_str)
                            == Some("Utilization");
                        if let (true, Some(name)) = (is_util, r.get("name").and_then(Node::as_str))
                        {
                            utilization.push(UtilizationMetric {
                                resource: name.to_string(),
                                container: container
                                    .then(|| {
                                        r.get("container")
                                            .and_then(Node::as_str)
                                            .map(str::to_string)
                                    })
                                    .flatten(),
                                location: at(&metrics_path.index(i)),
                            });
                        }
                    }
                }
                // autoscaling/v1 has one CPU utilization target at the top of the spec.
                if spec
                    .and_then(|s| s.get("targetCPUUtilizationPercentage"))
                    .is_some()
                {
                    utilization.push(UtilizationMetric {
                        resource: "cpu".to_string(),
                        container: None,
                        location: at(&here.key("spec").key("targetCPUUtilizationPercentage")),
                    });
                }
                let min_path = here.key("spec").key("minReplicas");
                self.hpas.push(HpaFact {
                    min_replicas: spec
                        .and_then(|s| s.get("minReplicas"))
                        .and_then(Node::as_i64),
                    min_replicas_missing: spec
                        .and_then(|s| s.get("minReplicas"))
                        .is_none_or(Node::is_null),
                    min_replicas_location: at(&min_path),
                    namespace: origin.namespace(object),
                    name: object.name.map(str::to_string),
                    target_location: at(&here.key("spec").key("scaleTargetRef")),
                    target_kind: target
                        .and_then(|t| t.get("kind"))
                        .and_then(Node::as_str)
                        .map(str::to_string),
                    target_name: target
                        .and_then(|t| t.get("name"))
                        .and_then(Node::as_str)
                        .map(str::to_string),
                    utilization,
                    location: at(&here),
                });
            }
            (Some("scheduling.k8s.io"), Some("PriorityClass"))
                if node.get("globalDefault").and_then(Node::as_bool) == Some(true) =>
            {
                self.default_priority_classes
                    .push(DefaultPriorityClassFact {
                        name: object.name.map(str::to_string),
                        location: at(&here.key("globalDefault")),
                    });
            }
            _ => {}
        }
        if !templates.is_empty() {
            let pods = templates
                .iter()
                .map(|t| pod_fact(origin, site, object, t))
                .collect();
            self.workloads.push(WorkloadFact {
                namespace: origin.namespace(object),
                kind: object.kind.unwrap_or_default().to_string(),
                name: object.name.map(str::to_string),
                pods,
                location: at(&here.key("metadata").key("name")),
                labels: string_map(node.get("metadata").and_then(|m| m.get("labels"))),
                replicas: node
                    .get("spec")
                    .and_then(|s| s.get("replicas"))
                    .and_then(Node::as_i64),
                replicas_missing: node
                    .get("spec")
                    .and_then(|s| s.get("replicas"))
                    .is_none_or(Node::is_null),
                replicas_location: at(&here.key("spec").key("replicas")),
                selector: selector(object),
            });
        }
    }
}

fn pod_fact(
    origin: &Origin<'_>,
    site: &Arc<Site>,
    object: &Object<'_>,
    template: &PodTemplate<'_>,
) -> PodFact {
    let base = object.path.join(&template.path);
    let mut containers = Vec::new();
    for container in template.containers() {
        let c = container.node;
        let init = container.init;
        let resources = c.get("resources");
        containers.push(ContainerFact {
            sidecar: init && c.get("restartPolicy").and_then(Node::as_str) == Some("Always"),
            readiness_probe: c.get("readinessProbe").is_some_and(|p| !p.is_null()),
            name: container.name().map(str::to_string),
            init,
            requests: amounts(resources.and_then(|r| r.get("requests"))),
            limits: amounts(resources.and_then(|r| r.get("limits"))),
            location: origin.locate(site, &container.path(&base)),
        });
    }
    PodFact {
        role: template.role.clone(),
        replicas: replicas_of(object, template),
        labels: string_map(template.metadata.and_then(|m| m.get("labels"))),
        containers,
        location: origin.locate(site, &base),
        pod_requests: string_map(
            template
                .spec
                .get("resources")
                .and_then(|r| r.get("requests")),
        ),
        pod_limits: string_map(template.spec.get("resources").and_then(|r| r.get("limits"))),
    }
}

/// How many pods run at once from a template: the product of every `replicas` and
/// `parallelism` on the way from the object down to the pod spec (a Deployment's replicas,
/// a Job's parallelism, a JobSet's replicated-job replicas times their Jobs' parallelism,
/// a Kubeflow role's replicas).
pub fn replicas_of(object: &Object<'_>, template: &PodTemplate<'_>) -> u64 {
    // An Argo template runs one pod per step; `parallelism` there caps concurrent steps.
    if template.workflow.is_some() {
        return 1;
    }
    let mut node = object.node;
    let mut count: u64 = 1;
    let factor = |n: &Node| -> u64 {
        ["replicas", "parallelism"]
            .iter()
            .filter_map(|k| n.get(k).and_then(Node::as_i64))
            .map(|v| v.max(0) as u64)
            .fold(1u64, u64::saturating_mul)
    };
    for seg in &template.path.0 {
        count = count.saturating_mul(factor(node));
        let next = match seg {
            PathSeg::Key(k) => node.get(k),
            PathSeg::Index(i) => node.as_seq().and_then(|s| s.get(*i)),
        };
        match next {
            Some(n) => node = n,
            None => break,
        }
    }
    count
}

/// A small map from strings (labels, resource lists), sorted by key. These maps hold a few
/// entries each and there is one per container of the input: a sorted vector is a fraction
/// of the size of a `BTreeMap` and as fast to search at this size.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SortedMap<V>(Vec<(String, V)>);

/// Labels and other maps of strings.
pub type StrMap = SortedMap<String>;

/// Resource amounts, parsed once when gathered: `None` for a value that is not a quantity.
pub type Amounts = SortedMap<Option<Quantity>>;

impl<V> Default for SortedMap<V> {
    fn default() -> Self {
        SortedMap(Vec::new())
    }
}

impl<V> SortedMap<V> {
    pub fn get(&self, key: &str) -> Option<&V> {
        self.0
            .binary_search_by(|(k, _)| k.as_str().cmp(key))
            .ok()
            .map(|i| &self.0[i].1)
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&String, &V)> {
        self.0.iter().map(|(k, v)| (k, v))
    }

    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(k, _)| k)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }
}

impl<V> FromIterator<(String, V)> for SortedMap<V> {
    /// Like a map built by inserting in order: of equal keys, the last value stays.
    fn from_iter<I: IntoIterator<Item = (String, V)>>(iter: I) -> Self {
        let mut entries: Vec<(String, V)> = iter.into_iter().collect();
        entries.reverse();
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        entries.dedup_by(|later, earlier| later.0 == earlier.0);
        entries.shrink_to_fit();
        SortedMap(entries)
    }
}

impl<'a, V> IntoIterator for &'a SortedMap<V> {
    type Item = (&'a String, &'a V);
    type IntoIter = std::iter::Map<
        std::slice::Iter<'a, (String, V)>,
        fn(&'a (String, V)) -> (&'a String, &'a V),
    >;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(k, v)| (k, v))
    }
}

/// The resource amounts of a `requests` or `limits` map.
fn amounts(node: Option<&Node>) -> Amounts {
    node.and_then(Node::as_map)
        .unwrap_or_default()
        .iter()
        .filter_map(|(k, v)| {
            let amount = scalar_string(v)?;
            Some((k.as_str()?.to_string(), Quantity::parse(&amount).ok()))
        })
        .collect()
}

/// A map of scalar values as strings (labels, resource lists).
pub fn string_map(node: Option<&Node>) -> StrMap {
    node.and_then(Node::as_map)
        .unwrap_or_default()
        .iter()
        .filter_map(|(k, v)| Some((k.as_str()?.to_string(), scalar_string(v)?)))
        .collect()
}

/// The labels a workload's `spec.selector` requires: its `matchLabels`, or for a
/// ReplicationController the map itself. `None` when it has `matchExpressions`, whose
/// pods labels alone do not describe, or requires nothing.
fn selector(object: &Object<'_>) -> Option<StrMap> {
    let selector = object.node.get("spec")?.get("selector")?;
    let labels = if object.kind == Some("ReplicationController") {
        selector
    } else {
        if has_expressions(selector) {
            return None;
        }
        selector.get("matchLabels")?
    };
    Some(string_map(Some(labels))).filter(|m| !m.is_empty())
}

/// A label selector with `matchExpressions`, which the labels it names do not describe.
fn has_expressions(selector: &Node) -> bool {
    selector
        .get("matchExpressions")
        .and_then(Node::as_seq)
        .is_some_and(|e| !e.is_empty())
}

/// A scalar as the string Kubernetes would read (`8` and `"8"` alike).
pub fn scalar_string(node: &Node) -> Option<String> {
    use crate::manifest::Value;
    match &node.value {
        Value::Str(s) => Some(s.to_string()),
        Value::Int(i) => Some(i.to_string()),
        Value::Float(f) => Some(f.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_directory_is_the_same_however_it_is_written() {
        let cwd = std::env::current_dir().unwrap();
        let here = |rel: &str| {
            cwd.join(rel)
                .to_string_lossy()
                .trim_end_matches('/')
                .to_string()
        };
        for (file, dir) in [
            ("a.yaml", here("")),
            ("./a.yaml", here("")),
            ("<stdin>", here("")),
            ("apps/a/x.yaml", here("apps/a")),
            ("./apps/./a/x.yaml", here("apps/a")),
            ("apps/b/../a/x.yaml", here("apps/a")),
            (&format!("{}/apps/a/x.yaml", cwd.display()), here("apps/a")),
            ("/srv/apps/x.yaml", "/srv/apps".to_string()),
            ("/srv/../apps/x.yaml", "/apps".to_string()),
        ] {
            assert_eq!(*directory_of(file), *dir, "{file}");
        }
        let unset = |file: &str| Namespace::Unset(directory_of(file));
        assert!(unset("a/x.yaml").may_be(&unset("b/y.yaml")));
        assert_ne!(unset("a/x.yaml"), unset("b/y.yaml"));
        assert!(!unset("a/x.yaml").may_be(&Namespace::Named("a".into())));
        assert!(Namespace::Named("a".into()).may_be(&Namespace::Named("a".into())));
    }

    #[test]
    fn string_maps_keep_the_last_of_duplicate_keys_and_search_by_key() {
        let map: StrMap = [("b", "1"), ("a", "2"), ("b", "3")]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        assert_eq!(map.len(), 2);
        assert_eq!(map.get("b").map(String::as_str), Some("3"));
        assert_eq!(map.get("a").map(String::as_str), Some("2"));
        assert!(!map.contains_key("c"));
        let keys: Vec<&str> = map.keys().map(String::as_str).collect();
        assert_eq!(keys, ["a", "b"]);
    }
}
