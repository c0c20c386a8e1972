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
    ("kubeflow.org/v1", "JAXJob", "JAXJob"),
    ("kubeflow.org/v1", "MPIJob", "v1.MPIJob"),
    ("kubeflow.org/v1", "MXJob", "MXJob"),
    ("kubeflow.org/v1", "PaddleJob", "PaddleJob"),
    ("kubeflow.org/v1", "PyTorchJob", "PyTorchJob"),
    ("kubeflow.org/v1", "TFJob", "TFJob"),
    ("kubeflow.org/v1", "XGBoostJob", "XGBoostJob"),
    ("kubeflow.org/v2beta1", "MPIJob", "MPIJob"),
    (
        "leaderworkerset.x-k8s.io/v1",
        "LeaderWorkerSet",
        "LeaderWorkerSet",
    ),
    (
        "trainer.kubeflow.org/v1alpha1",
        "ClusterTrainingRuntime",
        "TrainingRuntime",
    ),
    ("trainer.kubeflow.org/v1alpha1", "TrainJob", "TrainJob"),
    (
        "trainer.kubeflow.org/v1alpha1",
        "TrainingRuntime",
        "TrainingRuntime",
    ),
];

/// The fields of every object: `spec` and `status` follow.
macro_rules! object {
    ($rest:literal) => {
        concat!(
            "apiVersion kind metadata:io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta ",
            $rest
        )
    };
}

/// The definitions: a name, then its fields. A field is written `name` (a value with no
/// field names to check), `name:Type` (a struct), `name:[Type]` (a list of them) or
/// `name:{Type}` (a map of them). A type that starts with `io.k8s.` is a Kubernetes
/// definition; any other is one of this table. Fields that only some releases have are
/// noted; every one of them is accepted.
const DEFINITIONS: &[(&str, &str)] = &[
    // Kubeflow Training Operator v1 (`kubeflow.org/v1`, kubeflow/training-operator
    // `pkg/apis/kubeflow.org/v1`). Replica specs are maps keyed by replica type. Before
    // the training operator merged them (2020), the tf-, pytorch-, xgboost-, mxnet- and
    // mpi-operators' `v1` jobs had the run policy's fields in the spec itself.
    ("PyTorchJob", object!("status spec:PyTorchJobSpec")),
    (
        "PyTorchJobSpec",
        "runPolicy:RunPolicy elasticPolicy:ElasticPolicy pytorchReplicaSpecs:{ReplicaSpec} \
         nprocPerNode cleanPodPolicy ttlSecondsAfterFinished activeDeadlineSeconds \
         backoffLimit schedulingPolicy:SchedulingPolicy",
    ),
    // `nProcPerNode` is deprecated beside the spec's `nprocPerNode`; both are valid.
    (
        "ElasticPolicy",
        "minReplicas maxReplicas rdzvBackend rdzvPort rdzvHost rdzvId rdzvConf:[RDZVConf] \
         standalone nProcPerNode maxRestarts metrics:[io.k8s.api.autoscaling.v2.MetricSpec]",
    ),
    ("RDZVConf", "key value"),
    ("TFJob", object!("status spec:TFJobSpec")),
    (
        "TFJobSpec",
        "runPolicy:RunPolicy successPolicy tfReplicaSpecs:{ReplicaSpec} enableDynamicWorker \
         cleanPodPolicy ttlSecondsAfterFinished activeDeadlineSeconds backoffLimit \
         schedulingPolicy:SchedulingPolicy",
    ),
    // `cleanPodPolicy` is valid both here and in `runPolicy`.
    ("v1.MPIJob", object!("status spec:v1.MPIJobSpec")),
    (
        "v1.MPIJobSpec",
        "slotsPerWorker cleanPodPolicy mpiReplicaSpecs:{ReplicaSpec} mainContainer \
         runPolicy:RunPolicy ttlSecondsAfterFinished activeDeadlineSeconds backoffLimit \
         schedulingPolicy:SchedulingPolicy",
    ),
    ("XGBoostJob", object!("status spec:XGBoostJobSpec")),
    (
        "XGBoostJobSpec",
        "runPolicy:RunPolicy xgbReplicaSpecs:{ReplicaSpec} cleanPodPolicy \
         ttlSecondsAfterFinished activeDeadlineSeconds backoffLimit \
         schedulingPolicy:SchedulingPolicy",
    ),
    ("PaddleJob", object!("status spec:PaddleJobSpec")),
    (
        "PaddleJobSpec",
        "runPolicy:RunPolicy elasticPolicy:PaddleElasticPolicy \
         paddleReplicaSpecs:{ReplicaSpec}",
    ),
    (
        "PaddleElasticPolicy",
        "minReplicas maxReplicas maxRestarts metrics:[io.k8s.api.autoscaling.v2.MetricSpec]",
    ),
    ("JAXJob", object!("status spec:JAXJobSpec")),
    (
        "JAXJobSpec",
        "runPolicy:RunPolicy jaxReplicaSpecs:{ReplicaSpec}",
    ),
    // Older releases only; mxnet-operator's first `v1` replica specs had a `label`, and
    // its `v1beta1` a `successPolicy`, which its `v1` examples still carry.
    ("MXJob", object!("status spec:MXJobSpec")),
    (
        "MXJobSpec",
        "runPolicy:RunPolicy jobMode successPolicy mxReplicaSpecs:{MXReplicaSpec} cleanPodPolicy \
         ttlSecondsAfterFinished activeDeadlineSeconds backoffLimit \
         schedulingPolicy:SchedulingPolicy",
    ),
    (
        "MXReplicaSpec",
        "replicas template:io.k8s.api.core.v1.PodTemplateSpec restartPolicy label",
    ),
    (
        "ReplicaSpec",
        "replicas template:io.k8s.api.core.v1.PodTemplateSpec restartPolicy",
    ),
    // `suspend` from v1.7, `managedBy` from v1.9; the MPI Operator's own is the same.
    (
        "RunPolicy",
        "cleanPodPolicy ttlSecondsAfterFinished activeDeadlineSeconds backoffLimit \
         schedulingPolicy:SchedulingPolicy suspend managedBy",
    ),
    (
        "SchedulingPolicy",
        "minAvailable queue minResources priorityClass scheduleTimeoutSeconds",
    ),
    // MPI Operator (`kubeflow.org/v2beta1`, kubeflow/mpi-operator). `waitForWorkers` was
    // replaced by `launcherCreationPolicy`.
    ("MPIJob", object!("status spec:MPIJobSpec")),
    (
        "MPIJobSpec",
        "slotsPerWorker runLauncherAsWorker runPolicy:RunPolicy \
         mpiReplicaSpecs:{ReplicaSpec} sshAuthMountPath launcherCreationPolicy \
         waitForWorkers mpiImplementation",
    ),
    // Kubeflow Trainer v2 (`trainer.kubeflow.org/v1alpha1`, kubeflow/trainer
    // `pkg/apis/trainer/v1alpha1`): v2.0 has `podSpecOverrides`, v2.1 renames it
    // `podTemplateOverrides`, v2.2 replaces both with `runtimePatches`, adds
    // `activeDeadlineSeconds` and drops `labels` and `annotations`.
    ("TrainJob", object!("status spec:TrainJobSpec")),
    (
        "TrainJobSpec",
        "runtimeRef:RuntimeRef initializer:Initializer trainer:Trainer \
         labels annotations podSpecOverrides:[PodSpecOverride] \
         podTemplateOverrides:[PodTemplateOverride] templateOverrides:[TemplateOverride] \
         runtimePatches:[RuntimePatch] suspend activeDeadlineSeconds managedBy",
    ),
    ("RuntimeRef", "name apiGroup kind"),
    (
        "Initializer",
        "dataset:StorageInitializer model:StorageInitializer",
    ),
    (
        "StorageInitializer",
        "storageUri env:[io.k8s.api.core.v1.EnvVar] \
         secretRef:io.k8s.api.core.v1.LocalObjectReference",
    ),
    (
        "Trainer",
        "image command args env:[io.k8s.api.core.v1.EnvVar] numNodes \
         resourcesPerNode:io.k8s.api.core.v1.ResourceRequirements numProcPerNode \
         resourceClaimsPerNode:[TrainerResourceClaim]",
    ),
    ("TrainerResourceClaim", "name resourceClaimTemplateName"),
    (
        "PodSpecOverride",
        "targetJobs:[TargetJob] serviceAccountName nodeSelector \
         affinity:io.k8s.api.core.v1.Affinity tolerations:[io.k8s.api.core.v1.Toleration] \
         volumes:[io.k8s.api.core.v1.Volume] initContainers:[ContainerOverride] \
         containers:[ContainerOverride] schedulingGates:[io.k8s.api.core.v1.PodSchedulingGate] \
         imagePullSecrets:[io.k8s.api.core.v1.LocalObjectReference]",
    ),
    ("TargetJob", "name"),
    (
        "PodTemplateOverride",
        "targetJobs:[TargetJob] metadata:io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta \
         spec:PodTemplateSpecOverride time",
    ),
    (
        "PodTemplateSpecOverride",
        "serviceAccountName nodeSelector affinity:io.k8s.api.core.v1.Affinity \
         tolerations:[io.k8s.api.core.v1.Toleration] volumes:[io.k8s.api.core.v1.Volume] \
         initContainers:[ContainerOverride] containers:[ContainerOverride] \
         schedulingGates:[io.k8s.api.core.v1.PodSchedulingGate] \
         imagePullSecrets:[io.k8s.api.core.v1.LocalObjectReference] \
         securityContext:io.k8s.api.core.v1.PodSecurityContext",
    ),
    (
        "ContainerOverride",
        "name env:[io.k8s.api.core.v1.EnvVar] volumeMounts:[io.k8s.api.core.v1.VolumeMount] \
         securityContext:io.k8s.api.core.v1.SecurityContext",
    ),
    (
        "TemplateOverride",
        "manager job:[JobTemplateOverride] pod:[PodTemplateOverride]",
    ),
    (
        "JobTemplateOverride",
        "time targetJobs:[TargetJob] metadata:io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta",
    ),
    (
        "RuntimePatch",
        "manager time trainingRuntimeSpec:TrainingRuntimeSpecPatch",
    ),
    ("TrainingRuntimeSpecPatch", "template:JobSetTemplatePatch"),
    (
        "JobSetTemplatePatch",
        "metadata:io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta spec:JobSetSpecPatch",
    ),
    ("JobSetSpecPatch", "replicatedJobs:[ReplicatedJobPatch]"),
    ("ReplicatedJobPatch", "name template:JobTemplatePatch"),
    (
        "JobTemplatePatch",
        "metadata:io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta spec:JobSpecPatch",
    ),
    ("JobSpecPatch", "template:PodTemplatePatch"),
    (
        "PodTemplatePatch",
        "metadata:io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta spec:PodSpecPatch",
    ),
    (
        "PodSpecPatch",
        "serviceAccountName volumes:[io.k8s.api.core.v1.Volume] \
         initContainers:[ContainerPatch] containers:[ContainerPatch] \
         imagePullSecrets:[io.k8s.api.core.v1.LocalObjectReference] \
         securityContext:io.k8s.api.core.v1.PodSecurityContext nodeSelector \
         affinity:io.k8s.api.core.v1.Affinity tolerations:[io.k8s.api.core.v1.Toleration] \
         schedulingGates:[io.k8s.api.core.v1.PodSchedulingGate] \
         terminationGracePeriodSeconds",
    ),
    (
        "ContainerPatch",
        "name env:[io.k8s.api.core.v1.EnvVar] volumeMounts:[io.k8s.api.core.v1.VolumeMount] \
         securityContext:io.k8s.api.core.v1.SecurityContext \
         resources:io.k8s.api.core.v1.ResourceRequirements",
    ),
    // TrainingRuntime and ClusterTrainingRuntime: v2.2 adds `flux`, `jax` and `xgboost`
    // and drops torch's `numProcPerNode` and `elasticPolicy`.
    ("TrainingRuntime", object!("spec:TrainingRuntimeSpec")),
    (
        "TrainingRuntimeSpec",
        "mlPolicy:MLPolicy podGroupPolicy:PodGroupPolicy template:JobSetTemplateSpec \
         activeDeadlineSeconds ttlSecondsAfterFinished",
    ),
    (
        "JobSetTemplateSpec",
        "metadata:io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta spec:JobSetSpec",
    ),
    (
        "PodGroupPolicy",
        "coscheduling:CoschedulingPodGroupPolicySource volcano:VolcanoPodGroupPolicySource",
    ),
    ("CoschedulingPodGroupPolicySource", "scheduleTimeoutSeconds"),
    ("VolcanoPodGroupPolicySource", "networkTopology"),
    (
        "MLPolicy",
        "numNodes torch:TorchMLPolicySource mpi:MPIMLPolicySource flux:FluxMLPolicySource \
         jax:EmptyMLPolicySource xgboost:EmptyMLPolicySource",
    ),
    (
        "TorchMLPolicySource",
        "numProcPerNode elasticPolicy:TorchElasticPolicy envInjection:EnvInjection",
    ),
    (
        "TorchElasticPolicy",
        "maxRestarts minNodes maxNodes metrics:[io.k8s.api.autoscaling.v2.MetricSpec]",
    ),
    ("EnvInjection", "targets:[EnvInjectionTarget]"),
    ("EnvInjectionTarget", "jobName containerNames"),
    (
        "MPIMLPolicySource",
        "numProcPerNode mpiImplementation sshAuthMountPath runLauncherAsNode",
    ),
    ("FluxMLPolicySource", "numProcPerNode"),
    ("EmptyMLPolicySource", ""),
    // JobSet (`jobset.x-k8s.io/v1alpha2`, kubernetes-sigs/jobset
    // `api/jobset/v1alpha2/jobset_types.go`); newer releases add `volumeClaimPolicies` and
    // `onJobFailureMessagePatterns`.
    ("JobSet", object!("status spec:JobSetSpec")),
    (
        "JobSetSpec",
        "replicatedJobs:[ReplicatedJob] network:Network successPolicy:JobSetSuccessPolicy \
         failurePolicy:FailurePolicy startupPolicy:StartupPolicy suspend \
         coordinator:Coordinator managedBy ttlSecondsAfterFinished \
         volumeClaimPolicies:[VolumeClaimPolicy]",
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
        "name action onJobFailureReasons onJobFailureMessagePatterns targetReplicatedJobs",
    ),
    ("StartupPolicy", "startupPolicyOrder"),
    ("Coordinator", "replicatedJob jobIndex podIndex"),
    (
        "VolumeClaimPolicy",
        "templates:[io.k8s.api.core.v1.PersistentVolumeClaim] \
         retentionPolicy:VolumeRetentionPolicy",
    ),
    ("VolumeRetentionPolicy", "whenDeleted"),
    // LeaderWorkerSet (`leaderworkerset.x-k8s.io/v1`, kubernetes-sigs/lws
    // `api/leaderworkerset/v1/leaderworkerset_types.go`). The sub-group policy's type is
    // written `subGroupPolicyType`.
    (
        "LeaderWorkerSet",
        object!("status spec:LeaderWorkerSetSpec"),
    ),
    (
        "LeaderWorkerSetSpec",
        "replicas leaderWorkerTemplate:LeaderWorkerTemplate rolloutStrategy:RolloutStrategy \
         startupPolicy networkConfig:NetworkConfig",
    ),
    (
        "LeaderWorkerTemplate",
        "leaderTemplate:io.k8s.api.core.v1.PodTemplateSpec \
         workerTemplate:io.k8s.api.core.v1.PodTemplateSpec size restartPolicy \
         subGroupPolicy:SubGroupPolicy \
         volumeClaimTemplates:[io.k8s.api.core.v1.PersistentVolumeClaim] \
         persistentVolumeClaimRetentionPolicy:\
         io.k8s.api.apps.v1.StatefulSetPersistentVolumeClaimRetentionPolicy",
    ),
    (
        "RolloutStrategy",
        "type rollingUpdateConfiguration:RollingUpdateConfiguration",
    ),
    (
        "RollingUpdateConfiguration",
        "partition maxUnavailable maxSurge",
    ),
    ("SubGroupPolicy", "subGroupPolicyType subGroupSize"),
    ("NetworkConfig", "subdomainPolicy"),
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

/// The schema of a field of type `ty`, in the notation of [`DEFINITIONS`]: also the
/// reference to a definition by name, as a root of the shape compiler.
pub fn schema(ty: &str) -> Json {
    if let Some(item) = ty.strip_prefix('[').and_then(|t| t.strip_suffix(']')) {
        return json!({ "items": schema(item) });
    }
    if let Some(value) = ty.strip_prefix('{').and_then(|t| t.strip_suffix('}')) {
        return json!({ "additionalProperties": schema(value) });
    }
    json!({ "$ref": format!("#/$defs/{ty}") })
}

#[cfg(test)]
mod tests {
    use super::super::api::{SHAPES, Shape};
    use super::*;

    /// Fields of this table that the committed CRD lacks, because another release in use
    /// declares them.
    const OTHER_RELEASES: &[&str] = &[
        ".spec.activeDeadlineSeconds",
        ".spec.backoffLimit",
        ".spec.cleanPodPolicy",
        ".spec.schedulingPolicy",
        ".spec.ttlSecondsAfterFinished",
        ".spec.failurePolicy.rules[].onJobFailureMessagePatterns",
        ".spec.volumeClaimPolicies",
    ];

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

    #[test]
    fn every_definition_is_named_once_and_used() {
        let names: Vec<&str> = DEFINITIONS.iter().map(|(name, _)| *name).collect();
        let mut unique = names.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), names.len(), "a definition is named twice");
        let mut used: Vec<&str> = KINDS.iter().map(|(_, _, root)| *root).collect();
        for (_, fields) in DEFINITIONS {
            for field in fields.split_whitespace() {
                if let Some((_, ty)) = field.split_once(':') {
                    used.push(ty.trim_matches(['[', ']', '{', '}']));
                }
            }
        }
        for name in names {
            assert!(used.contains(&name), "{name} is not used");
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
