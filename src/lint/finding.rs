//! Findings are data: what rule, how serious, where, and how to fix it. Reporters in
//! `report/` turn them into text; nothing here prints.
use std::borrow::Cow;
use std::sync::Arc;

use serde::Serialize;

use super::rule::{Category, Level};

/// The object a finding is about.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ObjectRef {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub api_version: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
}

impl ObjectRef {
    /// `Kind/name`, for messages.
    pub fn label(&self) -> String {
        format!(
            "{}/{}",
            self.kind.as_deref().unwrap_or("<no kind>"),
            self.name.as_deref().unwrap_or("<no name>")
        )
    }
}

/// A position in a file: 1-based line and column, and the byte range for snippets.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Position {
    pub line: u32,
    pub column: u32,
    #[serde(skip)]
    pub start: u32,
    #[serde(skip)]
    pub end: u32,
}

/// One finding.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    pub rule: &'static str,
    pub category: Category,
    pub level: Level,
    /// Lowercase, no trailing period, names in backticks.
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<Cow<'static, str>>,
    /// The file as the user named it (`-` is `<stdin>`).
    pub file: Arc<str>,
    #[serde(flatten)]
    pub position: Position,
    /// Index of the YAML document in the file, from 0.
    pub document: usize,
    /// Where in the document: `spec.template.spec.containers[0].securityContext`.
    pub path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub object: Option<Arc<ObjectRef>>,
}

impl Finding {
    /// The order of reports: file, position, rule, message.
    pub fn sort_key(&self) -> (&str, u32, u32, &str, &str) {
        (
            &self.file,
            self.position.line,
            self.position.column,
            self.rule,
            &self.message,
        )
    }
}
