//! The floor `mlk lint` is measured against: the same file discovery, reading and
//! parallelism, but only saphyr-parser's event pass over each file (no tree, no rules).
//! With `--tree`, each file is also built into mlk's spanned tree (the loader `mlk lint`
//! uses), still without rules: the difference between the two is the cost of the tree.
//! Usage: `parse_only [--tree] PATH...`; prints the number of files and parser events (or
//! documents, with `--tree`).
use std::path::PathBuf;

use rayon::prelude::*;

fn main() {
    let mut tree = false;
    let mut paths = Vec::new();
    for arg in std::env::args_os().skip(1) {
        if arg == "--tree" {
            tree = true;
        } else {
            paths.push(PathBuf::from(arg));
        }
    }
    let (files, problems) =
        mlk::manifest::discover(&paths, &mlk::manifest::DiscoverOptions::default());
    let limits = mlk::manifest::Limits::default();
    let counted: usize = files
        .par_iter()
        .map(|f| {
            let Ok(bytes) = f.read(limits.max_bytes) else {
                return 0;
            };
            if tree {
                mlk::manifest::load_owned(&f.display, bytes, &limits)
                    .documents
                    .len()
            } else {
                mlk::manifest::parse_only(&bytes)
            }
        })
        .sum();
    println!(
        "{} files, {} {}, {} problems",
        files.len(),
        counted,
        if tree { "documents" } else { "events" },
        problems.len()
    );
}
