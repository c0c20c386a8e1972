//! mlk's own API, group `mlk.dev`, version `v1alpha1`: the TrainingJob and InferenceService
//! custom resources. They are at once the job-description files that `-f` reads and the
//! CRDs that `mlk crd` prints, so their Rust types are the single source of both.
pub mod common;
pub mod inference;
pub mod training;

pub use inference::{InferenceService, InferenceServiceSpec};
pub use training::{TrainingJob, TrainingJobSpec};

/// The API group of every mlk.dev resource.
pub const GROUP: &str = "mlk.dev";
/// The served and stored version.
pub const VERSION: &str = "v1alpha1";
