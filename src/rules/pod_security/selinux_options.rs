use super::{join_quote, present};
use crate::declare_rule;
use crate::lint::{PodCx, PsaLevel, PsaScope, Rule, RuleMeta, Sink, Version};
use crate::manifest::{Node, Path};

/// SELinux types baseline allows; `container_engine_t` joined them in v1.31.
const ALLOWED_TYPES: [&str; 4] = ["", "container_t", "container_init_t", "container_kvm_t"];
const ENGINE_TYPE: &str = "container_engine_t";
const ENGINE_SINCE: Version = Version::v1(31);

declare_rule! {
    /// ## What it does
    /// Reports `securityContext.seLinuxOptions` of the pod or a container that set a
    /// `user` or a `role`, or a `type` other than `container_t`, `container_init_t` and
    /// `container_kvm_t` (Pod Security control "SELinux", check `seLinuxOptions`, baseline,
    /// every version from v1.0). From v1.31 `container_engine_t` is allowed too, for
    /// containers that run a container engine. `level` may be set freely.
    ///
    /// ## Why is this bad?
    /// A custom SELinux user, role or type such as `spc_t` ("super privileged container")
    /// lifts the SELinux confinement that keeps a container away from the node's files and
    /// from other containers. Pod Security Admission rejects it at `baseline` and
    /// `restricted`.
    ///
    /// ## Example
    /// ```yaml
    /// apiVersion: v1
    /// kind: Pod
    /// metadata:
    ///   name: trainer
    /// spec:
    ///   securityContext:
    ///     seLinuxOptions:
    ///       type: spc_t
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
    ///     seLinuxOptions:
    ///       level: "s0:c123,c456"
    ///   containers:
    ///   - name: trainer
    ///     image: registry.example.com/train:1.4.2
    /// ```
    ///
    /// ## References
    /// - <https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline>
    /// - `policy/check_seLinuxOptions.go` in kubernetes/pod-security-admission
    pub SelinuxOptions {
        name: "selinux-options",
        category: PodSecurity,
        level: Error,
        summary: "pod or container sets a forbidden SELinux type, user or role",
    }
}

/// What is wrong with one `seLinuxOptions`, as upstream words it, and where to point.
fn problems(options: &Node, path: &Path, engine_allowed: bool) -> Option<(String, Path)> {
    let field = |key: &str| options.get(key).and_then(Node::as_str).unwrap_or_default();
    let kind = field("type");
    let bad_type = !(ALLOWED_TYPES.contains(&kind) || (engine_allowed && kind == ENGINE_TYPE));
    let mut data = Vec::new();
    let mut at = None;
    if bad_type {
        data.push(format!("type {}", join_quote([kind])));
        at = Some("type");
    }
    for key in ["user", "role"] {
        if !field(key).is_empty() {
            data.push(format!("{key} may not be set"));
            at.get_or_insert(key);
        }
    }
    Some((data.join("; "), path.key(at?)))
}

impl Rule for SelinuxOptions {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_pod(&self, cx: &PodCx<'_>, sink: &mut Sink) {
        let mut check = |security_context: Option<&Node>, path: Path, who: &str| {
            let Some(options) = present(security_context, "seLinuxOptions") else {
                return;
            };
            let path = path.key("seLinuxOptions");
            let old = problems(options, &path, false);
            let new = problems(options, &path, true);
            let mut report = |(data, at): (String, Path), scope: PsaScope| {
                sink.report(
                    at,
                    format!(
                        "seLinuxOptions: {who} set forbidden securityContext.seLinuxOptions: {data}"
                    ),
                )
                .help("remove `user` and `role`, and set `type` only to `container_t`, `container_init_t`, `container_kvm_t` or `container_engine_t`")
                .psa(scope);
            };
            let since = PsaScope::new(PsaLevel::Baseline, Version::OLDEST);
            if old == new {
                if let Some(p) = new {
                    report(p, since);
                }
                return;
            }
            // Only `container_engine_t` differs: the message changes, or the violation ends, at v1.31.
            if let Some(p) = old {
                report(p, since.until(ENGINE_SINCE));
            }
            if let Some(p) = new {
                report(p, PsaScope::new(PsaLevel::Baseline, ENGINE_SINCE));
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
    use crate::lint::testing::{check, check_with, render};
    use crate::lint::{PsaPolicy, Settings};

    fn at(version: u32) -> Settings {
        Settings {
            policy: PsaPolicy {
                level: PsaLevel::Baseline,
                version: Version::v1(version),
            },
            ..Settings::default()
        }
    }

    const OPTIONS: &str = "\
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  securityContext:
    seLinuxOptions: {type: spc_t, user: system_u, role: system_r, level: s0}
  containers:
  - {name: a, image: x:1, securityContext: {seLinuxOptions: {type: container_t, level: 's0:c1'}}}
  - {name: b, image: x:1, securityContext: {seLinuxOptions: {role: r}}}
  - {name: c, image: x:1, securityContext: {seLinuxOptions: {type: container_engine_t}}}
  - {name: d, image: x:1, securityContext: {seLinuxOptions: {type: container_engine_t, user: u}}}
  - {name: e, image: x:1, securityContext: {seLinuxOptions: {type: '', user: ''}}}
";

    #[test]
    fn reports_at_v1_31_and_later() {
        assert_eq!(
            render(&check(&SelinuxOptions, OPTIONS)),
            "6:28 [error] seLinuxOptions: pod set forbidden securityContext.seLinuxOptions: type \"spc_t\"; user may not be set; role may not be set (spec.securityContext.seLinuxOptions.type)\n\
             9:68 [error] seLinuxOptions: container \"b\" set forbidden securityContext.seLinuxOptions: role may not be set (spec.containers[1].securityContext.seLinuxOptions.role)\n\
             11:94 [error] seLinuxOptions: container \"d\" set forbidden securityContext.seLinuxOptions: user may not be set (spec.containers[3].securityContext.seLinuxOptions.user)"
        );
        assert_eq!(check_with(&SelinuxOptions, OPTIONS, &at(31)).len(), 3);
    }

    #[test]
    fn container_engine_t_is_forbidden_before_v1_31() {
        let found = render(&check_with(&SelinuxOptions, OPTIONS, &at(30)));
        assert!(found.contains("container \"c\" set forbidden securityContext.seLinuxOptions: type \"container_engine_t\" (spec.containers[2].securityContext.seLinuxOptions.type)"), "{found}");
        assert!(found.contains("container \"d\" set forbidden securityContext.seLinuxOptions: type \"container_engine_t\"; user may not be set"), "{found}");
        assert_eq!(found.lines().count(), 4);
    }

    #[test]
    fn malformed_options_do_not_panic() {
        let yaml = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  securityContext: {seLinuxOptions: [spc_t]}\n  containers: [{name: a, image: x:1, securityContext: {seLinuxOptions: {type: 5}}}]\n";
        assert!(check(&SelinuxOptions, yaml).is_empty());
    }
}
