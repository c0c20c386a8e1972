//! Pieces the generator commands share: turning a spec validation error into an error
//! that names the flag, the file position or mlk.yaml, and parsing the flags every
//! generator has.
use std::collections::BTreeSet;

use crate::api::common::{TaintEffect, Toleration};
use crate::commands::Context;
use crate::error::{Error, Result};
use crate::generate::train::plan::SpecError;
use crate::input::InputFile;
use crate::manifest::PathSeg;
use kube::core::Resource;
use serde::de::DeserializeOwned;

/// An invalid flag value with its help line.
pub fn bad_flag(
    flag: &str,
    value: &str,
    message: impl Into<String>,
    help: impl Into<String>,
) -> Error {
    Error::flag(flag, value, message, help)
}

/// Where a rejected spec value came from decides how it is reported: the flag that set
/// it, its line and column in the `-f` file (the deepest part of its path the file has),
/// or mlk.yaml. `flag_of` maps a spec field to its flag.
pub fn spec_error(
    e: SpecError,
    flag_of: fn(&str) -> Option<&'static str>,
    from_flags: &BTreeSet<&str>,
    file: Option<&InputFile>,
    ctx: &Context,
) -> Error {
    if e.sizing {
        return Error::Sizing {
            message: e.message,
            help: e.help,
        };
    }
    let top = e.field.split('.').next().unwrap_or_default();
    let flagged = from_flags.contains(e.field.as_str()) || from_flags.contains(top);
    if let (false, Some(f)) = (flagged, file) {
        let mut path: Vec<PathSeg> = Vec::new();
        if !e.field.starts_with("metadata.") {
            path.push(PathSeg::Key("spec".into()));
        }
        path.extend(e.field.split('.').map(|s| PathSeg::Key(s.into())));
        // The deepest part of the path that the file has.
        while !path.is_empty() && !crate::manifest::locate(&f.root, &path).1 {
            path.pop();
        }
        if path.len() > 1 || e.field.starts_with("metadata.") && !path.is_empty() {
            return f.error_at(&path, &format!("`{}`: {}", e.value, e.message), &e.help);
        }
    }
    match flag_of(&e.field) {
        Some(flag) if flagged || file.is_none() => Error::flag(flag, e.value, e.message, e.help),
        _ => {
            let origin = ctx
                .config
                .path
                .as_ref()
                .map(|p| format!(" (from {})", p.display()))
                .unwrap_or_default();
            let flag = flag_of(&e.field)
                .map(|f| format!(" or `{f}`"))
                .unwrap_or_default();
            Error::usage(
                format!(
                    "invalid `{}` value `{}`{origin}: {}",
                    e.field, e.value, e.message
                ),
                format!("{} (set it with the field `{}`{flag})", e.help, e.field),
            )
        }
    }
}

/// `KEY[=VALUE]:EFFECT`, or `KEY[=VALUE]` for every effect.
pub fn parse_toleration(text: &str) -> Result<Toleration> {
    let help = "use `KEY[=VALUE]:EFFECT` with EFFECT NoSchedule, PreferNoSchedule or NoExecute";
    let (kv, effect) = match text.rsplit_once(':') {
        Some((kv, e)) => {
            let effect = match e {
                "NoSchedule" => TaintEffect::NoSchedule,
                "PreferNoSchedule" => TaintEffect::PreferNoSchedule,
                "NoExecute" => TaintEffect::NoExecute,
                _ => {
                    return Err(bad_flag(
                        "--toleration",
                        text,
                        format!("unknown taint effect `{e}`"),
                        help,
                    ));
                }
            };
            (kv, Some(effect))
        }
        None => (text, None),
    };
    let (key, value) = match kv.split_once('=') {
        Some((k, v)) => (k, Some(v.to_string())),
        None => (kv, None),
    };
    if key.is_empty() {
        return Err(bad_flag(
            "--toleration",
            text,
            "missing the taint key",
            help,
        ));
    }
    Ok(Toleration {
        key: key.to_string(),
        operator: None,
        value,
        effect,
    })
}

/// Reads an mlk.dev resource of kind `K` from a `-f` file; another apiVersion or kind is an
/// error at the file's `kind`, naming the command (`prints_one`) that writes such a file.
pub fn read_resource<K>(file: &InputFile, prints_one: &str) -> Result<K>
where
    K: Resource<DynamicType = ()> + DeserializeOwned,
{
    let (api_version, kind) = (K::api_version(&()), K::kind(&()));
    if file.root_str("apiVersion") != Some(api_version.as_ref())
        || file.root_str("kind") != Some(kind.as_ref())
    {
        let article = if kind.starts_with(['A', 'E', 'I', 'O', 'U']) {
            "an"
        } else {
            "a"
        };
        return Err(file.error_at(
            &[PathSeg::Key("kind".into())],
            &format!("expected {article} {kind} of apiVersion {api_version}"),
            &format!("start the file with `apiVersion: {api_version}` and `kind: {kind}`; `{prints_one}` prints one"),
        ));
    }
    file.deserialize()
}
