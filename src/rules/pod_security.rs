//! Rules of the `pod-security` category.
use crate::lint::Rule;

/// The rules of this category.
pub fn rules() -> Vec<&'static dyn Rule> {
    Vec::new()
}
