//! Rules of the `pod-security` category: every control of the Pod Security Standards,
//! evaluated as upstream Pod Security Admission evaluates it, per version. Each rule
//! reports violations with their [`PsaScope`](crate::lint::PsaScope); the engine keeps those
//! that apply to the policy of the object's namespace.
//!
//! Messages mirror upstream's `ForbiddenReason: ForbiddenDetail` for one offender: upstream
//! joins every offending container of a pod into one result, mlk reports each where it is.
mod apparmor_profile;
mod capabilities_not_dropped;
mod disallowed_capabilities;
mod host_namespaces;
mod host_path_volume;
mod host_port;
mod host_probe;
mod host_process;
mod privilege_escalation_allowed;
mod privileged_container;
mod proc_mount;
mod restricted_volume_type;
mod run_as_root;
mod run_as_user_zero;
mod seccomp_profile_missing;
mod seccomp_profile_unconfined;
mod selinux_options;
mod unsafe_sysctl;

use crate::lint::{PodCx, PsaLevel, PsaScope, Rule, Version};
use crate::manifest::{Node, Path};

pub use apparmor_profile::AppArmorProfile;
pub use capabilities_not_dropped::CapabilitiesNotDropped;
pub use disallowed_capabilities::DisallowedCapabilities;
pub use host_namespaces::HostNamespaces;
pub use host_path_volume::HostPathVolume;
pub use host_port::HostPort;
pub use host_probe::HostProbe;
pub use host_process::HostProcess;
pub use privilege_escalation_allowed::PrivilegeEscalationAllowed;
pub use privileged_container::PrivilegedContainer;
pub use proc_mount::ProcMount;
pub use restricted_volume_type::RestrictedVolumeType;
pub use run_as_root::RunAsRoot;
pub use run_as_user_zero::RunAsUserZero;
pub use seccomp_profile_missing::SeccompProfileMissing;
pub use seccomp_profile_unconfined::SeccompProfileUnconfined;
pub use selinux_options::SelinuxOptions;
pub use unsafe_sysctl::UnsafeSysctl;

/// The rules of this category.
pub fn rules() -> Vec<&'static dyn Rule> {
    vec![
        &PrivilegedContainer,
        &HostNamespaces,
        &HostPathVolume,
        &HostPort,
        &HostProbe,
        &HostProcess,
        &DisallowedCapabilities,
        &CapabilitiesNotDropped,
        &AppArmorProfile,
        &SelinuxOptions,
        &ProcMount,
        &SeccompProfileUnconfined,
        &SeccompProfileMissing,
        &UnsafeSysctl,
        &RestrictedVolumeType,
        &PrivilegeEscalationAllowed,
        &RunAsRoot,
        &RunAsUserZero,
    ]
}

/// The value at `key`, unless it is missing or `null` (Go decodes both to nil).
fn present<'a>(node: Option<&'a Node>, key: &str) -> Option<&'a Node> {
    node?.get(key).filter(|n| !n.is_null())
}

/// `"a", "b"`, as upstream's `joinQuote`.
fn join_quote<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    items
        .into_iter()
        .map(|s| format!("\"{s}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

fn pluralize(singular: &'static str, plural: &'static str, count: usize) -> &'static str {
    if count == 1 { singular } else { plural }
}

/// `spec.os.name: windows`: from v1.25 the privilege escalation, seccomp and capabilities
/// checks of restricted skip such pods (API validation forbids those fields on them).
fn is_windows(cx: &PodCx<'_>) -> bool {
    present(Some(cx.spec()), "os")
        .and_then(|os| os.get("name"))
        .and_then(Node::as_str)
        == Some("windows")
}

/// `spec.hostUsers: false`, upstream's `relaxPolicyForUserNamespacePod`.
fn in_user_namespace(cx: &PodCx<'_>) -> bool {
    cx.spec().get("hostUsers").and_then(Node::as_bool) == Some(false)
}

/// The scope of a restricted check from `since` that exempts Windows pods from v1.25.
fn restricted_unless_windows(cx: &PodCx<'_>, since: Version) -> PsaScope {
    let scope = PsaScope::new(PsaLevel::Restricted, since);
    if is_windows(cx) {
        scope.until(Version::v1(25))
    } else {
        scope
    }
}

/// The path of the pod template's metadata, next to its spec.
fn metadata_path(cx: &PodCx<'_>) -> Path {
    let mut path = cx.base.clone();
    path.0.pop();
    path.key("metadata")
}

/// The pod's annotations with string values, in source order, with their paths.
fn annotations<'a>(cx: &PodCx<'a>) -> Vec<(&'a str, &'a str, Path)> {
    let Some(map) = cx
        .pod
        .metadata
        .and_then(|m| m.get("annotations"))
        .and_then(Node::as_map)
    else {
        return Vec::new();
    };
    let base = metadata_path(cx).key("annotations");
    map.iter()
        .filter_map(|(k, v)| {
            let key = k.as_str()?;
            Some((key, v.as_str()?, base.key(key)))
        })
        .collect()
}
