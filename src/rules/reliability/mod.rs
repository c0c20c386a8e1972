//! Rules of the `reliability` category.
use crate::lint::Rule;

/// The rules of this category.
pub fn rules() -> Vec<&'static dyn Rule> {
    Vec::new()
}
