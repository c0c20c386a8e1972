//! Where a pod spec asks to run, as far as the `gpu` rules need it: node selector and
//! required node-affinity values of a label, and whether anything steers the pod to
//! particular nodes.
use crate::manifest::{Node, PodTemplate};

/// GFD's label with the GPU model of a node.
pub const PRODUCT_LABEL: &str = "nvidia.com/gpu.product";

/// The values a pod allows for node label `key`, from `nodeSelector` and from the required
/// node-affinity terms that constrain it with `In`. `None` when nothing constrains the
/// label, or a term allows any value (so no conclusion can be drawn from it).
pub struct Allowed<'a> {
    /// From `nodeSelector`.
    pub selector: Option<&'a str>,
    /// From the required affinity terms: one of these values, when every term has an
    /// `In` expression on the key.
    pub affinity: Option<Vec<&'a str>>,
}

pub fn allowed_values<'a>(pod: &PodTemplate<'a>, key: &str) -> Allowed<'a> {
    let selector = pod
        .field("nodeSelector")
        .and_then(|s| s.get(key))
        .and_then(Node::as_str);
    let terms = pod.field("affinity").map_or(&[][..], required_terms);
    let mut values = Vec::new();
    let mut every_term_constrains = !terms.is_empty();
    for term in terms {
        let mut constrained = false;
        for expr in term
            .get("matchExpressions")
            .and_then(Node::as_seq)
            .unwrap_or_default()
        {
            if expr.get("key").and_then(Node::as_str) == Some(key)
                && expr.get("operator").and_then(Node::as_str) == Some("In")
            {
                constrained = true;
                values.extend(
                    expr.get("values")
                        .and_then(Node::as_seq)
                        .unwrap_or_default()
                        .iter()
                        .filter_map(Node::as_str),
                );
            }
        }
        every_term_constrains &= constrained;
    }
    Allowed {
        selector,
        affinity: every_term_constrains.then_some(values),
    }
}

/// The prefix of the node labels GKE sets.
const GKE_LABELS: &str = "cloud.google.com/";

/// Whether the pod can only run on GKE's nodes: a GKE label in its node selector, or in
/// every required node-affinity term (with `In` or `Exists`).
pub fn selects_gke(pod: &PodTemplate<'_>) -> bool {
    let gke = |key: Option<&str>| key.is_some_and(|k| k.starts_with(GKE_LABELS));
    if pod
        .field("nodeSelector")
        .and_then(Node::as_map)
        .unwrap_or_default()
        .iter()
        .any(|(k, _)| gke(k.as_str()))
    {
        return true;
    }
    let terms = pod.field("affinity").map_or(&[][..], required_terms);
    !terms.is_empty()
        && terms.iter().all(|term| {
            term.get("matchExpressions")
                .and_then(Node::as_seq)
                .unwrap_or_default()
                .iter()
                .any(|e| {
                    gke(e.get("key").and_then(Node::as_str))
                        && matches!(
                            e.get("operator").and_then(Node::as_str),
                            Some("In" | "Exists")
                        )
                })
        })
}

/// `nodeSelectorTerms` of the required node affinity; the pod may run on a node that
/// matches any one of them.
fn required_terms(affinity: &Node) -> &[Node] {
    affinity
        .get("nodeAffinity")
        .and_then(|n| n.get("requiredDuringSchedulingIgnoredDuringExecution"))
        .and_then(|r| r.get("nodeSelectorTerms"))
        .and_then(Node::as_seq)
        .unwrap_or_default()
}
