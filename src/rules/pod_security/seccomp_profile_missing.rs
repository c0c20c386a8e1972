use super::{present_map, restricted_unless_windows};
use crate::declare_rule;
use crate::lint::{PodCx, Rule, RuleMeta, Sink, Version};

declare_rule! {
    /// ## What it does
    /// Reports containers that run without a seccomp profile at `restricted`: neither the
    /// container nor the pod sets `securityContext.seccompProfile` (Pod Security control
    /// "Seccomp", check `seccompProfile_restricted`, restricted, from v1.19; from v1.25 pods
    /// with `spec.os.name: windows` are exempt). A valid pod-level profile covers every
    /// container; without one, every container must set its own. Profiles set to a
    /// forbidden type are reported by `seccomp-profile-unconfined`. A KServe model container
    /// has the profile of its serving runtime's `kserve-container` when the model sets none
    /// and the ServingRuntime or ClusterServingRuntime it names is among the files linted.
    ///
    /// ## Why is this bad?
    /// Kubernetes runs containers `Unconfined` unless a profile is asked for (or the kubelet
    /// is configured with `--seccomp-default`), so every system call of the node's kernel
    /// is open to them. `RuntimeDefault` blocks the rarely used calls behind most container
    /// escapes.
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
    ///     seccompProfile:
    ///       type: RuntimeDefault
    ///   containers:
    ///   - name: trainer
    ///     image: registry.example.com/train:1.4.2
    /// ```
    ///
    /// ## References
    /// - <https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted>
    /// - `policy/check_seccompProfile_restricted.go` in kubernetes/pod-security-admission
    pub SeccompProfileMissing {
        name: "seccomp-profile-missing",
        category: PodSecurity,
        level: Error,
        summary: "container has no seccomp profile",
    }
}

impl Rule for SeccompProfileMissing {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_pod(&self, cx: &PodCx<'_>, sink: &mut Sink) {
        // A pod-level profile, valid or not, decides: a valid one covers the containers, an
        // invalid one is reported by `seccomp-profile-unconfined` and fixing it fixes them.
        if present_map(cx.security_context(), "seccompProfile").is_some() {
            return;
        }
        for c in cx.containers() {
            if c.security("seccompProfile")
                .is_some_and(|p| p.as_map().is_some())
            {
                continue;
            }
            sink.report(
                c.path(&["securityContext", "seccompProfile"]),
                format!(
                    "seccompProfile: pod or {} must set securityContext.seccompProfile.type to \"RuntimeDefault\" or \"Localhost\"",
                    c.describe()
                ),
            )
            .help("set `securityContext.seccompProfile.type: RuntimeDefault` on the pod")
            .psa(restricted_unless_windows(cx, Version::v1(19)));
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
  securityContext: {seccompProfile: null}
  containers:
  - {name: a, image: x:1, securityContext: {seccompProfile: {type: RuntimeDefault}}}
  - {name: b, image: x:1}
  - {name: c, image: x:1, securityContext: {runAsNonRoot: true}}
";

    #[test]
    fn containers_without_a_profile_need_one_on_the_pod() {
        assert_eq!(
            render(&check(&SeccompProfileMissing, CONTAINERS)),
            "8:5 [error] seccompProfile: pod or container \"b\" must set securityContext.seccompProfile.type to \"RuntimeDefault\" or \"Localhost\" (spec.containers[1].securityContext.seccompProfile)\n\
             9:27 [error] seccompProfile: pod or container \"c\" must set securityContext.seccompProfile.type to \"RuntimeDefault\" or \"Localhost\" (spec.containers[2].securityContext.seccompProfile)"
        );
        assert!(
            check_with(
                &SeccompProfileMissing,
                CONTAINERS,
                &at(PsaLevel::Restricted, 18)
            )
            .is_empty()
        );
        assert_eq!(
            check_with(
                &SeccompProfileMissing,
                CONTAINERS,
                &at(PsaLevel::Restricted, 19)
            )
            .len(),
            2
        );
        assert!(
            check_with(
                &SeccompProfileMissing,
                CONTAINERS,
                &at(PsaLevel::Baseline, 37)
            )
            .is_empty()
        );
    }

    #[test]
    fn a_pod_level_profile_covers_every_container() {
        let yaml = CONTAINERS.replace(
            "{seccompProfile: null}",
            "{seccompProfile: {type: Localhost}}",
        );
        assert!(check(&SeccompProfileMissing, &yaml).is_empty());
    }

    #[test]
    fn windows_pods_are_exempt_from_v1_25() {
        let yaml = CONTAINERS.replace("spec:\n", "spec:\n  os: {name: windows}\n");
        assert_eq!(
            check_with(&SeccompProfileMissing, &yaml, &at(PsaLevel::Restricted, 24)).len(),
            2
        );
        assert!(
            check_with(&SeccompProfileMissing, &yaml, &at(PsaLevel::Restricted, 25)).is_empty()
        );
        let linux = CONTAINERS.replace("spec:\n", "spec:\n  os: {name: linux}\n");
        assert_eq!(
            check_with(
                &SeccompProfileMissing,
                &linux,
                &at(PsaLevel::Restricted, 25)
            )
            .len(),
            2
        );
    }

    #[test]
    fn a_profile_that_is_not_a_map_does_not_count() {
        let yaml = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  securityContext: {seccompProfile: RuntimeDefault}\n  containers: [{name: a, image: x:1, securityContext: {seccompProfile: [x]}}]\n";
        assert_eq!(check(&SeccompProfileMissing, yaml).len(), 1);
    }
}
