use crate::declare_rule;
use crate::lint::{PodCx, PsaLevel, PsaScope, Rule, RuleMeta, Sink, Version};
use crate::manifest::Node;

/// Safe sysctls with the version from which baseline allows each.
const ALLOWED: &[(&str, u32)] = &[
    ("kernel.shm_rmid_forced", 0),
    ("net.ipv4.ip_local_port_range", 0),
    ("net.ipv4.tcp_syncookies", 0),
    ("net.ipv4.ping_group_range", 0),
    ("net.ipv4.ip_unprivileged_port_start", 0),
    ("net.ipv4.ip_local_reserved_ports", 27),
    ("net.ipv4.tcp_keepalive_time", 29),
    ("net.ipv4.tcp_fin_timeout", 29),
    ("net.ipv4.tcp_keepalive_intvl", 29),
    ("net.ipv4.tcp_keepalive_probes", 29),
    ("net.ipv4.tcp_rmem", 32),
    ("net.ipv4.tcp_wmem", 32),
    ("net.ipv4.tcp_slow_start_after_idle", 37),
    ("net.ipv4.tcp_notsent_lowat", 37),
];

declare_rule! {
    /// ## What it does
    /// Reports `spec.securityContext.sysctls` outside the safe set (Pod Security control
    /// "Sysctls", check `sysctls`, baseline). The safe set grows with the version:
    /// - v1.0: `kernel.shm_rmid_forced`, `net.ipv4.ip_local_port_range`,
    ///   `net.ipv4.tcp_syncookies`, `net.ipv4.ping_group_range`,
    ///   `net.ipv4.ip_unprivileged_port_start`
    /// - v1.27: `net.ipv4.ip_local_reserved_ports`
    /// - v1.29: `net.ipv4.tcp_keepalive_time`, `net.ipv4.tcp_fin_timeout`,
    ///   `net.ipv4.tcp_keepalive_intvl`, `net.ipv4.tcp_keepalive_probes`
    /// - v1.32: `net.ipv4.tcp_rmem`, `net.ipv4.tcp_wmem`
    /// - v1.37: `net.ipv4.tcp_slow_start_after_idle`, `net.ipv4.tcp_notsent_lowat`
    ///
    /// A sysctl is reported at the versions that do not allow it yet.
    ///
    /// ## Why is this bad?
    /// Sysctls outside the safe set are not isolated per pod: they change the kernel of the
    /// whole node for every workload on it, or can disable its protections. Tune them on the
    /// nodes instead (node pools for training often need `net.core.*` buffers raised).
    ///
    /// ## Example
    /// ```yaml
    /// apiVersion: v1
    /// kind: Pod
    /// metadata:
    ///   name: trainer
    /// spec:
    ///   securityContext:
    ///     sysctls:
    ///     - name: net.core.somaxconn
    ///       value: "4096"
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
    ///     sysctls:
    ///     - name: net.ipv4.ip_local_port_range
    ///       value: "32768 60999"
    ///   containers:
    ///   - name: trainer
    ///     image: registry.example.com/train:1.4.2
    /// ```
    ///
    /// ## References
    /// - <https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline>
    /// - <https://kubernetes.io/docs/tasks/administer-cluster/sysctl-cluster/>
    /// - `policy/check_sysctls.go` in kubernetes/pod-security-admission
    pub UnsafeSysctl {
        name: "unsafe-sysctl",
        category: PodSecurity,
        level: Error,
        summary: "pod sets a sysctl outside the safe set",
    }
}

impl Rule for UnsafeSysctl {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_pod(&self, cx: &PodCx<'_>, sink: &mut Sink) {
        let Some(sysctls) = cx.security("sysctls").and_then(Node::as_seq) else {
            return;
        };
        for (i, sysctl) in sysctls.iter().enumerate() {
            // A sysctl without a name fails API validation before admission.
            let Some(name) = sysctl.get("name").and_then(Node::as_str) else {
                continue;
            };
            let since = ALLOWED
                .iter()
                .find(|(n, _)| *n == name)
                .map(|&(_, v)| Version::v1(v));
            let scope = PsaScope::new(PsaLevel::Baseline, Version::OLDEST);
            let scope = match since {
                Some(v) if v == Version::OLDEST => continue,
                Some(v) => scope.until(v),
                None => scope,
            };
            sink.report(
                cx.field_path("securityContext")
                    .key("sysctls")
                    .index(i)
                    .key("name"),
                format!("forbidden sysctls: {name}"),
            )
            .help(match since {
                Some(v) => format!(
                    "Pod Security allows `{name}` from {v}; set it on the nodes for older policies"
                ),
                None => "set the sysctl on the nodes instead, or remove it".to_string(),
            })
            .psa(scope);
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

    fn pod(name: &str) -> String {
        format!(
            "apiVersion: v1\nkind: Pod\nmetadata: {{name: p}}\nspec:\n  securityContext:\n    sysctls:\n    - {{name: {name}, value: '1'}}\n  containers: [{{name: a, image: x:1}}]\n"
        )
    }

    #[test]
    fn unsafe_sysctls_are_reported_at_every_version() {
        assert_eq!(
            render(&check(&UnsafeSysctl, &pod("net.core.somaxconn"))),
            "7:14 [error] forbidden sysctls: net.core.somaxconn (spec.securityContext.sysctls[0].name)"
        );
        assert_eq!(
            check_with(&UnsafeSysctl, &pod("kernel.msgmax"), &at(0)).len(),
            1
        );
    }

    #[test]
    fn the_allow_list_grows_at_each_version() {
        for (name, since) in [
            ("kernel.shm_rmid_forced", 0),
            ("net.ipv4.ip_local_reserved_ports", 27),
            ("net.ipv4.tcp_keepalive_probes", 29),
            ("net.ipv4.tcp_fin_timeout", 29),
            ("net.ipv4.tcp_wmem", 32),
            ("net.ipv4.tcp_notsent_lowat", 37),
            ("net.ipv4.tcp_slow_start_after_idle", 37),
        ] {
            let yaml = pod(name);
            assert!(
                check_with(&UnsafeSysctl, &yaml, &at(since)).is_empty(),
                "{name}"
            );
            if since > 0 {
                assert_eq!(
                    check_with(&UnsafeSysctl, &yaml, &at(since - 1)).len(),
                    1,
                    "{name}"
                );
            }
        }
    }

    #[test]
    fn malformed_sysctls_are_skipped() {
        let yaml = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  securityContext:\n    sysctls: [{value: '1'}, {name: 5}, null, x]\n  containers: [{name: a, image: x:1}]\n";
        assert!(check(&UnsafeSysctl, yaml).is_empty());
    }
}
