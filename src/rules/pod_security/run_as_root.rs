use super::{in_user_namespace, present};
use crate::declare_rule;
use crate::lint::{PodCx, PsaLevel, PsaScope, Rule, RuleMeta, Sink, Version};
use crate::manifest::Node;

declare_rule! {
    /// ## What it does
    /// Reports pods and containers that may run as root at `restricted`: the pod sets
    /// `securityContext.runAsNonRoot: false`, a container does, or a container leaves it
    /// unset while the pod does not set it to `true` (Pod Security control "Running as
    /// Non-root", check `runAsNonRoot`, restricted, every version from v1.0). From v1.35
    /// pods with `spec.hostUsers: false` are exempt: their root is an unprivileged user of
    /// the node.
    /// A KServe model container is merged over the `kserve-container` of the serving
    /// runtime it names: when that ServingRuntime or ClusterServingRuntime is among the
    /// files linted, the runtime's value counts where the model leaves the field unset;
    /// otherwise (KServe's own runtimes set it) only a value the model itself sets is
    /// reported.
    ///
    /// ## Why is this bad?
    /// Root in a container is root on the node's kernel, with only capabilities, seccomp and
    /// the container's namespaces in between. `runAsNonRoot: true` makes the kubelet refuse
    /// to start a container whose image would run as user 0.
    ///
    /// ## Example
    /// ```yaml
    /// apiVersion: v1
    /// kind: Pod
    /// metadata:
    ///   name: trainer
    /// spec:
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
    ///     runAsNonRoot: true
    ///     runAsUser: 1000
    ///   containers:
    ///   - name: trainer
    ///     image: registry.example.com/train:1.4.2
    /// ```
    ///
    /// ## References
    /// - <https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted>
    /// - `policy/check_runAsNonRoot.go` in kubernetes/pod-security-admission
    pub RunAsRoot {
        name: "run-as-root",
        category: PodSecurity,
        level: Error,
        summary: "pod or container may run as root",
    }
}

impl Rule for RunAsRoot {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_pod(&self, cx: &PodCx<'_>, sink: &mut Sink) {
        let scope = PsaScope::new(PsaLevel::Restricted, Version::OLDEST);
        let scope = if in_user_namespace(cx) {
            scope.until(Version::v1(35))
        } else {
            scope
        };
        let pod = present(cx.security_context(), "runAsNonRoot").and_then(Node::as_bool);
        if pod == Some(false) {
            sink.report(
                cx.field_path("securityContext").key("runAsNonRoot"),
                "runAsNonRoot != true: pod must not set securityContext.runAsNonRoot=false",
            )
            .help("set `runAsNonRoot: true` and a non-zero `runAsUser`")
            .psa(scope);
        }
        for c in cx.containers() {
            match c.security("runAsNonRoot").and_then(Node::as_bool) {
                Some(true) => {}
                Some(false) => {
                    sink.report(
                        c.path(&["securityContext", "runAsNonRoot"]),
                        format!(
                            "runAsNonRoot != true: {} must not set securityContext.runAsNonRoot=false",
                            c.describe()
                        ),
                    )
                    .help("set `runAsNonRoot: true` and a non-zero `runAsUser`")
                    .psa(scope);
                }
                // An explicit `false` on the pod is reported once, above: fixing it fixes
                // the containers that inherit it.
                None if pod.is_none() && !c.runtime_assumed() => {
                    sink.report(
                        c.path(&["securityContext", "runAsNonRoot"]),
                        format!(
                            "runAsNonRoot != true: pod or {} must set securityContext.runAsNonRoot=true",
                            c.describe()
                        ),
                    )
                    .help("set `securityContext.runAsNonRoot: true` on the pod")
                    .psa(scope);
                }
                None => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::{at, check, check_with, render};

    fn pod(pod: &str) -> String {
        format!(
            "apiVersion: v1\nkind: Pod\nmetadata: {{name: p}}\nspec:\n  {pod}\n  containers:\n  - {{name: a, image: x:1}}\n  - {{name: b, image: x:1, securityContext: {{runAsNonRoot: true}}}}\n  - {{name: c, image: x:1, securityContext: {{runAsNonRoot: false}}}}\n"
        )
    }

    #[test]
    fn unset_pod_level_needs_every_container() {
        assert_eq!(
            render(&check(&RunAsRoot, &pod("hostUsers: true"))),
            "7:5 [error] runAsNonRoot != true: pod or container \"a\" must set securityContext.runAsNonRoot=true (spec.containers[0].securityContext.runAsNonRoot)\n\
             9:59 [error] runAsNonRoot != true: container \"c\" must not set securityContext.runAsNonRoot=false (spec.containers[2].securityContext.runAsNonRoot)"
        );
    }

    #[test]
    fn pod_level_true_covers_containers_but_not_explicit_false() {
        assert_eq!(
            render(&check(
                &RunAsRoot,
                &pod("securityContext: {runAsNonRoot: true}")
            )),
            "9:59 [error] runAsNonRoot != true: container \"c\" must not set securityContext.runAsNonRoot=false (spec.containers[2].securityContext.runAsNonRoot)"
        );
    }

    #[test]
    fn pod_level_false_is_reported_once() {
        assert_eq!(
            render(&check(
                &RunAsRoot,
                &pod("securityContext: {runAsNonRoot: false}")
            )),
            "5:35 [error] runAsNonRoot != true: pod must not set securityContext.runAsNonRoot=false (spec.securityContext.runAsNonRoot)\n\
             9:59 [error] runAsNonRoot != true: container \"c\" must not set securityContext.runAsNonRoot=false (spec.containers[2].securityContext.runAsNonRoot)"
        );
    }

    #[test]
    fn user_namespaces_are_exempt_from_v1_35() {
        let yaml = pod("hostUsers: false");
        assert_eq!(
            check_with(&RunAsRoot, &yaml, &at(PsaLevel::Restricted, 0)).len(),
            2
        );
        assert_eq!(
            check_with(&RunAsRoot, &yaml, &at(PsaLevel::Restricted, 34)).len(),
            2
        );
        assert!(check_with(&RunAsRoot, &yaml, &at(PsaLevel::Restricted, 35)).is_empty());
        assert!(check_with(&RunAsRoot, &pod(""), &at(PsaLevel::Baseline, 37)).is_empty());
    }
}
