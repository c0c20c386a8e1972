//! The training container of each role: image, launcher, distributed environment,
//! volumes and resources. On `job`, `statefulset` and `jobset` mlk writes the rendezvous
//! itself from the pod's index (downward API plus `$(VAR)` expansion); on the Kubeflow
//! targets it sets none of the variables the operator injects.
use std::collections::BTreeMap;

use k8s_openapi::api::core::v1::{
    ConfigMap, ConfigMapVolumeSource, Container, ContainerPort, EnvFromSource, EnvVar,
    EnvVarSource, ObjectFieldSelector, PersistentVolumeClaimVolumeSource, SecretEnvSource, Volume,
    VolumeMount,
};

use super::plan::{Role, TrainPlan};
use super::{TrainTarget, config_map};
use crate::api::training::{Framework, HyperparameterMode, Strategy};
use crate::generate::pod::{
    ContainerResources, MountedVolume, Placement, PodTemplateParts, plain_env, pod_template,
    restricted_container_security_context, scratch_volumes, standard_labels,
};
use k8s_openapi::api::core::v1::PodTemplateSpec;

/// Where the smoke-test script is mounted.
const SMOKE_DIR: &str = "/opt/mlk";
const SMOKE_FILE: &str = "smoke_test.py";

/// How a pod learns its index among the workers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum RankSource {
    /// Indexed Job: the `batch.kubernetes.io/job-completion-index` annotation.
    JobCompletionIndex,
    /// StatefulSet: the `apps.kubernetes.io/pod-index` label (Kubernetes 1.28+).
    PodIndexLabel,
    /// JobSet: the `jobset.sigs.k8s.io/job-index` label (one pod per Job).
    JobSetJobIndex,
}

impl RankSource {
    fn field_path(self) -> &'static str {
        match self {
            RankSource::JobCompletionIndex => {
                "metadata.annotations['batch.kubernetes.io/job-completion-index']"
            }
            RankSource::PodIndexLabel => "metadata.labels['apps.kubernetes.io/pod-index']",
            RankSource::JobSetJobIndex => "metadata.labels['jobset.sigs.k8s.io/job-index']",
        }
    }
}

/// How pods of a target address each other; `None` on operator targets.
pub(crate) struct Topology<'a> {
    pub rank: RankSource,
    /// The DNS name of pod `index` of `role`.
    pub host: &'a dyn Fn(&str, u32) -> String,
}

/// The rendezvous port of each framework: torchrun's default 29500, TensorFlow's
/// conventional 2222, and the JAX coordinator's 1234.
pub(crate) fn port(framework: Framework) -> (&'static str, i32) {
    match framework {
        Framework::Tensorflow => ("tf-grpc", 2222),
        Framework::Jax => ("jax-coord", 1234),
        _ => ("rendezvous", 29500),
    }
}

/// The built-in smoke test of the framework, when the user gave no command.
fn smoke_script(framework: Framework) -> Option<&'static str> {
    match framework {
        Framework::Pytorch => Some(include_str!("../../../templates/smoke/pytorch.py")),
        Framework::Tensorflow => Some(include_str!("../../../templates/smoke/tensorflow.py")),
        Framework::Jax => Some(include_str!("../../../templates/smoke/jax.py")),
        Framework::Xgboost => Some(include_str!("../../../templates/smoke/xgboost.py")),
        Framework::Custom => None,
    }
}

fn smoke_config_map_name(plan: &TrainPlan) -> String {
    format!("{}-smoke-test", plan.name)
}

/// The ConfigMap with the smoke-test script, when the plan runs it.
pub(crate) fn smoke_test_config_map(plan: &TrainPlan) -> Option<ConfigMap> {
    if plan.command.is_some() {
        return None;
    }
    let script = smoke_script(plan.framework)?;
    Some(config_map(
        plan,
        &smoke_config_map_name(plan),
        BTreeMap::from([(SMOKE_FILE.to_string(), script.to_string())]),
    ))
}

/// The labels every pod of the plan carries; services select on them.
pub(crate) fn pod_labels(plan: &TrainPlan, role: &Role) -> BTreeMap<String, String> {
    let mut labels = standard_labels(&plan.name, super::COMPONENT);
    labels.insert("mlk.dev/role".to_string(), role.name.to_string());
    if let Some(q) = &plan.queue {
        labels.insert("kueue.x-k8s.io/queue-name".to_string(), q.clone());
    }
    labels
}

/// The selector of the plan's headless service: every pod of the workload.
pub(crate) fn service_selector(plan: &TrainPlan) -> BTreeMap<String, String> {
    BTreeMap::from([
        (
            crate::generate::pod::LABEL_INSTANCE.to_string(),
            plan.name.clone(),
        ),
        (
            crate::generate::pod::LABEL_COMPONENT.to_string(),
            super::COMPONENT.to_string(),
        ),
    ])
}

/// The pod template of one role.
pub(crate) fn role_template(
    plan: &TrainPlan,
    role: &Role,
    topology: Option<&Topology>,
    restart_policy: &str,
    subdomain: Option<String>,
    container_name: &str,
) -> PodTemplateSpec {
    let mut annotations = BTreeMap::new();
    if plan.volcano && !plan.target.operator_wired() {
        annotations.insert(
            "scheduling.k8s.io/group-name".to_string(),
            plan.name.clone(),
        );
    }
    pod_template(PodTemplateParts {
        labels: pod_labels(plan, role),
        annotations,
        container: container(plan, role, topology, container_name),
        volumes: volumes(plan),
        placement: placement(plan, role),
        restart_policy: Some(restart_policy.to_string()),
        subdomain,
    })
}

fn placement(plan: &TrainPlan, role: &Role) -> Placement {
    let mut node_selector = plan.node_selector.clone();
    let mut tolerations = plan.tolerations.clone();
    if !role.accelerated {
        node_selector.remove("nvidia.com/gpu.product");
        let gpu_key = plan.resources.accelerators.as_ref().map(|a| {
            if a.resource.starts_with("nvidia.com/") {
                crate::generate::pod::GPU_TAINT_KEY
            } else {
                a.resource.as_str()
            }
        });
        tolerations.retain(|t| t.key.as_deref() != gpu_key);
    }
    Placement {
        node_selector,
        tolerations,
        priority_class: plan.priority_class.clone(),
        scheduler_name: plan.volcano.then(|| "volcano".to_string()),
    }
}

fn volumes(plan: &TrainPlan) -> Vec<MountedVolume> {
    let mut vols = scratch_volumes(&plan.shm_size);
    if plan.command.is_none() && smoke_script(plan.framework).is_some() {
        vols.push(MountedVolume {
            volume: Volume {
                name: "mlk-smoke-test".to_string(),
                config_map: Some(ConfigMapVolumeSource {
                    name: smoke_config_map_name(plan),
                    ..Default::default()
                }),
                ..Default::default()
            },
            mount: VolumeMount {
                name: "mlk-smoke-test".to_string(),
                mount_path: SMOKE_DIR.to_string(),
                read_only: Some(true),
                ..Default::default()
            },
        });
    }
    for (i, d) in plan.data.iter().enumerate() {
        let name = format!("data-{i}");
        vols.push(MountedVolume {
            volume: Volume {
                name: name.clone(),
                persistent_volume_claim: Some(PersistentVolumeClaimVolumeSource {
                    claim_name: d.claim.clone(),
                    read_only: Some(true),
                }),
                ..Default::default()
            },
            mount: VolumeMount {
                name,
                mount_path: d.path.clone(),
                read_only: Some(true),
                ..Default::default()
            },
        });
    }
    if let Some(ck) = &plan.checkpoint
        && plan.target != TrainTarget::StatefulSet
    {
        vols.push(MountedVolume {
            volume: Volume {
                name: "checkpoints".to_string(),
                persistent_volume_claim: Some(PersistentVolumeClaimVolumeSource {
                    claim_name: ck.claim_name.clone(),
                    read_only: None,
                }),
                ..Default::default()
            },
            mount: checkpoint_mount(plan).unwrap_or_default(),
        });
    }
    vols
}

/// The checkpoint mount (StatefulSets mount their volumeClaimTemplate the same way).
pub(crate) fn checkpoint_mount(plan: &TrainPlan) -> Option<VolumeMount> {
    plan.checkpoint.as_ref().map(|ck| VolumeMount {
        name: "checkpoints".to_string(),
        mount_path: ck.dir.clone(),
        ..Default::default()
    })
}

fn field_env(name: &str, path: &str) -> EnvVar {
    EnvVar {
        name: name.to_string(),
        value: None,
        value_from: Some(EnvVarSource {
            field_ref: Some(ObjectFieldSelector {
                field_path: path.to_string(),
                api_version: None,
            }),
            ..Default::default()
        }),
    }
}

/// The container of one role.
fn container(plan: &TrainPlan, role: &Role, topology: Option<&Topology>, name: &str) -> Container {
    let mut env = vec![
        plain_env("PYTHONUNBUFFERED", "1"),
        plain_env("PYTHONDONTWRITEBYTECODE", "1"),
    ];
    let user_command = plan
        .command
        .clone()
        .unwrap_or_else(|| vec!["python".to_string(), format!("{SMOKE_DIR}/{SMOKE_FILE}")]);
    let gpus = if role.accelerated {
        plan.gpus_per_worker()
    } else {
        0
    };
    let nproc = gpus.max(1);
    let distributed = plan.distributed();
    let (port_name, port_number) = port(plan.framework);

    if let (Some(topo), true) = (topology, distributed) {
        let leader_role = plan.roles().first().map(|r| r.name).unwrap_or("worker");
        env.push(plain_env("MLK_NUM_NODES", &plan.total_pods().to_string()));
        env.push(field_env("MLK_NODE_RANK", topo.rank.field_path()));
        env.push(plain_env("MLK_MASTER_ADDR", &(topo.host)(leader_role, 0)));
        env.push(plain_env("MLK_MASTER_PORT", &port_number.to_string()));
        env.push(plain_env("MLK_NPROC_PER_NODE", &nproc.to_string()));
        if plan.framework == Framework::Tensorflow {
            env.push(plain_env(
                "TF_CONFIG",
                &tf_config(plan, role, topo, port_number),
            ));
        }
    }

    let command = match (plan.framework, plan.strategy) {
        (Framework::Pytorch, Strategy::Ddp | Strategy::Fsdp) => {
            let flags: Vec<String> = if plan.target.operator_wired() {
                Vec::new()
            } else if distributed {
                [
                    "--nnodes=$(MLK_NUM_NODES)",
                    "--nproc-per-node=$(MLK_NPROC_PER_NODE)",
                    "--node-rank=$(MLK_NODE_RANK)",
                    "--master-addr=$(MLK_MASTER_ADDR)",
                    "--master-port=$(MLK_MASTER_PORT)",
                ]
                .iter()
                .map(|s| s.to_string())
                .collect()
            } else {
                vec![
                    "--standalone".to_string(),
                    format!("--nproc-per-node={nproc}"),
                ]
            };
            torchrun(&user_command, &flags)
        }
        _ => user_command,
    };

    for (k, v) in &plan.env {
        env.push(plain_env(k, v));
    }
    let mut args = plan.args.clone();
    for (k, v) in &plan.hyperparameters {
        match plan.hyperparameter_mode {
            HyperparameterMode::Env => {
                env.push(plain_env(&super::plan::hyperparameter_env_name(k), v))
            }
            HyperparameterMode::Args => args.push(format!("--{k}={v}")),
        }
    }
    let env_from: Vec<EnvFromSource> = plan
        .env_from_secrets
        .iter()
        .map(|s| EnvFromSource {
            secret_ref: Some(SecretEnvSource {
                name: s.clone(),
                optional: Some(false),
            }),
            ..Default::default()
        })
        .collect();

    let resources = if role.accelerated {
        plan.resources.clone()
    } else {
        ContainerResources {
            cpu: plan.resources.cpu.clone(),
            memory: plan.resources.memory.clone(),
            accelerators: None,
        }
    };
    let ports = if distributed || plan.target.operator_wired() {
        Some(vec![ContainerPort {
            name: Some(kubeflow_port_name(plan).unwrap_or(port_name).to_string()),
            container_port: kubeflow_port(plan).unwrap_or(port_number),
            protocol: Some("TCP".to_string()),
            ..Default::default()
        }])
    } else {
        None
    };
    Container {
        name: name.to_string(),
        image: Some(plan.image.clone()),
        image_pull_policy: Some("IfNotPresent".to_string()),
        command: Some(command),
        args: (!args.is_empty()).then_some(args),
        env: Some(env),
        env_from: (!env_from.is_empty()).then_some(env_from),
        ports,
        resources: Some(resources.requirements()),
        security_context: Some(restricted_container_security_context(true)),
        volume_mounts: None,
        termination_message_policy: Some("FallbackToLogsOnError".to_string()),
        ..Default::default()
    }
}

/// The operators look their rendezvous port up by name (reference 1.3, 1.4).
fn kubeflow_port_name(plan: &TrainPlan) -> Option<&'static str> {
    match plan.target {
        TrainTarget::PyTorchJob => Some("pytorchjob-port"),
        TrainTarget::TfJob => Some("tfjob-port"),
        _ => None,
    }
}

fn kubeflow_port(plan: &TrainPlan) -> Option<i32> {
    match plan.target {
        TrainTarget::PyTorchJob => Some(23456),
        TrainTarget::TfJob => Some(2222),
        _ => None,
    }
}

/// Launches `command` under torchrun with `flags`: a `torchrun` command gets the flags
/// inserted, a `python` command is replaced by torchrun (which starts Python itself), and
/// any other program runs with `--no-python`.
pub(crate) fn torchrun(command: &[String], flags: &[String]) -> Vec<String> {
    let mut out = vec!["torchrun".to_string()];
    out.extend(flags.iter().cloned());
    match command.first().map(String::as_str) {
        Some("torchrun") | Some("python") | Some("python3") => {
            out.extend(command[1..].iter().cloned())
        }
        _ => {
            out.push("--no-python".to_string());
            out.extend(command.iter().cloned());
        }
    }
    out
}

/// TF_CONFIG of a role: the cluster is built as JSON data; only the task index is left as
/// a `$(MLK_NODE_RANK)` reference, which the kubelet expands per pod.
fn tf_config(plan: &TrainPlan, role: &Role, topo: &Topology, port: i32) -> String {
    let mut cluster = serde_json::Map::new();
    for r in plan.roles() {
        let hosts: Vec<serde_json::Value> = (0..r.replicas)
            .map(|i| serde_json::Value::String(format!("{}:{port}", (topo.host)(r.name, i))))
            .collect();
        cluster.insert(r.name.to_string(), serde_json::Value::Array(hosts));
    }
    let cluster = serde_json::Value::Object(cluster).to_string();
    let task_type = serde_json::Value::String(role.name.to_string()).to_string();
    format!(r#"{{"cluster":{cluster},"task":{{"type":{task_type},"index":$(MLK_NODE_RANK)}}}}"#)
}
