//! The `deployment` target: Service, Deployment (and its canary), HorizontalPodAutoscaler
//! (autoscaling/v2), PodDisruptionBudget (policy/v1), and with `--mesh istio` a
//! DestinationRule and VirtualService that split the traffic between the two tracks.
use std::collections::BTreeMap;

use k8s_openapi::api::apps::v1::{
    Deployment, DeploymentSpec, DeploymentStrategy, RollingUpdateDeployment,
};
use k8s_openapi::api::autoscaling::v2::{
    CrossVersionObjectReference, HPAScalingPolicy, HPAScalingRules, HorizontalPodAutoscaler,
    HorizontalPodAutoscalerBehavior, HorizontalPodAutoscalerSpec, MetricIdentifier, MetricSpec,
    MetricTarget, PodsMetricSource, ResourceMetricSource,
};
use k8s_openapi::api::core::v1::{Service, ServicePort, ServiceSpec};
use k8s_openapi::api::policy::v1::{PodDisruptionBudget, PodDisruptionBudgetSpec};
use k8s_openapi::apimachinery::pkg::api::resource::Quantity;
use k8s_openapi::apimachinery::pkg::apis::meta::v1::LabelSelector;
use k8s_openapi::apimachinery::pkg::util::intstr::IntOrString;
use serde_json::Value;

use super::crds::{
    Destination, DestinationRuleSpec, HttpRoute, RouteDestination, Subset, VirtualServiceSpec,
};
use super::{
    COMPONENT, ServePlan, downloader, metadata, model_volume, scaling_metadata, server_container,
    spread,
};
use crate::error::Result;
use crate::generate::crds::Resource;
use crate::generate::pod::{
    LABEL_COMPONENT, LABEL_INSTANCE, Placement, PodTemplateParts, pod_template, scratch_volumes,
    standard_labels,
};
use crate::output::to_value;

/// Label that tells the stable and canary pods apart (the DestinationRule's subsets).
pub const TRACK_LABEL: &str = "mlk.dev/track";

/// Labels every pod of the server has, whatever its track: what the Service and the
/// PodDisruptionBudget select.
fn app_selector(plan: &ServePlan) -> BTreeMap<String, String> {
    BTreeMap::from([
        (LABEL_INSTANCE.to_string(), plan.name.clone()),
        (LABEL_COMPONENT.to_string(), COMPONENT.to_string()),
    ])
}

fn track_selector(plan: &ServePlan, track: &str) -> BTreeMap<String, String> {
    let mut s = app_selector(plan);
    s.insert(TRACK_LABEL.to_string(), track.to_string());
    s
}

pub fn render(plan: &ServePlan) -> Result<Vec<Value>> {
    let mut docs = vec![to_value(&service(plan))?];
    docs.push(to_value(&deployment(
        plan,
        "stable",
        &plan.name,
        &plan.image,
    ))?);
    if let Some(c) = &plan.canary {
        let name = format!("{}-canary", plan.name);
        docs.push(to_value(&deployment(plan, "canary", &name, &c.image))?);
    }
    docs.push(to_value(&autoscaler(plan))?);
    docs.push(to_value(&disruption_budget(plan))?);
    if let Some(c) = &plan.canary {
        docs.push(to_value(&destination_rule(plan))?);
        docs.push(to_value(&virtual_service(plan, c.percent))?);
    }
    Ok(docs)
}

fn service(plan: &ServePlan) -> Service {
    Service {
        metadata: metadata(plan, &plan.name),
        spec: Some(ServiceSpec {
            selector: Some(app_selector(plan)),
            ports: Some(
                plan.ports
                    .iter()
                    .map(|p| ServicePort {
                        name: Some(p.name.clone()),
                        port: p.port,
                        target_port: Some(IntOrString::String(p.name.clone())),
                        protocol: Some("TCP".to_string()),
                        ..Default::default()
                    })
                    .collect(),
            ),
            ..Default::default()
        }),
        status: None,
    }
}

fn deployment(plan: &ServePlan, track: &str, name: &str, image: &str) -> Deployment {
    let selector = track_selector(plan, track);
    let mut labels = standard_labels(&plan.name, COMPONENT);
    labels.insert(TRACK_LABEL.to_string(), track.to_string());
    let mut volumes = scratch_volumes(&plan.shm_size);
    volumes.push(model_volume(plan));
    let mut template = pod_template(PodTemplateParts {
        labels: labels.clone(),
        annotations: BTreeMap::new(),
        container: server_container(plan, "server", image),
        volumes,
        placement: Placement {
            node_selector: plan.node_selector.clone(),
            tolerations: plan.tolerations.clone(),
            priority_class: Some(plan.priority_class.clone()),
            scheduler_name: None,
        },
        restart_policy: None,
        subdomain: None,
    });
    if let Some(spec) = template.spec.as_mut() {
        spec.init_containers = downloader(plan).map(|c| vec![c]);
        spec.topology_spread_constraints = Some(spread(&selector, true));
    }
    let mut meta = metadata(plan, name);
    if let Some(l) = meta.labels.as_mut() {
        l.insert(TRACK_LABEL.to_string(), track.to_string());
    }
    Deployment {
        metadata: meta,
        spec: DeploymentSpec {
            replicas: Some(plan.min_replicas),
            selector: LabelSelector {
                match_labels: Some(selector),
                match_expressions: None,
            },
            // Bring a new replica up before taking an old one down: serving capacity
            // never drops during a rollout (at the price of one spare GPU set).
            strategy: Some(DeploymentStrategy {
                type_: Some("RollingUpdate".to_string()),
                rolling_update: Some(RollingUpdateDeployment {
                    max_surge: Some(IntOrString::Int(1)),
                    max_unavailable: Some(IntOrString::Int(0)),
                }),
            }),
            template,
            ..Default::default()
        },
        status: None,
    }
}

fn autoscaler(plan: &ServePlan) -> HorizontalPodAutoscaler {
    let mut metrics = vec![MetricSpec {
        type_: "Resource".to_string(),
        resource: Some(ResourceMetricSource {
            name: "cpu".to_string(),
            target: MetricTarget {
                type_: "Utilization".to_string(),
                average_utilization: Some(plan.target_utilization),
                ..Default::default()
            },
        }),
        ..Default::default()
    }];
    metrics.extend(plan.metrics.iter().map(|(name, target)| MetricSpec {
        type_: "Pods".to_string(),
        pods: Some(PodsMetricSource {
            metric: MetricIdentifier {
                name: name.clone(),
                selector: None,
            },
            target: MetricTarget {
                type_: "AverageValue".to_string(),
                average_value: Some(Quantity(target.clone())),
                ..Default::default()
            },
        }),
        ..Default::default()
    }));
    let b = plan.behavior;
    let rules = |window: i32, percent: i32| HPAScalingRules {
        stabilization_window_seconds: Some(window),
        select_policy: Some("Max".to_string()),
        policies: Some(vec![HPAScalingPolicy {
            type_: "Percent".to_string(),
            value: percent,
            period_seconds: b.period,
        }]),
        ..Default::default()
    };
    HorizontalPodAutoscaler {
        metadata: scaling_metadata(plan, &plan.name),
        spec: HorizontalPodAutoscalerSpec {
            scale_target_ref: CrossVersionObjectReference {
                api_version: Some("apps/v1".to_string()),
                kind: "Deployment".to_string(),
                name: plan.name.clone(),
            },
            min_replicas: Some(plan.min_replicas),
            max_replicas: plan.max_replicas,
            metrics: Some(metrics),
            behavior: Some(HorizontalPodAutoscalerBehavior {
                scale_up: Some(rules(b.up_stabilization, b.up_percent)),
                scale_down: Some(rules(b.down_stabilization, b.down_percent)),
            }),
        },
        status: None,
    }
}

/// At most one replica down at a time for drains; pods that are not running ready may
/// always be evicted, so a crash-looping replica never blocks a node drain.
fn disruption_budget(plan: &ServePlan) -> PodDisruptionBudget {
    PodDisruptionBudget {
        metadata: metadata(plan, &plan.name),
        spec: Some(PodDisruptionBudgetSpec {
            max_unavailable: Some(IntOrString::Int(1)),
            selector: Some(LabelSelector {
                match_labels: Some(app_selector(plan)),
                match_expressions: None,
            }),
            unhealthy_pod_eviction_policy: Some("AlwaysAllow".to_string()),
            ..Default::default()
        }),
        status: None,
    }
}

fn destination_rule(plan: &ServePlan) -> Resource<DestinationRuleSpec> {
    Resource {
        api_version: "networking.istio.io/v1".to_string(),
        kind: "DestinationRule".to_string(),
        metadata: metadata(plan, &plan.name),
        spec: DestinationRuleSpec {
            host: plan.name.clone(),
            subsets: ["stable", "canary"]
                .iter()
                .map(|t| Subset {
                    name: t.to_string(),
                    labels: BTreeMap::from([(TRACK_LABEL.to_string(), t.to_string())]),
                })
                .collect(),
        },
    }
}

fn virtual_service(plan: &ServePlan, percent: u32) -> Resource<VirtualServiceSpec> {
    let route = |subset: &str, weight: u32| RouteDestination {
        destination: Destination {
            host: plan.name.clone(),
            subset: subset.to_string(),
        },
        weight: weight as i32,
    };
    Resource {
        api_version: "networking.istio.io/v1".to_string(),
        kind: "VirtualService".to_string(),
        metadata: metadata(plan, &plan.name),
        spec: VirtualServiceSpec {
            hosts: vec![plan.name.clone()],
            http: vec![HttpRoute {
                name: "canary-split".to_string(),
                route: vec![route("stable", 100 - percent), route("canary", percent)],
            }],
        },
    }
}
