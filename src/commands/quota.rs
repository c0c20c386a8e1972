//! `mlk quota`: flags (or an organisation file) over mlk.yaml defaults, validated into a
//! [`QuotaSetup`] and rendered as the namespaces' objects. Nothing reaches stdout until
//! every value has been checked.
use std::io::Write;

use crate::cli::QuotaArgs;
use crate::commands::Context;
use crate::error::{Error, Result};
use crate::generate::quota::org::{self, Organization, Resolved};
use crate::generate::quota::{
    self, Budget, ContainerLimits, DEFAULT_CPU_MILLIS, DEFAULT_MEMORY_BYTES, KueuePlan,
    ObjectCounts, ParentPlan, QuotaSetup, TeamPlan,
};
use crate::input::InputFile;
use crate::lint::Version;
use crate::output::write_manifests;
use crate::quantity::Quantity;
use crate::sizing::{self, GpuSpec};
use crate::validate;

/// The default storage budget of a single team.
const DEFAULT_STORAGE: &str = "1Ti";
/// The GPU resource of NVIDIA's device plugin.
const DEFAULT_GPU_RESOURCE: &str = "nvidia.com/gpu";

pub fn run(
    args: &QuotaArgs,
    ctx: &Context,
    out: &mut impl Write,
    err: &mut impl Write,
) -> Result<()> {
    let (setup, notes) = plan(args, ctx)?;
    let docs = quota::render(&setup)?;
    write_manifests(&docs, args.output.output, out)?;
    // Informational lines: a closed stderr must not fail the command.
    for note in notes {
        let _ = writeln!(err, "note: {note}");
    }
    for t in &setup.teams {
        let b = &t.budget;
        let _ = writeln!(
            err,
            "{}: {} {}, {} CPU, {} memory, {} storage",
            t.name,
            b.gpus,
            t.gpu_resource,
            b.cpu().0,
            b.memory().0,
            b.storage().0
        );
    }
    Ok(())
}

/// Validates everything and builds the setup, with the notes for stderr.
pub fn plan(args: &QuotaArgs, ctx: &Context) -> Result<(QuotaSetup, Vec<String>)> {
    let defaults = &ctx.config.config.defaults;
    let origin = ctx
        .config
        .path
        .as_ref()
        .map(|p| format!(" (from {})", p.display()))
        .unwrap_or_default();
    let pod_security_version = match (&args.pod_security_version, &defaults.kubernetes_version) {
        (Some(v), _) => pinned_version(v).map_err(|m| {
            Error::flag(
                "--pod-security-version",
                v,
                m,
                format!("pin a version such as `{}`", Version::NEWEST),
            )
        })?,
        (None, Some(v)) => pinned_version(v).map_err(|m| {
            Error::usage(
                format!("invalid `defaults.kubernetesVersion` `{v}`{origin}: {m}"),
                "write the cluster's version as `1.35`, or pass `--pod-security-version`",
            )
        })?,
        (None, None) => Version::NEWEST,
    };
    let gpu_type = match (&args.gpu_type, &defaults.gpu_type) {
        (Some(t), _) => Some(
            gpu_type(t)
                .map_err(|h| Error::flag("--gpu-type", t, format!("unknown GPU type `{t}`"), h))?,
        ),
        (None, Some(t)) => Some(gpu_type(t).map_err(|h| {
            Error::usage(
                format!("unknown GPU type `{t}` in `defaults.gpuType`{origin}"),
                h,
            )
        })?),
        (None, None) => None,
    };
    let gpu_resource = args
        .gpu_resource
        .clone()
        .unwrap_or_else(|| DEFAULT_GPU_RESOURCE.to_string());
    check_gpu_resource(&gpu_resource)?;
    let counts = ObjectCounts {
        pods: args.max_pods.unwrap_or(ObjectCounts::default().pods),
        claims: args.max_claims.unwrap_or(ObjectCounts::default().claims),
        jobs: args.max_jobs.unwrap_or(ObjectCounts::default().jobs),
        inference_services: args
            .max_inference_services
            .unwrap_or(ObjectCounts::default().inference_services),
    };
    if counts.pods == 0 {
        return Err(Error::flag(
            "--max-pods",
            "0",
            "a namespace without pods runs nothing",
            "allow at least one pod",
        ));
    }
    let default_cpu = args
        .default_cpu
        .as_deref()
        .map(|v| flag_amount("--default-cpu", v, Amount::Cpu))
        .transpose()?;
    let default_memory = args
        .default_memory
        .as_deref()
        .map(|v| flag_amount("--default-memory", v, Amount::Memory))
        .transpose()?;
    let common = Common {
        gpu_resource: gpu_resource.clone(),
        counts,
        default_cpu,
        default_memory,
        per_priority: args.per_priority,
        kueue: args.kueue,
    };

    let mut notes = Vec::new();
    let (parents, teams) = match &args.file {
        Some(path) => {
            let file = InputFile::read(path)?;
            let organization: Organization = file.deserialize()?;
            let resolved = org::resolve(&organization, gpu_type)
                .map_err(|e| file.error_at(&e.path, &e.message, &e.help))?;
            notes = resolved.notes;
            from_tree(&resolved.root, &common)?
        }
        None => (Vec::new(), vec![single_team(args, ctx, gpu_type, &common)?]),
    };
    Ok((
        QuotaSetup {
            pod_security_version,
            priority_classes: args.priority_classes,
            gpu_resource,
            parents,
            teams,
        },
        notes,
    ))
}

/// What every team of a run shares.
struct Common {
    gpu_resource: String,
    counts: ObjectCounts,
    default_cpu: Option<u64>,
    default_memory: Option<u64>,
    per_priority: bool,
    kueue: bool,
}

fn single_team(
    args: &QuotaArgs,
    ctx: &Context,
    gpu_type: Option<&'static GpuSpec>,
    common: &Common,
) -> Result<TeamPlan> {
    let team = match (&args.team, &ctx.config.config.defaults.namespace) {
        (Some(t), _) => t.clone(),
        (None, Some(ns)) => ns.clone(),
        (None, None) => {
            return Err(Error::usage(
                "missing `--team`",
                "name the team's namespace: `mlk quota --team alpha --gpus 8 --cpu 64 --memory 512Gi`",
            ));
        }
    };
    validate::dns1123_label(&team).map_err(|m| {
        Error::flag(
            "--team",
            &team,
            format!("not a namespace name: {m}"),
            "use lowercase letters, digits and `-`, at most 63 characters",
        )
    })?;
    let required = |flag: &str, v: &Option<String>| {
        v.clone().ok_or_else(|| {
            Error::usage(
                format!("missing `{flag}`"),
                "give the team's budget: `--gpus 8 --cpu 64 --memory 512Gi`",
            )
        })
    };
    let gpus = required("--gpus", &args.gpus)?;
    let cpu = required("--cpu", &args.cpu)?;
    let memory = required("--memory", &args.memory)?;
    let storage = args
        .storage
        .clone()
        .unwrap_or_else(|| DEFAULT_STORAGE.to_string());
    let budget = Budget {
        gpus: flag_amount("--gpus", &gpus, Amount::Gpus)? as u32,
        cpu_millis: flag_amount("--cpu", &cpu, Amount::Cpu)?,
        memory_bytes: flag_amount("--memory", &memory, Amount::Memory)?,
        storage_bytes: flag_amount("--storage", &storage, Amount::Storage)?,
    };
    let max_pod_cpu = args
        .max_pod_cpu
        .as_deref()
        .map(|v| {
            let m = flag_amount("--max-pod-cpu", v, Amount::Cpu)?;
            within(
                "--max-pod-cpu",
                v,
                m,
                budget.cpu_millis,
                "the team's `--cpu`",
            )
        })
        .transpose()?;
    let max_pod_memory = args
        .max_pod_memory
        .as_deref()
        .map(|v| {
            let m = flag_amount("--max-pod-memory", v, Amount::Memory)?;
            within(
                "--max-pod-memory",
                v,
                m,
                budget.memory_bytes,
                "the team's `--memory`",
            )
        })
        .transpose()?;
    let kueue = common.kueue.then(|| KueuePlan {
        queue_name: args.queue_name.clone().unwrap_or_else(|| team.clone()),
        cohort: args.cohort.clone(),
    });
    if let Some(k) = &kueue {
        validate::dns1123_subdomain(&k.queue_name).map_err(|m| {
            Error::flag(
                "--queue-name",
                &k.queue_name,
                m,
                "a LocalQueue name is a lowercase DNS subdomain",
            )
        })?;
        if let Some(c) = &k.cohort {
            validate::dns1123_subdomain(c).map_err(|m| {
                Error::flag(
                    "--cohort",
                    c,
                    m,
                    "a cohort name is a lowercase DNS subdomain",
                )
            })?;
        }
    }
    team_plan(
        team,
        None,
        budget,
        gpu_type,
        common,
        (max_pod_cpu, max_pod_memory),
        kueue,
    )
}

fn team_plan(
    name: String,
    parent: Option<String>,
    budget: Budget,
    gpu_type: Option<&'static GpuSpec>,
    common: &Common,
    max_pod: (Option<u64>, Option<u64>),
    kueue: Option<KueuePlan>,
) -> Result<TeamPlan> {
    let max_pod_cpu_millis = max_pod.0.unwrap_or(budget.cpu_millis);
    let max_pod_memory_bytes = max_pod.1.unwrap_or(budget.memory_bytes);
    // Built-in defaults shrink to fit a small team; defaults the user gave must fit.
    let default_cpu_millis = match common.default_cpu {
        Some(v) => within_pod(
            "--default-cpu",
            crate::quantity::format_cpu_millis(v),
            v,
            max_pod_cpu_millis,
            &name,
        )?,
        None => DEFAULT_CPU_MILLIS.min(max_pod_cpu_millis),
    };
    let default_memory_bytes = match common.default_memory {
        Some(v) => within_pod(
            "--default-memory",
            quota::bytes(v).0,
            v,
            max_pod_memory_bytes,
            &name,
        )?,
        None => DEFAULT_MEMORY_BYTES.min(max_pod_memory_bytes),
    };
    Ok(TeamPlan {
        name,
        parent,
        budget,
        gpu_type,
        gpu_resource: common.gpu_resource.clone(),
        counts: common.counts,
        limits: ContainerLimits {
            default_cpu_millis,
            default_memory_bytes,
            max_pod_cpu_millis,
            max_pod_memory_bytes,
        },
        per_priority: common.per_priority,
        kueue,
    })
}

/// The organisation, its departments and their teams, as budget namespaces and teams.
fn from_tree(root: &Resolved, common: &Common) -> Result<(Vec<ParentPlan>, Vec<TeamPlan>)> {
    let mut parents = vec![ParentPlan {
        name: root.name.clone(),
        parent: None,
        budget: root.budget,
    }];
    let mut teams = Vec::new();
    for dept in &root.children {
        parents.push(ParentPlan {
            name: dept.name.clone(),
            parent: Some(root.name.clone()),
            budget: dept.budget,
        });
        for team in &dept.children {
            // Teams of a department lend to and borrow from each other.
            let kueue = common.kueue.then(|| KueuePlan {
                queue_name: team.name.clone(),
                cohort: Some(dept.name.clone()),
            });
            teams.push(team_plan(
                team.name.clone(),
                Some(dept.name.clone()),
                team.budget,
                team.gpu_type,
                common,
                (None, None),
                kueue,
            )?);
        }
    }
    Ok((parents, teams))
}

#[derive(Clone, Copy)]
enum Amount {
    Gpus,
    Cpu,
    Memory,
    Storage,
}

/// Parses and checks one amount given on the command line.
fn flag_amount(flag: &str, value: &str, kind: Amount) -> Result<u64> {
    let help = match kind {
        Amount::Gpus => "give a whole number of GPUs, such as `8`",
        Amount::Cpu => "give cores or millicores, such as `64` or `500m`",
        Amount::Memory | Amount::Storage => "give a size with a unit, such as `512Gi`",
    };
    let q = Quantity::parse(value).map_err(|e| Error::flag(flag, value, e.to_string(), help))?;
    match kind {
        Amount::Gpus => org::gpu_count(&q).map(u64::from),
        Amount::Cpu => org::cpu_millis(&q),
        Amount::Memory => org::byte_count(&q, "memory", false),
        Amount::Storage => org::byte_count(&q, "storage", true),
    }
    .map_err(|m| Error::flag(flag, value, m, help))
}

fn within(flag: &str, value: &str, amount: u64, limit: u64, what: &str) -> Result<u64> {
    if amount > limit {
        return Err(Error::flag(
            flag,
            value,
            format!("more than {what}"),
            format!("a pod cannot use more than the whole budget; lower `{flag}`"),
        ));
    }
    Ok(amount)
}

fn within_pod(flag: &str, shown: String, amount: u64, max: u64, team: &str) -> Result<u64> {
    if amount > max {
        return Err(Error::flag(
            flag,
            shown,
            format!("more than one pod of `{team}` may have"),
            "the LimitRange orders default <= max; lower the default or raise the per-pod maximum",
        ));
    }
    Ok(amount)
}

/// A Pod Security version to pin: `v1.N` or `1.N`, never `latest`, which would change
/// what the namespace admits with every cluster upgrade.
fn pinned_version(text: &str) -> std::result::Result<Version, String> {
    if text == "latest" {
        return Err(
            "`latest` is not pinned: the namespace would admit different pods after every upgrade"
                .to_string(),
        );
    }
    text.parse::<Version>()
}

fn gpu_type(name: &str) -> std::result::Result<&'static GpuSpec, String> {
    sizing::gpu_type(name).ok_or_else(|| {
        let names: Vec<&str> = sizing::gpu_type_names().collect();
        match crate::input::did_you_mean(name, names.iter().copied()) {
            Some(s) => format!("did you mean `{s}`?"),
            None => format!("use one of: {}", names.join(", ")),
        }
    })
}

/// The GPU resource must be an extended resource name: quota counts it as
/// `requests.<name>`.
fn check_gpu_resource(resource: &str) -> Result<()> {
    let help =
        "use a vendor resource such as `nvidia.com/gpu`, `amd.com/gpu` or `nvidia.com/mig-1g.10gb`";
    let native = !resource.contains('/') || resource.contains("kubernetes.io/");
    if native {
        return Err(Error::flag(
            "--gpu-resource",
            resource,
            "not an extended resource name (`<vendor domain>/<name>`)",
            help,
        ));
    }
    validate::qualified_name(resource)
        .and_then(|_| validate::qualified_name(&format!("requests.{resource}")))
        .map_err(|m| Error::flag("--gpu-resource", resource, m, help))
}
