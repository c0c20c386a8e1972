//! Where rules put what they find. A rule reports a path (or a location recorded in the
//! input facts) and a message; the engine adds the rule, level, file and position.
use std::borrow::Cow;

use super::facts::Location;
use super::psa::PsaScope;
use crate::manifest::{Path, Span};

/// What a report points at.
#[derive(Clone, Debug, PartialEq)]
pub enum Target {
    /// A path from the document root of the object being checked.
    Path(Path),
    /// A location recorded while gathering facts (cross-object rules).
    Located(Location),
    /// An exact span of the document, shown with a path: for what a path cannot reach,
    /// such as a mapping key (an unknown field, an ambiguous key).
    Span(Path, Span),
}

/// One report of a rule, before the engine resolves it into a finding.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub target: Target,
    pub message: String,
    /// Static text when the rule's help never varies, which most do.
    pub help: Option<Cow<'static, str>>,
    /// For pod-security rules: where upstream would reject.
    pub psa: Option<PsaScope>,
}

impl Entry {
    /// Sets the help line.
    pub fn help(&mut self, help: impl Into<Cow<'static, str>>) -> &mut Self {
        self.help = Some(help.into());
        self
    }

    /// Sets the Pod Security scope.
    pub fn psa(&mut self, scope: PsaScope) -> &mut Self {
        self.psa = Some(scope);
        self
    }
}

/// The reports of one rule on one scope.
#[derive(Debug, Default)]
pub struct Sink {
    pub(crate) entries: Vec<Entry>,
}

impl Sink {
    /// Reports `message` at `path` (from the document root).
    pub fn report(&mut self, path: Path, message: impl Into<String>) -> &mut Entry {
        self.push(Target::Path(path), message.into())
    }

    /// Reports `message` at `span` of the document, shown with `path`.
    pub fn report_span(
        &mut self,
        path: Path,
        span: Span,
        message: impl Into<String>,
    ) -> &mut Entry {
        self.push(Target::Span(path, span), message.into())
    }

    /// Reports `message` at a location from the input facts.
    pub fn report_at(&mut self, location: &Location, message: impl Into<String>) -> &mut Entry {
        self.push(Target::Located(location.clone()), message.into())
    }

    fn push(&mut self, target: Target, message: String) -> &mut Entry {
        self.entries.push(Entry {
            target,
            message,
            help: None,
            psa: None,
        });
        let last = self.entries.len() - 1;
        &mut self.entries[last]
    }

    /// Takes the entries out.
    pub fn take(&mut self) -> Vec<Entry> {
        std::mem::take(&mut self.entries)
    }
}
