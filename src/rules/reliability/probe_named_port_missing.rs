use super::probe_ports::{ProbePort, ports, probe_ports};
use crate::declare_rule;
use crate::lint::{PodCx, Rule, RuleMeta, Sink};
use crate::manifest::Node;

declare_rule! {
    /// ## What it does
    /// Reports a liveness, readiness or startup probe (`httpGet` or `tcpSocket`) whose
    /// `port` is a name that none of the same container's `ports` carries.
    ///
    /// ## Why is this bad?
    /// The kubelet resolves a named probe port among the ports of the probed container only.
    /// When the name is not there, every probe fails: a readiness probe keeps the pod out of
    /// its Service for ever, a liveness or startup probe restarts the container in a loop.
    /// The API server does not check this, so the mistake shows only at run time.
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
    ///     - name: http
    ///       containerPort: 8080
    ///     readinessProbe:
    ///       httpGet:
    ///         path: /ready
    ///         port: metrics
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
    ///     - name: http
    ///       containerPort: 8080
    ///     readinessProbe:
    ///       httpGet:
    ///         path: /ready
    ///         port: http
    /// ```
    ///
    /// ## References
    /// - <https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#use-a-named-port>
    pub ProbeNamedPortMissing {
        name: "probe-named-port-missing",
        category: Reliability,
        level: Error,
        summary: "probe uses a port name the container does not define",
    }
}

impl Rule for ProbeNamedPortMissing {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_pod(&self, cx: &PodCx<'_>, sink: &mut Sink) {
        // The Dynamo operator gives its containers ports and probes of its own.
        if crate::manifest::is_dynamo(cx.object) {
            return;
        }
        for c in cx.containers() {
            for (probe, path, port) in probe_ports(c) {
                let ProbePort::Name(name) = port else {
                    continue;
                };
                let defined = ports(c.node)
                    .iter()
                    .any(|p| p.get("name").and_then(Node::as_str) == Some(name));
                if !defined {
                    sink.report(
                        path,
                        format!("`{probe}` uses port `{name}`, which {} does not define", c.describe()),
                    )
                    .help(format!("add a port named `{name}` to the container's `ports`, or probe a port it defines"));
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
        render(&check(&ProbeNamedPortMissing, yaml))
    }

    #[test]
    fn unknown_names_are_reported_at_the_port() {
        let yaml = "\
apiVersion: apps/v1
kind: Deployment
metadata: {name: d}
spec:
  template:
    spec:
      containers:
      - name: app
        image: x:1
        ports: [{name: http, containerPort: 8080}]
        livenessProbe: {tcpSocket: {port: http}}
        readinessProbe: {httpGet: {path: /, port: admin}}
      - name: side
        image: y:1
        ports: [{name: admin, containerPort: 9000}]
";
        assert_eq!(
            run(yaml),
            "12:51 [error] `readinessProbe` uses port `admin`, which container \"app\" does not define (spec.template.spec.containers[0].readinessProbe.httpGet.port)"
        );
    }

    #[test]
    fn numbers_grpc_and_malformed_input_pass() {
        let yaml = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - {name: a, image: x:1, ports: 3, readinessProbe: {httpGet: {port: 8080}}, livenessProbe: {grpc: {port: grpc}}, startupProbe: {tcpSocket: {port: [1]}}}\n";
        assert_eq!(run(yaml), "");
    }
}
