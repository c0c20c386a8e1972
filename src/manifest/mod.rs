//! The loading layer of `mlk lint`: find the files, read them into spanned YAML documents,
//! and find the Kubernetes objects and pod templates inside them.
//!
//! The flow reads straight through: [`discover()`] turns the user's paths into a sorted list of
//! [`InputFile`]s, [`load()`] turns one file's bytes into a [`SourceFile`] of [`Document`]s,
//! [`objects()`] lists the objects of a document and [`pod_templates`] the pod templates of an
//! object. Nothing here fails a run: every problem is data for the linter to report.
pub mod discover;
pub mod load;
pub mod node;
pub mod objects;
pub mod shallow;

pub use discover::{
    DiscoverOptions, DiscoverProblem, Discovered, InputFile, InputSource, discover,
};
pub use load::{
    Document, HARD_MAX_DEPTH, Limits, LoadProblem, ProblemKind, SourceFile, is_template, load,
    load_owned, parse_only,
};
pub use node::{Node, Span, Style, Tag, Value};
pub use objects::{
    Embedded, Object, Path, PathSeg, PodTemplate, RuntimeDef, RuntimeNeed, ServingRuntimes,
    TemplateContainer, Volume, embedded_object, is_dynamo, is_mlk_resource, locate, objects,
    pod_templates,
};
