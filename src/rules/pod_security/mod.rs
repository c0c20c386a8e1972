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

/// The map at `key`; anything else there fails decoding before admission, so it counts as
/// unset.
fn present_map<'a>(node: Option<&'a Node>, key: &str) -> Option<&'a Node> {
    node?.get(key).filter(|n| n.as_map().is_some())
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
    cx.field("os")
        .and_then(|os| os.get("name"))
        .and_then(Node::as_str)
        == Some("windows")
}

/// `spec.hostUsers: false`, upstream's `relaxPolicyForUserNamespacePod`.
fn in_user_namespace(cx: &PodCx<'_>) -> bool {
    cx.field("hostUsers").and_then(Node::as_bool) == Some(false)
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

/// The pod's annotations with string values, in source order, each with where it is (see
/// [`annotation_path`]). An Argo workflow's `podMetadata` annotations come after the
/// template's, which override them.
fn annotations<'a>(cx: &PodCx<'a>) -> Vec<(&'a str, &'a str, bool)> {
    let mut out: Vec<(&str, &str, bool)> = Vec::new();
    for (metadata, outer) in cx.pod.metadata_maps() {
        for (k, v) in metadata
            .get("annotations")
            .and_then(Node::as_map)
            .unwrap_or_default()
        {
            if let (Some(k), Some(v)) = (k.as_str(), v.as_str())
                && !(outer && out.iter().any(|(seen, _, _)| *seen == k))
            {
                out.push((k, v, outer));
            }
        }
    }
    out
}

/// The path of the annotation `key` of the pod's metadata (`outer`: of an Argo
/// workflow's `podMetadata`).
fn annotation_path(cx: &PodCx<'_>, key: &str, outer: bool) -> Path {
    cx.object
        .path
        .join(&cx.pod.metadata_path(outer))
        .key("annotations")
        .key(key)
}

#[cfg(test)]
mod tests {
    //! The whole category against upstream's registry: fixture pods under every level and
    //! at each version where a check changes, compared by the upstream check IDs they
    //! violate.
    use std::collections::BTreeSet;

    use super::*;
    use crate::lint::testing::check;
    use crate::lint::{Finding, PsaPolicy, Settings, lint_texts};

    /// The upstream check a finding stands for under `policy`.
    fn check_id(f: &Finding, policy: PsaPolicy) -> &'static str {
        let restricted = policy.level == PsaLevel::Restricted;
        match f.rule {
            "privileged-container" => "privileged",
            "host-namespaces" => "hostNamespaces",
            "host-path-volume" => "hostPathVolumes",
            "host-port" => "hostPorts",
            "host-probe" => "hostProbesAndHostLifecycle",
            "host-process" => "windowsHostProcess",
            "disallowed-capabilities" if f.message.starts_with("non-default") => {
                "capabilities_baseline"
            }
            "disallowed-capabilities" | "capabilities-not-dropped" => "capabilities_restricted",
            "apparmor-profile" => "appArmorProfile",
            "selinux-options" => "seLinuxOptions",
            "proc-mount" if restricted && policy.version >= Version::v1(35) => {
                "procMount_restricted"
            }
            "proc-mount" => "procMount",
            "seccomp-profile-unconfined" if restricted && policy.version >= Version::v1(19) => {
                "seccompProfile_restricted"
            }
            "seccomp-profile-unconfined" => "seccompProfile_baseline",
            "seccomp-profile-missing" => "seccompProfile_restricted",
            "unsafe-sysctl" => "sysctls",
            "restricted-volume-type" => "restrictedVolumes",
            "privilege-escalation-allowed" => "allowPrivilegeEscalation",
            "run-as-root" => "runAsNonRoot",
            "run-as-user-zero" => "runAsUser",
            other => panic!("unknown rule {other}"),
        }
    }

    fn violated(yaml: &str, policy: PsaPolicy) -> BTreeSet<&'static str> {
        let settings = Settings {
            policy,
            ..Settings::default()
        };
        let report = lint_texts(&[("fixture.yaml", yaml)], &settings, &rules());
        report
            .findings
            .iter()
            .map(|f| {
                assert_eq!(f.category, crate::lint::Category::PodSecurity, "{f:?}");
                check_id(f, policy)
            })
            .collect()
    }

    macro_rules! fixture {
        ($name:literal) => {
            (
                $name,
                include_str!(concat!(
                    "../../../tests/fixtures/pod-security/",
                    $name,
                    ".yaml"
                )),
            )
        };
    }

    const B: PsaLevel = PsaLevel::Baseline;
    const R: PsaLevel = PsaLevel::Restricted;
    const APE: &str = "allowPrivilegeEscalation";
    const CAP_B: &str = "capabilities_baseline";
    const CAP_R: &str = "capabilities_restricted";
    const SEC_B: &str = "seccompProfile_baseline";
    const SEC_R: &str = "seccompProfile_restricted";

    type Row = (PsaLevel, u32, &'static [&'static str]);

    /// What upstream's registry rejects, per fixture, level and version.
    #[allow(clippy::type_complexity)]
    fn table() -> Vec<((&'static str, &'static str), Vec<Row>)> {
        vec![
            (
                fixture!("compliant"),
                vec![(B, 0, &[]), (B, 37, &[]), (R, 0, &[]), (R, 37, &[])],
            ),
            (
                fixture!("privileged"),
                vec![
                    (B, 0, &["privileged"]),
                    (B, 37, &["privileged"]),
                    (R, 7, &["privileged"]),
                    (R, 8, &["privileged", APE]),
                    (R, 37, &["privileged", APE]),
                ],
            ),
            (
                fixture!("host-namespaces"),
                vec![(B, 0, &["hostNamespaces"]), (R, 37, &["hostNamespaces"])],
            ),
            (
                fixture!("host-path-volume"),
                vec![
                    (B, 0, &["hostPathVolumes"]),
                    (B, 37, &["hostPathVolumes"]),
                    (R, 0, &["restrictedVolumes"]),
                    (R, 37, &["restrictedVolumes"]),
                ],
            ),
            (
                fixture!("nfs-volume"),
                vec![
                    (B, 37, &[]),
                    (R, 0, &["restrictedVolumes"]),
                    (R, 37, &["restrictedVolumes"]),
                ],
            ),
            (
                fixture!("allowed-volumes"),
                vec![(B, 37, &[]), (R, 0, &[]), (R, 37, &[])],
            ),
            (
                fixture!("host-port"),
                vec![(B, 0, &["hostPorts"]), (R, 37, &["hostPorts"])],
            ),
            (fixture!("host-port-zero"), vec![(B, 0, &[]), (R, 37, &[])]),
            (
                fixture!("host-network-ports"),
                vec![
                    (B, 0, &["hostNamespaces", "hostPorts"]),
                    (R, 37, &["hostNamespaces", "hostPorts"]),
                ],
            ),
            (
                fixture!("host-probe"),
                vec![
                    (B, 33, &[]),
                    (B, 34, &["hostProbesAndHostLifecycle"]),
                    (R, 33, &[]),
                    (R, 34, &["hostProbesAndHostLifecycle"]),
                    (R, 37, &["hostProbesAndHostLifecycle"]),
                ],
            ),
            (
                fixture!("host-process"),
                vec![
                    (B, 0, &["windowsHostProcess"]),
                    (R, 37, &["windowsHostProcess"]),
                ],
            ),
            (
                fixture!("capabilities-sys-admin"),
                vec![
                    (B, 0, &[CAP_B]),
                    (B, 37, &[CAP_B]),
                    (R, 21, &[CAP_B]),
                    (R, 22, &[CAP_R]),
                    (R, 37, &[CAP_R]),
                ],
            ),
            (
                fixture!("capabilities-chown"),
                vec![(B, 37, &[]), (R, 21, &[]), (R, 22, &[CAP_R])],
            ),
            (
                fixture!("capabilities-net-bind-service"),
                vec![(B, 37, &[]), (R, 21, &[]), (R, 37, &[])],
            ),
            (
                fixture!("capabilities-not-dropped"),
                vec![(B, 37, &[]), (R, 21, &[]), (R, 22, &[CAP_R])],
            ),
            (
                fixture!("windows-unset"),
                vec![
                    (B, 37, &[]),
                    (R, 7, &[]),
                    (R, 8, &[APE]),
                    (R, 18, &[APE]),
                    (R, 19, &[APE, SEC_R]),
                    (R, 22, &[APE, SEC_R, CAP_R]),
                    (R, 24, &[APE, SEC_R, CAP_R]),
                    (R, 25, &[]),
                    (R, 37, &[]),
                ],
            ),
            (
                fixture!("windows-sys-admin"),
                vec![
                    (B, 37, &[CAP_B]),
                    (R, 21, &[CAP_B]),
                    (R, 22, &[CAP_R]),
                    (R, 24, &[CAP_R]),
                    (R, 25, &[]),
                ],
            ),
            (
                fixture!("apparmor-field"),
                vec![(B, 0, &["appArmorProfile"]), (R, 37, &["appArmorProfile"])],
            ),
            (
                fixture!("apparmor-annotation"),
                vec![(B, 0, &["appArmorProfile"]), (R, 37, &["appArmorProfile"])],
            ),
            (
                fixture!("apparmor-allowed"),
                vec![(B, 0, &[]), (R, 37, &[])],
            ),
            (
                fixture!("selinux-spc"),
                vec![
                    (B, 0, &["seLinuxOptions"]),
                    (B, 37, &["seLinuxOptions"]),
                    (R, 37, &["seLinuxOptions"]),
                ],
            ),
            (
                fixture!("selinux-container-engine"),
                vec![
                    (B, 30, &["seLinuxOptions"]),
                    (B, 31, &[]),
                    (R, 30, &["seLinuxOptions"]),
                    (R, 31, &[]),
                ],
            ),
            (
                fixture!("proc-mount"),
                vec![
                    (B, 0, &["procMount"]),
                    (B, 37, &["procMount"]),
                    (R, 34, &["procMount"]),
                    (R, 35, &["procMount_restricted"]),
                ],
            ),
            (
                fixture!("proc-mount-user-namespace"),
                vec![
                    (B, 34, &["procMount"]),
                    (B, 35, &[]),
                    (R, 34, &["procMount"]),
                    (R, 35, &["procMount_restricted"]),
                    (R, 37, &["procMount_restricted"]),
                ],
            ),
            (
                fixture!("seccomp-unconfined"),
                vec![
                    (B, 18, &[]),
                    (B, 19, &[SEC_B]),
                    (B, 37, &[SEC_B]),
                    (R, 18, &[]),
                    (R, 19, &[SEC_R]),
                    (R, 37, &[SEC_R]),
                ],
            ),
            (
                fixture!("seccomp-annotation"),
                vec![
                    (B, 0, &[SEC_B]),
                    (B, 18, &[SEC_B]),
                    (B, 19, &[]),
                    (R, 18, &[SEC_B]),
                    (R, 19, &[]),
                ],
            ),
            (
                fixture!("seccomp-missing"),
                vec![(B, 37, &[]), (R, 18, &[]), (R, 19, &[SEC_R])],
            ),
            (
                fixture!("seccomp-containers-only"),
                vec![(R, 19, &[]), (R, 37, &[])],
            ),
            (
                fixture!("privilege-escalation-unset"),
                vec![(B, 37, &[]), (R, 7, &[]), (R, 8, &[APE])],
            ),
            (
                fixture!("run-as-non-root-unset"),
                vec![
                    (B, 37, &[]),
                    (R, 0, &["runAsNonRoot"]),
                    (R, 37, &["runAsNonRoot"]),
                ],
            ),
            (
                fixture!("run-as-non-root-false"),
                vec![
                    (B, 37, &[]),
                    (R, 0, &["runAsNonRoot"]),
                    (R, 37, &["runAsNonRoot"]),
                ],
            ),
            (
                fixture!("run-as-user-zero"),
                vec![(B, 37, &[]), (R, 22, &[]), (R, 23, &["runAsUser"])],
            ),
            (
                fixture!("user-namespace-root"),
                vec![
                    (B, 37, &[]),
                    (R, 0, &["runAsNonRoot"]),
                    (R, 22, &["runAsNonRoot"]),
                    (R, 23, &["runAsNonRoot", "runAsUser"]),
                    (R, 34, &["runAsNonRoot", "runAsUser"]),
                    (R, 35, &[]),
                    (R, 37, &[]),
                ],
            ),
            (
                fixture!("sysctl-unsafe"),
                vec![
                    (B, 0, &["sysctls"]),
                    (B, 37, &["sysctls"]),
                    (R, 37, &["sysctls"]),
                ],
            ),
            (
                fixture!("sysctl-v1.27"),
                vec![
                    (B, 26, &["sysctls"]),
                    (B, 27, &[]),
                    (R, 26, &["sysctls"]),
                    (R, 27, &[]),
                ],
            ),
            (
                fixture!("sysctl-v1.29"),
                vec![(B, 28, &["sysctls"]), (B, 29, &[])],
            ),
            (
                fixture!("sysctl-v1.32"),
                vec![(B, 31, &["sysctls"]), (B, 32, &[])],
            ),
            (
                fixture!("sysctl-v1.37"),
                vec![
                    (B, 36, &["sysctls"]),
                    (B, 37, &[]),
                    (R, 36, &["sysctls"]),
                    (R, 37, &[]),
                ],
            ),
            (fixture!("sysctl-safe"), vec![(B, 0, &[]), (R, 37, &[])]),
        ]
    }

    #[test]
    fn violated_checks_match_upstream_per_level_and_version() {
        let mut failures = Vec::new();
        for ((name, yaml), rows) in table() {
            let privileged = [0, 37].map(|v| (PsaLevel::Privileged, v, &[] as &[&str]));
            for (level, version, expected) in rows.into_iter().chain(privileged) {
                let policy = PsaPolicy {
                    level,
                    version: Version::v1(version),
                };
                let got = violated(yaml, policy);
                let expected: BTreeSet<&str> = expected.iter().copied().collect();
                if got != expected {
                    failures.push(format!(
                        "{name} at {policy}: expected {expected:?}, got {got:?}"
                    ));
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    /// Upstream's own fixtures, `tests/data/psa-upstream/<level>/v1.N/<pass|fail>/*.yaml`
    /// (see the README there): each pod must be allowed, or rejected, by the Pod Security
    /// policy of its directory, as `TestFixtures` in pod-security-admission demands, but for
    /// the fixtures and commits that `EXCLUDED.tsv` lists with a reason.
    #[test]
    fn upstream_fixtures_pass_and_fail_at_their_level_and_version() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/psa-upstream");
        let table = |name: &str| -> Vec<(String, String)> {
            std::fs::read_to_string(root.join(name))
                .unwrap()
                .lines()
                .map(|l| {
                    let (key, value) = l.split_once('\t').unwrap();
                    (key.to_string(), value.to_string())
                })
                .collect()
        };
        let commits: std::collections::HashMap<String, String> =
            table("SOURCES.tsv").into_iter().collect();
        let excluded = table("EXCLUDED.tsv");
        let mut used = BTreeSet::new();
        let (mut checked, mut skipped) = (0, 0);
        let mut failures = Vec::new();
        for level_dir in sorted_dirs(&root) {
            let level: PsaLevel = match level_dir.file_name().and_then(|n| n.to_str()) {
                Some("baseline") => PsaLevel::Baseline,
                Some("restricted") => PsaLevel::Restricted,
                other => panic!("unexpected level directory {other:?}"),
            };
            for version_dir in sorted_dirs(&level_dir) {
                let name = version_dir.file_name().and_then(|n| n.to_str()).unwrap();
                let version: Version = name.parse().unwrap();
                let policy = PsaPolicy { level, version };
                for outcome_dir in sorted_dirs(&version_dir) {
                    let rejected = match outcome_dir.file_name().and_then(|n| n.to_str()) {
                        Some("fail") => true,
                        Some("pass") => false,
                        other => panic!("unexpected outcome directory {other:?}"),
                    };
                    for file in sorted_entries(&outcome_dir, |p| p.is_file()) {
                        let relative = file.strip_prefix(&root).unwrap().display().to_string();
                        let commit = commits
                            .get(&relative)
                            .unwrap_or_else(|| panic!("{relative} is not in SOURCES.tsv"));
                        if let Some((key, _)) =
                            excluded.iter().find(|(k, _)| *k == relative || k == commit)
                        {
                            used.insert(key.clone());
                            skipped += 1;
                            continue;
                        }
                        let yaml = std::fs::read_to_string(&file).unwrap();
                        let got = violated(&yaml, policy);
                        checked += 1;
                        if got.is_empty() == rejected {
                            failures.push(format!(
                                "{relative} at {policy}: upstream {}, mlk found {got:?}",
                                if rejected { "rejects" } else { "allows" },
                            ));
                        } else if rejected {
                            // A failing fixture is named after the check that rejects it.
                            let named = control(file.file_stem().and_then(|s| s.to_str()).unwrap());
                            if !got.iter().any(|id| control(id) == named) {
                                failures.push(format!(
                                    "{relative} at {policy}: upstream rejects it for `{named}`, mlk for {got:?}"
                                ));
                            }
                        }
                    }
                }
            }
        }
        assert!(
            failures.is_empty(),
            "{} of {checked} upstream fixtures disagree:\n{}",
            failures.len(),
            failures.join("\n")
        );
        let stale: Vec<_> = excluded.iter().filter(|(k, _)| !used.contains(k)).collect();
        assert!(
            stale.is_empty(),
            "EXCLUDED.tsv entries match no fixture: {stale:?}"
        );
        assert_eq!(
            checked + skipped,
            commits.len(),
            "fixtures on disk and in SOURCES.tsv"
        );
        assert!(checked >= 669, "only {checked} upstream fixtures checked");
    }

    /// The control a check ID or a fixture's file name stands for: lowercase, without its
    /// number and its `_baseline`/`_restricted` variant (restricted's `restrictedVolumes`
    /// replaces baseline's `hostPathVolumes`), with the older fixture names mapped to the
    /// current ones.
    fn control(name: &str) -> String {
        let name = name
            .trim_end_matches(|c: char| c.is_ascii_digit())
            .to_ascii_lowercase();
        let name = name
            .trim_end_matches("_baseline")
            .trim_end_matches("_restricted");
        match name {
            "addcapabilities" => "capabilities",
            "seccomp" => "seccompprofile",
            "selinux" => "selinuxoptions",
            "hostprocess" => "windowshostprocess",
            "hostpath" | "hostpathvolumes" | "restrictedvolumes" => "volumes",
            other => other,
        }
        .to_string()
    }

    fn sorted_dirs(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
        sorted_entries(dir, |p| p.is_dir())
    }

    /// The entries of a test data directory that `keep` accepts, sorted.
    fn sorted_entries(
        dir: &std::path::Path,
        keep: fn(&std::path::Path) -> bool,
    ) -> Vec<std::path::PathBuf> {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|e| {
                e.unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
                    .path()
            })
            .filter(|p| keep(p))
            .collect();
        entries.sort();
        entries
    }

    #[test]
    fn namespace_labels_pick_the_policy_of_their_objects() {
        let namespace = "\
apiVersion: v1
kind: Namespace
metadata:
  name: research
  labels:
    pod-security.kubernetes.io/enforce: baseline
    pod-security.kubernetes.io/enforce-version: v1.24
---
apiVersion: v1
kind: Namespace
metadata:
  name: ops
  labels:
    pod-security.kubernetes.io/enforce: privileged
";
        let pod = |namespace: &str| {
            format!(
                "apiVersion: v1
kind: Pod
metadata:
  name: trainer
  namespace: {namespace}
spec:
  securityContext:
    sysctls:
    - {{name: net.ipv4.tcp_keepalive_time, value: '600'}}
  containers:
  - name: trainer
    image: registry.example.com/train:1.4.2
    readinessProbe:
      httpGet: {{host: 10.0.0.1, port: 8080}}
    securityContext:
      seLinuxOptions: {{type: container_engine_t}}
"
            )
        };
        let (research, serving, ops) = (pod("research"), pod("serving"), pod("ops"));
        let report = lint_texts(
            &[
                ("namespaces.yaml", namespace),
                ("research.yaml", &research),
                ("serving.yaml", &serving),
                ("ops.yaml", &ops),
            ],
            &Settings::default(),
            &rules(),
        );
        let rules_in = |file: &str| {
            report
                .findings
                .iter()
                .filter(|f| &*f.file == file)
                .map(|f| f.rule)
                .collect::<Vec<_>>()
        };
        // baseline:v1.24 knows neither the probe host check (v1.34) nor the newer safe
        // sysctls (v1.29) and SELinux type (v1.31), and none of restricted
        assert_eq!(
            rules_in("research.yaml"),
            ["unsafe-sysctl", "selinux-options"]
        );
        // no Namespace object: the default policy, restricted:latest
        assert_eq!(
            rules_in("serving.yaml"),
            [
                "host-probe",
                "capabilities-not-dropped",
                "privilege-escalation-allowed",
                "run-as-root",
                "seccomp-profile-missing",
            ]
        );
        assert!(rules_in("ops.yaml").is_empty());
        assert!(rules_in("namespaces.yaml").is_empty());
    }

    /// The yaml block that follows `marker` in a rule's docs, without the space each doc
    /// comment line starts with (a `---` separator must start its line).
    fn block_after(docs: &str, marker: &str) -> String {
        let rest = &docs[docs.find(marker).expect(marker)..];
        let start = rest.find("```yaml\n").expect("yaml block") + "```yaml\n".len();
        let len = rest[start..].find("```").expect("closed block");
        rest[start..start + len]
            .lines()
            .map(|l| l.strip_prefix(' ').unwrap_or(l))
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn docs_examples_trigger_and_fixes_pass() {
        for rule in rules() {
            let meta = rule.meta();
            for section in [
                "## What it does",
                "## Why is this bad?",
                "## Example",
                "Use instead:",
                "## References",
            ] {
                assert!(meta.docs.contains(section), "{} lacks {section}", meta.name);
            }
            let example = block_after(meta.docs, "## Example");
            let fixed = block_after(meta.docs, "Use instead:");
            assert!(
                !check(rule, &example).is_empty(),
                "{}: example passes",
                meta.name
            );
            assert!(check(rule, &fixed).is_empty(), "{}: fix fails", meta.name);
        }
    }
}
