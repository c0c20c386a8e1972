use super::in_user_namespace;
use crate::declare_rule;
use crate::lint::{PodCx, PsaLevel, PsaScope, Rule, RuleMeta, Sink, Version};
use crate::manifest::Node;

/// From this version baseline allows any `procMount` in a user namespace, and restricted
/// keeps the strict check as `procMount_restricted`.
const RELAXED_SINCE: Version = Version::v1(35);

declare_rule! {
    /// ## What it does
    /// Reports containers whose `securityContext.procMount` is set to anything but
    /// `Default`, such as `Unmasked` (Pod Security control "/proc Mount Type"). Two checks:
    /// - `procMount` (baseline, every version from v1.0). From v1.35 it allows any value in
    ///   pods with `spec.hostUsers: false`, whose `/proc` belongs to a user namespace.
    /// - `procMount_restricted` (restricted, from v1.35, replacing the baseline check): the
    ///   strict rule, with no user-namespace exception.
    ///
    /// ## Why is this bad?
    /// The container runtime masks and makes read-only parts of `/proc` (such as
    /// `/proc/kcore`, `/proc/sys` and `/proc/sysrq-trigger`) that expose or control the
    /// node's kernel. `Unmasked` removes those protections.
    ///
    /// ## Example
    /// ```yaml
    /// apiVersion: v1
    /// kind: Pod
    /// metadata:
    ///   name: builder
    /// spec:
    ///   containers:
    ///   - name: builder
    ///     image: registry.example.com/builder:3.1.0
    ///     securityContext:
    ///       procMount: Unmasked
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// apiVersion: v1
    /// kind: Pod
    /// metadata:
    ///   name: builder
    /// spec:
    ///   containers:
    ///   - name: builder
    ///     image: registry.example.com/builder:3.1.0
    ///     securityContext:
    ///       procMount: Default
    /// ```
    ///
    /// ## References
    /// - <https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline>
    /// - `policy/check_procMount.go` and `policy/check_procMount_restricted.go` in
    ///   kubernetes/pod-security-admission
    pub ProcMount {
        name: "proc-mount",
        category: PodSecurity,
        level: Error,
        summary: "container unmasks `/proc`",
    }
}

impl Rule for ProcMount {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_pod(&self, cx: &PodCx<'_>, sink: &mut Sink) {
        let relaxed = in_user_namespace(cx);
        for c in cx.containers() {
            let Some(value) = c.security("procMount").and_then(Node::as_str) else {
                continue;
            };
            if value == "Default" {
                continue;
            }
            let message = format!(
                "procMount: {} must not set securityContext.procMount to \"{value}\"",
                c.describe()
            );
            let help = "remove `procMount` or set it to `Default`";
            let path = c.path(&["securityContext", "procMount"]);
            if relaxed {
                sink.report(path.clone(), message.clone())
                    .help(help)
                    .psa(PsaScope::new(PsaLevel::Baseline, Version::OLDEST).until(RELAXED_SINCE));
                sink.report(path, message)
                    .help(help)
                    .psa(PsaScope::new(PsaLevel::Restricted, RELAXED_SINCE));
            } else {
                // `procMount` and, from v1.35, `procMount_restricted` report it alike.
                sink.report(path, message)
                    .help(help)
                    .psa(PsaScope::new(PsaLevel::Baseline, Version::OLDEST));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::{at, check, check_with, render};

    const UNMASKED: &str = "\
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
  - {name: a, image: x:1, securityContext: {procMount: Unmasked}}
  - {name: b, image: x:1, securityContext: {procMount: Default}}
  - {name: c, image: x:1, securityContext: {procMount: null}}
  - {name: d, image: x:1, securityContext: {procMount: 3}}
";

    #[test]
    fn unmasked_is_reported_at_every_version() {
        assert_eq!(
            render(&check(&ProcMount, UNMASKED)),
            "6:56 [error] procMount: container \"a\" must not set securityContext.procMount to \"Unmasked\" (spec.containers[0].securityContext.procMount)"
        );
        for (level, v) in [
            (PsaLevel::Baseline, 0),
            (PsaLevel::Baseline, 37),
            (PsaLevel::Restricted, 35),
        ] {
            assert_eq!(check_with(&ProcMount, UNMASKED, &at(level, v)).len(), 1);
        }
        assert!(check_with(&ProcMount, UNMASKED, &at(PsaLevel::Privileged, 37)).is_empty());
    }

    #[test]
    fn user_namespaces_relax_baseline_from_v1_35_but_not_restricted() {
        let yaml = UNMASKED.replace("spec:\n", "spec:\n  hostUsers: false\n");
        assert_eq!(
            check_with(&ProcMount, &yaml, &at(PsaLevel::Baseline, 34)).len(),
            1
        );
        assert!(check_with(&ProcMount, &yaml, &at(PsaLevel::Baseline, 35)).is_empty());
        assert_eq!(
            check_with(&ProcMount, &yaml, &at(PsaLevel::Restricted, 34)).len(),
            1
        );
        assert_eq!(
            check_with(&ProcMount, &yaml, &at(PsaLevel::Restricted, 35)).len(),
            1
        );
        assert_eq!(
            check_with(&ProcMount, &yaml, &at(PsaLevel::Restricted, 37)).len(),
            1
        );
    }
}
