//! Job-description files (`-f`) and mlk.yaml: flags override files, files override
//! mlk.yaml, and every bad value points at its line and column.
use std::fs;

use super::common::{documents, mlk};

const JOB: &str = "\
apiVersion: mlk.dev/v1alpha1
kind: TrainingJob
metadata:
  name: bert-ft
  namespace: team-a
spec:
  framework: pytorch
  workers: 2
  gpusPerWorker: 4
  gpu:
    type: a100-80gb
  resources:
    memory: 64Gi
";

fn run_in(dir: &std::path::Path, args: &[&str], stdin: Option<&str>) -> (i32, String, String) {
    let mut cmd = mlk();
    cmd.current_dir(dir).args(args);
    if let Some(input) = stdin {
        cmd.write_stdin(input);
    }
    let out = cmd.output().expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn job_of(stdout: &str) -> serde_json::Value {
    documents(stdout)
        .into_iter()
        .find(|d| d["kind"] == "Job")
        .expect("a Job")
}

#[test]
fn a_file_is_read_and_flags_override_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(dir.path().join("job.yaml"), JOB).expect("write");
    let (code, out, err) = run_in(
        dir.path(),
        &["train", "-f", "job.yaml", "--workers", "3"],
        None,
    );
    assert_eq!(code, 0, "{err}");
    let job = job_of(&out);
    assert_eq!(job["metadata"]["name"], "bert-ft");
    assert_eq!(job["metadata"]["namespace"], "team-a");
    assert_eq!(
        job["spec"]["parallelism"], 3,
        "the flag overrides the file's 2 workers"
    );
    let limits = &job["spec"]["template"]["spec"]["containers"][0]["resources"]["limits"];
    assert_eq!(limits["nvidia.com/gpu"], "4");
    assert_eq!(limits["memory"], "64Gi");
    assert_eq!(
        job["spec"]["template"]["spec"]["nodeSelector"]["nvidia.com/gpu.product"],
        "NVIDIA-A100-SXM4-80GB"
    );
}

#[test]
fn a_file_can_come_from_stdin() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (code, out, err) = run_in(dir.path(), &["train", "-f", "-"], Some(JOB));
    assert_eq!(code, 0, "{err}");
    assert_eq!(job_of(&out)["metadata"]["name"], "bert-ft");
}

#[test]
fn a_bad_value_in_a_file_points_at_its_line_and_column() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(dir.path().join("job.yaml"), JOB.replace("64Gi", "64GB")).expect("write");
    let (code, out, err) = run_in(dir.path(), &["train", "-f", "job.yaml"], None);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(err.contains("job.yaml:13:13"), "{err}");
    assert!(err.contains("help:"), "{err}");
}

#[test]
fn an_unknown_field_in_a_file_gets_a_did_you_mean_at_the_key() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(
        dir.path().join("job.yaml"),
        JOB.replace("  workers: 2", "  wrkers: 2"),
    )
    .expect("write");
    let (code, _, err) = run_in(dir.path(), &["train", "-f", "job.yaml"], None);
    assert_eq!(code, 2);
    assert!(
        err.contains("job.yaml:8:3: unknown field `wrkers`"),
        "{err}"
    );
    assert!(err.contains("did you mean `workers`?"), "{err}");
}

#[test]
fn a_file_of_another_kind_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(
        dir.path().join("job.yaml"),
        JOB.replace("kind: TrainingJob", "kind: Deployment"),
    )
    .expect("write");
    let (code, _, err) = run_in(dir.path(), &["train", "-f", "job.yaml"], None);
    assert_eq!(code, 2);
    assert!(err.contains("job.yaml:2:7"), "{err}");
    assert!(err.contains("expected a TrainingJob"), "{err}");
}

#[test]
fn a_missing_file_is_an_io_error_naming_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (code, out, err) = run_in(dir.path(), &["train", "-f", "nope.yaml"], None);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(err.contains("nope.yaml") && err.contains("help:"), "{err}");
}

#[test]
fn mlk_yaml_defaults_apply_from_a_parent_directory() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(
        dir.path().join("mlk.yaml"),
        "defaults:\n  namespace: ml-team\n  gpuType: h100-80gb\n  target: jobset\n  registry: mirror.example.com\n  priorityClasses:\n    training: ml-training-high-priority\n",
    )
    .expect("write");
    let sub = dir.path().join("jobs/nightly");
    fs::create_dir_all(&sub).expect("mkdir");
    let (code, out, err) = run_in(&sub, &["train", "--workers", "2"], None);
    assert_eq!(code, 0, "{err}");
    let docs = documents(&out);
    let set = docs
        .iter()
        .find(|d| d["kind"] == "JobSet")
        .expect("target from mlk.yaml");
    assert_eq!(set["metadata"]["namespace"], "ml-team");
    let pod = &set["spec"]["replicatedJobs"][0]["template"]["spec"]["template"]["spec"];
    assert_eq!(
        pod["nodeSelector"]["nvidia.com/gpu.product"],
        "NVIDIA-H100-80GB-HBM3"
    );
    assert_eq!(pod["priorityClassName"], "ml-training-high-priority");
    assert!(
        pod["containers"][0]["image"]
            .as_str()
            .is_some_and(|i| i.starts_with("mirror.example.com/pytorch/pytorch:"))
    );
    let (code, out, _) = run_in(&sub, &["train", "--target", "job", "-n", "other"], None);
    assert_eq!(code, 0);
    assert_eq!(
        job_of(&out)["metadata"]["namespace"],
        "other",
        "flags win over mlk.yaml"
    );
}

#[test]
fn unknown_keys_in_mlk_yaml_are_errors_with_a_did_you_mean() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(
        dir.path().join("mlk.yaml"),
        "defaults:\n  namespce: ml-team\n",
    )
    .expect("write");
    let (code, out, err) = run_in(dir.path(), &["train"], None);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(
        err.contains("mlk.yaml:2:3: unknown field `namespce`"),
        "{err}"
    );
    assert!(err.contains("did you mean `namespace`?"), "{err}");
    let (code, _, err) = run_in(
        dir.path(),
        &["--config", "/nonexistent/mlk.yaml", "train"],
        None,
    );
    assert_eq!(code, 2);
    assert!(err.contains("/nonexistent/mlk.yaml"), "{err}");
}

#[test]
fn sizing_coefficients_come_from_mlk_yaml() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(
        dir.path().join("mlk.yaml"),
        "sizing:\n  baseCpu: \"4\"\n  cpuPerGpu: \"10\"\n",
    )
    .expect("write");
    let (code, out, err) = run_in(dir.path(), &["train", "--gpus", "2"], None);
    assert_eq!(code, 0, "{err}");
    let limits = &job_of(&out)["spec"]["template"]["spec"]["containers"][0]["resources"]["limits"];
    assert_eq!(limits["cpu"], "24", "4 + 10 x 2 GPUs");
}
