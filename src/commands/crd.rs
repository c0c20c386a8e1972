//! `mlk crd`: the CustomResourceDefinitions of mlk.dev, generated from the Rust types.
use std::io::Write;

use kube::CustomResourceExt;
use serde_json::Value;

use crate::api::{InferenceService, TrainingJob};
use crate::cli::CrdArgs;
use crate::error::Result;
use crate::output::{to_value, write_manifests};

/// The CRDs in a stable order.
pub fn crds() -> Result<Vec<Value>> {
    Ok(vec![
        to_value(&TrainingJob::crd())?,
        to_value(&InferenceService::crd())?,
    ])
}

pub fn run(args: &CrdArgs, out: &mut impl Write) -> Result<()> {
    write_manifests(&crds()?, args.output.output, out)
}
