//! Typed input files (job descriptions, mlk.yaml) read with positions: a file is parsed
//! into the spanned tree of `manifest`, deserialised through serde, and any failure,
//! whether a wrong type, an unknown key or a value rejected later, points at its line and
//! column with a did-you-mean where one helps.
use std::path::Path;

use miette::{NamedSource, SourceSpan};
use serde::de::DeserializeOwned;

use crate::error::{Error, Result};
use crate::manifest::{self, Node, PathSeg};

/// A parsed input file: its display name, text and tree.
#[derive(Debug)]
pub struct InputFile {
    pub display: String,
    pub text: String,
    pub root: Node,
}

impl InputFile {
    /// Reads `path` (`-` for stdin) and parses exactly one YAML or JSON document.
    pub fn read(path: &Path) -> Result<Self> {
        let (display, bytes) = if path == Path::new("-") {
            let mut buf = Vec::new();
            std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf)
                .map_err(|e| Error::io("read", "<stdin>", e))?;
            ("<stdin>".to_string(), buf)
        } else {
            let bytes = std::fs::read(path).map_err(|e| Error::io("read", path, e))?;
            (path.display().to_string(), bytes)
        };
        Self::parse(display, &bytes)
    }

    /// Parses one document from bytes.
    pub fn parse(display: String, bytes: &[u8]) -> Result<Self> {
        let loaded = manifest::load(&display, bytes, &manifest::Limits::default());
        let text = loaded.text.to_string();
        if let Some(problem) = loaded.problems.first() {
            let span = problem.span;
            return Err(position_error(
                &display,
                &text,
                span,
                &problem.message,
                "fix the YAML syntax at this position",
            ));
        }
        let mut docs = loaded.documents.into_iter();
        let Some(first) = docs.next() else {
            return Err(Error::usage(
                format!("`{display}` holds no document"),
                "write one YAML document into the file",
            ));
        };
        if let Some(second) = docs.next() {
            return Err(position_error(
                &display,
                &text,
                Some(second.root.span),
                "only one document is allowed here",
                "split the documents into separate files",
            ));
        }
        Ok(InputFile {
            display,
            text,
            root: first.root,
        })
    }

    /// Deserialises the whole document, mapping failures to the position of the field.
    pub fn deserialize<T: DeserializeOwned>(&self) -> Result<T> {
        let value = self.root.to_json();
        let result: std::result::Result<T, _> = serde_path_to_error::deserialize(value);
        result.map_err(|e| {
            let path = json_path_segments(e.path());
            let inner = e.into_inner().to_string();
            let (message, help) = explain_serde_error(&inner);
            // An unknown field is best shown at its key, not at its value.
            if let (Some(PathSeg::Key(key)), true) =
                (path.last(), inner.starts_with("unknown field"))
            {
                let (parent_span, _) = manifest::locate(&self.root, &path[..path.len() - 1]);
                let parent = node_at(&self.root, &path[..path.len() - 1]);
                let span = parent
                    .and_then(|p| p.entry(key))
                    .map_or(parent_span, |(k, _)| k.span);
                return position_error(&self.display, &self.text, Some(span), &message, &help);
            }
            self.error_at(&path, &message, &help)
        })
    }

    /// An error at the field `path` (or its nearest existing parent).
    pub fn error_at(&self, path: &[PathSeg], message: &str, help: &str) -> Error {
        let (span, _) = manifest::locate(&self.root, path);
        position_error(&self.display, &self.text, Some(span), message, help)
    }

    /// The string at `key` of the root map.
    pub fn root_str(&self, key: &str) -> Option<&str> {
        self.root.get(key).and_then(Node::as_str)
    }
}

/// Builds an `InvalidFile` error with the source snippet.
pub fn position_error(
    display: &str,
    text: &str,
    span: Option<manifest::Span>,
    message: &str,
    help: &str,
) -> Error {
    let (line, column, offset, len) = match span {
        Some(s) => (
            s.line as usize,
            s.col as usize,
            s.start as usize,
            (s.end.saturating_sub(s.start) as usize).max(1),
        ),
        None => (1, 1, 0, 0),
    };
    let offset = offset.min(text.len());
    let len = len.min(text.len() - offset);
    Error::InvalidFile(Box::new(crate::error::FileError {
        file: display.to_string(),
        line,
        column,
        message: message.to_string(),
        source_code: NamedSource::new(display, text.to_string()),
        span: SourceSpan::new(offset.into(), len),
        label: "here".to_string(),
        help: help.to_string(),
    }))
}

fn node_at<'a>(root: &'a Node, path: &[PathSeg]) -> Option<&'a Node> {
    path.iter().try_fold(root, |node, seg| match seg {
        PathSeg::Key(k) => node.get(k),
        PathSeg::Index(i) => node.as_seq()?.get(*i),
    })
}

fn json_path_segments(path: &serde_path_to_error::Path) -> Vec<PathSeg> {
    path.iter()
        .filter_map(|seg| match seg {
            serde_path_to_error::Segment::Map { key } => Some(PathSeg::Key(key.as_str().into())),
            serde_path_to_error::Segment::Seq { index } => Some(PathSeg::Index(*index)),
            _ => None,
        })
        .collect()
}

/// Turns serde's messages into a message and a help line; an unknown field gets the
/// closest known name as a suggestion.
fn explain_serde_error(message: &str) -> (String, String) {
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let names: Vec<&str> = rest.split('`').skip(1).step_by(2).collect();
        if let Some((field, expected)) = names.split_first() {
            let suggestion = did_you_mean(field, expected.iter().copied());
            let help = match suggestion {
                Some(s) => format!("did you mean `{s}`?"),
                None if expected.is_empty() => "remove the field".to_string(),
                None => format!("known fields: {}", expected.join(", ")),
            };
            return (format!("unknown field `{field}`"), help);
        }
    }
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        let names: Vec<&str> = rest.split('`').skip(1).step_by(2).collect();
        if let Some((value, expected)) = names.split_first() {
            return (
                format!("unknown value `{value}`"),
                format!("use one of: {}", expected.join(", ")),
            );
        }
    }
    (
        message.to_string(),
        "check the value against the schema in schemas/".to_string(),
    )
}

/// The closest candidate by Jaro-Winkler similarity, when it is close enough to be a typo.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(word, c), c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}
