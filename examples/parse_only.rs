//! The floor `mlk lint` is measured against: the same file discovery, reading and
//! parallelism, but only saphyr-parser's event pass over each file (no tree, no rules).
//! Usage: `parse_only PATH...`; prints the number of files and parser events.
use std::path::PathBuf;

use rayon::prelude::*;

fn main() {
    let paths: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let (files, problems) =
        mlk::manifest::discover(&paths, &mlk::manifest::DiscoverOptions::default());
    let limit = mlk::manifest::Limits::default().max_bytes;
    let events: usize = files
        .par_iter()
        .map(|f| {
            f.read(limit)
                .map(|b| mlk::manifest::parse_only(&b))
                .unwrap_or(0)
        })
        .sum();
    println!(
        "{} files, {} events, {} problems",
        files.len(),
        events,
        problems.len()
    );
}
