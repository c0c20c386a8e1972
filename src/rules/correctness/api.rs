//! The built-in API of Kubernetes as the correctness rules see it: which kinds each
//! group/version serves (taken from k8s-openapi, so it follows the newest release mlk
//! knows), which group/versions were removed and when (the deprecated-API migration
//! guide), and the field shapes of every built-in kind, compiled from k8s-openapi's
//! JSON schemas for the unknown-field check and committed as a table (`shapes.rs`).
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde_json::Value as Json;

use super::{crds, shapes};
use crate::lint::Version;

/// A built-in kind at one served group/version.
pub struct ServedKind {
    pub api_version: &'static str,
    pub kind: &'static str,
    schema: fn(&mut SchemaGenerator) -> Schema,
}

fn schema_of<T: JsonSchema>(generator: &mut SchemaGenerator) -> Schema {
    generator.subschema_for::<T>()
}

macro_rules! served {
    ($($ty:path,)*) => {
        &[$(ServedKind {
            api_version: <$ty as Resource>::API_VERSION,
            kind: <$ty as Resource>::KIND,
            schema: schema_of::<$ty>,
        },)*]
    };
}

/// Every kind the newest Kubernetes release serves, at every group/version it is served.
pub static SERVED: &[ServedKind] = {
    use k8s_openapi::{Resource, *};
    served![
        api::admissionregistration::v1::MutatingAdmissionPolicy,
        api::admissionregistration::v1::MutatingAdmissionPolicyBinding,
        api::admissionregistration::v1::MutatingWebhookConfiguration,
        api::admissionregistration::v1::ValidatingAdmissionPolicy,
        api::admissionregistration::v1::ValidatingAdmissionPolicyBinding,
        api::admissionregistration::v1::ValidatingWebhookConfiguration,
        api::admissionregistration::v1alpha1::MutatingAdmissionPolicy,
        api::admissionregistration::v1alpha1::MutatingAdmissionPolicyBinding,
        api::admissionregistration::v1beta1::MutatingAdmissionPolicy,
        api::admissionregistration::v1beta1::MutatingAdmissionPolicyBinding,
        api::apiserverinternal::v1alpha1::StorageVersion,
        api::apps::v1::ControllerRevision,
        api::apps::v1::DaemonSet,
        api::apps::v1::Deployment,
        api::apps::v1::ReplicaSet,
        api::apps::v1::StatefulSet,
        api::authentication::v1::SelfSubjectReview,
        api::authentication::v1::TokenRequest,
        api::authentication::v1::TokenReview,
        api::authorization::v1::LocalSubjectAccessReview,
        api::authorization::v1::SelfSubjectAccessReview,
        api::authorization::v1::SelfSubjectRulesReview,
        api::authorization::v1::SubjectAccessReview,
        api::autoscaling::v1::HorizontalPodAutoscaler,
        api::autoscaling::v1::Scale,
        api::autoscaling::v2::HorizontalPodAutoscaler,
        api::batch::v1::CronJob,
        api::batch::v1::Job,
        api::certificates::v1::CertificateSigningRequest,
        api::certificates::v1::ClusterTrustBundle,
        api::certificates::v1::PodCertificateRequest,
        api::certificates::v1beta1::ClusterTrustBundle,
        api::certificates::v1beta1::PodCertificateRequest,
        api::coordination::v1::Lease,
        api::coordination::v1alpha2::LeaseCandidate,
        api::coordination::v1beta1::LeaseCandidate,
        api::core::v1::Binding,
        api::core::v1::ComponentStatus,
        api::core::v1::ConfigMap,
        api::core::v1::Endpoints,
        api::core::v1::Event,
        api::core::v1::LimitRange,
        api::core::v1::Namespace,
        api::core::v1::Node,
        api::core::v1::PersistentVolume,
        api::core::v1::PersistentVolumeClaim,
        api::core::v1::Pod,
        api::core::v1::PodTemplate,
        api::core::v1::ReplicationController,
        api::core::v1::ResourceQuota,
        api::core::v1::Secret,
        api::core::v1::Service,
        api::core::v1::ServiceAccount,
        api::discovery::v1::EndpointSlice,
        api::events::v1::Event,
        api::flowcontrol::v1::FlowSchema,
        api::flowcontrol::v1::PriorityLevelConfiguration,
        api::lifecycle::v1alpha1::Eviction,
        api::lifecycle::v1alpha1::EvictionRequest,
        api::networking::v1::IPAddress,
        api::networking::v1::Ingress,
        api::networking::v1::IngressClass,
        api::networking::v1::NetworkPolicy,
        api::networking::v1::ServiceCIDR,
        api::node::v1::RuntimeClass,
        api::policy::v1::Eviction,
        api::policy::v1::PodDisruptionBudget,
        api::rbac::v1::ClusterRole,
        api::rbac::v1::ClusterRoleBinding,
        api::rbac::v1::Role,
        api::rbac::v1::RoleBinding,
        api::resource::v1::DeviceClass,
        api::resource::v1::DeviceTaintRule,
        api::resource::v1::ResourceClaim,
        api::resource::v1::ResourceClaimTemplate,
        api::resource::v1::ResourceSlice,
        api::resource::v1alpha3::DeviceTaintRule,
        api::resource::v1alpha3::ResourcePoolStatusRequest,
        api::resource::v1beta1::DeviceClass,
        api::resource::v1beta1::ResourceClaim,
        api::resource::v1beta1::ResourceClaimTemplate,
        api::resource::v1beta1::ResourceSlice,
        api::resource::v1beta2::DeviceClass,
        api::resource::v1beta2::DeviceTaintRule,
        api::resource::v1beta2::ResourceClaim,
        api::resource::v1beta2::ResourceClaimTemplate,
        api::resource::v1beta2::ResourceSlice,
        api::scheduling::v1::PriorityClass,
        api::scheduling::v1alpha3::CompositePodGroup,
        api::scheduling::v1alpha3::PodGroup,
        api::scheduling::v1alpha3::Workload,
        api::scheduling::v1beta1::PodGroup,
        api::scheduling::v1beta1::Workload,
        api::storage::v1::CSIDriver,
        api::storage::v1::CSINode,
        api::storage::v1::CSIStorageCapacity,
        api::storage::v1::StorageClass,
        api::storage::v1::VolumeAttachment,
        api::storage::v1::VolumeAttributesClass,
        api::storagemigration::v1::StorageVersionMigration,
        api::storagemigration::v1beta1::StorageVersionMigration,
        apiextensions_apiserver::pkg::apis::apiextensions::v1::CustomResourceDefinition,
        kube_aggregator::pkg::apis::apiregistration::v1::APIService,
    ]
};

/// The group of an apiVersion: `""` for the core group.
pub fn group_of(api_version: &str) -> &str {
    api_version.rsplit_once('/').map_or("", |(group, _)| group)
}

/// True when the group of `api_version` is one of Kubernetes' own, so that a kind it does
/// not serve cannot come from a custom resource either.
pub fn is_builtin_group(api_version: &str) -> bool {
    static GROUPS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
        SERVED
            .iter()
            .map(|k| group_of(k.api_version))
            .chain(REMOVED.iter().map(|r| group_of(r.api_version)))
            .collect()
    });
    GROUPS.contains(group_of(api_version))
}

/// True when the newest release serves `kind` at `api_version`.
pub fn is_served(api_version: &str, kind: &str) -> bool {
    static KINDS: LazyLock<HashSet<(&'static str, &'static str)>> =
        LazyLock::new(|| SERVED.iter().map(|k| (k.api_version, k.kind)).collect());
    KINDS.contains(&(api_version, kind))
}

/// A group/version of a kind that Kubernetes stopped serving.
pub struct RemovedApi {
    pub api_version: &'static str,
    pub kind: &'static str,
    /// The first minor version of 1.x that no longer serves it.
    pub removed_in: Version,
    /// What to use instead; `None` when the API has no successor.
    pub replacement: Option<&'static str>,
}

const fn removed(
    api_version: &'static str,
    kind: &'static str,
    minor: u32,
    replacement: Option<&'static str>,
) -> RemovedApi {
    RemovedApi {
        api_version,
        kind,
        removed_in: Version::v1(minor),
        replacement,
    }
}

const APPS: Option<&str> = Some("apps/v1");
const NETWORKING: Option<&str> = Some("networking.k8s.io/v1");
const RBAC: Option<&str> = Some("rbac.authorization.k8s.io/v1");
const STORAGE: Option<&str> = Some("storage.k8s.io/v1");
const FLOWCONTROL: Option<&str> = Some("flowcontrol.apiserver.k8s.io/v1");
const HPA: Option<&str> = Some("autoscaling/v2");

/// The removed APIs of the deprecated-API migration guide
/// (<https://kubernetes.io/docs/reference/using-api/deprecation-guide/>), plus the alpha
/// versions removed alongside them.
pub static REMOVED: &[RemovedApi] = &[
    removed("extensions/v1beta1", "DaemonSet", 16, APPS),
    removed("extensions/v1beta1", "Deployment", 16, APPS),
    removed("extensions/v1beta1", "ReplicaSet", 16, APPS),
    removed("extensions/v1beta1", "NetworkPolicy", 16, NETWORKING),
    removed(
        "extensions/v1beta1",
        "PodSecurityPolicy",
        16,
        Some("policy/v1beta1"),
    ),
    removed("apps/v1beta1", "Deployment", 16, APPS),
    removed("apps/v1beta1", "StatefulSet", 16, APPS),
    removed("apps/v1beta1", "ControllerRevision", 16, APPS),
    removed("apps/v1beta2", "DaemonSet", 16, APPS),
    removed("apps/v1beta2", "Deployment", 16, APPS),
    removed("apps/v1beta2", "ReplicaSet", 16, APPS),
    removed("apps/v1beta2", "StatefulSet", 16, APPS),
    removed("apps/v1beta2", "ControllerRevision", 16, APPS),
    removed("batch/v2alpha1", "CronJob", 21, Some("batch/v1")),
    removed("extensions/v1beta1", "Ingress", 22, NETWORKING),
    removed("networking.k8s.io/v1beta1", "Ingress", 22, NETWORKING),
    removed("networking.k8s.io/v1beta1", "IngressClass", 22, NETWORKING),
    removed(
        "admissionregistration.k8s.io/v1beta1",
        "MutatingWebhookConfiguration",
        22,
        Some("admissionregistration.k8s.io/v1"),
    ),
    removed(
        "admissionregistration.k8s.io/v1beta1",
        "ValidatingWebhookConfiguration",
        22,
        Some("admissionregistration.k8s.io/v1"),
    ),
    removed(
        "apiextensions.k8s.io/v1beta1",
        "CustomResourceDefinition",
        22,
        Some("apiextensions.k8s.io/v1"),
    ),
    removed(
        "apiregistration.k8s.io/v1beta1",
        "APIService",
        22,
        Some("apiregistration.k8s.io/v1"),
    ),
    removed(
        "authentication.k8s.io/v1beta1",
        "TokenReview",
        22,
        Some("authentication.k8s.io/v1"),
    ),
    removed(
        "authorization.k8s.io/v1beta1",
        "SubjectAccessReview",
        22,
        Some("authorization.k8s.io/v1"),
    ),
    removed(
        "authorization.k8s.io/v1beta1",
        "LocalSubjectAccessReview",
        22,
        Some("authorization.k8s.io/v1"),
    ),
    removed(
        "authorization.k8s.io/v1beta1",
        "SelfSubjectAccessReview",
        22,
        Some("authorization.k8s.io/v1"),
    ),
    removed(
        "certificates.k8s.io/v1beta1",
        "CertificateSigningRequest",
        22,
        Some("certificates.k8s.io/v1"),
    ),
    removed(
        "coordination.k8s.io/v1beta1",
        "Lease",
        22,
        Some("coordination.k8s.io/v1"),
    ),
    removed("rbac.authorization.k8s.io/v1beta1", "ClusterRole", 22, RBAC),
    removed(
        "rbac.authorization.k8s.io/v1beta1",
        "ClusterRoleBinding",
        22,
        RBAC,
    ),
    removed("rbac.authorization.k8s.io/v1beta1", "Role", 22, RBAC),
    removed("rbac.authorization.k8s.io/v1beta1", "RoleBinding", 22, RBAC),
    removed(
        "rbac.authorization.k8s.io/v1alpha1",
        "ClusterRole",
        22,
        RBAC,
    ),
    removed(
        "rbac.authorization.k8s.io/v1alpha1",
        "ClusterRoleBinding",
        22,
        RBAC,
    ),
    removed("rbac.authorization.k8s.io/v1alpha1", "Role", 22, RBAC),
    removed(
        "rbac.authorization.k8s.io/v1alpha1",
        "RoleBinding",
        22,
        RBAC,
    ),
    removed(
        "scheduling.k8s.io/v1beta1",
        "PriorityClass",
        22,
        Some("scheduling.k8s.io/v1"),
    ),
    removed(
        "scheduling.k8s.io/v1alpha1",
        "PriorityClass",
        22,
        Some("scheduling.k8s.io/v1"),
    ),
    removed("storage.k8s.io/v1beta1", "CSIDriver", 22, STORAGE),
    removed("storage.k8s.io/v1beta1", "CSINode", 22, STORAGE),
    removed("storage.k8s.io/v1beta1", "StorageClass", 22, STORAGE),
    removed("storage.k8s.io/v1beta1", "VolumeAttachment", 22, STORAGE),
    removed("batch/v1beta1", "CronJob", 25, Some("batch/v1")),
    removed(
        "discovery.k8s.io/v1beta1",
        "EndpointSlice",
        25,
        Some("discovery.k8s.io/v1"),
    ),
    removed(
        "events.k8s.io/v1beta1",
        "Event",
        25,
        Some("events.k8s.io/v1"),
    ),
    removed("autoscaling/v2beta1", "HorizontalPodAutoscaler", 25, HPA),
    removed(
        "policy/v1beta1",
        "PodDisruptionBudget",
        25,
        Some("policy/v1"),
    ),
    removed("policy/v1beta1", "PodSecurityPolicy", 25, None),
    removed(
        "node.k8s.io/v1beta1",
        "RuntimeClass",
        25,
        Some("node.k8s.io/v1"),
    ),
    removed(
        "flowcontrol.apiserver.k8s.io/v1beta1",
        "FlowSchema",
        26,
        FLOWCONTROL,
    ),
    removed(
        "flowcontrol.apiserver.k8s.io/v1beta1",
        "PriorityLevelConfiguration",
        26,
        FLOWCONTROL,
    ),
    removed("autoscaling/v2beta2", "HorizontalPodAutoscaler", 26, HPA),
    removed("storage.k8s.io/v1beta1", "CSIStorageCapacity", 27, STORAGE),
    removed(
        "flowcontrol.apiserver.k8s.io/v1beta2",
        "FlowSchema",
        29,
        FLOWCONTROL,
    ),
    removed(
        "flowcontrol.apiserver.k8s.io/v1beta2",
        "PriorityLevelConfiguration",
        29,
        FLOWCONTROL,
    ),
    removed(
        "flowcontrol.apiserver.k8s.io/v1beta3",
        "FlowSchema",
        32,
        FLOWCONTROL,
    ),
    removed(
        "flowcontrol.apiserver.k8s.io/v1beta3",
        "PriorityLevelConfiguration",
        32,
        FLOWCONTROL,
    ),
];

/// The removal of `kind` at `api_version`, if it was removed.
pub fn removal(api_version: &str, kind: &str) -> Option<&'static RemovedApi> {
    REMOVED
        .iter()
        .find(|r| r.kind == kind && r.api_version == api_version)
}

/// What a field's value may hold, as far as field names go.
#[derive(Debug, PartialEq, Eq)]
pub enum Shape {
    /// Scalars, int-or-string, quantities and free-form JSON: no field names to check.
    Any,
    /// A struct, named after its schema, with its fields sorted by length and then by name,
    /// so that a lookup mostly compares lengths.
    Object {
        name: &'static str,
        fields: &'static [(&'static str, usize)],
    },
    /// A map with arbitrary keys (labels, resource lists) and values of one shape.
    Map(usize),
    /// A list of one shape.
    List(usize),
}

impl Shape {
    /// The shape of field `key` of a struct.
    pub fn field(&self, key: &str) -> Option<usize> {
        match self {
            Shape::Object { fields, .. } => fields
                .binary_search_by(|(name, _)| (name.len(), *name).cmp(&(key.len(), key)))
                .ok()
                .map(|i| fields[i].1),
            _ => None,
        }
    }
}

/// The compiled shapes of every served kind.
pub struct Shapes {
    shapes: &'static [Shape],
    /// `(apiVersion, kind)` to the shape of the object, sorted.
    roots: &'static [((&'static str, &'static str), usize)],
}

impl Shapes {
    /// The shape of an object of `kind` at `api_version`, if Kubernetes serves it or it is
    /// a custom resource whose schema mlk knows.
    pub fn root(&self, api_version: &str, kind: &str) -> Option<usize> {
        self.roots
            .binary_search_by(|((v, k), _)| (*v, *k).cmp(&(api_version, kind)))
            .ok()
            .map(|i| self.roots[i].1)
    }

    pub fn get(&self, id: usize) -> &Shape {
        self.shapes.get(id).unwrap_or(&Shape::Any)
    }

    /// The struct shape named `name` (`PodSpec`, `Container`), if there is one.
    pub fn named(&self, name: &str) -> Option<usize> {
        self.shapes
            .iter()
            .position(|s| matches!(s, Shape::Object { name: n, .. } if *n == name))
    }
}

/// The shapes of every served kind and known custom resource, compiled into the committed
/// table `shapes.rs` (see [`shapes_source`]), so that no run pays for generating them.
pub static SHAPES: Shapes = Shapes {
    shapes: shapes::SHAPES,
    roots: shapes::ROOTS,
};

const ANY: usize = 0;

/// A shape as [`compile`] builds it, before it becomes a line of `shapes.rs`.
#[derive(Debug)]
enum Compiled {
    Any,
    Object {
        name: String,
        fields: Vec<(String, usize)>,
    },
    Map(usize),
    List(usize),
}

/// The source of `shapes.rs`: every shape that [`compile`] builds from k8s-openapi's JSON
/// schemas and the custom resource table, and the root shape of each kind; or the names
/// that a schema refers to and no definition has.
pub fn shapes_source() -> Result<String, Vec<String>> {
    use std::fmt::Write;
    let Compilation {
        shapes,
        roots,
        unresolved,
    } = compile();
    if !unresolved.is_empty() {
        return Err(unresolved);
    }
    let mut out = String::from(
        "//! The field shapes of every built-in kind, generated from k8s-openapi's JSON schemas, and\n\
         //! of the custom resources of `crds.rs`, by `api::shapes_source`;\n\
         //! `MLK_UPDATE_GENERATED=1 cargo test` rewrites this file.\n\
         use super::api::Shape::{self, Any, List, Map, Object};\n\n\
         pub static SHAPES: &[Shape] = &[\n",
    );
    for (id, shape) in shapes.iter().enumerate() {
        let _ = match shape {
            Compiled::Any => writeln!(out, "    Any, // {id}"),
            Compiled::Map(v) => writeln!(out, "    Map({v}), // {id}"),
            Compiled::List(v) => writeln!(out, "    List({v}), // {id}"),
            Compiled::Object { name, fields } => {
                let fields: Vec<String> = fields
                    .iter()
                    .map(|(field, shape)| format!("({field:?}, {shape})"))
                    .collect();
                writeln!(
                    out,
                    "    Object {{ name: {name:?}, fields: &[{}] }}, // {id}",
                    fields.join(", ")
                )
            }
        };
    }
    out.push_str("];\n\npub static ROOTS: &[((&str, &str), usize)] = &[\n");
    for ((version, kind), id) in roots {
        let _ = writeln!(out, "    (({version:?}, {kind:?}), {id}),");
    }
    out.push_str("];\n");
    Ok(out)
}

type Roots = Vec<((&'static str, &'static str), usize)>;

/// What [`compile`] builds: the shapes, the root shape of each kind, and the references
/// that named no definition.
struct Compilation {
    shapes: Vec<Compiled>,
    roots: Roots,
    unresolved: Vec<String>,
}

fn compile() -> Compilation {
    let mut generator = SchemaSettings::draft2020_12().into_generator();
    let mut refs: Vec<_> = SERVED
        .iter()
        .map(|k| {
            (
                (k.api_version, k.kind),
                (k.schema)(&mut generator).to_value(),
            )
        })
        .collect();
    refs.extend(
        crds::KINDS.iter().map(|(api_version, kind, definition)| {
            ((*api_version, *kind), crds::schema(definition))
        }),
    );
    let mut definitions = generator.definitions().clone();
    definitions.extend(crds::definitions());
    let mut compiler = Compiler {
        definitions: &definitions,
        shapes: vec![Compiled::Any],
        by_name: HashMap::new(),
        unresolved: Vec::new(),
    };
    let mut roots: Roots = refs
        .iter()
        .map(|(key, schema)| (*key, compiler.shape(schema)))
        .collect();
    roots.sort_by(|a, b| a.0.cmp(&b.0));
    Compilation {
        shapes: compiler.shapes,
        roots,
        unresolved: compiler.unresolved,
    }
}

struct Compiler<'a> {
    definitions: &'a serde_json::Map<String, Json>,
    shapes: Vec<Compiled>,
    by_name: HashMap<&'a str, usize>,
    unresolved: Vec<String>,
}

impl<'a> Compiler<'a> {
    fn shape(&mut self, schema: &'a Json) -> usize {
        let Some(reference) = schema.get("$ref").and_then(Json::as_str) else {
            let shape = self.build(schema, "");
            return self.push(shape);
        };
        let name = reference.rsplit('/').next().unwrap_or(reference);
        let Some((name, definition)) = self.definitions.get_key_value(name) else {
            self.unresolved.push(name.to_string());
            return ANY;
        };
        if let Some(&id) = self.by_name.get(name.as_str()) {
            return id;
        }
        // Reserved before building so that recursive types (JSONSchemaProps) refer to it.
        let id = self.shapes.len();
        self.shapes.push(Compiled::Any);
        self.by_name.insert(name, id);
        let short = name.rsplit('.').next().unwrap_or(name);
        self.shapes[id] = self.build(definition, short);
        id
    }

    fn build(&mut self, schema: &'a Json, name: &str) -> Compiled {
        if let Some(properties) = schema.get("properties").and_then(Json::as_object) {
            let mut fields: Vec<(String, usize)> = properties
                .iter()
                .map(|(key, value)| (key.clone(), self.shape(value)))
                .collect();
            fields.sort_by(|a, b| (a.0.len(), &a.0).cmp(&(b.0.len(), &b.0)));
            return Compiled::Object {
                name: name.to_string(),
                fields,
            };
        }
        if let Some(values) = schema.get("additionalProperties").filter(|v| v.is_object()) {
            return Compiled::Map(self.shape(values));
        }
        if let Some(items) = schema.get("items") {
            return Compiled::List(self.shape(items));
        }
        Compiled::Any
    }

    fn push(&mut self, shape: Compiled) -> usize {
        if matches!(shape, Compiled::Any) {
            return ANY;
        }
        self.shapes.push(shape);
        self.shapes.len() - 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn served_kinds_come_from_k8s_openapi() {
        assert!(is_served("batch/v1", "CronJob"));
        assert!(is_served("autoscaling/v1", "HorizontalPodAutoscaler"));
        assert!(is_served("v1", "Pod"));
        assert!(!is_served("v1", "CronJob"));
        assert!(is_builtin_group("networking.k8s.io/v1"));
        assert!(is_builtin_group("extensions/v1beta1"));
        assert!(!is_builtin_group("gateway.networking.k8s.io/v1"));
        assert!(!is_builtin_group("batch.volcano.sh/v1alpha1"));
    }

    #[test]
    fn removed_apis_are_not_served() {
        for r in REMOVED {
            assert!(!is_served(r.api_version, r.kind), "{}", r.api_version);
            if let Some(new) = r.replacement
                && new != "policy/v1beta1"
            {
                assert!(is_served(new, r.kind), "{new} {}", r.kind);
            }
        }
    }

    #[test]
    fn shapes_follow_the_schemas() {
        let shapes = &SHAPES;
        let deployment = shapes.root("apps/v1", "Deployment").unwrap();
        let spec = shapes.get(deployment).field("spec").unwrap();
        let template = shapes.get(spec).field("template").unwrap();
        let pod = shapes.get(template).field("spec").unwrap();
        let containers = shapes.get(pod).field("containers").unwrap();
        let Shape::List(container) = shapes.get(containers) else {
            panic!("containers is a list");
        };
        let container = shapes.get(*container);
        assert!(matches!(container, Shape::Object { name, .. } if *name == "Container"));
        let resources = shapes.get(container.field("resources").unwrap());
        let limits = shapes.get(resources.field("limits").unwrap());
        let Shape::Map(quantity) = limits else {
            panic!("limits is a map");
        };
        assert!(matches!(shapes.get(*quantity), Shape::Any));
        assert!(container.field("resource").is_none());
        let metadata = shapes.get(shapes.get(deployment).field("metadata").unwrap());
        assert!(matches!(
            shapes.get(metadata.field("labels").unwrap()),
            Shape::Map(_)
        ));
        let strategy = shapes.get(shapes.get(spec).field("strategy").unwrap());
        let rolling = shapes.get(strategy.field("rollingUpdate").unwrap());
        let surge = rolling.field("maxSurge").unwrap();
        assert!(matches!(shapes.get(surge), Shape::Any));
    }
}
