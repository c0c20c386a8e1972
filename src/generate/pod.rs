//! The secure pod template every generator builds on. The settings applied here are exactly
//! what the pod-security rules of `mlk lint` check: Pod Security "restricted" at the newest
//! version, GPU limits equal to requests, no service-account token, a memory-backed
//! `/dev/shm`, and a read-only root filesystem with writable scratch space.
use std::collections::BTreeMap;

use k8s_openapi::api::core::v1::{
    Capabilities, Container, EmptyDirVolumeSource, EnvVar, PodSecurityContext, PodSpec,
    PodTemplateSpec, ResourceRequirements, SeccompProfile, SecurityContext, Toleration, Volume,
    VolumeMount,
};
use k8s_openapi::apimachinery::pkg::api::resource::Quantity;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;

/// User and group the pods run as: any non-zero id satisfies "restricted"; 1000 is the
/// conventional first unprivileged user of the images mlk pins.
pub const RUN_AS_ID: i64 = 1000;

/// Label keys mlk sets on everything it generates.
pub const LABEL_NAME: &str = "app.kubernetes.io/name";
pub const LABEL_INSTANCE: &str = "app.kubernetes.io/instance";
pub const LABEL_COMPONENT: &str = "app.kubernetes.io/component";
pub const LABEL_MANAGED_BY: &str = "app.kubernetes.io/managed-by";

/// The `nvidia.com/gpu` taint the GPU Operator and cloud GPU node pools put on GPU nodes.
pub const GPU_TAINT_KEY: &str = "nvidia.com/gpu";

/// Standard labels of a generated workload.
pub fn standard_labels(name: &str, component: &str) -> BTreeMap<String, String> {
    BTreeMap::from([
        (LABEL_NAME.to_string(), name.to_string()),
        (LABEL_INSTANCE.to_string(), name.to_string()),
        (LABEL_COMPONENT.to_string(), component.to_string()),
        (LABEL_MANAGED_BY.to_string(), "mlk".to_string()),
    ])
}

/// The pod-level security context of "restricted".
pub fn restricted_pod_security_context() -> PodSecurityContext {
    PodSecurityContext {
        run_as_non_root: Some(true),
        run_as_user: Some(RUN_AS_ID),
        run_as_group: Some(RUN_AS_ID),
        fs_group: Some(RUN_AS_ID),
        seccomp_profile: Some(SeccompProfile {
            type_: "RuntimeDefault".to_string(),
            localhost_profile: None,
        }),
        ..Default::default()
    }
}

/// The container-level security context of "restricted".
pub fn restricted_container_security_context(read_only_root: bool) -> SecurityContext {
    SecurityContext {
        allow_privilege_escalation: Some(false),
        capabilities: Some(Capabilities {
            drop: Some(vec!["ALL".to_string()]),
            add: None,
        }),
        privileged: Some(false),
        read_only_root_filesystem: Some(read_only_root),
        run_as_non_root: Some(true),
        ..Default::default()
    }
}

/// Extended resources (GPUs, MIG devices) of a container.
#[derive(Clone, Debug, PartialEq)]
pub struct Accelerators {
    /// Resource name (`nvidia.com/gpu`, `nvidia.com/mig-1g.10gb`, `amd.com/gpu`).
    pub resource: String,
    /// Devices per pod.
    pub count: u32,
}

/// CPU, memory and accelerators of a container; requests always equal limits, which gives
/// the pod the Guaranteed QoS class that long training runs want.
#[derive(Clone, Debug, PartialEq)]
pub struct ContainerResources {
    pub cpu: String,
    pub memory: String,
    pub accelerators: Option<Accelerators>,
}

impl ContainerResources {
    /// The Kubernetes form: limits == requests for everything.
    pub fn requirements(&self) -> ResourceRequirements {
        let mut map = BTreeMap::from([
            ("cpu".to_string(), Quantity(self.cpu.clone())),
            ("memory".to_string(), Quantity(self.memory.clone())),
        ]);
        if let Some(acc) = &self.accelerators
            && acc.count > 0
        {
            map.insert(acc.resource.clone(), Quantity(acc.count.to_string()));
        }
        ResourceRequirements {
            limits: Some(map.clone()),
            requests: Some(map),
            ..Default::default()
        }
    }
}

/// A volume and where the main container mounts it.
#[derive(Clone, Debug, PartialEq)]
pub struct MountedVolume {
    pub volume: Volume,
    pub mount: VolumeMount,
}

/// The scratch volumes that make a read-only root filesystem workable: `/tmp` (also
/// `HOME`, since the images' home directories belong to root) and a memory-backed
/// `/dev/shm` of `shm_size` for data-loader workers and NCCL.
pub fn scratch_volumes(shm_size: &str) -> Vec<MountedVolume> {
    vec![
        MountedVolume {
            volume: Volume {
                name: "tmp".to_string(),
                empty_dir: Some(EmptyDirVolumeSource::default()),
                ..Default::default()
            },
            mount: VolumeMount {
                name: "tmp".to_string(),
                mount_path: "/tmp".to_string(),
                ..Default::default()
            },
        },
        MountedVolume {
            volume: Volume {
                name: "dshm".to_string(),
                empty_dir: Some(EmptyDirVolumeSource {
                    medium: Some("Memory".to_string()),
                    size_limit: Some(Quantity(shm_size.to_string())),
                    ..Default::default()
                }),
                ..Default::default()
            },
            mount: VolumeMount {
                name: "dshm".to_string(),
                mount_path: "/dev/shm".to_string(),
                ..Default::default()
            },
        },
    ]
}

/// Environment every generated container gets so that programs write only to the
/// writable scratch space.
pub fn scratch_env() -> Vec<EnvVar> {
    vec![
        plain_env("HOME", "/tmp"),
        plain_env("XDG_CACHE_HOME", "/tmp/.cache"),
    ]
}

/// An environment variable with a literal value.
pub fn plain_env(name: &str, value: &str) -> EnvVar {
    EnvVar {
        name: name.to_string(),
        value: Some(value.to_string()),
        value_from: None,
    }
}

/// Placement of the pods.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Placement {
    pub node_selector: BTreeMap<String, String>,
    pub tolerations: Vec<Toleration>,
    pub priority_class: Option<String>,
    pub scheduler_name: Option<String>,
}

/// Everything a secure pod template needs beyond its main container.
#[derive(Clone, Debug, Default)]
pub struct PodTemplateParts {
    pub labels: BTreeMap<String, String>,
    pub annotations: BTreeMap<String, String>,
    pub container: Container,
    pub volumes: Vec<MountedVolume>,
    pub placement: Placement,
    pub restart_policy: Option<String>,
    pub subdomain: Option<String>,
}

/// Builds the pod template: the main container gets the restricted security context,
/// every volume mount, and the scratch environment; the pod gets the restricted pod
/// security context and no service-account token.
pub fn pod_template(parts: PodTemplateParts) -> PodTemplateSpec {
    let PodTemplateParts {
        labels,
        annotations,
        mut container,
        volumes,
        placement,
        restart_policy,
        subdomain,
    } = parts;
    let mut mounts = container.volume_mounts.take().unwrap_or_default();
    mounts.extend(volumes.iter().map(|v| v.mount.clone()));
    container.volume_mounts = Some(mounts);
    let mut env = scratch_env();
    env.extend(container.env.take().unwrap_or_default());
    container.env = Some(env);
    if container.security_context.is_none() {
        container.security_context = Some(restricted_container_security_context(true));
    }
    let spec = PodSpec {
        automount_service_account_token: Some(false),
        containers: vec![container],
        volumes: Some(volumes.into_iter().map(|v| v.volume).collect()),
        security_context: Some(restricted_pod_security_context()),
        node_selector: (!placement.node_selector.is_empty()).then_some(placement.node_selector),
        tolerations: (!placement.tolerations.is_empty()).then_some(placement.tolerations),
        priority_class_name: placement.priority_class,
        scheduler_name: placement.scheduler_name,
        restart_policy,
        subdomain,
        enable_service_links: Some(false),
        ..Default::default()
    };
    PodTemplateSpec {
        metadata: Some(ObjectMeta {
            labels: (!labels.is_empty()).then_some(labels),
            annotations: (!annotations.is_empty()).then_some(annotations),
            ..Default::default()
        }),
        spec: Some(spec),
    }
}

/// The toleration for the taint GPU node pools carry, named after their resource
/// (`nvidia.com/gpu` for NVIDIA GPUs and MIG devices, `amd.com/gpu`, ...).
pub fn gpu_toleration(key: &str) -> Toleration {
    Toleration {
        key: Some(key.to_string()),
        operator: Some("Exists".to_string()),
        effect: Some("NoSchedule".to_string()),
        ..Default::default()
    }
}

/// Hardens an init container the way [`pod_template`] hardens the main one: the restricted
/// security context with a read-only root filesystem, and the scratch environment first
/// (its `HOME` is the `/tmp` scratch volume, which the caller mounts). Pod Security
/// "restricted" checks init containers exactly like the others.
pub fn secure_init_container(mut container: Container) -> Container {
    let mut env = scratch_env();
    env.extend(container.env.take().unwrap_or_default());
    container.env = Some(env);
    if container.security_context.is_none() {
        container.security_context = Some(restricted_container_security_context(true));
    }
    container
}
