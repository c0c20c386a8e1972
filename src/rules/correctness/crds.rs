//! The own fields of the ML custom resources whose schemas mlk knows, as their upstream Go
//! API types declare them, for the unknown-field check. They are compiled with the
//! built-in kinds into the committed table `shapes.rs`, and share its shapes of the core
//! types they embed (a pod template is checked as one).
//!
//! A custom resource's schema changes between releases of its controller, so each struct
//! lists every field any release in use declares: a manifest written for an older
//! release is not reported for a field a newer one dropped.
use serde_json::{Map, Value as Json, json};

/// The custom resources checked whole: `(apiVersion, kind, definition of the object)`.
pub const KINDS: &[(&str, &str, &str)] = &[
    ("jobset.x-k8s.io/v1alpha2", "JobSet", "JobSet"),
    ("kubeflow.org/v1", "PyTorchJob", "PyTorchJob"),
    ("kubeflow.org/v1", "TFJob", "TFJob"),
];

/// The definitions: a name, then its fields. A field is written `name` (a value with no
/// field names to check), `name:Type` (a struct), `name:[Type]` (a list of them) or
/// `name:{Type}` (a map of them). A type that starts with `io.k8s.` is a Kubernetes
/// definition; any other is one of this table.
const DEFINITIONS: &[(&str, &str)] = &[
    // Kubeflow Training Operator v1 (kubeflow.org/v1).
    (
        "PyTorchJob",
        "apiVersion kind metadata:io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta status \
         spec:PyTorchJobSpec",
    ),
    (
        "PyTorchJobSpec",
        "runPolicy:RunPolicy elasticPolicy:ElasticPolicy pytorchReplicaSpecs:{ReplicaSpec} \
         nprocPerNode",
    ),
    (
        "ElasticPolicy",
        "minReplicas maxReplicas rdzvBackend rdzvPort rdzvHost rdzvId rdzvConf:[RDZVConf] \
         standalone nProcPerNode maxRestarts metrics:[io.k8s.api.autoscaling.v2.MetricSpec]",
    ),
    ("RDZVConf", "key value"),
    (
        "TFJob",
        "apiVersion kind metadata:io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta status \
         spec:TFJobSpec",
    ),
    (
        "TFJobSpec",
        "runPolicy:RunPolicy successPolicy tfReplicaSpecs:{ReplicaSpec} enableDynamicWorker",
    ),
    (
        "ReplicaSpec",
        "replicas template:io.k8s.api.core.v1.PodTemplateSpec restartPolicy",
    ),
    (
        "RunPolicy",
        "cleanPodPolicy ttlSecondsAfterFinished activeDeadlineSeconds backoffLimit \
         schedulingPolicy:SchedulingPolicy suspend managedBy",
    ),
    (
        "SchedulingPolicy",
        "minAvailable queue minResources priorityClass scheduleTimeoutSeconds",
    ),
    // JobSet (jobset.x-k8s.io/v1alpha2).
    (
        "JobSet",
        "apiVersion kind metadata:io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta status \
         spec:JobSetSpec",
    ),
    (
        "JobSetSpec",
        "replicatedJobs:[ReplicatedJob] network:Network successPolicy:JobSetSuccessPolicy \
         failurePolicy:FailurePolicy startupPolicy:StartupPolicy suspend \
         coordinator:Coordinator managedBy ttlSecondsAfterFinished",
    ),
    (
        "ReplicatedJob",
        "name groupName template:io.k8s.api.batch.v1.JobTemplateSpec replicas \
         dependsOn:[DependsOn]",
    ),
    ("DependsOn", "name status"),
    (
        "Network",
        "enableDNSHostnames subdomain publishNotReadyAddresses",
    ),
    ("JobSetSuccessPolicy", "operator targetReplicatedJobs"),
    (
        "FailurePolicy",
        "maxRestarts restartStrategy rules:[FailurePolicyRule]",
    ),
    (
        "FailurePolicyRule",
        "name action onJobFailureReasons targetReplicatedJobs",
    ),
    ("StartupPolicy", "startupPolicyOrder"),
    ("Coordinator", "replicatedJob jobIndex podIndex"),
];

/// The definitions as JSON schemas, in the form the shape compiler reads, keyed by name.
pub fn definitions() -> Map<String, Json> {
    DEFINITIONS
        .iter()
        .map(|(name, fields)| {
            let properties: Map<String, Json> = fields
                .split_whitespace()
                .map(|field| match field.split_once(':') {
                    Some((key, ty)) => (key.to_string(), schema(ty)),
                    None => (field.to_string(), json!({})),
                })
                .collect();
            (name.to_string(), json!({ "properties": properties }))
        })
        .collect()
}

fn schema(ty: &str) -> Json {
    if let Some(item) = ty.strip_prefix('[').and_then(|t| t.strip_suffix(']')) {
        return json!({ "items": schema(item) });
    }
    if let Some(value) = ty.strip_prefix('{').and_then(|t| t.strip_suffix('}')) {
        return json!({ "additionalProperties": schema(value) });
    }
    json!({ "$ref": format!("#/$defs/{ty}") })
}

/// A reference to the definition `name`, as a root of the shape compiler.
pub fn reference(name: &str) -> Json {
    schema(name)
}

#[cfg(test)]
mod tests {
    use super::super::api::{SHAPES, Shape};
    use super::*;

    /// Fields of this table that the committed CRD lacks, because another release in use
    /// declares them.
    const OTHER_RELEASES: &[&str] = &[];

    struct Comparison {
        /// Fields of the CRD that the table lacks: each would be a false report.
        missing: Vec<String>,
        /// Fields of the table's own structs that the CRD lacks.
        extra: Vec<String>,
    }

    impl Comparison {
        fn walk(&mut self, schema: &Json, shape: usize, path: &str) {
            let here = SHAPES.get(shape);
            if let Some(properties) = schema.get("properties").and_then(Json::as_object) {
                let Shape::Object { name, fields } = here else {
                    if !matches!(here, Shape::Any) {
                        self.missing.push(format!("{path} (not a struct)"));
                    }
                    return;
                };
                for (key, value) in properties {
                    if path.is_empty() && key == "status" {
                        continue;
                    }
                    match here.field(key) {
                        Some(field) => self.walk(value, field, &format!("{path}.{key}")),
                        None => self.missing.push(format!("{path}.{key}")),
                    }
                }
                if DEFINITIONS.iter().any(|(n, _)| n == name) {
                    self.extra.extend(
                        fields
                            .iter()
                            .filter(|(field, _)| !properties.contains_key(*field))
                            .map(|(field, _)| format!("{path}.{field}")),
                    );
                }
            } else if let Some(values) =
                schema.get("additionalProperties").filter(|v| v.is_object())
            {
                if let Shape::Map(value) = here {
                    self.walk(values, *value, &format!("{path}.*"));
                }
            } else if let Some(items) = schema.get("items")
                && let Shape::List(item) = here
            {
                self.walk(items, *item, &format!("{path}[]"));
            }
        }
    }

    /// The committed upstream CRDs (`tests/data/crds`, pod templates cut out) declare the
    /// fields of this table, no more and no fewer, but for those of other releases.
    #[test]
    fn the_table_matches_the_upstream_crds() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/crds");
        let mut compared = 0;
        let mut comparison = Comparison {
            missing: Vec::new(),
            extra: Vec::new(),
        };
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "yaml") {
                continue;
            }
            let crd: Json = serde_saphyr::from_str(&std::fs::read_to_string(&path).unwrap())
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let group = crd["spec"]["group"].as_str().unwrap();
            let kind = crd["spec"]["names"]["kind"].as_str().unwrap();
            for version in crd["spec"]["versions"].as_array().unwrap() {
                let api_version = format!("{group}/{}", version["name"].as_str().unwrap());
                if !KINDS
                    .iter()
                    .any(|(v, k, _)| *v == api_version && *k == kind)
                {
                    continue;
                }
                let root = SHAPES.root(&api_version, kind).unwrap();
                let schema = &version["schema"]["openAPIV3Schema"];
                comparison.walk(schema, root, "");
                compared += 1;
            }
        }
        assert_eq!(compared, 3, "the CRDs of JobSet, PyTorchJob and TFJob");
        assert!(comparison.missing.is_empty(), "{:#?}", comparison.missing);
        comparison
            .extra
            .retain(|f| !OTHER_RELEASES.contains(&f.as_str()));
        assert!(comparison.extra.is_empty(), "{:#?}", comparison.extra);
    }
}
