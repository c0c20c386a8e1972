//! `mlk rule NAME` prints a rule's documentation; `mlk rule --all` lists every rule.
//! Both have a JSON form for tools.
use std::io::Write;

use serde::Serialize;

use crate::cli::{RuleArgs, RuleFormat};
use crate::error::{Error, Result};
use crate::lint::{Category, Level, RuleMeta};

/// A rule as JSON.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RuleDoc {
    pub name: &'static str,
    pub category: Category,
    pub default_level: Level,
    pub summary: &'static str,
    pub docs: String,
}

impl RuleDoc {
    pub fn of(meta: &'static RuleMeta) -> Self {
        RuleDoc {
            name: meta.name,
            category: meta.category,
            default_level: meta.default_level,
            summary: meta.summary,
            docs: docs_text(meta),
        }
    }
}

/// The docs with the one-space indent of doc comments removed.
pub fn docs_text(meta: &RuleMeta) -> String {
    let mut text: String = meta
        .docs
        .lines()
        .map(|l| l.strip_prefix(' ').unwrap_or(l))
        .collect::<Vec<_>>()
        .join("\n");
    let trimmed = text.trim_end().len();
    text.truncate(trimmed);
    text.push('\n');
    text
}

pub fn run(args: &RuleArgs, out: &mut impl Write) -> Result<()> {
    if args.all {
        let all: Vec<RuleDoc> = crate::rules::all_meta()
            .into_iter()
            .map(RuleDoc::of)
            .collect();
        match args.format {
            RuleFormat::Json => write_json(&all, out)?,
            RuleFormat::Text => {
                let width = all.iter().map(|r| r.name.len()).max().unwrap_or(0);
                for r in &all {
                    writeln!(
                        out,
                        "{:<width$}  {:<12}  {:<8}  {}",
                        r.name,
                        r.category.as_str(),
                        r.default_level.as_str(),
                        r.summary
                    )?;
                }
            }
        }
        return Ok(());
    }
    let name = args.name.as_deref().unwrap_or_default();
    let Some(meta) = crate::rules::find(name) else {
        let names = crate::rules::all_meta().into_iter().map(|m| m.name);
        let help = match crate::input::did_you_mean(name, names) {
            Some(s) => format!("did you mean `{s}`? `mlk rule --all` lists every rule"),
            None => "`mlk rule --all` lists every rule".to_string(),
        };
        return Err(Error::flag("NAME", name, "no rule of this name", help));
    };
    let doc = RuleDoc::of(meta);
    match args.format {
        RuleFormat::Json => write_json(&doc, out)?,
        RuleFormat::Text => {
            writeln!(out, "# {}\n", doc.name)?;
            writeln!(
                out,
                "Category: {} ({})  Default level: {}\n",
                doc.category.as_str(),
                doc.category.description(),
                doc.default_level
            )?;
            writeln!(out, "{}\n", doc.summary)?;
            out.write_all(doc.docs.as_bytes())?;
        }
    }
    out.flush()?;
    Ok(())
}

fn write_json(value: &impl Serialize, out: &mut impl Write) -> Result<()> {
    let text =
        serde_json::to_string_pretty(value).map_err(|e| Error::Output(std::io::Error::other(e)))?;
    out.write_all(text.as_bytes())?;
    out.write_all(b"\n")?;
    Ok(())
}
