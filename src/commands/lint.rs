//! `mlk lint`: flags and mlk.yaml become lint settings; files are discovered, linted and
//! reported; the exit code says whether a finding reached `--fail-on`.
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::cli::{FailOn, LintArgs, LintFormat, PodSecurityLevelArg};
use crate::commands::Context;
use crate::error::{Error, Result};
use crate::lint::settings::is_known_selector;
use crate::lint::{Configured, Level, PsaLevel, Selection, Settings, Version};
use crate::manifest::{DiscoverOptions, Discovered, discover};
use crate::report;
use crate::term::Stream;

pub fn run(
    args: &LintArgs,
    ctx: &Context,
    out: &mut impl Write,
    err: &mut impl Write,
) -> Result<u8> {
    let settings = settings(args, ctx)?;
    let implicit = args.paths.is_empty();
    let paths = if implicit {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let Discovered {
        mut files,
        problems,
        mut helm_templates,
        mut kustomize_patches,
    } = discover(
        &paths,
        &DiscoverOptions {
            follow_symlinks: settings.follow_symlinks,
        },
    );
    if implicit {
        // Like ripgrep, paths under an implicit working directory are shown without `./`.
        let shown = |path: &mut String| {
            if let Some(rest) = path.strip_prefix("./") {
                *path = rest.to_string();
            }
        };
        files.iter_mut().for_each(|f| shown(&mut f.display));
        helm_templates.iter_mut().for_each(shown);
        for p in &mut kustomize_patches {
            shown(&mut p.file);
            shown(&mut p.kustomization);
        }
    }
    let files = exclude(files, &settings.exclude, ctx)?;
    // mlk.yaml configures mlk; it is not a manifest, so a directory walk skips it.
    let config = ctx
        .config
        .path
        .as_ref()
        .and_then(|p| std::fs::canonicalize(p).ok());
    let files: Vec<_> = files
        .into_iter()
        .filter(|f| match (&f.source, &config) {
            (crate::manifest::InputSource::File(p), Some(c)) => {
                std::fs::canonicalize(p).ok().as_ref() != Some(c)
            }
            _ => true,
        })
        .collect();
    for p in &problems {
        let _ = writeln!(err, "error: {}: {}", p.path, p.message);
    }
    if !args.quiet {
        for dir in &helm_templates {
            let chart = Path::new(dir).parent().map_or(Path::new("."), |p| p);
            let _ = writeln!(
                err,
                "note: skipped {dir}: Helm templates are not Kubernetes YAML until rendered\n  help: lint the rendered chart: helm template {} | mlk lint -",
                chart.display()
            );
        }
        for p in &kustomize_patches {
            let _ = writeln!(
                err,
                "note: skipped {}: a patch of the kustomization in {}, not a whole object\n  help: lint what kustomize builds: kustomize build {} | mlk lint -",
                p.file, p.kustomization, p.kustomization
            );
        }
    }
    let format = args.format.unwrap_or(
        if ctx.color.enabled(Stream::Stdout) || std::io::IsTerminal::is_terminal(&std::io::stdout())
        {
            LintFormat::Human
        } else {
            LintFormat::Concise
        },
    );
    let mut settings = settings;
    settings.keep_sources = format == LintFormat::Human;
    let rules = crate::rules::all();
    let report = crate::lint::lint(&files, &settings, &rules);
    let style = report::Style {
        color: ctx.color.enabled(Stream::Stdout),
        quiet: args.quiet,
    };
    report::write(&report, format, style, out)?;
    let threshold = match args.fail_on {
        FailOn::Error => Some(Level::Error),
        FailOn::Warning => Some(Level::Warning),
        FailOn::Info => Some(Level::Info),
        FailOn::Never => None,
    };
    let failed = threshold.is_some_and(|t| report.findings.iter().any(|f| f.level >= t));
    // The process ends next; freeing every finding one by one would only delay that.
    rayon::spawn(move || drop(report));
    // A path that could not be read is an I/O error: the report is still printed, but a
    // clean result must not hide that something named was never checked.
    Ok(if !problems.is_empty() {
        2
    } else if failed {
        1
    } else {
        0
    })
}

fn settings(args: &LintArgs, ctx: &Context) -> Result<Settings> {
    let cfg = &ctx.config.config.lint;
    let metas = crate::rules::all_meta();
    let mut selection = Selection {
        select: if args.select.is_empty() {
            cfg.select.clone()
        } else {
            args.select.clone()
        },
        ignore: cfg.ignore.iter().chain(&args.ignore).cloned().collect(),
        levels: Default::default(),
    };
    for (flag, names) in [
        ("--select", &selection.select),
        ("--ignore", &selection.ignore),
    ] {
        for n in names {
            if !is_known_selector(n, &metas) {
                let suggestion = crate::input::did_you_mean(
                    n,
                    metas
                        .iter()
                        .map(|m| m.name)
                        .chain(crate::lint::Category::ALL.iter().map(|c| c.as_str())),
                );
                return Err(Error::flag(
                    flag,
                    n,
                    "no rule or category of this name",
                    match suggestion {
                        Some(s) => {
                            format!("did you mean `{s}`? (`mlk rule --all` lists the rules)")
                        }
                        None => "`mlk rule --all` lists the rules and categories".to_string(),
                    },
                ));
            }
        }
    }
    for (name, level) in &cfg.levels {
        if !is_known_selector(name, &metas) {
            return Err(Error::usage(
                format!("mlk.yaml: `lint.levels` names unknown rule `{name}`"),
                "`mlk rule --all` lists the rules and categories",
            ));
        }
        let configured = match level.as_str() {
            "off" => Configured::Off,
            other => Configured::On(Level::parse(other).ok_or_else(|| {
                Error::usage(
                    format!("mlk.yaml: `lint.levels.{name}` is `{other}`"),
                    "use error, warning, info or off",
                )
            })?),
        };
        selection.levels.insert(name.clone(), configured);
    }
    let mut settings = Settings {
        selection,
        ..Settings::default()
    };
    if let Some(ps) = &cfg.pod_security {
        if let Some(l) = &ps.level {
            settings.policy.level = l.parse::<PsaLevel>().map_err(|m| {
                Error::usage(
                    format!("mlk.yaml: lint.podSecurity.level: {m}"),
                    "use restricted, baseline or privileged",
                )
            })?;
        }
        if let Some(v) = &ps.version {
            settings.policy.version = v.parse::<Version>().map_err(|m| {
                Error::usage(
                    format!("mlk.yaml: lint.podSecurity.version: {m}"),
                    "use `latest` or `v1.N`",
                )
            })?;
        }
    }
    if let Some(l) = args.pod_security {
        settings.policy.level = match l {
            PodSecurityLevelArg::Restricted => PsaLevel::Restricted,
            PodSecurityLevelArg::Baseline => PsaLevel::Baseline,
            PodSecurityLevelArg::Privileged => PsaLevel::Privileged,
        };
    }
    if let Some(v) = &args.pod_security_version {
        settings.policy.version = v.parse::<Version>().map_err(|m| {
            Error::flag(
                "--pod-security-version",
                v,
                m,
                "use `latest` or `v1.N`, e.g. `v1.30`",
            )
        })?;
    }
    let k8s = args
        .kubernetes_version
        .clone()
        .or_else(|| ctx.config.config.defaults.kubernetes_version.clone());
    if let Some(v) = k8s {
        settings.kubernetes_version = v
            .parse::<Version>()
            .map_err(|m| Error::flag("--kubernetes-version", &v, m, "use `1.N`, e.g. `1.30`"))?;
    }
    if let Some(n) = args.max_gpus_per_node.or(cfg.max_gpus_per_node) {
        if n == 0 {
            return Err(Error::flag(
                "--max-gpus-per-node",
                "0",
                "must be at least 1",
                "pass the GPU count of your largest node, e.g. 8",
            ));
        }
        settings.max_gpus_per_node = n;
    }
    settings.follow_symlinks = args.follow_symlinks;
    settings.exclude = cfg.exclude.clone();
    settings.sizing = ctx.config.config.sizing.clone();
    Ok(settings)
}

/// Drops files matching mlk.yaml's `lint.exclude` globs, taken relative to mlk.yaml.
fn exclude(
    files: Vec<crate::manifest::InputFile>,
    globs: &[String],
    ctx: &Context,
) -> Result<Vec<crate::manifest::InputFile>> {
    if globs.is_empty() {
        return Ok(files);
    }
    let mut builder = globset::GlobSetBuilder::new();
    for g in globs {
        let glob = globset::Glob::new(g).map_err(|e| {
            Error::usage(
                format!("mlk.yaml: `lint.exclude` pattern `{g}`: {e}"),
                "use glob syntax like `vendor/**` or `**/*.generated.yaml`",
            )
        })?;
        builder.add(glob);
    }
    let set = builder.build().map_err(|e| {
        Error::usage(
            format!("mlk.yaml: `lint.exclude`: {e}"),
            "use glob syntax like `vendor/**`",
        )
    })?;
    let base = ctx
        .config
        .path
        .as_deref()
        .and_then(Path::parent)
        .map(Path::to_path_buf)
        .unwrap_or_else(|| ctx.cwd.clone());
    Ok(files
        .into_iter()
        .filter(|f| match &f.source {
            crate::manifest::InputSource::File(p) => {
                let abs = if p.is_absolute() {
                    p.clone()
                } else {
                    ctx.cwd.join(p)
                };
                let rel = abs.strip_prefix(&base).unwrap_or(&abs);
                !set.is_match(rel)
            }
            crate::manifest::InputSource::Stdin => true,
        })
        .collect())
}
