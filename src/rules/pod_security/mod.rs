//! Rules of the `pod-security` category: every control of the Pod Security Standards,
//! evaluated as upstream Pod Security Admission evaluates it, per version. Each rule
//! reports violations with their [`PsaScope`](crate::lint::PsaScope); the engine keeps those
//! that apply to the policy of the object's namespace.
mod privileged_container;

use crate::lint::Rule;

pub use privileged_container::PrivilegedContainer;

/// The rules of this category.
pub fn rules() -> Vec<&'static dyn Rule> {
    vec![&PrivilegedContainer]
}
