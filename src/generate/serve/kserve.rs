//! The `kserve` target: a KServe InferenceService (serving.kserve.io/v1beta1). KServe's
//! storage initializer downloads the model, so there is no init container; a `custom`
//! runtime gets a `kserve-container` whose `STORAGE_URI` asks for the same download (to
//! `/mnt/models`). Canaries (`canaryTrafficPercent`) need Serverless mode; everything
//! else runs as a RawDeployment scaled by an HPA on CPU (reference/k8s-ml-facts.md 3).
use std::collections::BTreeMap;

use serde_json::Value;

use super::crds::{KServeSpec, ModelFormat, ModelSpec, Predictor};
use super::{ServePlan, env_from, metadata, runtime, server_container, spread};
use crate::api::inference::Runtime;
use crate::error::Result;
use crate::generate::crds::Resource;
use crate::generate::pod::{
    plain_env, restricted_container_security_context, restricted_pod_security_context, scratch_env,
    scratch_volumes,
};
use crate::output::to_value;

/// The label KServe puts on every pod of an InferenceService.
const ISVC_LABEL: &str = "serving.kserve.io/inferenceservice";

pub fn render(plan: &ServePlan) -> Result<Vec<Value>> {
    let serverless = plan.canary.is_some();
    let mut meta = metadata(plan, &plan.name);
    let annotations = meta.annotations.get_or_insert_with(BTreeMap::new);
    annotations.insert(
        "serving.kserve.io/deploymentMode".to_string(),
        if serverless {
            "Serverless"
        } else {
            "RawDeployment"
        }
        .to_string(),
    );
    if !serverless {
        annotations.insert(
            "serving.kserve.io/autoscalerClass".to_string(),
            "hpa".to_string(),
        );
    }
    // A canary is the new revision of the same InferenceService: apply it over the
    // running one and KServe sends it `canaryTrafficPercent` of the traffic.
    let image = plan
        .canary
        .as_ref()
        .map_or(plan.image.as_str(), |c| c.image.as_str());
    let scratch = scratch_volumes(&plan.shm_size);
    let mut predictor = Predictor {
        min_replicas: plan.min_replicas,
        max_replicas: plan.max_replicas,
        scale_metric: (!serverless).then(|| "cpu".to_string()),
        scale_target: (!serverless).then_some(plan.target_utilization),
        canary_traffic_percent: plan.canary.as_ref().map(|c| i64::from(c.percent)),
        automount_service_account_token: false,
        enable_service_links: false,
        security_context: restricted_pod_security_context(),
        priority_class_name: Some(plan.priority_class.clone()),
        node_selector: plan.node_selector.clone(),
        tolerations: plan.tolerations.clone(),
        topology_spread_constraints: spread(
            &BTreeMap::from([(ISVC_LABEL.to_string(), plan.name.clone())]),
            false,
        ),
        volumes: scratch.iter().map(|v| v.volume.clone()).collect(),
        ..Default::default()
    };
    let mounts: Vec<_> = scratch.iter().map(|v| v.mount.clone()).collect();
    match runtime::kserve_format(plan.runtime) {
        Some((format, serving_runtime)) if plan.runtime != Runtime::Custom => {
            let mut env = scratch_env();
            env.extend(plan.env.iter().map(|(k, v)| plain_env(k, v)));
            predictor.model = Some(ModelSpec {
                model_format: ModelFormat {
                    name: format.to_string(),
                },
                runtime: Some(serving_runtime.to_string()),
                storage_uri: plan.model_uri.clone(),
                image: (plan.explicit_image || plan.canary.is_some()).then(|| image.to_string()),
                args: plan.args.clone(),
                env,
                env_from: env_from(plan).unwrap_or_default(),
                resources: plan.resources.requirements(),
                security_context: restricted_container_security_context(true),
                volume_mounts: mounts,
            });
        }
        _ => {
            let mut c = server_container(plan, "kserve-container", image);
            c.volume_mounts = Some(mounts);
            let mut env = scratch_env();
            env.extend(c.env.take().unwrap_or_default());
            env.push(plain_env("STORAGE_URI", &plan.model_uri));
            c.env = Some(env);
            c.security_context = Some(restricted_container_security_context(true));
            predictor.containers = vec![c];
        }
    }
    let isvc = Resource {
        api_version: "serving.kserve.io/v1beta1".to_string(),
        kind: "InferenceService".to_string(),
        metadata: meta,
        spec: KServeSpec { predictor },
    };
    Ok(vec![to_value(&isvc)?])
}
