use super::restricted_unless_windows;
use crate::declare_rule;
use crate::lint::{PodCx, Rule, RuleMeta, Sink, Version};
use crate::manifest::Node;

declare_rule! {
    /// ## What it does
    /// Reports containers that do not set `securityContext.allowPrivilegeEscalation: false`
    /// (Pod Security control "Privilege Escalation", check `allowPrivilegeEscalation`,
    /// restricted, from v1.8; from v1.25 pods with `spec.os.name: windows` are exempt).
    /// Leaving it unset fails: the field defaults to allowing escalation.
    /// A KServe model container is merged over the `kserve-container` of the serving
    /// runtime it names: when that ServingRuntime or ClusterServingRuntime is among the
    /// files linted, the runtime's value counts where the model leaves the field unset;
    /// otherwise (KServe's own runtimes set it) only a value the model itself sets is
    /// reported.
    ///
    /// ## Why is this bad?
    /// Unless `no_new_privs` is set, which is what `allowPrivilegeEscalation: false` does,
    /// a process in the container can gain privileges through set-user-ID binaries or file
    /// capabilities, undoing `runAsNonRoot` and dropped capabilities.
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
    ///     securityContext:
    ///       allowPrivilegeEscalation: true
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// apiVersion: v1
    /// kind: Pod
    /// metadata:
    ///   name: trainer
    /// spec:
    ///   containers:
    ///   - name: trainer
    ///     image: registry.example.com/train:1.4.2
    ///     securityContext:
    ///       allowPrivilegeEscalation: false
    /// ```
    ///
    /// ## References
    /// - <https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted>
    /// - `policy/check_allowPrivilegeEscalation.go` in kubernetes/pod-security-admission
    pub PrivilegeEscalationAllowed {
        name: "privilege-escalation-allowed",
        category: PodSecurity,
        level: Error,
        summary: "container may gain more privileges than its process started with",
    }
}

impl Rule for PrivilegeEscalationAllowed {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_pod(&self, cx: &PodCx<'_>, sink: &mut Sink) {
        for c in cx.containers() {
            let value = c.security("allowPrivilegeEscalation");
            if value.and_then(Node::as_bool) == Some(false)
                || (c.runtime_assumed() && value.is_none())
            {
                continue;
            }
            sink.report(
                c.path(&["securityContext", "allowPrivilegeEscalation"]),
                format!(
                    "allowPrivilegeEscalation != false: {} must set securityContext.allowPrivilegeEscalation=false",
                    c.describe()
                ),
            )
            .help("set `allowPrivilegeEscalation: false` in the container's securityContext")
            .psa(restricted_unless_windows(cx, Version::v1(8)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::PsaLevel;
    use crate::lint::testing::{at, check, check_with, render};

    const CONTAINERS: &str = "\
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
  - {name: a, image: x:1}
  - {name: b, image: x:1, securityContext: {}}
  - {name: c, image: x:1, securityContext: {allowPrivilegeEscalation: true}}
  - {name: d, image: x:1, securityContext: {allowPrivilegeEscalation: false}}
  - {name: e, image: x:1, securityContext: {allowPrivilegeEscalation: 'false'}}
";

    #[test]
    fn only_an_explicit_false_passes() {
        assert_eq!(
            render(&check(&PrivilegeEscalationAllowed, CONTAINERS)),
            "6:5 [error] allowPrivilegeEscalation != false: container \"a\" must set securityContext.allowPrivilegeEscalation=false (spec.containers[0].securityContext.allowPrivilegeEscalation)\n\
             7:27 [error] allowPrivilegeEscalation != false: container \"b\" must set securityContext.allowPrivilegeEscalation=false (spec.containers[1].securityContext.allowPrivilegeEscalation)\n\
             8:71 [error] allowPrivilegeEscalation != false: container \"c\" must set securityContext.allowPrivilegeEscalation=false (spec.containers[2].securityContext.allowPrivilegeEscalation)\n\
             10:71 [error] allowPrivilegeEscalation != false: container \"e\" must set securityContext.allowPrivilegeEscalation=false (spec.containers[4].securityContext.allowPrivilegeEscalation)"
        );
    }

    #[test]
    fn versions_levels_and_windows() {
        assert!(
            check_with(
                &PrivilegeEscalationAllowed,
                CONTAINERS,
                &at(PsaLevel::Restricted, 7)
            )
            .is_empty()
        );
        assert_eq!(
            check_with(
                &PrivilegeEscalationAllowed,
                CONTAINERS,
                &at(PsaLevel::Restricted, 8)
            )
            .len(),
            4
        );
        assert!(
            check_with(
                &PrivilegeEscalationAllowed,
                CONTAINERS,
                &at(PsaLevel::Baseline, 37)
            )
            .is_empty()
        );
        let windows = CONTAINERS.replace("spec:\n", "spec:\n  os: {name: windows}\n");
        assert_eq!(
            check_with(
                &PrivilegeEscalationAllowed,
                &windows,
                &at(PsaLevel::Restricted, 24)
            )
            .len(),
            4
        );
        assert!(
            check_with(
                &PrivilegeEscalationAllowed,
                &windows,
                &at(PsaLevel::Restricted, 25)
            )
            .is_empty()
        );
    }
}
