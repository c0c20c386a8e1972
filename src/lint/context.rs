//! What a rule sees: the document, the object, or the pod template being checked, the
//! settings of the run, and, for cross-object rules, the facts of the whole input.
use super::facts::Facts;
use super::settings::Settings;
use crate::manifest::{Document, Node, Object, Path, PodTemplate, Volume};

/// A document, for YAML-level rules.
pub struct DocumentCx<'a> {
    pub file: &'a str,
    pub text: &'a str,
    pub document: &'a Document,
    pub settings: &'a Settings,
}

/// An object.
pub struct ObjectCx<'a> {
    pub file: &'a str,
    pub text: &'a str,
    pub object: &'a Object<'a>,
    pub settings: &'a Settings,
    /// The line of the first object of the same file with the same API group, kind,
    /// namespace and name, when this object repeats it.
    pub first_definition: Option<u32>,
}

impl ObjectCx<'_> {
    /// The path of a field of the object, from the document root.
    pub fn path(&self, keys: &[&str]) -> Path {
        self.object.path.keys(keys)
    }
}

/// Which list of a pod spec a container is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ContainerKind {
    Init,
    Regular,
    Ephemeral,
}

impl ContainerKind {
    /// How upstream messages name it.
    pub fn noun(self) -> &'static str {
        match self {
            ContainerKind::Init => "init container",
            ContainerKind::Regular => "container",
            ContainerKind::Ephemeral => "ephemeral container",
        }
    }
}

/// One container of a pod template.
#[derive(Clone, Debug)]
pub struct ContainerRef<'a> {
    pub kind: ContainerKind,
    pub node: &'a Node,
    pub name: Option<&'a str>,
    /// From the document root.
    pub path: Path,
    /// A KServe model container, which KServe merges over the `kserve-container` of its
    /// serving runtime: KServe's runtimes set `allowPrivilegeEscalation: false`,
    /// `capabilities.drop: [ALL]` and `runAsNonRoot: true` there, so when the runtime is not
    /// among the files linted, those are only wrong when the model sets them otherwise.
    pub over_runtime: bool,
    /// The container of that runtime, when the ServingRuntime or ClusterServingRuntime the
    /// model names is among the files linted: its security settings stand in for the ones the
    /// model leaves unset.
    pub runtime: Option<&'a Node>,
}

impl<'a> ContainerRef<'a> {
    /// The path of a field of the container.
    pub fn path(&self, keys: &[&str]) -> Path {
        self.path.keys(keys)
    }

    /// `container "name"`, as upstream messages say it.
    pub fn describe(&self) -> String {
        format!(
            "{} \"{}\"",
            self.kind.noun(),
            self.name.unwrap_or("<unnamed>")
        )
    }

    /// A field of the container's securityContext; `null` counts as unset.
    pub fn security(&self, key: &str) -> Option<&'a Node> {
        self.security_at(&[key])
    }

    /// The field at `keys` in the container's securityContext as the pod gets it: for a
    /// KServe model, the runtime's where the model leaves it unset (KServe merges the two
    /// field by field). `null` counts as unset, as it does once serialised by the API.
    pub fn security_at(&self, keys: &[&str]) -> Option<&'a Node> {
        let at = |container: &'a Node| {
            keys.iter()
                .try_fold(container.get("securityContext")?, |node, key| node.get(key))
                .filter(|n| !n.is_null())
        };
        at(self.node).or_else(|| self.runtime.and_then(at))
    }

    /// True for a KServe model whose runtime is not among the files linted, so that what
    /// KServe's own runtimes set is assumed.
    pub fn runtime_assumed(&self) -> bool {
        self.over_runtime && self.runtime.is_none()
    }
}

/// A pod template of an object.
pub struct PodCx<'a> {
    pub file: &'a str,
    pub object: &'a Object<'a>,
    pub pod: &'a PodTemplate<'a>,
    pub settings: &'a Settings,
    /// The pod spec's path from the document root.
    pub base: Path,
    containers: Vec<ContainerRef<'a>>,
}

impl<'a> PodCx<'a> {
    /// The context of `pod`, whose spec is at `base` from the document root; `runtime` is
    /// the container of the serving runtime a KServe model is merged over, when known.
    pub fn new(
        file: &'a str,
        object: &'a Object<'a>,
        pod: &'a PodTemplate<'a>,
        settings: &'a Settings,
        base: Path,
        runtime: Option<&'a Node>,
    ) -> Self {
        let listed = pod.containers().map(|c| {
            let kind = if c.init {
                ContainerKind::Init
            } else {
                ContainerKind::Regular
            };
            (kind, c)
        });
        let ephemeral = pod
            .ephemeral_containers()
            .map(|c| (ContainerKind::Ephemeral, c));
        let containers = listed
            .chain(ephemeral)
            .map(|(kind, c)| ContainerRef {
                kind,
                node: c.node,
                name: c.name(),
                path: c.path(&base),
                over_runtime: c.over_runtime,
                runtime: runtime.filter(|_| c.over_runtime),
            })
            .collect();
        PodCx {
            file,
            object,
            pod,
            settings,
            base,
            containers,
        }
    }

    /// The pod spec (the map with `containers`). Pod-level fields are read with
    /// [`PodCx::field`], which knows where each comes from.
    pub fn spec(&self) -> &'a Node {
        self.pod.spec
    }

    /// A pod-level field (see [`PodTemplate::field`]).
    pub fn field(&self, key: &str) -> Option<&'a Node> {
        self.pod.field(key)
    }

    /// The path of a pod-level field from the document root: where it is, or where it
    /// would go.
    pub fn field_path(&self, key: &str) -> Path {
        self.object.path.join(&self.pod.field_path(key))
    }

    /// The pod's securityContext.
    pub fn security_context(&self) -> Option<&'a Node> {
        self.field("securityContext")
    }

    /// The pod's volumes that are maps.
    pub fn volumes(&self) -> impl Iterator<Item = Volume<'a>> + use<'a> {
        self.pod.volumes()
    }

    /// The path of a volume from the document root.
    pub fn volume_path(&self, volume: &Volume<'_>) -> Path {
        self.object.path.join(&self.pod.volume_path(volume))
    }

    /// The path of a field of the pod spec, from the document root.
    pub fn path(&self, keys: &[&str]) -> Path {
        self.base.keys(keys)
    }

    /// A field of the pod's securityContext.
    pub fn security(&self, key: &str) -> Option<&'a Node> {
        self.security_context()?.get(key)
    }

    /// Every container, init container and ephemeral container, in that order (the order
    /// upstream visits them).
    pub fn containers(&self) -> &[ContainerRef<'a>] {
        &self.containers
    }
}

/// The whole input, for cross-object rules.
pub struct InputCx<'a> {
    pub facts: &'a Facts,
    pub settings: &'a Settings,
}
