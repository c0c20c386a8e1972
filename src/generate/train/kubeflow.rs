//! Targets `pytorchjob` and `tfjob`: Kubeflow Training Operator v1 resources
//! (kubeflow.org/v1). The operator injects MASTER_ADDR, RANK, WORLD_SIZE, PET_* and
//! TF_CONFIG itself, so mlk sets none of them; containers carry the names the operator's
//! webhook requires (`pytorch`, `tensorflow`).
use std::collections::BTreeMap;

use serde_json::Value;

use super::plan::{Role, TrainPlan};
use super::top_metadata;
use super::wiring;
use crate::api::training::{RestartPolicy, Strategy};
use crate::error::Result;
use crate::generate::crds::{
    PyTorchJobSpec, ReplicaSpec, Resource, RunPolicy, SchedulingPolicy, TfJobSpec,
};
use crate::output::to_value;

fn run_policy(plan: &TrainPlan) -> RunPolicy {
    RunPolicy {
        clean_pod_policy: "None".to_string(),
        backoff_limit: Some(plan.backoff_limit),
        active_deadline_seconds: Some(plan.deadline_seconds),
        ttl_seconds_after_finished: Some(plan.ttl_seconds),
        // The gang size is declared on every multi-pod job: operators run with a gang
        // scheduler (Volcano, scheduler-plugins) honour it, others ignore it.
        scheduling_policy: (plan.volcano || plan.total_pods() > 1).then(|| SchedulingPolicy {
            min_available: Some(plan.total_pods() as i32),
            priority_class: plan.priority_class.clone(),
        }),
    }
}

fn restart(plan: &TrainPlan) -> &'static str {
    match plan.restart_policy {
        RestartPolicy::Never => "Never",
        RestartPolicy::OnFailure => "OnFailure",
    }
}

fn replica(plan: &TrainPlan, role: &Role, replicas: u32, container: &str) -> ReplicaSpec {
    ReplicaSpec {
        replicas: replicas as i32,
        restart_policy: restart(plan).to_string(),
        template: wiring::role_template(plan, role, None, restart(plan), None, container),
    }
}

pub(crate) fn render_pytorch(plan: &TrainPlan, docs: &mut Vec<Value>) -> Result<()> {
    let worker = Role {
        name: "worker",
        replicas: plan.workers,
        accelerated: true,
    };
    let mut specs = BTreeMap::from([("Master".to_string(), replica(plan, &worker, 1, "pytorch"))]);
    if plan.workers > 1 {
        specs.insert(
            "Worker".to_string(),
            replica(plan, &worker, plan.workers - 1, "pytorch"),
        );
    }
    let nproc = if matches!(plan.strategy, Strategy::Ddp | Strategy::Fsdp) {
        plan.gpus_per_worker().max(1).to_string()
    } else {
        "1".to_string()
    };
    let job = Resource {
        api_version: "kubeflow.org/v1".to_string(),
        kind: "PyTorchJob".to_string(),
        metadata: top_metadata(plan, &plan.name),
        spec: PyTorchJobSpec {
            run_policy: run_policy(plan),
            nproc_per_node: nproc,
            pytorch_replica_specs: specs,
        },
    };
    docs.push(to_value(&job)?);
    Ok(())
}

pub(crate) fn render_tf(plan: &TrainPlan, docs: &mut Vec<Value>) -> Result<()> {
    let mut specs = BTreeMap::new();
    for role in plan.roles() {
        let key = match role.name {
            "chief" => "Chief",
            "ps" => "PS",
            _ => "Worker",
        };
        specs.insert(
            key.to_string(),
            replica(plan, &role, role.replicas, "tensorflow"),
        );
    }
    let job = Resource {
        api_version: "kubeflow.org/v1".to_string(),
        kind: "TFJob".to_string(),
        metadata: top_metadata(plan, &plan.name),
        spec: TfJobSpec {
            run_policy: run_policy(plan),
            tf_replica_specs: specs,
        },
    };
    docs.push(to_value(&job)?);
    Ok(())
}
