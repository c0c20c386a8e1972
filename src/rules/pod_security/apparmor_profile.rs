use super::{annotation_path, annotations, present_map};
use crate::declare_rule;
use crate::lint::{PodCx, PsaLevel, PsaScope, Rule, RuleMeta, Sink, Version};
use crate::manifest::{Node, Path};

const ANNOTATION_PREFIX: &str = "container.apparmor.security.beta.kubernetes.io/";

declare_rule! {
    /// ## What it does
    /// Reports AppArmor profiles other than the runtime default or a profile loaded on the
    /// node (Pod Security control "AppArmor", check `appArmorProfile`, baseline, every
    /// version from v1.0). It looks at `securityContext.appArmorProfile.type` of the pod and
    /// of every container (allowed: `RuntimeDefault`, `Localhost`) and at the deprecated
    /// annotations `container.apparmor.security.beta.kubernetes.io/*` (allowed: empty,
    /// `runtime/default`, `localhost/*`).
    ///
    /// ## Why is this bad?
    /// `Unconfined` turns AppArmor off for the container: one of the layers that stops a
    /// compromised process from writing to `/proc` and `/sys` or mounting file systems is
    /// gone. Pod Security Admission rejects it at `baseline` and `restricted`.
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
    ///       appArmorProfile:
    ///         type: Unconfined
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
    ///       appArmorProfile:
    ///         type: RuntimeDefault
    /// ```
    ///
    /// ## References
    /// - <https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline>
    /// - <https://kubernetes.io/docs/tutorials/security/apparmor/>
    /// - `policy/check_appArmorProfile.go` in kubernetes/pod-security-admission
    pub AppArmorProfile {
        name: "apparmor-profile",
        category: PodSecurity,
        level: Error,
        summary: "pod or container runs without the default AppArmor profile",
    }
}

fn scope() -> PsaScope {
    PsaScope::new(PsaLevel::Baseline, Version::OLDEST)
}

impl Rule for AppArmorProfile {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_pod(&self, cx: &PodCx<'_>, sink: &mut Sink) {
        let mut field = |security_context: Option<&Node>, path: Path| {
            let Some(profile) = present_map(security_context, "appArmorProfile") else {
                return;
            };
            let kind = profile
                .get("type")
                .and_then(Node::as_str)
                .unwrap_or_default();
            if matches!(kind, "RuntimeDefault" | "Localhost") {
                return;
            }
            sink.report(
                path.key("appArmorProfile").key("type"),
                format!("forbidden AppArmor profile: {}", display(kind)),
            )
            .help("set `appArmorProfile.type` to `RuntimeDefault`, or `Localhost` with a profile loaded on the nodes")
            .psa(scope());
        };
        if let Some(pod_context) = cx.security_context() {
            field(Some(pod_context), cx.field_path("securityContext"));
        }
        for c in cx.containers() {
            field(c.node.get("securityContext"), c.path(&["securityContext"]));
        }
        for (key, value, outer) in annotations(cx) {
            if key.starts_with(ANNOTATION_PREFIX)
                && !(value.is_empty()
                    || value == "runtime/default"
                    || value.starts_with("localhost/"))
            {
                sink.report(
                    annotation_path(cx, key, outer),
                    format!("forbidden AppArmor profile: {key}=\"{value}\""),
                )
                    .help("use `runtime/default` or `localhost/<profile>`, or better the `appArmorProfile` field")
                    .psa(scope());
            }
        }
    }
}

/// Upstream prints the type as is; an empty one would leave the message dangling.
fn display(kind: &str) -> &str {
    if kind.is_empty() { "\"\"" } else { kind }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::{check, check_with, render};
    use crate::lint::{PsaPolicy, Settings};

    const PROFILES: &str = "\
apiVersion: apps/v1
kind: Deployment
metadata: {name: d}
spec:
  template:
    metadata:
      annotations:
        container.apparmor.security.beta.kubernetes.io/a: unconfined
        container.apparmor.security.beta.kubernetes.io/b: runtime/default
        container.apparmor.security.beta.kubernetes.io/c: localhost/mine
        container.apparmor.security.beta.kubernetes.io/d: ''
        apparmor.example.com/e: unconfined
    spec:
      securityContext:
        appArmorProfile: {type: Unconfined}
      containers:
      - {name: a, image: x:1, securityContext: {appArmorProfile: {type: RuntimeDefault}}}
      - {name: b, image: x:1, securityContext: {appArmorProfile: {type: Localhost, localhostProfile: p}}}
      - {name: c, image: x:1, securityContext: {appArmorProfile: {}}}
      - {name: d, image: x:1, securityContext: {appArmorProfile: null}}
";

    #[test]
    fn fields_and_annotations_are_reported() {
        assert_eq!(
            render(&check(&AppArmorProfile, PROFILES)),
            "8:59 [error] forbidden AppArmor profile: container.apparmor.security.beta.kubernetes.io/a=\"unconfined\" (spec.template.metadata.annotations[\"container.apparmor.security.beta.kubernetes.io/a\"])\n\
             15:33 [error] forbidden AppArmor profile: Unconfined (spec.template.spec.securityContext.appArmorProfile.type)\n\
             19:49 [error] forbidden AppArmor profile: \"\" (spec.template.spec.containers[2].securityContext.appArmorProfile.type)"
        );
        let privileged = Settings {
            policy: PsaPolicy {
                level: PsaLevel::Privileged,
                version: Version::NEWEST,
            },
            ..Settings::default()
        };
        assert!(check_with(&AppArmorProfile, PROFILES, &privileged).is_empty());
    }

    #[test]
    fn malformed_annotations_do_not_panic() {
        let yaml = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations: [a]\nspec:\n  containers: [{name: a, image: x:1, securityContext: {appArmorProfile: unconfined}}]\n";
        assert!(check(&AppArmorProfile, yaml).is_empty());
    }
}
