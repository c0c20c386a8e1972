//! The whole lint pipeline on arbitrary bytes, with every rule: findings or a clean report,
//! never a panic.
#![no_main]
use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;

static RULES: LazyLock<Vec<&'static dyn mlk::lint::Rule>> = LazyLock::new(mlk::rules::all);

fuzz_target!(|data: &[u8]| {
    let settings = mlk::lint::Settings::default();
    let report = mlk::lint::lint_bytes("fuzz.yaml", data, &settings, &RULES);
    for format in [mlk::cli::LintFormat::Concise] {
        let mut out = Vec::new();
        let _ = mlk::report::write(&report, format, mlk::report::Style { color: false, quiet: false }, &mut out);
    }
});
