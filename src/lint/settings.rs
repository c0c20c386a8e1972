//! The validated settings of a lint run: which rules at which level, the Pod Security
//! policy, the GPU limit per node, and the loader's limits.
use std::collections::BTreeMap;

use super::psa::{PsaPolicy, Version};
use super::rule::{Category, Level, RuleMeta};
use crate::manifest::Limits;

/// A rule's level after configuration: a level, or off.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Configured {
    Off,
    On(Level),
}

/// Rule selection: `--select`, `--ignore` and per-rule or per-category levels.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    /// Rule or category names; empty selects every rule.
    pub select: Vec<String>,
    /// Rule or category names to skip; wins over `select`.
    pub ignore: Vec<String>,
    /// Level per rule or category name; a rule's own entry wins over its category's.
    pub levels: BTreeMap<String, Configured>,
}

impl Selection {
    /// The configured level of a rule.
    pub fn level_of(&self, meta: &RuleMeta) -> Configured {
        let cat = meta.category.as_str();
        let matches = |names: &[String]| {
            names
                .iter()
                .any(|n| n == meta.name || n == cat || n == "all")
        };
        if matches(&self.ignore) || (!self.select.is_empty() && !matches(&self.select)) {
            return Configured::Off;
        }
        self.levels
            .get(meta.name)
            .or_else(|| self.levels.get(cat))
            .copied()
            .unwrap_or(Configured::On(meta.default_level))
    }
}

/// Settings of one run.
#[derive(Clone, Debug)]
pub struct Settings {
    pub selection: Selection,
    /// Policy of objects whose namespace has no Namespace object with labels in the input.
    pub policy: PsaPolicy,
    /// The Kubernetes version the manifests target, for removed APIs.
    pub kubernetes_version: Version,
    /// Most GPUs one node has.
    pub max_gpus_per_node: u32,
    /// Coefficients of the sizing formulas (`sizing:` in mlk.yaml), for re-checking
    /// workloads that carry their sizing inputs.
    pub sizing: crate::sizing::Coefficients,
    pub limits: Limits,
    pub follow_symlinks: bool,
    /// Path globs to skip.
    pub exclude: Vec<String>,
    /// Keep the text of files with findings for source snippets (the human report); other
    /// formats need only positions, so memory stays flat as the input grows.
    pub keep_sources: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            selection: Selection::default(),
            policy: PsaPolicy::default(),
            kubernetes_version: Version::NEWEST,
            max_gpus_per_node: 8,
            sizing: crate::sizing::Coefficients::default(),
            limits: Limits::default(),
            follow_symlinks: false,
            exclude: Vec::new(),
            keep_sources: true,
        }
    }
}

/// Whether `name` names a rule or a category, for validating `--select`/`--ignore`.
pub fn is_known_selector(name: &str, rules: &[&'static RuleMeta]) -> bool {
    name == "all" || Category::parse(name).is_some() || rules.iter().any(|r| r.name == name)
}
