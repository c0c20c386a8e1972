use crate::declare_rule;
use crate::lint::{PodCx, PsaLevel, PsaScope, Rule, RuleMeta, Sink, Version};
use crate::manifest::Node;

declare_rule! {
    /// ## What it does
    /// Reports containers, init containers and ephemeral containers that set
    /// `securityContext.privileged: true` (Pod Security control "Privileged Containers",
    /// check `privileged`, baseline, every version).
    ///
    /// ## Why is this bad?
    /// A privileged container has every capability and every device of the node: a
    /// compromise of the container is a compromise of the node. Pod Security Admission
    /// rejects such pods at `baseline` and `restricted`. GPU workloads do not need it: the
    /// NVIDIA device plugin gives containers their GPUs without privilege.
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
    ///       privileged: true
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
    ///       privileged: false
    /// ```
    ///
    /// ## References
    /// - <https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline>
    pub PrivilegedContainer {
        name: "privileged-container",
        category: PodSecurity,
        level: Error,
        summary: "container runs privileged",
    }
}

impl Rule for PrivilegedContainer {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_pod(&self, cx: &PodCx<'_>, sink: &mut Sink) {
        for c in cx.containers() {
            if c.security("privileged").and_then(Node::as_bool) == Some(true) {
                sink.report(
                    c.path(&["securityContext", "privileged"]),
                    format!("privileged: {} must not set securityContext.privileged=true", c.describe()),
                )
                .help("remove `privileged: true`; GPUs come from the device plugin, not from privilege")
                .psa(PsaScope::new(PsaLevel::Baseline, Version::OLDEST));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::{check, check_with, render};
    use crate::lint::{PsaPolicy, Settings};

    const PRIVILEGED: &str = "\
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  template:
    spec:
      initContainers:
      - name: setup
        image: busybox:1.36
        securityContext: {privileged: true}
      containers:
      - name: app
        image: nginx:1.27
        securityContext:
          privileged: true
      ephemeralContainers:
      - name: debug
        image: busybox:1.36
        securityContext: {privileged: true}
";

    #[test]
    fn every_container_kind_is_reported_at_the_field() {
        let found = render(&check(&PrivilegedContainer, PRIVILEGED));
        assert_eq!(
            found,
            "10:39 [error] privileged: init container \"setup\" must not set securityContext.privileged=true (spec.template.spec.initContainers[0].securityContext.privileged)\n\
             15:23 [error] privileged: container \"app\" must not set securityContext.privileged=true (spec.template.spec.containers[0].securityContext.privileged)\n\
             19:39 [error] privileged: ephemeral container \"debug\" must not set securityContext.privileged=true (spec.template.spec.ephemeralContainers[0].securityContext.privileged)"
        );
    }

    #[test]
    fn privileged_level_allows_it() {
        let settings = Settings {
            policy: PsaPolicy {
                level: PsaLevel::Privileged,
                version: Version::NEWEST,
            },
            ..Settings::default()
        };
        assert!(check_with(&PrivilegedContainer, PRIVILEGED, &settings).is_empty());
    }

    #[test]
    fn explicit_false_and_unset_pass() {
        let yaml = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - {name: a, image: x:1, securityContext: {privileged: false}}\n  - {name: b, image: x:1}\n";
        assert!(check(&PrivilegedContainer, yaml).is_empty());
    }
}
