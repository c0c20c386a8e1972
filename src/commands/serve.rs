//! `mlk serve`: flags over an optional InferenceService file over mlk.yaml defaults,
//! validated, sized and rendered for the chosen target.
use std::collections::BTreeSet;
use std::io::Write;

use crate::api::InferenceService;
use crate::api::common::{EnvVar, GpuSpec, PodResources, Scheduling};
use crate::api::inference::{Autoscaling, Canary, PodMetric};
use crate::cli::{ServeArgs, ServeTarget as TargetArg};
use crate::commands::Context;
use crate::commands::common::{bad_flag, parse_toleration, read_resource, spec_error};
use crate::error::{Error, Result};
use crate::generate::serve::plan::{ServeDefaults, ServeRequest, resolve};
use crate::generate::serve::{self, ServeTarget, runtime};
use crate::input::InputFile;
use crate::output::write_manifests;
use crate::validate;

/// The flag that sets each field, for error messages.
const FIELD_FLAGS: &[(&str, &str)] = &[
    ("metadata.name", "--name"),
    ("metadata.namespace", "--namespace"),
    ("runtime", "--runtime"),
    ("modelUri", "--model-uri"),
    ("image", "--image"),
    ("command", "--command"),
    ("port", "--port"),
    ("healthPath", "--health-path"),
    ("gpus", "--gpus"),
    ("gpu.type", "--gpu-type"),
    ("gpu.mig", "--mig"),
    ("gpu.resource", "--gpu-resource"),
    ("resources.cpu", "--cpu"),
    ("resources.memory", "--memory"),
    ("resources.shmSize", "--shm-size"),
    ("model.params", "--model-params"),
    ("autoscaling.minReplicas", "--min-replicas"),
    ("autoscaling.maxReplicas", "--max-replicas"),
    ("autoscaling.targetUtilization", "--target-utilization"),
    ("autoscaling.metrics", "--metric"),
    ("scaleUpStabilization", "--scale-up-stabilization"),
    ("scaleUpPercent", "--scale-up-percent"),
    ("scaleDownStabilization", "--scale-down-stabilization"),
    ("scaleDownPercent", "--scale-down-percent"),
    ("scalePeriod", "--scale-period"),
    ("canary.image", "--canary-image"),
    ("canary.percent", "--canary-percent"),
    ("canary.mesh", "--mesh"),
    ("scheduling", "-f"),
    ("scheduling.priorityClass", "--priority-class"),
    ("scheduling.nodeSelector", "--node-selector"),
    ("scheduling.tolerations", "--toleration"),
    ("env", "--env"),
    ("envFromSecrets", "--env-from-secret"),
];

fn flag_of(field: &str) -> Option<&'static str> {
    FIELD_FLAGS
        .iter()
        .find(|(f, _)| *f == field)
        .map(|(_, flag)| *flag)
}

pub fn run(
    args: &ServeArgs,
    ctx: &Context,
    out: &mut impl Write,
    err: &mut impl Write,
) -> Result<()> {
    let file = match &args.file {
        Some(path) => Some(InputFile::read(path)?),
        None => None,
    };
    let (mut name, mut namespace, spec) = match &file {
        Some(f) => from_file(f)?,
        None => (None, None, Default::default()),
    };
    let mut req = ServeRequest {
        spec,
        ..Default::default()
    };
    let mut from_flags = BTreeSet::new();
    apply_flags(args, &mut req, &mut from_flags)?;
    if let Some(n) = &args.name {
        name = Some(n.clone());
        from_flags.insert("metadata.name");
    }
    if let Some(n) = &args.namespace {
        namespace = Some(n.clone());
        from_flags.insert("metadata.namespace");
    }
    let target = match args.target {
        Some(TargetArg::Inferenceservice) => ServeTarget::InferenceService,
        Some(TargetArg::Kserve) => ServeTarget::KServe,
        Some(TargetArg::Deployment) | None => ServeTarget::Deployment,
    };
    if target == ServeTarget::InferenceService {
        flags_the_resource_cannot_hold(args)?;
    }
    let cfg = &ctx.config.config;
    let defaults = ServeDefaults {
        namespace: cfg.defaults.namespace.clone(),
        registry: cfg.defaults.registry.clone(),
        gpu_type: cfg.defaults.gpu_type.clone(),
        priority_class: cfg.defaults.priority_classes.inference.clone(),
        coefficients: cfg.sizing.clone(),
    };
    let plan = resolve(
        name.as_deref(),
        namespace.as_deref(),
        target,
        &req,
        &defaults,
    )
    .map_err(|e| spec_error(e, flag_of, &from_flags, file.as_ref(), ctx))?;
    let docs = serve::render(&plan)?;
    write_manifests(&docs, args.output.output, out)?;
    let gpus = plan.resources.accelerators.as_ref().map_or(0, |a| a.count);
    let resource = plan
        .resources
        .accelerators
        .as_ref()
        .map_or("GPUs", |a| a.resource.as_str());
    // The summary is informational: a closed stderr must not fail the command.
    let _ = writeln!(
        err,
        "{}: {} x {gpus} {resource} per replica, {}-{} replicas, target {}",
        plan.name,
        runtime::name(plan.runtime),
        plan.min_replicas,
        plan.max_replicas,
        plan.target.as_str()
    );
    for (rule, reason) in &plan.acknowledged {
        let _ = writeln!(err, "warning: {reason} (annotated `ignore.mlk.dev/{rule}`)");
    }
    if let Some(c) = &plan.canary
        && plan.target == ServeTarget::KServe
    {
        let _ = writeln!(
            err,
            "canary: apply over the running InferenceService; KServe sends {}% of the traffic to `{}` and the rest to the previous revision",
            c.percent, c.image
        );
    }
    if let Some(s) = &plan.sizing_summary {
        let _ = writeln!(err, "sizing: {s}");
    }
    Ok(())
}

/// Flags with no field in the mlk.dev InferenceService: printing the resource without
/// them would drop them silently.
fn flags_the_resource_cannot_hold(a: &ServeArgs) -> Result<()> {
    let given = [
        ("--command", a.command.is_some()),
        ("--port", a.port.is_some()),
        ("--health-path", a.health_path.is_some()),
        (
            "--scale-up-stabilization",
            a.scale_up_stabilization.is_some(),
        ),
        ("--scale-up-percent", a.scale_up_percent.is_some()),
        (
            "--scale-down-stabilization",
            a.scale_down_stabilization.is_some(),
        ),
        ("--scale-down-percent", a.scale_down_percent.is_some()),
        ("--scale-period", a.scale_period.is_some()),
        ("-- ARGS", !a.args.is_empty()),
    ];
    match given.iter().find(|(_, set)| *set) {
        Some((flag, _)) => Err(Error::usage(
            format!(
                "`{flag}` has no field in the mlk.dev InferenceService that `--target inferenceservice` prints"
            ),
            format!(
                "drop `{flag}`, or pass it when compiling the resource: `mlk serve -f FILE {flag} ...`"
            ),
        )),
        None => Ok(()),
    }
}

type FileSpec = (
    Option<String>,
    Option<String>,
    crate::api::InferenceServiceSpec,
);

fn from_file(file: &InputFile) -> Result<FileSpec> {
    let isvc: InferenceService = read_resource(file, "mlk serve --target inferenceservice")?;
    Ok((isvc.metadata.name, isvc.metadata.namespace, isvc.spec))
}

/// Applies every given flag onto the request and records which fields they set.
fn apply_flags(
    a: &ServeArgs,
    req: &mut ServeRequest,
    set: &mut BTreeSet<&'static str>,
) -> Result<()> {
    macro_rules! put {
        ($field:literal, $target:expr, $value:expr) => {{
            $target = $value;
            set.insert($field);
        }};
    }
    let spec = &mut req.spec;
    if let Some(r) = a.runtime {
        put!("runtime", spec.runtime, r.into());
    }
    if let Some(u) = &a.model_uri {
        put!("modelUri", spec.model_uri, u.clone());
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
                "pass the program and its arguments, e.g. `--command \"python serve.py\"`",
            ));
        }
        put!("command", req.command, Some(words));
    }
    req.args = a.args.clone();
    if let Some(p) = a.port {
        put!("port", req.port, Some(p));
    }
    if let Some(p) = &a.health_path {
        put!("healthPath", req.health_path, Some(p.clone()));
    }
    if let Some(n) = a.gpus {
        put!("gpus", spec.gpus, Some(n));
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
    if let Some(p) = &a.model_params {
        put!("model.params", req.model_params, Some(p.clone()));
    }
    if let Some(p) = a.precision {
        req.precision = Some(match p {
            crate::cli::PrecisionArg::Fp32 => crate::sizing::Precision::Fp32,
            crate::cli::PrecisionArg::Fp16 => crate::sizing::Precision::Fp16,
            crate::cli::PrecisionArg::Bf16 => crate::sizing::Precision::Bf16,
        });
    }
    let scaling = a.min_replicas.is_some()
        || a.max_replicas.is_some()
        || a.target_utilization.is_some()
        || !a.metric.is_empty();
    if scaling {
        let s = spec.autoscaling.get_or_insert_with(Autoscaling::default);
        if let Some(n) = a.min_replicas {
            put!("autoscaling.minReplicas", s.min_replicas, Some(n));
        }
        if let Some(n) = a.max_replicas {
            put!("autoscaling.maxReplicas", s.max_replicas, Some(n));
        }
        if let Some(n) = a.target_utilization {
            put!(
                "autoscaling.targetUtilization",
                s.target_utilization,
                Some(n)
            );
        }
        for m in &a.metric {
            let (k, v) = validate::parse_key_value(m).map_err(|msg| {
                bad_flag(
                    "--metric",
                    m,
                    msg,
                    "use `--metric NAME=TARGET`, like `--metric inference_queue_length=10`",
                )
            })?;
            s.metrics.retain(|x| x.name != k);
            s.metrics.push(PodMetric { name: k, target: v });
            set.insert("autoscaling.metrics");
        }
    }
    let b = &mut req.behavior;
    if let Some(v) = a.scale_up_stabilization {
        put!("scaleUpStabilization", b.up_stabilization, Some(v));
    }
    if let Some(v) = a.scale_up_percent {
        put!("scaleUpPercent", b.up_percent, Some(v));
    }
    if let Some(v) = a.scale_down_stabilization {
        put!("scaleDownStabilization", b.down_stabilization, Some(v));
    }
    if let Some(v) = a.scale_down_percent {
        put!("scaleDownPercent", b.down_percent, Some(v));
    }
    if let Some(v) = a.scale_period {
        put!("scalePeriod", b.period, Some(v));
    }
    let spec = &mut req.spec;
    match (&a.canary_image, a.canary_percent, &mut spec.canary) {
        (None, None, _) => {}
        (Some(image), Some(percent), c) => {
            let mesh = c.as_ref().and_then(|c| c.mesh);
            put!(
                "canary",
                *c,
                Some(Canary {
                    image: image.clone(),
                    percent,
                    mesh,
                })
            );
            set.insert("canary.image");
            set.insert("canary.percent");
        }
        (Some(image), None, Some(c)) => put!("canary.image", c.image, image.clone()),
        (None, Some(p), Some(c)) => put!("canary.percent", c.percent, p),
        (Some(image), None, None) => {
            return Err(bad_flag(
                "--canary-image",
                image,
                "a canary needs its share of the traffic",
                "add `--canary-percent N` (1-99)",
            ));
        }
        (None, Some(p), None) => {
            return Err(bad_flag(
                "--canary-percent",
                &p.to_string(),
                "a canary needs its image",
                "add `--canary-image IMAGE:TAG`",
            ));
        }
    }
    if let Some(m) = a.mesh {
        match spec.canary.as_mut() {
            Some(c) => put!("canary.mesh", c.mesh, Some(m.into())),
            None => {
                return Err(bad_flag(
                    "--mesh",
                    "istio",
                    "the mesh splits canary traffic, and there is no canary",
                    "add `--canary-image IMAGE:TAG --canary-percent N`, or drop `--mesh`",
                ));
            }
        }
    }
    let sched_flags =
        a.priority_class.is_some() || !a.node_selector.is_empty() || !a.toleration.is_empty();
    if sched_flags {
        let s = spec.scheduling.get_or_insert_with(Scheduling::default);
        if let Some(v) = &a.priority_class {
            put!(
                "scheduling.priorityClass",
                s.priority_class,
                Some(v.clone())
            );
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
    Ok(())
}
