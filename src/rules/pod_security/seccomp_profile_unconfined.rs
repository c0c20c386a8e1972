use super::{annotation_path, annotations, join_quote, present_map, restricted_unless_windows};
use crate::declare_rule;
use crate::lint::{PodCx, PsaLevel, PsaScope, Rule, RuleMeta, Sink, Version};
use crate::manifest::{Node, Path};

const POD_ANNOTATION: &str = "seccomp.security.alpha.kubernetes.io/pod";
const CONTAINER_ANNOTATION_PREFIX: &str = "container.seccomp.security.alpha.kubernetes.io/";
/// From this version the checks read the `seccompProfile` fields instead of the annotations,
/// and restricted uses its own check.
const FIELDS_SINCE: Version = Version::v1(19);

declare_rule! {
    /// ## What it does
    /// Reports seccomp profiles set to anything but the runtime default or a profile loaded
    /// on the node (Pod Security control "Seccomp"):
    /// - v1.0 to v1.18, check `seccompProfile_baseline` reads the annotations
    ///   `seccomp.security.alpha.kubernetes.io/pod` and
    ///   `container.seccomp.security.alpha.kubernetes.io/<container>` (allowed:
    ///   `runtime/default`, `docker/default`, `localhost/*`), at baseline and restricted.
    /// - From v1.19 it reads `securityContext.seccompProfile.type` of the pod and of every
    ///   container (allowed: `RuntimeDefault`, `Localhost`): `seccompProfile_baseline` at
    ///   baseline, `seccompProfile_restricted` at restricted. From v1.25 restricted skips
    ///   pods with `spec.os.name: windows`.
    ///
    /// Restricted also requires the profile to be set; `seccomp-profile-missing` reports that.
    ///
    /// ## Why is this bad?
    /// `Unconfined` lets the container make every system call of the node's kernel,
    /// including those behind most container escapes (`unshare`, `keyctl`, `bpf`, ...). The
    /// runtime's default profile blocks them and costs nothing to training or serving code.
    ///
    /// ## Example
    /// ```yaml
    /// apiVersion: v1
    /// kind: Pod
    /// metadata:
    ///   name: trainer
    /// spec:
    ///   securityContext:
    ///     seccompProfile:
    ///       type: Unconfined
    ///   containers:
    ///   - name: trainer
    ///     image: registry.example.com/train:1.4.2
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// apiVersion: v1
    /// kind: Pod
    /// metadata:
    ///   name: trainer
    /// spec:
    ///   securityContext:
    ///     seccompProfile:
    ///       type: RuntimeDefault
    ///   containers:
    ///   - name: trainer
    ///     image: registry.example.com/train:1.4.2
    /// ```
    ///
    /// ## References
    /// - <https://kubernetes.io/docs/concepts/security/pod-security-standards/>
    /// - <https://kubernetes.io/docs/tutorials/security/seccomp/>
    /// - `policy/check_seccompProfile_baseline.go` and `policy/check_seccompProfile_restricted.go`
    ///   in kubernetes/pod-security-admission
    pub SeccompProfileUnconfined {
        name: "seccomp-profile-unconfined",
        category: PodSecurity,
        level: Error,
        summary: "pod or container runs without a seccomp profile",
    }
}

fn valid_annotation(value: &str) -> bool {
    value == "runtime/default" || value == "docker/default" || value.starts_with("localhost/")
}

impl Rule for SeccompProfileUnconfined {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_pod(&self, cx: &PodCx<'_>, sink: &mut Sink) {
        let restricted = restricted_unless_windows(cx, FIELDS_SINCE);
        let mut field = |security_context: Option<&Node>, path: Path, who: &str| {
            let Some(profile) = present_map(security_context, "seccompProfile") else {
                return;
            };
            let kind = profile
                .get("type")
                .and_then(Node::as_str)
                .unwrap_or_default();
            if matches!(kind, "RuntimeDefault" | "Localhost") {
                return;
            }
            let message = format!(
                "seccompProfile: {who} must not set securityContext.seccompProfile.type to {}",
                join_quote([kind])
            );
            let path = path.key("seccompProfile").key("type");
            let help = "set `seccompProfile.type` to `RuntimeDefault`, or `Localhost` with a profile on the nodes";
            // The baseline and the restricted check word it alike; only their scopes differ.
            sink.report(path.clone(), message.clone()).help(help).psa(
                PsaScope::new(PsaLevel::Baseline, FIELDS_SINCE)
                    .overridden_in_restricted_from(FIELDS_SINCE),
            );
            sink.report(path, message).help(help).psa(restricted);
        };
        if let Some(pod_context) = cx.security_context() {
            field(Some(pod_context), cx.field_path("securityContext"), "pod");
        }
        let containers = cx.containers();
        for c in containers {
            field(
                c.node.get("securityContext"),
                c.path(&["securityContext"]),
                &c.describe(),
            );
        }

        let is_checked = |key: &str| {
            key == POD_ANNOTATION
                || key
                    .strip_prefix(CONTAINER_ANNOTATION_PREFIX)
                    .is_some_and(|name| containers.iter().any(|c| c.name == Some(name)))
        };
        for (key, value, outer) in annotations(cx) {
            if is_checked(key) && !valid_annotation(value) {
                sink.report(
                    annotation_path(cx, key, outer),
                    format!("seccompProfile: forbidden annotation {key}=\"{value}\""),
                )
                .help("use `runtime/default` or `localhost/<profile>`")
                .psa(PsaScope::new(PsaLevel::Baseline, Version::OLDEST).until(FIELDS_SINCE));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::{at, check, check_with, render};

    const FIELDS: &str = "\
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  securityContext:
    seccompProfile: {type: Unconfined}
  containers:
  - {name: a, image: x:1, securityContext: {seccompProfile: {type: RuntimeDefault}}}
  - {name: b, image: x:1, securityContext: {seccompProfile: {type: Localhost, localhostProfile: p.json}}}
  - {name: c, image: x:1, securityContext: {seccompProfile: {}}}
  - {name: d, image: x:1, securityContext: {seccompProfile: null}}
";

    #[test]
    fn fields_are_reported_from_v1_19() {
        let expected = "6:28 [error] seccompProfile: pod must not set securityContext.seccompProfile.type to \"Unconfined\" (spec.securityContext.seccompProfile.type)\n\
             10:45 [error] seccompProfile: container \"c\" must not set securityContext.seccompProfile.type to \"\" (spec.containers[2].securityContext.seccompProfile.type)";
        assert_eq!(render(&check(&SeccompProfileUnconfined, FIELDS)), expected);
        assert_eq!(
            render(&check_with(
                &SeccompProfileUnconfined,
                FIELDS,
                &at(PsaLevel::Baseline, 19)
            )),
            expected
        );
        assert_eq!(
            render(&check_with(
                &SeccompProfileUnconfined,
                FIELDS,
                &at(PsaLevel::Restricted, 19)
            )),
            expected
        );
        assert!(
            check_with(
                &SeccompProfileUnconfined,
                FIELDS,
                &at(PsaLevel::Baseline, 18)
            )
            .is_empty()
        );
        assert!(
            check_with(
                &SeccompProfileUnconfined,
                FIELDS,
                &at(PsaLevel::Restricted, 18)
            )
            .is_empty()
        );
    }

    #[test]
    fn windows_pods_are_exempt_at_restricted_only() {
        let yaml = FIELDS.replace("spec:\n", "spec:\n  os: {name: windows}\n");
        assert_eq!(
            check_with(
                &SeccompProfileUnconfined,
                &yaml,
                &at(PsaLevel::Restricted, 24)
            )
            .len(),
            2
        );
        assert!(
            check_with(
                &SeccompProfileUnconfined,
                &yaml,
                &at(PsaLevel::Restricted, 25)
            )
            .is_empty()
        );
        assert_eq!(
            check_with(
                &SeccompProfileUnconfined,
                &yaml,
                &at(PsaLevel::Baseline, 37)
            )
            .len(),
            2
        );
    }

    const ANNOTATIONS: &str = "\
apiVersion: v1
kind: Pod
metadata:
  name: p
  annotations:
    seccomp.security.alpha.kubernetes.io/pod: unconfined
    container.seccomp.security.alpha.kubernetes.io/a: docker/default
    container.seccomp.security.alpha.kubernetes.io/b: ''
    container.seccomp.security.alpha.kubernetes.io/ghost: unconfined
spec:
  containers:
  - {name: a, image: x:1}
  - {name: b, image: x:1}
";

    #[test]
    fn annotations_are_reported_before_v1_19() {
        let expected = "6:47 [error] seccompProfile: forbidden annotation seccomp.security.alpha.kubernetes.io/pod=\"unconfined\" (metadata.annotations[\"seccomp.security.alpha.kubernetes.io/pod\"])\n\
             8:55 [error] seccompProfile: forbidden annotation container.seccomp.security.alpha.kubernetes.io/b=\"\" (metadata.annotations[\"container.seccomp.security.alpha.kubernetes.io/b\"])";
        assert_eq!(
            render(&check_with(
                &SeccompProfileUnconfined,
                ANNOTATIONS,
                &at(PsaLevel::Baseline, 18)
            )),
            expected
        );
        assert_eq!(
            render(&check_with(
                &SeccompProfileUnconfined,
                ANNOTATIONS,
                &at(PsaLevel::Restricted, 0)
            )),
            expected
        );
        assert!(
            check_with(
                &SeccompProfileUnconfined,
                ANNOTATIONS,
                &at(PsaLevel::Baseline, 19)
            )
            .is_empty()
        );
        assert!(
            check_with(
                &SeccompProfileUnconfined,
                ANNOTATIONS,
                &at(PsaLevel::Privileged, 0)
            )
            .is_empty()
        );
    }
}
