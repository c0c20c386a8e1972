use super::{in_user_namespace, present};
use crate::declare_rule;
use crate::lint::{PodCx, PsaLevel, PsaScope, Rule, RuleMeta, Sink, Version};
use crate::manifest::{Node, Path};

declare_rule! {
    /// ## What it does
    /// Reports pods and containers that set `securityContext.runAsUser: 0` (Pod Security
    /// control "Running as Non-root user", check `runAsUser`, restricted, from v1.23). From
    /// v1.35 pods with `spec.hostUsers: false` are exempt: user 0 in a user namespace is an
    /// unprivileged user of the node.
    ///
    /// ## Why is this bad?
    /// User 0 is root: it owns the container's files, can read anything mounted with loose
    /// permissions, and is one kernel bug away from root on the node. `runAsNonRoot: true`
    /// cannot help when the user is set to 0 explicitly; the kubelet refuses such a pod only
    /// at start, after admission.
    ///
    /// ## Example
    /// ```yaml
    /// apiVersion: v1
    /// kind: Pod
    /// metadata:
    ///   name: trainer
    /// spec:
    ///   securityContext:
    ///     runAsUser: 0
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
    ///     runAsUser: 1000
    ///   containers:
    ///   - name: trainer
    ///     image: registry.example.com/train:1.4.2
    /// ```
    ///
    /// ## References
    /// - <https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted>
    /// - `policy/check_runAsUser.go` in kubernetes/pod-security-admission
    pub RunAsUserZero {
        name: "run-as-user-zero",
        category: PodSecurity,
        level: Error,
        summary: "pod or container runs as user 0",
    }
}

impl Rule for RunAsUserZero {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_pod(&self, cx: &PodCx<'_>, sink: &mut Sink) {
        let scope = PsaScope::new(PsaLevel::Restricted, Version::v1(23));
        let scope = if in_user_namespace(cx) {
            scope.until(Version::v1(35))
        } else {
            scope
        };
        let mut check = |security_context: Option<&Node>, path: Path, who: &str| {
            if present(security_context, "runAsUser").and_then(Node::as_i64) == Some(0) {
                sink.report(
                    path.key("runAsUser"),
                    format!("runAsUser=0: {who} must not set runAsUser=0"),
                )
                .help("set `runAsUser` to a non-zero user id, such as 1000")
                .psa(scope);
            }
        };
        if let Some(pod_context) = cx.security_context() {
            check(Some(pod_context), cx.field_path("securityContext"), "pod");
        }
        for c in cx.containers() {
            check(
                c.node.get("securityContext"),
                c.path(&["securityContext"]),
                &c.describe(),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::{at, check, check_with, render};

    const ZERO: &str = "\
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  securityContext: {runAsUser: 0}
  containers:
  - {name: a, image: x:1, securityContext: {runAsUser: 0}}
  - {name: b, image: x:1, securityContext: {runAsUser: 1000}}
  - {name: c, image: x:1, securityContext: {runAsUser: '0'}}
";

    #[test]
    fn pod_and_containers_are_reported_from_v1_23() {
        assert_eq!(
            render(&check(&RunAsUserZero, ZERO)),
            "5:32 [error] runAsUser=0: pod must not set runAsUser=0 (spec.securityContext.runAsUser)\n\
             7:56 [error] runAsUser=0: container \"a\" must not set runAsUser=0 (spec.containers[0].securityContext.runAsUser)"
        );
        assert!(check_with(&RunAsUserZero, ZERO, &at(PsaLevel::Restricted, 22)).is_empty());
        assert_eq!(
            check_with(&RunAsUserZero, ZERO, &at(PsaLevel::Restricted, 23)).len(),
            2
        );
        assert!(check_with(&RunAsUserZero, ZERO, &at(PsaLevel::Baseline, 37)).is_empty());
    }

    #[test]
    fn user_namespaces_are_exempt_from_v1_35() {
        let yaml = ZERO.replace("spec:\n", "spec:\n  hostUsers: false\n");
        assert_eq!(
            check_with(&RunAsUserZero, &yaml, &at(PsaLevel::Restricted, 34)).len(),
            2
        );
        assert!(check_with(&RunAsUserZero, &yaml, &at(PsaLevel::Restricted, 35)).is_empty());
    }
}
