//! The organisation file of `mlk quota -f org.yaml`: an `Organization` (mlk.dev/v1alpha1)
//! with the cluster's totals at the root, departments under it and teams under those.
//! Each child takes a `share` of its parent (`40%`) or absolute amounts (`gpus: 8`,
//! `cpu`, `memory`, `storage`), or both (the amounts win over the share for their
//! resource). Resolution checks the arithmetic: names are unique namespace names, shares
//! of siblings add up to at most 100%, no resource of the children adds up to more than
//! the parent's, and GPUs are whole devices (a percent share rounds down, and the
//! remainder is reported). Every error carries the path of the offending field, so it
//! points at its line and column.
use serde::Deserialize;
use serde_json::Value;

use super::{Budget, MIB};
use crate::manifest::PathSeg;
use crate::quantity::Quantity;
use crate::sizing::{self, GpuSpec};

/// The file's apiVersion and kind.
pub const API_VERSION: &str = "mlk.dev/v1alpha1";
pub const KIND: &str = "Organization";

/// `org.yaml`.
#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Organization {
    pub api_version: String,
    pub kind: String,
    pub metadata: Metadata,
    pub spec: OrganizationSpec,
}

/// The organisation's name: the namespace that holds its total budget.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Metadata {
    pub name: String,
}

/// The totals and the departments.
#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OrganizationSpec {
    pub gpus: Quantity,
    pub cpu: Quantity,
    pub memory: Quantity,
    pub storage: Quantity,
    /// GPU type of every team that names none (`h100-80gb`).
    #[serde(default)]
    pub gpu_type: Option<String>,
    #[serde(default)]
    pub departments: Vec<Unit>,
}

/// A department (with `teams`) or a team (without).
#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Unit {
    pub name: String,
    /// `40%` of the parent; kept untyped so a bare number gets a helpful error.
    #[serde(default)]
    pub share: Option<Value>,
    #[serde(default)]
    pub gpus: Option<Quantity>,
    #[serde(default)]
    pub cpu: Option<Quantity>,
    #[serde(default)]
    pub memory: Option<Quantity>,
    #[serde(default)]
    pub storage: Option<Quantity>,
    #[serde(default)]
    pub gpu_type: Option<String>,
    #[serde(default)]
    pub teams: Option<Vec<Unit>>,
}

/// A problem at a field of the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OrgError {
    pub path: Vec<PathSeg>,
    pub message: String,
    pub help: String,
}

/// A budget node of the resolved tree.
#[derive(Clone, Debug, PartialEq)]
pub struct Resolved {
    pub name: String,
    pub budget: Budget,
    pub gpu_type: Option<&'static GpuSpec>,
    pub children: Vec<Resolved>,
}

/// The resolved tree and the rounding remainders to report.
#[derive(Clone, Debug, PartialEq)]
pub struct ResolvedOrg {
    pub root: Resolved,
    pub notes: Vec<String>,
}

type Path = Vec<PathSeg>;

fn key(path: &[PathSeg], k: &str) -> Path {
    let mut p = path.to_vec();
    p.push(PathSeg::Key(k.into()));
    p
}

fn index(path: &[PathSeg], i: usize) -> Path {
    let mut p = path.to_vec();
    p.push(PathSeg::Index(i));
    p
}

fn error(path: Path, message: impl Into<String>, help: impl Into<String>) -> OrgError {
    OrgError {
        path,
        message: message.into(),
        help: help.into(),
    }
}

/// CPU in whole millicores, more than zero.
pub fn cpu_millis(q: &Quantity) -> Result<u64, String> {
    if q.nanos() % 1_000_000 != 0 {
        return Err("CPU is counted in whole millicores (`500m`, `2`)".to_string());
    }
    match u64::try_from(q.milli_value()) {
        Ok(m) if m > 0 => Ok(m),
        _ => Err("CPU must be more than zero".to_string()),
    }
}

/// Bytes, whole; more than zero unless `zero_ok`.
pub fn byte_count(q: &Quantity, what: &str, zero_ok: bool) -> Result<u64, String> {
    if !q.is_integer() {
        return Err(format!("{what} is a whole number of bytes (`500Gi`)"));
    }
    match u64::try_from(q.value()) {
        Ok(0) if !zero_ok => Err(format!("{what} must be more than zero")),
        Ok(b) if b <= crate::quantity::MAX_FORMATTED_BYTES => Ok(b),
        Ok(_) => Err(format!("{what} is larger than a quantity can hold")),
        Err(_) => Err(format!("{what} must not be negative")),
    }
}

/// GPUs: whole devices, at most [`sizing::MAX_TOTAL_GPUS`].
pub fn gpu_count(q: &Quantity) -> Result<u32, String> {
    if !q.is_integer() {
        return Err(
            "GPUs are whole devices: Kubernetes rejects fractional GPU requests".to_string(),
        );
    }
    match u32::try_from(q.value()) {
        Ok(n) if n <= sizing::MAX_TOTAL_GPUS => Ok(n),
        Ok(_) => Err(format!("more than {} GPUs", sizing::MAX_TOTAL_GPUS)),
        Err(_) => Err("GPUs must not be negative".to_string()),
    }
}

/// A percent share as basis points: `40%`, `12.5%`; more than 0 and at most 100.
pub fn parse_share(text: &str) -> Result<u64, String> {
    let bad = || format!("`{text}` is not a percent share; write it like `40%` or `12.5%`");
    let number = text.trim().strip_suffix('%').ok_or_else(bad)?.trim();
    let (whole, frac) = number.split_once('.').unwrap_or((number, ""));
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole) || (!frac.is_empty() && !digits(frac)) || number.ends_with('.') {
        return Err(bad());
    }
    if frac.len() > 2 {
        return Err(format!("`{text}`: a share has at most two decimals"));
    }
    let whole: u64 = whole.parse().map_err(|_| bad())?;
    let frac: u64 = format!("{frac:0<2}").parse().map_err(|_| bad())?;
    let bp = whole.saturating_mul(100).saturating_add(frac);
    if bp == 0 || bp > 10_000 {
        return Err(format!(
            "`{text}`: a share is more than 0% and at most 100%"
        ));
    }
    Ok(bp)
}

fn gpu_type_of(name: &str, path: Path) -> Result<&'static GpuSpec, OrgError> {
    sizing::gpu_type(name).ok_or_else(|| {
        error(
            path,
            format!("unknown GPU type `{name}`"),
            format!(
                "use one of: {}",
                sizing::gpu_type_names().collect::<Vec<_>>().join(", ")
            ),
        )
    })
}

/// Checks the file and resolves every share into amounts. `default_gpu_type` applies
/// where the file names none.
pub fn resolve(
    org: &Organization,
    default_gpu_type: Option<&'static GpuSpec>,
) -> Result<ResolvedOrg, OrgError> {
    if org.api_version != API_VERSION || org.kind != KIND {
        return Err(error(
            vec![PathSeg::Key("kind".into())],
            format!("expected an {KIND} of apiVersion {API_VERSION}"),
            format!("start the file with `apiVersion: {API_VERSION}` and `kind: {KIND}`"),
        ));
    }
    let mut names: Vec<String> = Vec::new();
    let name_path = vec![PathSeg::Key("metadata".into()), PathSeg::Key("name".into())];
    check_name(&org.metadata.name, name_path, &mut names)?;
    let spec_path = vec![PathSeg::Key("spec".into())];
    let s = &org.spec;
    let field = |k: &str| key(&spec_path, k);
    let at = |k: &'static str| move |m: String| error(field(k), m, HELP_AMOUNT);
    let budget = Budget {
        gpus: gpu_count(&s.gpus).map_err(at("gpus"))?,
        cpu_millis: cpu_millis(&s.cpu).map_err(at("cpu"))?,
        memory_bytes: byte_count(&s.memory, "memory", false).map_err(at("memory"))?,
        storage_bytes: byte_count(&s.storage, "storage", true).map_err(at("storage"))?,
    };
    let gpu_type = match &s.gpu_type {
        Some(t) => Some(gpu_type_of(t, field("gpuType"))?),
        None => default_gpu_type,
    };
    let mut notes = Vec::new();
    let departments = children(
        &org.metadata.name,
        &budget,
        gpu_type,
        &s.departments,
        &field("departments"),
        true,
        &mut names,
        &mut notes,
    )?;
    Ok(ResolvedOrg {
        root: Resolved {
            name: org.metadata.name.clone(),
            budget,
            gpu_type,
            children: departments,
        },
        notes,
    })
}

const HELP_AMOUNT: &str = "write GPUs as a whole number (`8`), CPU as cores or millicores (`64`, `500m`), memory and storage with a unit (`512Gi`)";

fn check_name(name: &str, path: Path, seen: &mut Vec<String>) -> Result<(), OrgError> {
    crate::validate::dns1123_label(name).map_err(|e| {
        error(
            path.clone(),
            format!("`{name}` is not a namespace name: {e}"),
            "use lowercase letters, digits and `-`, at most 63 characters",
        )
    })?;
    if seen.iter().any(|n| n == name) {
        return Err(error(
            path,
            format!(
                "`{name}` is used twice: every department and team is a namespace, and namespace names are unique"
            ),
            "rename one of them",
        ));
    }
    seen.push(name.to_string());
    Ok(())
}

/// Resolves the children of one parent and checks that they fit in it.
#[allow(clippy::too_many_arguments)]
fn children(
    parent_name: &str,
    parent: &Budget,
    parent_gpu_type: Option<&'static GpuSpec>,
    units: &[Unit],
    list_path: &[PathSeg],
    departments: bool,
    names: &mut Vec<String>,
    notes: &mut Vec<String>,
) -> Result<Vec<Resolved>, OrgError> {
    let mut out = Vec::new();
    let mut share_total = 0u64;
    let mut used = Budget::default();
    let mut rounded = false;
    for (i, unit) in units.iter().enumerate() {
        let path = index(list_path, i);
        let field = |k: &str| key(&path, k);
        check_name(&unit.name, field("name"), names)?;
        if let (false, Some(_)) = (departments, &unit.teams) {
            return Err(error(
                field("teams"),
                "teams have no teams of their own",
                "the tree is organisation -> departments -> teams; move these teams under a department",
            ));
        }
        let share = match &unit.share {
            None => None,
            Some(v) => {
                let text = match v {
                    Value::String(s) => s.clone(),
                    other => {
                        return Err(error(
                            field("share"),
                            format!("`{other}` is not a percent share"),
                            format!(
                                "write `share: {other}%` for a percentage, or give absolute `gpus`, `cpu` and `memory`"
                            ),
                        ));
                    }
                };
                let bp = parse_share(&text)
                    .map_err(|m| error(field("share"), m, "write a share like `40%`"))?;
                share_total += bp;
                if share_total > 10_000 {
                    return Err(error(
                        field("share"),
                        format!(
                            "the shares under `{parent_name}` add up to {}%, more than 100%",
                            percent(share_total)
                        ),
                        "lower this share or a sibling's",
                    ));
                }
                Some(bp)
            }
        };
        let from_share = share.map(|bp| parent.share(bp));
        let missing = |what: &str| {
            error(
                field("name"),
                format!("`{}` has neither a `share` nor `{what}`", unit.name),
                format!("add `share: 25%` (of `{parent_name}`) or an absolute `{what}`"),
            )
        };
        let at = |k: &'static str| move |m: String| error(field(k), m, HELP_AMOUNT);
        let gpus = match (&unit.gpus, from_share) {
            (Some(q), _) => gpu_count(q).map_err(at("gpus"))?,
            (None, Some(b)) => {
                let bp = share.unwrap_or_default();
                let exact = u64::from(parent.gpus) * bp;
                if exact % 10_000 != 0 {
                    rounded = true;
                    notes.push(format!(
                        "{parent_name}/{}: {}% of {} GPUs is {}; rounded down to {}",
                        unit.name,
                        percent(bp),
                        parent.gpus,
                        decimal(exact, 10_000),
                        b.gpus
                    ));
                }
                b.gpus
            }
            (None, None) => return Err(missing("gpus")),
        };
        let cpu = match (&unit.cpu, from_share) {
            (Some(q), _) => cpu_millis(q).map_err(at("cpu"))?,
            (None, Some(b)) => b.cpu_millis,
            (None, None) => return Err(missing("cpu")),
        };
        let memory = match (&unit.memory, from_share) {
            (Some(q), _) => byte_count(q, "memory", false).map_err(at("memory"))?,
            (None, Some(b)) => b.memory_bytes,
            (None, None) => return Err(missing("memory")),
        };
        // Storage defaults to the share, or else to nothing: a team may run without claims.
        let storage = match (&unit.storage, from_share) {
            (Some(q), _) => byte_count(q, "storage", true).map_err(at("storage"))?,
            (None, Some(b)) => b.storage_bytes,
            (None, None) => 0,
        };
        if cpu == 0 || memory < MIB {
            return Err(error(
                field(if share.is_some() { "share" } else { "name" }),
                format!(
                    "`{}` gets {} CPU and {} of memory, too little to run any pod",
                    unit.name,
                    crate::quantity::format_cpu_millis(cpu),
                    super::bytes(memory).0
                ),
                "raise the share or give absolute amounts",
            ));
        }
        let budget = Budget {
            cpu_millis: cpu,
            memory_bytes: memory,
            gpus,
            storage_bytes: storage,
        };
        // The field to blame when the siblings overflow: the absolute amount if given,
        // else the share.
        let blame =
            |given: bool, k: &str| field(if given || share.is_none() { k } else { "share" });
        let checks: [(&str, bool, u64, u64, String); 4] = [
            (
                "gpus",
                unit.gpus.is_some(),
                u64::from(used.gpus) + u64::from(gpus),
                u64::from(parent.gpus),
                "GPUs".into(),
            ),
            (
                "cpu",
                unit.cpu.is_some(),
                used.cpu_millis + cpu,
                parent.cpu_millis,
                "CPU".into(),
            ),
            (
                "memory",
                unit.memory.is_some(),
                used.memory_bytes + memory,
                parent.memory_bytes,
                "memory".into(),
            ),
            (
                "storage",
                unit.storage.is_some(),
                used.storage_bytes + storage,
                parent.storage_bytes,
                "storage".into(),
            ),
        ];
        for (k, given, total, limit, noun) in checks {
            if total > limit {
                let show = |v: u64| match k {
                    "cpu" => format!("{} CPU", crate::quantity::format_cpu_millis(v)),
                    "gpus" => format!("{v} GPUs"),
                    _ => format!("{} of {noun}", super::bytes(v).0),
                };
                return Err(error(
                    blame(given, k),
                    format!(
                        "the children of `{parent_name}` up to `{}` take {}, more than the {} `{parent_name}` has",
                        unit.name,
                        show(total),
                        show(limit)
                    ),
                    format!(
                        "lower `{}`'s {k} or a sibling's, or raise `{parent_name}`'s",
                        unit.name
                    ),
                ));
            }
        }
        used = Budget {
            cpu_millis: used.cpu_millis + cpu,
            memory_bytes: used.memory_bytes + memory,
            gpus: used.gpus + gpus,
            storage_bytes: used.storage_bytes + storage,
        };
        let gpu_type = match &unit.gpu_type {
            Some(t) => Some(gpu_type_of(t, field("gpuType"))?),
            None => parent_gpu_type,
        };
        let grandchildren = match &unit.teams {
            Some(teams) => children(
                &unit.name,
                &budget,
                gpu_type,
                teams,
                &field("teams"),
                false,
                names,
                notes,
            )?,
            None => Vec::new(),
        };
        out.push(Resolved {
            name: unit.name.clone(),
            budget,
            gpu_type,
            children: grandchildren,
        });
    }
    if rounded && used.gpus < parent.gpus {
        let left = parent.gpus - used.gpus;
        notes.push(format!(
            "{parent_name}: {left} of its {} GPUs {} not given to any child",
            parent.gpus,
            if left == 1 { "is" } else { "are" }
        ));
    }
    Ok(out)
}

/// Basis points as a percent (`12.5`).
fn percent(bp: u64) -> String {
    decimal(bp, 100)
}

/// `value / scale` with up to as many decimals as `scale` has zeros, trailing zeros cut.
fn decimal(value: u64, scale: u64) -> String {
    let whole = value / scale;
    let frac = value % scale;
    if frac == 0 {
        return whole.to_string();
    }
    let width = scale.ilog10() as usize;
    let digits = format!("{frac:0width$}");
    format!("{whole}.{}", digits.trim_end_matches('0'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_parse_as_basis_points() {
        assert_eq!(parse_share("40%"), Ok(4000));
        assert_eq!(parse_share("12.5%"), Ok(1250));
        assert_eq!(parse_share("100%"), Ok(10_000));
        assert_eq!(parse_share("0.01%"), Ok(1));
        for bad in ["40", "0%", "100.5%", "-5%", "1.234%", "%", "4.%", "x%"] {
            assert!(parse_share(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn decimals_cut_trailing_zeros() {
        assert_eq!(decimal(33_000, 10_000), "3.3");
        assert_eq!(decimal(1250, 100), "12.5");
        assert_eq!(decimal(4000, 100), "40");
        assert_eq!(decimal(1, 10_000), "0.0001");
    }

    #[test]
    fn amounts_are_validated() {
        let q = |s: &str| Quantity::parse(s).unwrap();
        assert_eq!(cpu_millis(&q("500m")), Ok(500));
        assert_eq!(cpu_millis(&q("2")), Ok(2000));
        assert!(cpu_millis(&q("0")).is_err());
        assert!(cpu_millis(&q("0.0001")).is_err());
        assert_eq!(gpu_count(&q("8")), Ok(8));
        assert!(gpu_count(&q("2.5")).is_err());
        assert!(gpu_count(&q("-1")).is_err());
        assert_eq!(byte_count(&q("1Gi"), "memory", false), Ok(1 << 30));
        assert!(byte_count(&q("0"), "memory", false).is_err());
        assert_eq!(byte_count(&q("0"), "storage", true), Ok(0));
        assert!(byte_count(&q("0.5"), "memory", false).is_err());
    }
}

#[cfg(test)]
mod resolve_tests {
    use super::*;

    fn parse(yaml: &str) -> Organization {
        crate::input::InputFile::parse("org.yaml".to_string(), yaml.as_bytes())
            .and_then(|f| f.deserialize())
            .expect("valid file")
    }

    const TREE: &str = "apiVersion: mlk.dev/v1alpha1\nkind: Organization\nmetadata: {name: org}\n\
        spec:\n  gpus: 10\n  cpu: 100\n  memory: 100Gi\n  storage: 1Ti\n  departments:\n\
        \x20 - name: a\n    share: 33%\n    teams:\n    - {name: a1, share: 50%}\n\
        \x20 - name: b\n    gpus: 6\n    cpu: 60\n    memory: 60Gi\n";

    #[test]
    fn shares_resolve_with_rounding_notes() {
        let r = resolve(&parse(TREE), None).expect("resolves");
        let a = &r.root.children[0];
        assert_eq!(a.budget.gpus, 3, "33% of 10 rounds down");
        assert_eq!(a.budget.cpu_millis, 33_000);
        assert_eq!(a.children[0].budget.gpus, 1, "50% of 3 rounds down");
        assert_eq!(
            r.root.children[1].budget.storage_bytes, 0,
            "no share, no storage"
        );
        assert_eq!(
            r.notes,
            [
                "org/a: 33% of 10 GPUs is 3.3; rounded down to 3",
                "a/a1: 50% of 3 GPUs is 1.5; rounded down to 1",
                "a: 2 of its 3 GPUs are not given to any child",
                "org: 1 of its 10 GPUs is not given to any child",
            ]
        );
    }

    #[test]
    fn the_sibling_that_overflows_is_blamed() {
        let e = resolve(&parse(&TREE.replace("gpus: 6", "gpus: 8")), None).expect_err("too many");
        assert_eq!(
            e.path,
            [
                PathSeg::Key("spec".into()),
                PathSeg::Key("departments".into()),
                PathSeg::Index(1),
                PathSeg::Key("gpus".into())
            ]
        );
        assert!(
            e.message.contains("11 GPUs, more than the 10 GPUs"),
            "{}",
            e.message
        );
    }
}
