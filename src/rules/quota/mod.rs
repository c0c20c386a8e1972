//! Rules of the `quota` category.
use crate::lint::Rule;

/// The rules of this category.
pub fn rules() -> Vec<&'static dyn Rule> {
    Vec::new()
}
