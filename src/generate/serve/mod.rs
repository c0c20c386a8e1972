//! `mlk serve`: a validated [`ServePlan`] becomes the objects of the chosen target: a
//! Deployment with Service, HorizontalPodAutoscaler and PodDisruptionBudget (and an Istio
//! canary split), a KServe InferenceService, or the mlk.dev InferenceService itself.
pub mod crds;
mod deployment;
mod kserve;
pub mod plan;
pub mod runtime;

use std::collections::BTreeMap;

use k8s_openapi::api::core::v1::{
    Container, ContainerPort, EmptyDirVolumeSource, EnvFromSource, EnvVar, HTTPGetAction,
    PersistentVolumeClaimVolumeSource, Probe, SecretEnvSource, TopologySpreadConstraint, Volume,
    VolumeMount,
};
use k8s_openapi::apimachinery::pkg::apis::meta::v1::{LabelSelector, ObjectMeta};
use k8s_openapi::apimachinery::pkg::util::intstr::IntOrString;
use serde_json::Value;

pub use plan::{ServePlan, ServeTarget};

use crate::api::InferenceService;
use crate::error::Result;
use crate::generate::pod::{MountedVolume, plain_env, standard_labels};
use crate::output::to_value;
use plan::{ModelSource, Store};
use runtime::MODEL_DIR;

/// The component label value of model servers, which the reliability rules read as
/// "served".
pub const COMPONENT: &str = "inference";

/// Renders the plan as the objects of its target, in apply order.
pub fn render(plan: &ServePlan) -> Result<Vec<Value>> {
    match plan.target {
        ServeTarget::InferenceService => {
            let mut isvc = InferenceService::new(&plan.name, plan.spec.clone());
            isvc.metadata = metadata(plan, &plan.name);
            Ok(vec![to_value(&isvc)?])
        }
        ServeTarget::Deployment => deployment::render(plan),
        ServeTarget::KServe => kserve::render(plan),
    }
}

/// Object metadata with the standard labels.
pub(crate) fn metadata(plan: &ServePlan, name: &str) -> ObjectMeta {
    ObjectMeta {
        name: Some(name.to_string()),
        namespace: plan.namespace.clone(),
        labels: Some(standard_labels(&plan.name, COMPONENT)),
        ..Default::default()
    }
}

/// Metadata of the object that decides the replica count (the HPA), with the accepted
/// risks as reasoned suppressions: the rules report replica counts there, and a
/// suppression anywhere else would suppress nothing.
pub(crate) fn scaling_metadata(plan: &ServePlan, name: &str) -> ObjectMeta {
    let annotations: BTreeMap<String, String> = plan
        .acknowledged
        .iter()
        .map(|(rule, reason)| {
            (
                format!("{}{rule}", crate::lint::engine::SUPPRESSION_PREFIX),
                reason.clone(),
            )
        })
        .collect();
    ObjectMeta {
        annotations: (!annotations.is_empty()).then_some(annotations),
        ..metadata(plan, name)
    }
}

/// The server container: the runtime's command, ports and probes, the model mounted
/// read-only, limits equal to requests. `pod_template` adds the security context and the
/// scratch environment.
pub(crate) fn server_container(plan: &ServePlan, name: &str, image: &str) -> Container {
    let mut env: Vec<EnvVar> = runtime::env(plan.runtime)
        .into_iter()
        .map(|(k, v)| plain_env(k, v))
        .collect();
    env.extend(plan.env.iter().map(|(k, v)| plain_env(k, v)));
    Container {
        name: name.to_string(),
        image: Some(image.to_string()),
        command: (!plan.command.is_empty()).then(|| plan.command.clone()),
        args: (!plan.args.is_empty()).then(|| plan.args.clone()),
        ports: Some(
            plan.ports
                .iter()
                .map(|p| ContainerPort {
                    name: Some(p.name.clone()),
                    container_port: p.port,
                    protocol: Some("TCP".to_string()),
                    ..Default::default()
                })
                .collect(),
        ),
        env: (!env.is_empty()).then_some(env),
        env_from: env_from(plan),
        resources: Some(plan.resources.requirements()),
        readiness_probe: Some(probe(plan, &plan.health.ready, 10, 3)),
        liveness_probe: Some(probe(plan, &plan.health.live, 20, 3)),
        startup_probe: Some(probe(plan, &plan.health.ready, 10, plan.startup_failures)),
        // The runtime's working directory belongs to root; logs go to the scratch volume.
        working_dir: Some("/tmp".to_string()),
        ..Default::default()
    }
}

pub(crate) fn env_from(plan: &ServePlan) -> Option<Vec<EnvFromSource>> {
    let sources: Vec<EnvFromSource> = plan
        .env_from_secrets
        .iter()
        .map(|s| EnvFromSource {
            secret_ref: Some(SecretEnvSource {
                name: s.clone(),
                optional: None,
            }),
            ..Default::default()
        })
        .collect();
    (!sources.is_empty()).then_some(sources)
}

fn probe(plan: &ServePlan, path: &str, period: i32, failures: i32) -> Probe {
    Probe {
        http_get: Some(HTTPGetAction {
            path: Some(path.to_string()),
            port: IntOrString::String(plan.health.port.clone()),
            ..Default::default()
        }),
        period_seconds: Some(period),
        timeout_seconds: Some(5),
        failure_threshold: Some(failures),
        ..Default::default()
    }
}

/// The model volume: the claim read-only, or the emptyDir the init container fills.
pub(crate) fn model_volume(plan: &ServePlan) -> MountedVolume {
    let (source, sub_path) = match &plan.model {
        ModelSource::Pvc { claim, path } => (
            Volume {
                name: "model".to_string(),
                persistent_volume_claim: Some(PersistentVolumeClaimVolumeSource {
                    claim_name: claim.clone(),
                    read_only: Some(true),
                }),
                ..Default::default()
            },
            path.clone(),
        ),
        ModelSource::Download(_) => (
            Volume {
                name: "model".to_string(),
                empty_dir: Some(EmptyDirVolumeSource::default()),
                ..Default::default()
            },
            None,
        ),
    };
    MountedVolume {
        volume: source,
        mount: VolumeMount {
            name: "model".to_string(),
            mount_path: MODEL_DIR.to_string(),
            read_only: Some(true),
            sub_path,
            ..Default::default()
        },
    }
}

/// The init container that downloads the model into the shared volume, with the storage
/// credentials of `--env-from-secret`.
pub(crate) fn downloader(plan: &ServePlan) -> Option<Container> {
    let ModelSource::Download(store) = plan.model else {
        return None;
    };
    let image = plan.downloader_image.clone()?;
    let uri = plan.model_uri.clone();
    let (command, env): (Vec<String>, Vec<EnvVar>) = match store {
        Store::S3 => (
            ["aws", "s3", "cp", "--recursive", "--only-show-errors"]
                .iter()
                .map(|s| s.to_string())
                .chain([uri, MODEL_DIR.to_string()])
                .collect(),
            Vec::new(),
        ),
        Store::Gcs => (
            ["gcloud", "storage", "rsync", "--recursive"]
                .iter()
                .map(|s| s.to_string())
                .chain([uri, MODEL_DIR.to_string()])
                .collect(),
            vec![plain_env("CLOUDSDK_CONFIG", "/tmp/gcloud")],
        ),
        Store::HuggingFace => (
            vec![
                "huggingface-cli".to_string(),
                "download".to_string(),
                uri.trim_start_matches("hf://").to_string(),
                "--local-dir".to_string(),
                MODEL_DIR.to_string(),
            ],
            vec![plain_env("HF_HOME", "/tmp/huggingface")],
        ),
    };
    let resources = crate::generate::pod::ContainerResources {
        cpu: "1".to_string(),
        memory: "2Gi".to_string(),
        accelerators: None,
    };
    Some(crate::generate::pod::secure_init_container(Container {
        name: "model-download".to_string(),
        image: Some(image),
        command: Some(command),
        env: (!env.is_empty()).then_some(env),
        env_from: env_from(plan),
        resources: Some(resources.requirements()),
        volume_mounts: Some(vec![
            VolumeMount {
                name: "model".to_string(),
                mount_path: MODEL_DIR.to_string(),
                ..Default::default()
            },
            VolumeMount {
                name: "tmp".to_string(),
                mount_path: "/tmp".to_string(),
                ..Default::default()
            },
        ]),
        ..Default::default()
    }))
}

/// Spread replicas over nodes and zones; `ScheduleAnyway` so that a small or single-zone
/// cluster still schedules every replica. `pod-template-hash` keeps a rollout's old and
/// new pods from being counted together.
pub(crate) fn spread(
    selector: &BTreeMap<String, String>,
    with_hash: bool,
) -> Vec<TopologySpreadConstraint> {
    ["kubernetes.io/hostname", "topology.kubernetes.io/zone"]
        .iter()
        .map(|key| TopologySpreadConstraint {
            max_skew: 1,
            topology_key: key.to_string(),
            when_unsatisfiable: "ScheduleAnyway".to_string(),
            label_selector: Some(LabelSelector {
                match_labels: Some(selector.clone()),
                match_expressions: None,
            }),
            match_label_keys: with_hash.then(|| vec!["pod-template-hash".to_string()]),
            ..Default::default()
        })
        .collect()
}
