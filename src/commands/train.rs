//! `mlk train`: flags over an optional TrainingJob file over mlk.yaml defaults, validated,
//! sized and rendered for the chosen target.
use std::collections::BTreeSet;
use std::io::Write;

use crate::api::TrainingJob;
use crate::api::common::{EnvVar, GpuSpec, PodResources, Scheduling};
use crate::api::training::{CheckpointSpec, DataVolume, Lifecycle, ModelSpec, TrainingJobSpec};
use crate::cli::{TrainArgs, TrainTarget as TargetArg};
use crate::commands::Context;
use crate::commands::common::{bad_flag, parse_toleration, read_resource, spec_error};
use crate::config::TargetName;
use crate::error::Result;
use crate::generate::train::plan::{TrainDefaults, resolve};
use crate::generate::train::{self, TrainTarget};
use crate::input::InputFile;
use crate::output::write_manifests;
use crate::validate;

/// The flag that sets each spec field, for error messages.
const FIELD_FLAGS: &[(&str, &str)] = &[
    ("metadata.name", "--name"),
    ("metadata.namespace", "--namespace"),
    ("framework", "--framework"),
    ("image", "--image"),
    ("command", "--command"),
    ("workers", "--workers"),
    ("gpusPerWorker", "--gpus"),
    ("parameterServers", "--parameter-servers"),
    ("strategy", "--strategy"),
    ("gpu.type", "--gpu-type"),
    ("gpu.mig", "--mig"),
    ("gpu.resource", "--gpu-resource"),
    ("resources.cpu", "--cpu"),
    ("resources.memory", "--memory"),
    ("resources.shmSize", "--shm-size"),
    ("model.params", "--model-params"),
    ("model.precision", "--precision"),
    ("model.optimizer", "--optimizer"),
    ("model.sharding", "--sharding"),
    ("model.activationMemory", "--activation-memory"),
    ("dataSize", "--data-size"),
    ("data", "--data"),
    ("checkpoint.dir", "--checkpoint-dir"),
    ("checkpoint.size", "--checkpoint-size"),
    ("checkpoint.storageClass", "--storage-class"),
    ("scheduling.priorityClass", "--priority-class"),
    ("scheduling.queue", "--queue"),
    ("scheduling.scheduler", "--scheduler"),
    ("scheduling.spot", "--spot"),
    ("scheduling.nodeSelector", "--node-selector"),
    ("scheduling.tolerations", "--toleration"),
    ("lifecycle.backoffLimit", "--backoff-limit"),
    ("lifecycle.deadline", "--deadline"),
    ("lifecycle.ttlAfterFinished", "--ttl"),
    ("lifecycle.restartPolicy", "--restart-policy"),
    ("env", "--env"),
    ("envFromSecrets", "--env-from-secret"),
    ("hyperparameters", "--hyperparameter"),
];

fn flag_of(field: &str) -> Option<&'static str> {
    FIELD_FLAGS
        .iter()
        .find(|(f, _)| *f == field)
        .map(|(_, flag)| *flag)
}

pub fn run(
    args: &TrainArgs,
    ctx: &Context,
    out: &mut impl Write,
    err: &mut impl Write,
) -> Result<()> {
    let file = match &args.file {
        Some(path) => Some(InputFile::read(path)?),
        None => None,
    };
    let (mut name, mut namespace, mut spec) = match &file {
        Some(f) => from_file(f)?,
        None => (None, None, TrainingJobSpec::default()),
    };
    let mut from_flags = BTreeSet::new();
    apply_flags(args, &mut spec, &mut from_flags)?;
    if let Some(n) = &args.name {
        name = Some(n.clone());
        from_flags.insert("metadata.name");
    }
    if let Some(n) = &args.namespace {
        namespace = Some(n.clone());
        from_flags.insert("metadata.namespace");
    }
    let target = match (args.target, ctx.config.config.defaults.target) {
        (Some(t), _) => target_of(t),
        (None, Some(t)) => target_from_config(t),
        (None, None) => TrainTarget::Job,
    };
    let cfg = &ctx.config.config;
    let defaults = TrainDefaults {
        namespace: cfg.defaults.namespace.clone(),
        registry: cfg.defaults.registry.clone(),
        gpu_type: cfg.defaults.gpu_type.clone(),
        priority_class: cfg.defaults.priority_classes.training.clone(),
        coefficients: cfg.sizing.clone(),
    };
    let plan = resolve(
        name.as_deref(),
        namespace.as_deref(),
        target,
        &spec,
        &defaults,
    )
    .map_err(|e| spec_error(e, flag_of, &from_flags, file.as_ref(), ctx))?;
    let docs = train::render(&plan)?;
    write_manifests(&docs, args.output.output, out)?;
    let gpus = plan.gpus_per_worker();
    let resource = plan
        .resources
        .accelerators
        .as_ref()
        .map_or("GPUs", |a| a.resource.as_str());
    let summary = format!(
        "{}: {} worker{} x {} {} = {} total, target {}",
        plan.name,
        plan.workers,
        if plan.workers == 1 { "" } else { "s" },
        gpus,
        resource,
        plan.workers * gpus,
        plan.target.as_str()
    );
    // The summary is informational: a closed stderr must not fail the command.
    let _ = writeln!(err, "{summary}");
    for (rule, reason) in &plan.acknowledged {
        let _ = writeln!(err, "warning: {reason} (annotated `ignore.mlk.dev/{rule}`)");
    }
    if let Some(s) = &plan.sizing_summary {
        let _ = writeln!(err, "sizing: {s}");
    }
    Ok(())
}

fn target_of(t: TargetArg) -> TrainTarget {
    match t {
        TargetArg::Job => TrainTarget::Job,
        TargetArg::Statefulset => TrainTarget::StatefulSet,
        TargetArg::Trainingjob => TrainTarget::TrainingJob,
        TargetArg::Pytorchjob => TrainTarget::PyTorchJob,
        TargetArg::Tfjob => TrainTarget::TfJob,
        TargetArg::Jobset => TrainTarget::JobSet,
    }
}

fn target_from_config(t: TargetName) -> TrainTarget {
    match t {
        TargetName::Job => TrainTarget::Job,
        TargetName::Statefulset => TrainTarget::StatefulSet,
        TargetName::Trainingjob => TrainTarget::TrainingJob,
        TargetName::Pytorchjob => TrainTarget::PyTorchJob,
        TargetName::Tfjob => TrainTarget::TfJob,
        TargetName::Jobset => TrainTarget::JobSet,
    }
}

type FileSpec = (Option<String>, Option<String>, TrainingJobSpec);

fn from_file(file: &InputFile) -> Result<FileSpec> {
    let job: TrainingJob = read_resource(file, "mlk train --target trainingjob")?;
    Ok((job.metadata.name, job.metadata.namespace, job.spec))
}

/// Applies every given flag onto the spec and records which fields they set.
fn apply_flags(
    a: &TrainArgs,
    spec: &mut TrainingJobSpec,
    set: &mut BTreeSet<&'static str>,
) -> Result<()> {
    macro_rules! put {
        ($field:literal, $target:expr, $value:expr) => {{
            $target = $value;
            set.insert($field);
        }};
    }
    if let Some(f) = a.framework {
        put!("framework", spec.framework, f.into());
    }
    if let Some(i) = &a.image {
        put!("image", spec.image, Some(i.clone()));
    }
    if let Some(c) = &a.command {
        let words = shell_words::split(c).map_err(|e| {
            bad_flag(
                "--command",
                c,
                format!("cannot split the command: {e}"),
                "balance the quotes in `--command`",
            )
        })?;
        if words.is_empty() {
            return Err(bad_flag(
                "--command",
                c,
                "the command is empty",
                "pass the program and its arguments, e.g. `--command \"python train.py\"`",
            ));
        }
        put!("command", spec.command, words);
    }
    if !a.args.is_empty() {
        spec.args = a.args.clone();
        set.insert("args");
    }
    if let Some(n) = a.workers {
        put!("workers", spec.workers, Some(n));
    }
    if let Some(n) = a.gpus {
        put!("gpusPerWorker", spec.gpus_per_worker, Some(n));
    }
    if let Some(n) = a.parameter_servers {
        put!("parameterServers", spec.parameter_servers, Some(n));
    }
    if let Some(s) = a.strategy {
        put!("strategy", spec.strategy, Some(s.into()));
    }
    if a.gpu_type.is_some() || a.mig.is_some() || a.gpu_resource.is_some() {
        let g = spec.gpu.get_or_insert_with(GpuSpec::default);
        if let Some(t) = &a.gpu_type {
            put!("gpu.type", g.gpu_type, Some(t.clone()));
        }
        if let Some(m) = &a.mig {
            put!("gpu.mig", g.mig, Some(m.clone()));
        }
        if let Some(r) = &a.gpu_resource {
            put!("gpu.resource", g.resource, Some(r.clone()));
        }
    }
    if a.cpu.is_some() || a.memory.is_some() || a.shm_size.is_some() {
        let r = spec.resources.get_or_insert_with(PodResources::default);
        if let Some(v) = &a.cpu {
            put!("resources.cpu", r.cpu, Some(v.clone()));
        }
        if let Some(v) = &a.memory {
            put!("resources.memory", r.memory, Some(v.clone()));
        }
        if let Some(v) = &a.shm_size {
            put!("resources.shmSize", r.shm_size, Some(v.clone()));
        }
    }
    if a.model_params.is_some()
        || a.precision.is_some()
        || a.optimizer.is_some()
        || a.sharding.is_some()
        || a.activation_memory.is_some()
    {
        let m = spec.model.get_or_insert_with(ModelSpec::default);
        if let Some(v) = &a.model_params {
            put!("model.params", m.params, Some(v.clone()));
        }
        if let Some(v) = a.precision {
            put!("model.precision", m.precision, Some(v.into()));
        }
        if let Some(v) = a.optimizer {
            put!("model.optimizer", m.optimizer, Some(v.into()));
        }
        if let Some(v) = a.sharding {
            put!("model.sharding", m.sharding, Some(v.into()));
        }
        if let Some(v) = &a.activation_memory {
            put!(
                "model.activationMemory",
                m.activation_memory,
                Some(v.clone())
            );
        }
    }
    if let Some(v) = &a.data_size {
        put!("dataSize", spec.data_size, Some(v.clone()));
    }
    if !a.data.is_empty() {
        let mut vols = Vec::new();
        for d in &a.data {
            let (claim, path) = match d.split_once(':') {
                Some((c, p)) => (c, Some(p.to_string())),
                None => (d.as_str(), None),
            };
            if claim.is_empty() {
                return Err(bad_flag(
                    "--data",
                    d,
                    "missing the claim name",
                    "use `--data PVC` or `--data PVC:/mount/path`",
                ));
            }
            vols.push(DataVolume {
                claim: claim.to_string(),
                mount_path: path,
            });
        }
        put!("data", spec.data, vols);
    }
    if a.checkpoint_dir.is_some() || a.checkpoint_size.is_some() || a.storage_class.is_some() {
        let c = spec.checkpoint.get_or_insert_with(CheckpointSpec::default);
        if let Some(v) = &a.checkpoint_dir {
            put!("checkpoint.dir", c.dir, Some(v.clone()));
        }
        if let Some(v) = &a.checkpoint_size {
            put!("checkpoint.size", c.size, Some(v.clone()));
        }
        if let Some(v) = &a.storage_class {
            put!("checkpoint.storageClass", c.storage_class, Some(v.clone()));
        }
    }
    let sched_flags = a.priority_class.is_some()
        || a.queue.is_some()
        || a.scheduler.is_some()
        || a.spot
        || !a.node_selector.is_empty()
        || !a.toleration.is_empty();
    if sched_flags {
        let s = spec.scheduling.get_or_insert_with(Scheduling::default);
        if let Some(v) = &a.priority_class {
            put!(
                "scheduling.priorityClass",
                s.priority_class,
                Some(v.clone())
            );
        }
        if let Some(v) = &a.queue {
            put!("scheduling.queue", s.queue, Some(v.clone()));
        }
        if let Some(v) = a.scheduler {
            put!("scheduling.scheduler", s.scheduler, Some(v.into()));
        }
        if a.spot {
            put!("scheduling.spot", s.spot, Some(true));
        }
        for ns in &a.node_selector {
            let (k, v) = validate::parse_key_value(ns).map_err(|m| {
                bad_flag("--node-selector", ns, m, "use `--node-selector KEY=VALUE`")
            })?;
            s.node_selector.insert(k, v);
            set.insert("scheduling.nodeSelector");
        }
        for t in &a.toleration {
            s.tolerations.push(parse_toleration(t)?);
            set.insert("scheduling.tolerations");
        }
    }
    if a.backoff_limit.is_some()
        || a.deadline.is_some()
        || a.ttl.is_some()
        || a.restart_policy.is_some()
    {
        let l = spec.lifecycle.get_or_insert_with(Lifecycle::default);
        if let Some(v) = a.backoff_limit {
            put!("lifecycle.backoffLimit", l.backoff_limit, Some(v));
        }
        if let Some(v) = &a.deadline {
            put!("lifecycle.deadline", l.deadline, Some(v.clone()));
        }
        if let Some(v) = &a.ttl {
            put!(
                "lifecycle.ttlAfterFinished",
                l.ttl_after_finished,
                Some(v.clone())
            );
        }
        if let Some(v) = a.restart_policy {
            put!("lifecycle.restartPolicy", l.restart_policy, Some(v.into()));
        }
    }
    for e in &a.env {
        let (k, v) = validate::parse_key_value(e)
            .map_err(|m| bad_flag("--env", e, m, "use `--env NAME=VALUE`"))?;
        spec.env.retain(|x| x.name != k);
        spec.env.push(EnvVar { name: k, value: v });
        set.insert("env");
    }
    if !a.env_from_secret.is_empty() {
        put!(
            "envFromSecrets",
            spec.env_from_secrets,
            a.env_from_secret.clone()
        );
    }
    for h in &a.hyperparameter {
        let (k, v) = validate::parse_key_value(h).map_err(|m| {
            bad_flag(
                "--hyperparameter",
                h,
                m,
                "use `--hyperparameter NAME=VALUE`",
            )
        })?;
        spec.hyperparameters.insert(k, v);
        set.insert("hyperparameters");
    }
    if let Some(m) = a.hyperparameters_as {
        spec.hyperparameter_mode = Some(m.into());
    }
    Ok(())
}
