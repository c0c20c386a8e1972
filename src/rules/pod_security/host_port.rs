use super::pluralize;
use crate::declare_rule;
use crate::lint::{ContainerKind, PodCx, PsaLevel, PsaScope, Rule, RuleMeta, Sink, Version};
use crate::manifest::Node;

declare_rule! {
    /// ## What it does
    /// Reports container ports with a `hostPort` other than `0` (Pod Security control "Host
    /// Ports", check `hostPorts`, baseline, every version from v1.0). The standard allows a
    /// known list of host ports, but the built-in admission controller has no such list:
    /// every non-zero host port is rejected. In a pod with `hostNetwork: true` the API
    /// server sets every unset `hostPort` of its containers and init containers to the
    /// `containerPort` before admission, so those ports count too. The pods of a workload
    /// get this when they are created (since Kubernetes 1.28 the stored template is left
    /// as written), so a workload's template is checked as its pods will be.
    ///
    /// ## Why is this bad?
    /// A host port binds a port of the node's own network interfaces: it bypasses network
    /// policies and services, and two pods with the same host port cannot share a node,
    /// which silently limits where training workers can be scheduled. Pod Security
    /// Admission rejects it at `baseline` and `restricted`; use a Service instead.
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
    ///     ports:
    ///     - containerPort: 8080
    ///       hostPort: 8080
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
    ///     ports:
    ///     - containerPort: 8080
    /// ```
    ///
    /// ## References
    /// - <https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline>
    /// - `policy/check_hostPorts.go` in kubernetes/pod-security-admission
    pub HostPort {
        name: "host-port",
        category: PodSecurity,
        level: Error,
        summary: "container binds a port of the node",
    }
}

impl Rule for HostPort {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_pod(&self, cx: &PodCx<'_>, sink: &mut Sink) {
        // The API server's defaulting of a pod on the host network.
        let defaulted = cx.field("hostNetwork").and_then(Node::as_bool) == Some(true);
        for c in cx.containers() {
            let Some(ports) = c.node.get("ports").and_then(Node::as_seq) else {
                continue;
            };
            let defaulted = defaulted && c.kind != ContainerKind::Ephemeral;
            let mut first = None;
            let mut bad: Vec<String> = Vec::new();
            for (i, port) in ports.iter().enumerate() {
                let set = port.get("hostPort").and_then(Node::as_i64).unwrap_or(0);
                let (n, key) = match port.get("containerPort").and_then(Node::as_i64) {
                    Some(container) if set == 0 && defaulted => (container, "containerPort"),
                    _ => (set, "hostPort"),
                };
                if n != 0 {
                    first.get_or_insert((i, key));
                    bad.push(n.to_string());
                }
            }
            let Some((first, key)) = first else { continue };
            // Upstream lists the ports of a string set: sorted as strings, without repeats.
            bad.sort();
            bad.dedup();
            let help = if defaulted {
                "remove `hostNetwork: true` and `hostPort`, and reach the container through a Service: on the host network every container port is a host port"
            } else {
                "remove `hostPort` and reach the container through a Service"
            };
            sink.report(
                c.path(&["ports"]).index(first).key(key),
                format!(
                    "hostPort: {} uses {} {}",
                    c.describe(),
                    pluralize("hostPort", "hostPorts", bad.len()),
                    bad.join(", ")
                ),
            )
            .help(help)
            .psa(PsaScope::new(PsaLevel::Baseline, Version::OLDEST));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::{check, render};

    #[test]
    fn non_zero_host_ports_are_reported_per_container() {
        let yaml = "\
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  initContainers:
  - name: init
    image: x:1
    ports: [{containerPort: 1, hostPort: 0}]
  containers:
  - name: app
    image: x:1
    ports:
    - {containerPort: 80}
    - {containerPort: 80, hostPort: 80}
    - {containerPort: 443, hostPort: 443}
    - {containerPort: 81, hostPort: 80, protocol: UDP}
  - name: one
    image: x:1
    ports: [{containerPort: 9000, hostPort: 9000}, {hostPort: \"9001\"}, 5]
";
        assert_eq!(
            render(&check(&HostPort, yaml)),
            "14:37 [error] hostPort: container \"app\" uses hostPorts 443, 80 (spec.containers[0].ports[1].hostPort)\n\
             19:45 [error] hostPort: container \"one\" uses hostPort 9000 (spec.containers[1].ports[0].hostPort)"
        );
    }

    #[test]
    fn a_pod_on_the_host_network_gets_its_container_ports_as_host_ports() {
        let pod = "\
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  hostNetwork: true
  initContainers:
  - {name: init, image: x:1, ports: [{containerPort: 9090}]}
  containers:
  - name: app
    image: x:1
    ports: [{containerPort: 8080}, {containerPort: 8443, hostPort: 0}, {containerPort: 1, hostPort: 2}]
  ephemeralContainers:
  - {name: debug, image: x:1, ports: [{containerPort: 7000}]}
";
        assert_eq!(
            render(&check(&HostPort, pod)),
            "7:54 [error] hostPort: init container \"init\" uses hostPort 9090 (spec.initContainers[0].ports[0].containerPort)\n\
             11:29 [error] hostPort: container \"app\" uses hostPorts 2, 8080, 8443 (spec.containers[0].ports[0].containerPort)"
        );
        // A workload's pods are defaulted when they are created.
        let deployment = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  template:\n    spec:\n      hostNetwork: true\n      containers: [{name: a, image: x:1, ports: [{containerPort: 80}]}]\n";
        assert_eq!(
            render(&check(&HostPort, deployment)),
            "8:66 [error] hostPort: container \"a\" uses hostPort 80 (spec.template.spec.containers[0].ports[0].containerPort)"
        );
        let off = pod.replace("hostNetwork: true", "hostNetwork: false");
        assert_eq!(check(&HostPort, &off).len(), 1);
    }

    #[test]
    fn malformed_ports_pass() {
        let yaml = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - {name: a, image: x:1, ports: null}\n  - {name: b, image: x:1, ports: {hostPort: 1}}\n";
        assert!(check(&HostPort, yaml).is_empty());
    }
}
