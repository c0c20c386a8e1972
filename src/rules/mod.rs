//! The rule registry. Each category is a module with one file per rule; `all` lists every
//! rule that checks something, `all_meta` every rule including those the engine reports
//! itself (unreadable files, parse errors, suppressions).
pub mod correctness;
pub mod gpu;
pub mod ml;
pub mod pod_security;
pub mod quota;
pub mod reliability;
pub mod sizing;
pub mod yaml;

use crate::lint::{Rule, RuleMeta};

/// Every checking rule.
pub fn all() -> Vec<&'static dyn Rule> {
    let mut rules = Vec::new();
    rules.extend(pod_security::rules());
    rules.extend(gpu::rules());
    rules.extend(quota::rules());
    rules.extend(sizing::rules());
    rules.extend(ml::rules());
    rules.extend(reliability::rules());
    rules.extend(correctness::rules());
    rules.extend(yaml::rules());
    rules
}

/// The metadata of every rule, sorted by category and name.
pub fn all_meta() -> Vec<&'static RuleMeta> {
    let mut metas: Vec<&'static RuleMeta> = all().iter().map(|r| r.meta()).collect();
    metas.extend(crate::lint::meta::ALL.iter().copied());
    metas.sort_by_key(|m| (m.category, m.name));
    metas
}

/// A rule by name.
pub fn find(name: &str) -> Option<&'static RuleMeta> {
    all_meta().into_iter().find(|m| m.name == name)
}
