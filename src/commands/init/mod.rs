//! `mlk init [DIR]`: scaffolds a team repository. The Kubernetes objects are the output of
//! `mlk quota`, `mlk train` and `mlk serve` run in-process with the settings of the
//! scaffolded `mlk.yaml`; the other files come from minijinja templates embedded in the
//! binary. Everything is rendered and linted in memory before the first byte is written,
//! and [`files::write_all`] writes the set atomically.
mod files;

use std::io::Write;
use std::path::Path;

use clap::Parser;
use kube::CustomResourceExt;
use minijinja::{Environment, UndefinedBehavior};
use serde::Serialize;

use crate::api::{InferenceService, TrainingJob};
use crate::cli::{Cli, Command, InitArgs};
use crate::commands::{self, Context};
use crate::config::{self, Config, Loaded};
use crate::error::{Error, Result};
use crate::input::InputFile;
use crate::output::to_yaml;
use crate::validate;

pub use files::{Planned, target, write_all};

/// The templates of the files that are not Kubernetes objects, by output path.
const TEMPLATES: &[(&str, &str)] = &[
    (
        config::FILE_NAME,
        include_str!("../../../templates/init/mlk.yaml.j2"),
    ),
    (
        "kustomization.yaml",
        include_str!("../../../templates/init/kustomization.yaml.j2"),
    ),
    (
        "README.md",
        include_str!("../../../templates/init/README.md.j2"),
    ),
    (
        ".github/workflows/mlk-lint.yaml",
        include_str!("../../../templates/init/mlk-lint.yaml.j2"),
    ),
];

/// The model the example server downloads: small enough for any GPU, public, and served by
/// vLLM as it is.
const EXAMPLE_MODEL: &str = "hf://Qwen/Qwen2.5-0.5B-Instruct";

/// One file of `manifests/`: the mlk command whose output it is.
#[derive(Debug, Serialize)]
struct Manifest {
    path: &'static str,
    about: &'static str,
    /// The command line after `mlk`, as the README shows it.
    command: Vec<String>,
}

fn manifests(team: &str) -> Vec<Manifest> {
    let words = |w: &[&str]| w.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    vec![
        Manifest {
            path: "manifests/quota.yaml",
            about: "the team's Namespace (Pod Security restricted, pinned), ResourceQuota, LimitRange and the ML priority classes",
            command: words(&[
                "quota",
                "--team",
                team,
                "--gpus",
                "8",
                "--cpu",
                "64",
                "--memory",
                "512Gi",
                "--priority-classes",
            ]),
        },
        Manifest {
            path: "manifests/train.yaml",
            about: "an example training Job: PyTorch on one GPU, running mlk's distributed smoke test",
            command: words(&["train", "--namespace", team]),
        },
        Manifest {
            path: "manifests/serve.yaml",
            about: "an example model server: vLLM serving Qwen2.5-0.5B-Instruct, 2-10 replicas with HPA and PDB",
            command: words(&[
                "serve",
                "--namespace",
                team,
                "--runtime",
                "vllm",
                "--model-uri",
                EXAMPLE_MODEL,
            ]),
        },
    ]
}

pub fn run(args: &InitArgs, ctx: &Context, err: &mut impl Write) -> Result<()> {
    let dir = &args.dir;
    let team = team_name(args, ctx)?;
    let files = scaffold(&team, dir, ctx)?;
    let report = write_all(dir, &files, args.force, args.dry_run)?;
    // Informational lines: a closed stderr must not fail the command.
    let verb = if args.dry_run { "would write" } else { "wrote" };
    for path in &report {
        let _ = writeln!(err, "{verb} {}", target(dir, path).display());
    }
    if !args.dry_run {
        let _ = writeln!(
            err,
            "team `{team}`: review with `kubectl kustomize {}`, apply with `kubectl apply -k {}`",
            dir.display(),
            dir.display()
        );
    }
    Ok(())
}

/// The team from `--team`, or else the directory's name; a namespace name either way.
fn team_name(args: &InitArgs, ctx: &Context) -> Result<String> {
    if let Some(team) = &args.team {
        validate::dns1123_label(team).map_err(|m| {
            Error::flag(
                "--team",
                team,
                format!("not a namespace name: {m}"),
                "use lowercase letters, digits and `-`, at most 63 characters",
            )
        })?;
        return Ok(team.clone());
    }
    let absolute = ctx.cwd.join(&args.dir);
    // `.` and `..` have no name of their own: resolve them, as far as the path exists.
    let named = if absolute.file_name().is_some() && !args.dir.ends_with("..") {
        absolute
    } else {
        absolute
            .canonicalize()
            .map_err(|e| Error::io("resolve", &args.dir, e))?
    };
    let name = named
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    validate::dns1123_label(&name).map_err(|m| {
        Error::usage(
            format!("cannot name the team after the directory `{name}`: {m}"),
            "name the team's namespace: `mlk init --team NAME`",
        )
    })?;
    Ok(name)
}

/// Every file of the repository, rendered in memory and checked: the generated manifests
/// must lint clean.
pub fn scaffold(team: &str, dir: &Path, ctx: &Context) -> Result<Vec<Planned>> {
    let manifests = manifests(team);
    let crds = crd_files()?;
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_keep_trailing_newline(true);
    for (name, source) in TEMPLATES {
        env.add_template(name, source).map_err(template_error)?;
    }
    let crd_paths: Vec<&str> = crds.iter().map(|(p, _)| p.as_str()).collect();
    let values = minijinja::context! {
        team => team,
        version => env!("CARGO_PKG_VERSION"),
        manifests => manifests.iter().map(|m| minijinja::context! {
            path => m.path,
            about => m.about,
            command => format!("mlk {}", m.command.join(" ")),
        }).collect::<Vec<_>>(),
        crds => crd_paths,
    };
    let mut files = Vec::new();
    for (name, _) in TEMPLATES {
        let text = env
            .get_template(name)
            .and_then(|t| t.render(&values))
            .map_err(template_error)?;
        files.push(Planned::new(*name, text));
    }

    // The generators run with the settings of the mlk.yaml just rendered, so that each
    // file is what its README command prints in the new repository.
    let config_path = dir.join(config::FILE_NAME);
    let config_text = &files[0].text;
    let config: Config =
        InputFile::parse(config_path.display().to_string(), config_text.as_bytes())?
            .deserialize()?;
    let generator_ctx = Context {
        config: Loaded {
            config,
            path: Some(config_path),
        },
        color: ctx.color,
        cwd: ctx.cwd.clone(),
    };
    for m in &manifests {
        let text = generate(&m.command, &generator_ctx)?;
        files.push(Planned::new(m.path, text));
    }
    for (path, text) in crds {
        files.push(Planned::new(path, text));
    }
    lint_clean(&files)?;
    Ok(files)
}

/// The mlk.dev CRDs, one file each, named after the CRD.
fn crd_files() -> Result<Vec<(String, String)>> {
    let names = [TrainingJob::crd_name(), InferenceService::crd_name()];
    let crds = commands::crd::crds()?;
    names
        .iter()
        .zip(crds.iter())
        .map(|(name, crd)| {
            Ok((
                format!("crds/{name}.yaml"),
                format!("---\n{}", to_yaml(crd)?),
            ))
        })
        .collect()
}

/// Runs one generator in-process, exactly as its command line would, and returns stdout.
fn generate(command: &[String], ctx: &Context) -> Result<String> {
    // `-o yaml` last: MLK_OUTPUT in the environment must not turn the files into JSON.
    let argv = std::iter::once("mlk")
        .chain(command.iter().map(String::as_str))
        .chain(["-o", "yaml"]);
    let cli = Cli::try_parse_from(argv).map_err(|e| internal(command, &e.to_string()))?;
    let mut out = Vec::new();
    let mut summary = std::io::sink();
    match &cli.command {
        Command::Quota(a) => commands::quota::run(a, ctx, &mut out, &mut summary)?,
        Command::Train(a) => commands::train::run(a, ctx, &mut out, &mut summary)?,
        Command::Serve(a) => commands::serve::run(a, ctx, &mut out, &mut summary)?,
        _ => return Err(internal(command, "not a generator")),
    }
    String::from_utf8(out).map_err(|e| internal(command, &e.to_string()))
}

/// The promise of `mlk init`: what it writes passes `mlk lint` at default settings.
fn lint_clean(files: &[Planned]) -> Result<()> {
    let texts: Vec<(&str, &str)> = files
        .iter()
        .filter(|f| f.path.starts_with("manifests") || f.path.starts_with("crds"))
        .map(|f| (f.path.to_str().unwrap_or_default(), f.text.as_str()))
        .collect();
    let report = crate::lint::lint_texts(
        &texts,
        &crate::lint::Settings::default(),
        &crate::rules::all(),
    );
    match report.findings.first() {
        None => Ok(()),
        Some(f) => Err(Error::usage(
            format!(
                "the scaffold has {} lint finding(s), first {}:{}: [{}] {}",
                report.findings.len(),
                f.file,
                f.position.line,
                f.rule,
                f.message
            ),
            "this is a bug in mlk init: please report it; nothing was written",
        )),
    }
}

fn internal(command: &[String], message: &str) -> Error {
    Error::usage(
        format!("cannot run `mlk {}`: {message}", command.join(" ")),
        "this is a bug in mlk init: please report it; nothing was written",
    )
}

fn template_error(e: minijinja::Error) -> Error {
    Error::usage(
        format!(
            "cannot render the template `{}`: {e}",
            e.name().unwrap_or("?")
        ),
        "this is a bug in mlk init: please report it; nothing was written",
    )
}
