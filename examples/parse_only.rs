//! The floor `mlk lint` is measured against: the same file discovery, reading and
//! parallelism, but only saphyr-parser's event pass over each file (no tree, no rules).
//! With `--tree`, each file is also built into mlk's spanned tree (the loader `mlk lint`
//! uses), still without rules: the difference between the two is the cost of the tree.
//! With `--dom`, each file is instead loaded into the YAML library's own document with
//! positions (`saphyr::MarkedYaml`, from the same parser on the same input type): what
//! parsing a file means to a user of the library.
//! It uses mlk's allocator, so that the passes differ from `mlk lint` only in what they do.
//! Usage: `parse_only [--tree | --dom] PATH...`; prints the number of files and parser
//! events (or documents, with `--tree` and `--dom`).
use std::path::PathBuf;

use rayon::prelude::*;
use saphyr::{LoadableYamlNode, MarkedYaml};

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Clone, Copy, PartialEq)]
enum Pass {
    Events,
    Tree,
    Dom,
}

fn main() {
    let mut pass = Pass::Events;
    let mut paths = Vec::new();
    for arg in std::env::args_os().skip(1) {
        if arg == "--tree" {
            pass = Pass::Tree;
        } else if arg == "--dom" {
            pass = Pass::Dom;
        } else {
            paths.push(PathBuf::from(arg));
        }
    }
    let mlk::manifest::Discovered {
        files, problems, ..
    } = mlk::manifest::discover(&paths, &mlk::manifest::DiscoverOptions::default());
    let limits = mlk::manifest::Limits::default();
    let counted: usize = files
        .par_iter()
        .map(|f| {
            let Ok(bytes) = f.read(limits.max_bytes) else {
                return 0;
            };
            match pass {
                Pass::Events => mlk::manifest::parse_only(&bytes),
                Pass::Tree => mlk::manifest::load_owned(&f.display, bytes, &limits)
                    .documents
                    .len(),
                Pass::Dom => std::str::from_utf8(&bytes).map_or(0, |text| {
                    MarkedYaml::load_from_parser(&mut saphyr_parser::Parser::new_from_str(text))
                        .map_or(0, |documents| documents.len())
                }),
            }
        })
        .sum();
    println!(
        "{} files, {} {}, {} problems",
        files.len(),
        counted,
        if pass == Pass::Events {
            "events"
        } else {
            "documents"
        },
        problems.len()
    );
}
