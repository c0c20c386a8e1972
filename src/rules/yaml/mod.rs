//! Rules of the `yaml` category: YAML that Kubernetes reads differently than it looks.
//! The engine reports the loader's problems of this category itself (`parse-error`,
//! `duplicate-key`, `not-utf8`, the size and nesting limits).
mod ambiguous_scalar;

use crate::lint::Rule;

pub use ambiguous_scalar::AmbiguousScalar;

/// The rules of this category.
pub fn rules() -> Vec<&'static dyn Rule> {
    vec![&AmbiguousScalar]
}
