//! Rules of the `sizing` category.
use crate::lint::Rule;

/// The rules of this category.
pub fn rules() -> Vec<&'static dyn Rule> {
    Vec::new()
}
