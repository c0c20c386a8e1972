//! Rules of the `correctness` category: objects the API server would reject, or read
//! differently from what their author meant. The engine reports the suppression problems
//! of this category itself (`unused-suppression`, `suppression-without-reason`).
mod api;
mod removed_api;
mod unknown_field;
mod wrong_api_version;

use crate::lint::Rule;

pub use removed_api::RemovedApi;
pub use unknown_field::UnknownField;
pub use wrong_api_version::WrongApiVersion;

/// The rules of this category.
pub fn rules() -> Vec<&'static dyn Rule> {
    vec![&WrongApiVersion, &RemovedApi, &UnknownField]
}
