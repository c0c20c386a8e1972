//! What a rule is: its metadata and documentation side by side with its checks. Rules are
//! declared with [`declare_rule!`], one per file under `src/rules/<category>/`.
use std::fmt;

use serde::Serialize;

use super::context::{DocumentCx, InputCx, ObjectCx, PodCx};
use super::sink::Sink;

/// How serious a finding is. Ordered: `Info < Warning < Error`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Info,
    Warning,
    Error,
}

impl Level {
    /// The spelling in reports and flags.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Info => "info",
            Level::Warning => "warning",
            Level::Error => "error",
        }
    }

    /// Parses `error`, `warning` or `info`.
    pub fn parse(s: &str) -> Option<Level> {
        match s {
            "error" => Some(Level::Error),
            "warning" | "warn" => Some(Level::Warning),
            "info" => Some(Level::Info),
            _ => None,
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Rule categories; each decides the default level of its rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    PodSecurity,
    Gpu,
    Quota,
    Sizing,
    Ml,
    Reliability,
    Correctness,
    Yaml,
}

impl Category {
    /// Every category, in documentation order.
    pub const ALL: [Category; 8] = [
        Category::PodSecurity,
        Category::Gpu,
        Category::Quota,
        Category::Sizing,
        Category::Ml,
        Category::Reliability,
        Category::Correctness,
        Category::Yaml,
    ];

    /// The kebab-case name used by `--select`/`--ignore`.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::PodSecurity => "pod-security",
            Category::Gpu => "gpu",
            Category::Quota => "quota",
            Category::Sizing => "sizing",
            Category::Ml => "ml",
            Category::Reliability => "reliability",
            Category::Correctness => "correctness",
            Category::Yaml => "yaml",
        }
    }

    /// Parses a category name.
    pub fn parse(s: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.as_str() == s)
    }

    /// One line on what the category covers.
    pub fn description(self) -> &'static str {
        match self {
            Category::PodSecurity => {
                "Pod Security Standards, exactly as Pod Security Admission evaluates them per version"
            }
            Category::Gpu => "GPUs and other extended resources: requests, limits, MIG, placement",
            Category::Quota => {
                "ResourceQuota and LimitRange mistakes Kubernetes accepts but ignores or misapplies"
            }
            Category::Sizing => {
                "requests against the sizing formulas and the namespace budgets in the input"
            }
            Category::Ml => {
                "machine-learning practice: gang scheduling, lifecycle limits, checkpoints, images"
            }
            Category::Reliability => {
                "serving availability: probes, replicas, disruption budgets, autoscaling"
            }
            Category::Correctness => "objects the API server would reject or silently misread",
            Category::Yaml => "YAML that Kubernetes reads differently than it looks",
        }
    }
}

/// A rule's identity and documentation.
#[derive(Debug)]
pub struct RuleMeta {
    /// kebab-case, named after the problem (`privileged-container`).
    pub name: &'static str,
    pub category: Category,
    pub default_level: Level,
    /// One line, lowercase, no trailing period.
    pub summary: &'static str,
    /// Markdown with `## What it does`, `## Why is this bad?`, `## Example` (a YAML block
    /// that triggers the rule), `Use instead:` (a YAML block that does not) and, where
    /// they exist, `## References`.
    pub docs: &'static str,
}

/// A lint rule. Each hook has a default that does nothing, so a rule implements only the
/// scopes it looks at.
pub trait Rule: Send + Sync + 'static {
    fn meta(&self) -> &'static RuleMeta;

    /// Every document, before its objects (YAML-level rules).
    fn check_document(&self, _cx: &DocumentCx<'_>, _sink: &mut Sink) {}

    /// Every object.
    fn check_object(&self, _cx: &ObjectCx<'_>, _sink: &mut Sink) {}

    /// Every pod template of every object.
    fn check_pod(&self, _cx: &PodCx<'_>, _sink: &mut Sink) {}

    /// Once per run, over the facts gathered from the whole input (cross-object rules).
    fn check_input(&self, _cx: &InputCx<'_>, _sink: &mut Sink) {}

    /// True for a rule with [`Rule::check_input`]: the facts of the whole input are
    /// gathered only when an enabled rule needs them (Namespaces always are, for Pod
    /// Security policies).
    fn cross_object(&self) -> bool {
        false
    }
}

/// Declares a rule type with its metadata; the doc comment becomes the rule's docs.
///
/// ```ignore
/// declare_rule! {
///     /// ## What it does
///     /// ...
///     pub PrivilegedContainer {
///         name: "privileged-container",
///         category: PodSecurity,
///         level: Error,
///         summary: "container runs privileged",
///     }
/// }
/// ```
#[macro_export]
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        $vis:vis $ty:ident {
            name: $name:literal,
            category: $cat:ident,
            level: $level:ident,
            summary: $summary:literal $(,)?
        }
    ) => {
        $(#[doc = $doc])*
        #[derive(Debug, Default, Clone, Copy)]
        $vis struct $ty;

        impl $ty {
            /// The rule's metadata.
            pub const META: $crate::lint::RuleMeta = $crate::lint::RuleMeta {
                name: $name,
                category: $crate::lint::Category::$cat,
                default_level: $crate::lint::Level::$level,
                summary: $summary,
                docs: concat!($($doc, "\n"),*),
            };
        }
    };
}
