//! Helpers shared by the end-to-end tests: a clean `mlk` command and manifest parsing.
use assert_cmd::Command;
use serde_json::Value;

/// `mlk` with a clean environment: no MLK_* variables, no kubeconfig, no colour, and a
/// working directory without mlk.yaml.
pub fn mlk() -> Command {
    let mut cmd = Command::cargo_bin("mlk").expect("the mlk binary is built for tests");
    for (key, _) in std::env::vars() {
        if key.starts_with("MLK_") {
            cmd.env_remove(key);
        }
    }
    cmd.env_remove("KUBECONFIG")
        .env("NO_COLOR", "1")
        .env("HOME", std::env::temp_dir());
    cmd.current_dir(std::env::temp_dir());
    cmd
}

/// Runs mlk with `args`, expects success, and returns stdout.
#[track_caller]
pub fn stdout_of(args: &[&str]) -> String {
    let out = mlk().args(args).output().expect("mlk runs");
    assert!(
        out.status.success(),
        "mlk {args:?} failed with {:?}: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("stdout is UTF-8")
}

/// The documents of a multi-document YAML text, as JSON values.
#[track_caller]
pub fn documents(yaml: &str) -> Vec<Value> {
    let file = mlk::manifest::load(
        "output.yaml",
        yaml.as_bytes(),
        &mlk::manifest::Limits::default(),
    );
    assert!(
        file.problems.is_empty(),
        "output has YAML problems: {:?}",
        file.problems
    );
    file.documents.iter().map(|d| d.root.to_json()).collect()
}
