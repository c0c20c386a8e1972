use super::{join_quote, pluralize, present};
use crate::declare_rule;
use crate::lint::{PodCx, PsaLevel, PsaScope, Rule, RuleMeta, Sink, Version};
use crate::manifest::{Node, Path};

/// Probe and lifecycle handlers, with the handler kinds that take a `host`. `tcpSocket` in
/// lifecycle hooks is deprecated and ignored by the kubelet, but upstream checks it.
const HANDLERS: [&[&str]; 5] = [
    &["livenessProbe"],
    &["readinessProbe"],
    &["startupProbe"],
    &["lifecycle", "postStart"],
    &["lifecycle", "preStop"],
];

declare_rule! {
    /// ## What it does
    /// Reports probes and lifecycle hooks whose `httpGet.host` or `tcpSocket.host` is set
    /// (Pod Security control "Host Probes / Lifecycle Hooks", check
    /// `hostProbesAndHostLifecycle`, baseline, new in v1.34: namespaces pinned to an older
    /// version allow it).
    ///
    /// ## Why is this bad?
    /// The kubelet runs probes and hooks from the node, with the node's network identity.
    /// A `host` field lets a pod make the kubelet connect to any address the node can reach
    /// (the node's own services, cloud metadata endpoints, other pods' ports) and learn from
    /// the result. Without `host`, the kubelet connects to the pod's own IP.
    ///
    /// ## Example
    /// ```yaml
    /// apiVersion: v1
    /// kind: Pod
    /// metadata:
    ///   name: server
    /// spec:
    ///   containers:
    ///   - name: server
    ///     image: registry.example.com/serve:2.0.1
    ///     readinessProbe:
    ///       httpGet:
    ///         host: 169.254.169.254
    ///         path: /healthz
    ///         port: 8080
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// apiVersion: v1
    /// kind: Pod
    /// metadata:
    ///   name: server
    /// spec:
    ///   containers:
    ///   - name: server
    ///     image: registry.example.com/serve:2.0.1
    ///     readinessProbe:
    ///       httpGet:
    ///         path: /healthz
    ///         port: 8080
    /// ```
    ///
    /// ## References
    /// - <https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline>
    /// - `policy/check_hostProbesAndhostLifecycle.go` in kubernetes/pod-security-admission
    pub HostProbe {
        name: "host-probe",
        category: PodSecurity,
        level: Error,
        summary: "probe or lifecycle hook sends the kubelet to another host",
    }
}

impl Rule for HostProbe {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_pod(&self, cx: &PodCx<'_>, sink: &mut Sink) {
        for c in cx.containers() {
            let mut first: Option<Path> = None;
            let mut hosts: Vec<&str> = Vec::new();
            for handler in HANDLERS {
                let node = handler.iter().try_fold(c.node, |n, k| present(Some(n), k));
                for kind in ["httpGet", "tcpSocket"] {
                    let Some(host) = present(node, kind)
                        .and_then(|h| h.get("host"))
                        .and_then(Node::as_str)
                        .filter(|h| !h.is_empty())
                    else {
                        continue;
                    };
                    if first.is_none() {
                        let mut keys = handler.to_vec();
                        keys.extend([kind, "host"]);
                        first = Some(c.path(&keys));
                    }
                    hosts.push(host);
                }
            }
            let Some(path) = first else { continue };
            hosts.sort_unstable();
            hosts.dedup();
            sink.report(
                path,
                format!(
                    "probe or lifecycle host: {} uses {} {}",
                    c.describe(),
                    pluralize(
                        "probe or lifecycle host",
                        "probe or lifecycle hosts",
                        hosts.len()
                    ),
                    join_quote(hosts.iter().copied())
                ),
            )
            .help("remove `host`; the kubelet then connects to the pod's own IP")
            .psa(PsaScope::new(PsaLevel::Baseline, Version::v1(34)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::{check, check_with, render};
    use crate::lint::{PsaPolicy, Settings};

    const HOSTS: &str = "\
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
  - name: a
    image: x:1
    livenessProbe: {httpGet: {host: '', port: 80}}
    readinessProbe: {tcpSocket: {host: 10.0.0.2, port: 80}}
    startupProbe: {httpGet: {host: 10.0.0.1, port: 80}}
    lifecycle:
      postStart: {httpGet: {host: 10.0.0.1, port: 80}}
      preStop: {tcpSocket: {host: node.local, port: 80}}
  - name: b
    image: x:1
    lifecycle: {preStop: {tcpSocket: {host: 127.0.0.1, port: 80}}}
  - name: c
    image: x:1
    livenessProbe: {httpGet: {port: 80}}
    readinessProbe: null
    lifecycle: {postStart: {exec: {command: [x]}}, preStop: 3}
";

    fn at(version: u32) -> Settings {
        Settings {
            policy: PsaPolicy {
                level: PsaLevel::Baseline,
                version: Version::v1(version),
            },
            ..Settings::default()
        }
    }

    #[test]
    fn hosts_are_reported_per_container_from_v1_34() {
        assert_eq!(
            render(&check(&HostProbe, HOSTS)),
            "9:40 [error] probe or lifecycle host: container \"a\" uses probe or lifecycle hosts \"10.0.0.1\", \"10.0.0.2\", \"node.local\" (spec.containers[0].readinessProbe.tcpSocket.host)\n\
             16:45 [error] probe or lifecycle host: container \"b\" uses probe or lifecycle host \"127.0.0.1\" (spec.containers[1].lifecycle.preStop.tcpSocket.host)"
        );
        assert_eq!(check_with(&HostProbe, HOSTS, &at(34)).len(), 2);
        assert!(check_with(&HostProbe, HOSTS, &at(33)).is_empty());
    }

    #[test]
    fn loopback_hosts_are_no_exception() {
        let pod = "\
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
  - name: a
    image: x:1
    livenessProbe: {httpGet: {host: 127.0.0.1, port: 8080}}
    readinessProbe: {tcpSocket: {host: '::1', port: 8080}}
";
        assert_eq!(
            render(&check_with(&HostProbe, pod, &at(34))),
            "8:37 [error] probe or lifecycle host: container \"a\" uses probe or lifecycle hosts \"127.0.0.1\", \"::1\" (spec.containers[0].livenessProbe.httpGet.host)"
        );
    }
}
