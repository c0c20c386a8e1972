//! The ports that a container's probes use, shared by the two probe-port rules.
use crate::lint::ContainerRef;
use crate::manifest::{Node, Path};

const PROBES: [&str; 3] = ["livenessProbe", "readinessProbe", "startupProbe"];

/// A probe's port as written.
pub enum ProbePort<'a> {
    Number(i64),
    Name(&'a str),
}

/// Every probe port of a container: the probe's field name and the port's path.
pub fn probe_ports<'a>(c: &ContainerRef<'a>) -> Vec<(&'static str, Path, ProbePort<'a>)> {
    let mut out = Vec::new();
    for probe in PROBES {
        let Some(p) = c.node.get(probe) else { continue };
        for handler in ["httpGet", "tcpSocket", "grpc"] {
            let Some(port) = p.get(handler).and_then(|h| h.get("port")) else {
                continue;
            };
            let value = match (port.as_i64(), port.as_str()) {
                (Some(n), _) => ProbePort::Number(n),
                // gRPC ports are numbers only; a name there is the API server's to reject.
                (None, Some(name)) if handler != "grpc" => ProbePort::Name(name),
                _ => continue,
            };
            out.push((probe, c.path(&[probe, handler, "port"]), value));
        }
    }
    out
}

/// The `ports` entries of a container.
pub fn ports(container: &Node) -> &[Node] {
    container
        .get("ports")
        .and_then(Node::as_seq)
        .unwrap_or_default()
}
