//! The contracts of SPEC section 1: stdout carries only the product, exit codes 0/1/2, a
//! closed pipe exits 0, output is deterministic, `-o json` is a List, help and version work.
use std::io::Read;
use std::process::Stdio;

use super::common::{documents, mlk, stdout_of};

#[test]
fn train_without_other_input_prints_a_workload_and_a_summary_on_stderr() {
    let out = mlk()
        .args(["train", "--gpus", "8", "--framework", "pytorch"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8(out.stdout).expect("utf-8");
    let stderr = String::from_utf8(out.stderr).expect("utf-8");
    assert!(
        stdout.starts_with("---\n"),
        "stdout must start with a document: {stdout}"
    );
    let kinds: Vec<String> = documents(&stdout)
        .iter()
        .map(|d| d["kind"].as_str().unwrap_or_default().to_string())
        .collect();
    assert_eq!(kinds, ["ConfigMap", "Job"]);
    assert_eq!(
        stderr.trim(),
        "pytorch-train: 1 worker x 8 nvidia.com/gpu = 8 total, target job"
    );
}

#[test]
fn output_is_deterministic() {
    let args = [
        "train",
        "--gpus",
        "2",
        "--workers",
        "4",
        "--target",
        "jobset",
        "--queue",
        "team-a",
        "--env",
        "B=2",
        "--env",
        "A=1",
    ];
    assert_eq!(stdout_of(&args), stdout_of(&args));
}

#[test]
fn json_output_is_a_list_of_the_same_objects() {
    let yaml = documents(&stdout_of(&["train", "--workers", "2"]));
    let json: serde_json::Value =
        serde_json::from_str(&stdout_of(&["train", "--workers", "2", "-o", "json"]))
            .expect("valid JSON");
    assert_eq!(json["kind"], "List");
    assert_eq!(json["apiVersion"], "v1");
    assert_eq!(json["items"].as_array().expect("items"), &yaml);
}

#[test]
fn a_closed_pipe_exits_zero_quietly() {
    // The read end is closed before the child starts writing, so its first write fails.
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("mlk"))
        .args(["crd"])
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    drop(child.stdout.take());
    let status = child.wait().expect("wait");
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut stderr)
        .expect("read");
    assert_eq!(status.code(), Some(0), "stderr: {stderr}");
    assert!(stderr.is_empty(), "nothing on stderr: {stderr}");
}

#[test]
fn usage_errors_exit_two_with_nothing_on_stdout() {
    let out = mlk()
        .args(["train", "--gpus", "many"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let out = mlk().args(["no-such-command"]).output().expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
}

#[test]
fn help_and_version_go_to_stdout_and_exit_zero() {
    let help = stdout_of(&["train", "--help"]);
    assert!(help.contains("total GPUs = workers x gpus"), "{help}");
    assert!(
        help.contains("16 bytes per parameter"),
        "the sizing formula is documented in --help"
    );
    let version = stdout_of(&["--version"]);
    assert_eq!(version.trim(), format!("mlk {}", env!("CARGO_PKG_VERSION")));
}

#[test]
fn errors_have_a_help_line_and_no_colour_when_not_a_terminal() {
    let out = mlk()
        .args(["train", "--name", "Bad_Name"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).expect("utf-8");
    assert!(stderr.contains("--name"), "{stderr}");
    assert!(stderr.contains("help:"), "{stderr}");
    assert!(
        !stderr.contains('\u{1b}'),
        "no escape codes without a terminal: {stderr:?}"
    );
}
