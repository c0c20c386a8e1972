//! The lint engine: rule metadata and the `Rule` trait, the contexts rules see, the facts
//! cross-object rules use, Pod Security policy scopes, and the run itself. Rules live in
//! `crate::rules`; reporters in `crate::report`.
pub mod compiled;
pub mod context;
pub mod engine;
pub mod facts;
pub mod finding;
pub mod meta;
pub mod psa;
pub mod rule;
pub mod settings;
pub mod sink;
#[cfg(test)]
pub mod testing;

pub use context::{ContainerKind, ContainerRef, DocumentCx, InputCx, ObjectCx, PodCx};
pub use engine::{Report, lint, lint_bytes, lint_texts};
pub use finding::{Finding, ObjectRef, Position};
pub use psa::{PsaLevel, PsaPolicy, PsaScope, Version};
pub use rule::{Category, Level, Rule, RuleMeta};
pub use settings::{Configured, Selection, Settings};
pub use sink::Sink;
