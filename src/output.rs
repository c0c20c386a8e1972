//! Serialisation of generated manifests: `-o yaml` (multi-document, each document
//! introduced by `---`) or `-o json` (one `v1` `List` holding every object).
use std::io::Write;

use clap::ValueEnum;
use serde_json::Value;

use crate::error::{Error, Result};

/// Output format of the generators.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// Multi-document YAML.
    #[default]
    Yaml,
    /// A JSON `List` object with the manifests as `items`.
    Json,
}

/// Writes the manifests in the chosen format. Objects are built as typed values and
/// serialised here: no user string is ever spliced into YAML text.
pub fn write_manifests(docs: &[Value], format: OutputFormat, out: &mut impl Write) -> Result<()> {
    match format {
        OutputFormat::Yaml => {
            for doc in docs {
                let text = to_yaml(doc)?;
                out.write_all(b"---\n")?;
                out.write_all(text.as_bytes())?;
                if !text.ends_with('\n') {
                    out.write_all(b"\n")?;
                }
            }
        }
        OutputFormat::Json => {
            let list = serde_json::json!({
                "apiVersion": "v1",
                "kind": "List",
                "items": docs,
            });
            let text = serde_json::to_string_pretty(&list)
                .map_err(|e| Error::Output(std::io::Error::other(e)))?;
            out.write_all(text.as_bytes())?;
            out.write_all(b"\n")?;
        }
    }
    out.flush()?;
    Ok(())
}

/// One document as YAML. Strings that a YAML 1.1 reader would take for something else
/// (`on`, `0755`, `1.0`) come out quoted.
pub fn to_yaml(doc: &Value) -> Result<String> {
    serde_saphyr::to_string(doc).map_err(|e| Error::Output(std::io::Error::other(e.to_string())))
}

/// Turns a typed Kubernetes object into the generic form the writers take.
pub fn to_value(object: &impl serde::Serialize) -> Result<Value> {
    serde_json::to_value(object).map_err(|e| Error::Output(std::io::Error::other(e)))
}
