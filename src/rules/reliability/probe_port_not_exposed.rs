use super::probe_ports::{ProbePort, ports, probe_ports};
use crate::declare_rule;
use crate::lint::{PodCx, Rule, RuleMeta, Sink};
use crate::manifest::Node;

declare_rule! {
    /// ## What it does
    /// Reports a liveness, readiness or startup probe whose numeric `port` is not the
    /// `containerPort` of any container of the pod, when the probed container declares
    /// exactly one port: the server's port, changed in one place and not the other. A
    /// container that declares none is not checked (many images simply do not list them),
    /// and neither is one that declares several, which often keeps an undeclared port for
    /// health and metrics (ingress-nginx probes `10254` beside `80`, `443` and `8443`).
    ///
    /// ## Why is this bad?
    /// Declared ports are documentation the kubelet does not enforce, so such a probe may
    /// work, but usually it means the port was changed in one place and not the other
    /// (`8080` in `ports`, `8000` in the probe). The probe then fails against a closed port
    /// and the pod never becomes ready, or is restarted in a loop.
    ///
    /// ## Example
    /// ```yaml
    /// apiVersion: v1
    /// kind: Pod
    /// metadata:
    ///   name: model-server
    /// spec:
    ///   containers:
    ///   - name: server
    ///     image: registry.example.com/serve:2.1.0
    ///     ports:
    ///     - containerPort: 8080
    ///     readinessProbe:
    ///       httpGet:
    ///         path: /ready
    ///         port: 8000
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// apiVersion: v1
    /// kind: Pod
    /// metadata:
    ///   name: model-server
    /// spec:
    ///   containers:
    ///   - name: server
    ///     image: registry.example.com/serve:2.1.0
    ///     ports:
    ///     - containerPort: 8080
    ///     readinessProbe:
    ///       httpGet:
    ///         path: /ready
    ///         port: 8080
    /// ```
    ///
    /// ## References
    /// - <https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#ports>
    pub ProbePortNotExposed {
        name: "probe-port-not-exposed",
        category: Reliability,
        level: Warning,
        summary: "probe on a port no container of the pod declares",
    }
}

impl Rule for ProbePortNotExposed {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_pod(&self, cx: &PodCx<'_>, sink: &mut Sink) {
        // The Dynamo operator gives its containers ports and probes of its own.
        if crate::manifest::is_dynamo(cx.object) {
            return;
        }
        let containers = cx.containers();
        let declared: Vec<i64> = containers
            .iter()
            .flat_map(|c| ports(c.node))
            .filter_map(|p| p.get("containerPort").and_then(Node::as_i64))
            .collect();
        if declared.is_empty() {
            return;
        }
        for c in containers {
            if ports(c.node)
                .iter()
                .filter(|p| p.get("containerPort").is_some())
                .count()
                != 1
            {
                continue;
            }
            for (probe, path, port) in probe_ports(c) {
                let ProbePort::Number(n) = port else { continue };
                if !declared.contains(&n) {
                    sink.report(
                        path,
                        format!("`{probe}` of {} probes port {n}, which no container of the pod declares", c.describe()),
                    )
                    .help("probe a declared `containerPort`, or declare the port the server listens on");
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::{check, render};

    fn run(yaml: &str) -> String {
        render(&check(&ProbePortNotExposed, yaml))
    }

    const POD: &str = "\
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
  - name: app
    image: x:1
    ports: [{containerPort: 8080}]
    readinessProbe: {httpGet: {path: /, port: 8000}}
    livenessProbe: {tcpSocket: {port: 9090}}
  - name: side
    image: y:1
    ports: [{containerPort: 9090}]
";

    #[test]
    fn undeclared_numbers_are_reported_and_other_containers_count() {
        assert_eq!(
            run(POD),
            "9:47 [warning] `readinessProbe` of container \"app\" probes port 8000, which no container of the pod declares (spec.containers[0].readinessProbe.httpGet.port)"
        );
    }

    #[test]
    fn pods_without_declared_ports_and_malformed_input_pass() {
        let none = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - {name: a, image: x:1, readinessProbe: {httpGet: {port: 8000}}}\n";
        assert_eq!(run(none), "");
        let bad = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - {name: a, image: x:1, ports: [{containerPort: \"80\"}, 5], readinessProbe: {httpGet: 3}}\n";
        assert_eq!(run(bad), "");
    }

    #[test]
    fn a_container_with_several_ports_may_keep_its_health_port_undeclared() {
        let several = POD.replace(
            "ports: [{containerPort: 8080}]",
            "ports: [{containerPort: 80}, {containerPort: 443}, {containerPort: 8443}]",
        );
        assert_eq!(run(&several), "");
    }
}
