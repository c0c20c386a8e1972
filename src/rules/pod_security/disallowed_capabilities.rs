use super::{join_quote, present, restricted_unless_windows};
use crate::declare_rule;
use crate::lint::{ContainerRef, PodCx, PsaLevel, PsaScope, Rule, RuleMeta, Sink, Version};
use crate::manifest::Node;

/// Capabilities baseline lets containers add: the container runtimes' defaults.
const BASELINE_ALLOWED: [&str; 13] = [
    "AUDIT_WRITE",
    "CHOWN",
    "DAC_OVERRIDE",
    "FOWNER",
    "FSETID",
    "KILL",
    "MKNOD",
    "NET_BIND_SERVICE",
    "SETFCAP",
    "SETGID",
    "SETPCAP",
    "SETUID",
    "SYS_CHROOT",
];

declare_rule! {
    /// ## What it does
    /// Reports capabilities added in `securityContext.capabilities.add` that the policy
    /// forbids. Two Pod Security checks cover this field:
    /// - `capabilities_baseline` (baseline, every version from v1.0): only the runtime's
    ///   default capabilities may be added (`AUDIT_WRITE`, `CHOWN`, `DAC_OVERRIDE`, `FOWNER`,
    ///   `FSETID`, `KILL`, `MKNOD`, `NET_BIND_SERVICE`, `SETFCAP`, `SETGID`, `SETPCAP`,
    ///   `SETUID`, `SYS_CHROOT`). Message reason `non-default capabilities`.
    /// - `capabilities_restricted` (restricted, from v1.22, where it replaces the baseline
    ///   check): only `NET_BIND_SERVICE` may be added. Message reason `unrestricted
    ///   capabilities`. From v1.25 it skips pods with `spec.os.name: windows`.
    ///
    /// Restricted also requires dropping `ALL`; `capabilities-not-dropped` reports that.
    ///
    /// ## Why is this bad?
    /// Capabilities such as `SYS_ADMIN`, `NET_ADMIN`, `SYS_PTRACE` or `NET_RAW` give a
    /// container most of root's power over the node's kernel: mounting file systems,
    /// reconfiguring the network, tracing other processes, spoofing packets. GPU and RDMA
    /// workloads get their devices from device plugins and do not need them.
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
    ///       capabilities:
    ///         drop: ["ALL"]
    ///         add: ["IPC_LOCK"]
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
    ///       capabilities:
    ///         drop: ["ALL"]
    /// ```
    ///
    /// ## References
    /// - <https://kubernetes.io/docs/concepts/security/pod-security-standards/>
    /// - `policy/check_capabilities_baseline.go` and `policy/check_capabilities_restricted.go`
    ///   in kubernetes/pod-security-admission
    pub DisallowedCapabilities {
        name: "disallowed-capabilities",
        category: PodSecurity,
        level: Error,
        summary: "container adds capabilities the policy forbids",
    }
}

impl Rule for DisallowedCapabilities {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_pod(&self, cx: &PodCx<'_>, sink: &mut Sink) {
        for c in cx.containers() {
            let Some(add) = present(
                present(c.node.get("securityContext"), "capabilities"),
                "add",
            )
            .and_then(Node::as_seq) else {
                continue;
            };
            let added: Vec<(usize, &str)> = add
                .iter()
                .enumerate()
                .filter_map(|(i, n)| Some((i, n.as_str()?)))
                .collect();
            report(
                sink,
                c,
                &added,
                |cap| !BASELINE_ALLOWED.contains(&cap),
                "non-default capabilities",
                PsaScope::new(PsaLevel::Baseline, Version::OLDEST)
                    .overridden_in_restricted_from(Version::v1(22)),
            );
            report(
                sink,
                c,
                &added,
                |cap| cap != "NET_BIND_SERVICE",
                "unrestricted capabilities",
                restricted_unless_windows(cx, Version::v1(22)),
            );
        }
    }
}

fn report(
    sink: &mut Sink,
    c: &ContainerRef<'_>,
    added: &[(usize, &str)],
    forbidden: impl Fn(&str) -> bool,
    reason: &str,
    scope: PsaScope,
) {
    let Some(&(first, _)) = added.iter().find(|(_, cap)| forbidden(cap)) else {
        return;
    };
    // Upstream lists a sorted set of the forbidden capabilities.
    let mut caps: Vec<&str> = added
        .iter()
        .map(|&(_, cap)| cap)
        .filter(|cap| forbidden(cap))
        .collect();
    caps.sort_unstable();
    caps.dedup();
    sink.report(
        c.path(&["securityContext", "capabilities", "add"])
            .index(first),
        format!(
            "{reason}: {} must not include {} in securityContext.capabilities.add",
            c.describe(),
            join_quote(caps.iter().copied())
        ),
    )
    .help(if scope.level == PsaLevel::Restricted {
        "add no capability other than `NET_BIND_SERVICE`"
    } else {
        "remove the capability; only the container runtime's defaults may be added"
    })
    .psa(scope);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::{at, check_with, render};

    fn pod(os: &str, add: &str) -> String {
        format!(
            "apiVersion: v1\nkind: Pod\nmetadata: {{name: p}}\nspec:\n  {os}\n  containers:\n  - name: a\n    image: x:1\n    securityContext:\n      capabilities:\n        add: {add}\n"
        )
    }

    #[test]
    fn baseline_forbids_non_default_capabilities() {
        let yaml = pod("", "[CHOWN, SYS_ADMIN, NET_ADMIN, SYS_ADMIN]");
        let expected = "11:22 [error] non-default capabilities: container \"a\" must not include \"NET_ADMIN\", \"SYS_ADMIN\" in securityContext.capabilities.add (spec.containers[0].securityContext.capabilities.add[1])";
        assert_eq!(
            render(&check_with(
                &DisallowedCapabilities,
                &yaml,
                &at(PsaLevel::Baseline, 37)
            )),
            expected
        );
        assert_eq!(
            render(&check_with(
                &DisallowedCapabilities,
                &yaml,
                &at(PsaLevel::Restricted, 21)
            )),
            expected
        );
        assert_eq!(
            render(&check_with(
                &DisallowedCapabilities,
                &yaml,
                &at(PsaLevel::Restricted, 22)
            )),
            "11:15 [error] unrestricted capabilities: container \"a\" must not include \"CHOWN\", \"NET_ADMIN\", \"SYS_ADMIN\" in securityContext.capabilities.add (spec.containers[0].securityContext.capabilities.add[0])"
        );
        assert!(
            check_with(
                &DisallowedCapabilities,
                &yaml,
                &at(PsaLevel::Privileged, 37)
            )
            .is_empty()
        );
    }

    #[test]
    fn restricted_allows_only_net_bind_service() {
        let yaml = pod("", "[NET_BIND_SERVICE]");
        assert!(
            check_with(
                &DisallowedCapabilities,
                &yaml,
                &at(PsaLevel::Restricted, 37)
            )
            .is_empty()
        );
        let yaml = pod("", "[KILL]");
        assert!(
            check_with(
                &DisallowedCapabilities,
                &yaml,
                &at(PsaLevel::Restricted, 21)
            )
            .is_empty()
        );
        assert_eq!(
            check_with(
                &DisallowedCapabilities,
                &yaml,
                &at(PsaLevel::Restricted, 22)
            )
            .len(),
            1
        );
        assert!(check_with(&DisallowedCapabilities, &yaml, &at(PsaLevel::Baseline, 37)).is_empty());
    }

    #[test]
    fn windows_pods_are_exempt_from_the_restricted_check_from_v1_25() {
        let yaml = pod("os: {name: windows}", "[SYS_ADMIN]");
        assert_eq!(
            check_with(
                &DisallowedCapabilities,
                &yaml,
                &at(PsaLevel::Restricted, 24)
            )
            .len(),
            1
        );
        assert!(
            check_with(
                &DisallowedCapabilities,
                &yaml,
                &at(PsaLevel::Restricted, 25)
            )
            .is_empty()
        );
        // baseline has no Windows exemption
        assert_eq!(
            check_with(&DisallowedCapabilities, &yaml, &at(PsaLevel::Baseline, 37)).len(),
            1
        );
    }

    #[test]
    fn malformed_lists_do_not_misfire() {
        for add in ["null", "SYS_ADMIN", "[1, null, [SYS_ADMIN]]", "{a: b}"] {
            let yaml = pod("", add);
            assert!(
                check_with(&DisallowedCapabilities, &yaml, &at(PsaLevel::Baseline, 37)).is_empty(),
                "{add}"
            );
        }
    }
}
