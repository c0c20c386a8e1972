//! What the `reliability` rules call a *served* workload.
//!
//! A `Deployment` or `StatefulSet` is served when any of these holds:
//! - a Service of the input in the same namespace selects its pods, unless the Service is
//!   headless (`clusterIP: None`): headless Services give pods DNS names (rendezvous,
//!   peer discovery), they do not balance traffic;
//! - it carries `app.kubernetes.io/component: inference`, `serving` or `model-server` on
//!   itself or its pod template;
//! - a HorizontalPodAutoscaler of the input targets it.
//!
//! A workload labelled `app.kubernetes.io/component: training` is never served. Objects
//! without a namespace are compared with those without one in the same directory, as if
//! they shared one: the files of a directory are taken to be applied to one namespace.
use std::collections::HashMap;

use crate::lint::facts::{Facts, HpaFact, Namespace, PdbFact, ServiceFact, WorkloadFact};

const COMPONENT: &str = "app.kubernetes.io/component";

/// A served workload and what makes it one.
pub struct Served<'a> {
    pub workload: &'a WorkloadFact,
    pub service: Option<&'a ServiceFact>,
    pub hpa: Option<&'a HpaFact>,
}

fn component(w: &WorkloadFact) -> Option<&str> {
    w.labels
        .get(COMPONENT)
        .or_else(|| w.pods.iter().find_map(|p| p.labels.get(COMPONENT)))
        .map(String::as_str)
}

pub fn is_training(w: &WorkloadFact) -> bool {
    component(w) == Some("training")
}

/// The HPAs of the input by namespace, target kind and target name.
pub fn hpa_index(facts: &Facts) -> HashMap<(&Namespace, &str, &str), &HpaFact> {
    facts
        .hpas
        .iter()
        .filter_map(|h| {
            Some((
                (
                    &h.namespace,
                    h.target_kind.as_deref()?,
                    h.target_name.as_deref()?,
                ),
                h,
            ))
        })
        .collect()
}

/// Every served workload of the input, in input order.
pub fn served(facts: &Facts) -> Vec<Served<'_>> {
    // Services by namespace and the first entry of their selector, so that each workload
    // is compared only with the Services that could select it.
    let mut services: HashMap<(&Namespace, &str, &str), Vec<&ServiceFact>> = HashMap::new();
    for s in facts.services.iter().filter(|s| !s.headless) {
        if let Some((k, v)) = s.selector.iter().next() {
            services
                .entry((&s.namespace, k.as_str(), v.as_str()))
                .or_default()
                .push(s);
        }
    }
    let hpas = hpa_index(facts);
    let mut out = Vec::new();
    for w in &facts.workloads {
        if !matches!(w.kind.as_str(), "Deployment" | "StatefulSet") || is_training(w) {
            continue;
        }
        let namespace = &w.namespace;
        let service = w.pods.iter().find_map(|p| {
            p.labels.iter().find_map(|(k, v)| {
                services
                    .get(&(namespace, k.as_str(), v.as_str()))?
                    .iter()
                    .copied()
                    .find(|s| s.selector.iter().all(|(k, v)| p.labels.get(k) == Some(v)))
            })
        });
        let hpa = w
            .name
            .as_deref()
            .and_then(|name| hpas.get(&(namespace, w.kind.as_str(), name)).copied());
        let labelled = matches!(component(w), Some("inference" | "serving" | "model-server"));
        if service.is_some() || hpa.is_some() || labelled {
            out.push(Served {
                workload: w,
                service,
                hpa,
            });
        }
    }
    out
}

/// True when `pdb` selects the pods with `labels` in `namespace`. A selector with
/// `matchExpressions` counts when its `matchLabels` match, since the expressions cannot be
/// told apart from a correct one without the pods.
pub fn pdb_selects(
    pdb: &PdbFact,
    namespace: &Namespace,
    labels: &crate::lint::facts::StrMap,
) -> bool {
    if !pdb.namespace.may_be(namespace) {
        return false;
    }
    if pdb.selects_all {
        return true;
    }
    if pdb.match_labels.is_empty() && !pdb.has_expressions {
        return false;
    }
    pdb.match_labels
        .iter()
        .all(|(k, v)| labels.get(k) == Some(v))
}
