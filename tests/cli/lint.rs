//! `mlk lint` and `mlk rule` end to end: discovery, exit codes, selection, suppressions,
//! namespace policies, formats of the report, and rule documentation.
use std::fs;

use super::common::{mlk, stdout_of};

const PRIVILEGED_POD: &str = "\
apiVersion: v1
kind: Pod
metadata:
  name: debug
  namespace: tools
spec:
  containers:
  - name: shell
    image: busybox:1.36
    securityContext:
      privileged: true
";

fn lint_in(dir: &std::path::Path, args: &[&str]) -> (i32, String, String) {
    let out = mlk()
        .current_dir(dir)
        .arg("lint")
        .args(args)
        .output()
        .expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_finding_fails_the_run_at_its_line_and_column() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(dir.path().join("pod.yaml"), PRIVILEGED_POD).expect("write");
    let (code, out, _) = lint_in(
        dir.path(),
        &["--format", "concise", "--select", "privileged-container"],
    );
    assert_eq!(code, 1);
    assert_eq!(
        out,
        "pod.yaml:11:19: error[privileged-container] privileged: container \"shell\" must not set securityContext.privileged=true\n1 error in 1 file (of 1 checked)\n"
    );
    let (code, _, _) = lint_in(
        dir.path(),
        &["--fail-on", "never", "--select", "privileged-container"],
    );
    assert_eq!(code, 0);
}

#[test]
fn merge_keys_are_resolved_before_the_rules_run() {
    // The second container takes its securityContext and resources from the first through
    // merge keys, as kubectl would apply it: nothing is missing from it.
    let pod = "\
apiVersion: v1
kind: Pod
metadata: {name: merged, namespace: ml}
spec:
  securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
  containers:
  - name: a
    image: registry.example.com/a:1.0
    securityContext: &restricted
      allowPrivilegeEscalation: false
      capabilities: {drop: [ALL]}
    resources: &sized
      requests: {cpu: \"1\", memory: 1Gi}
      limits: {cpu: \"1\", memory: 1Gi}
  - name: b
    image: registry.example.com/b:1.0
    securityContext:
      <<: *restricted
      readOnlyRootFilesystem: true
    resources: {<<: *sized}
";
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(dir.path().join("pod.yaml"), pod).expect("write");
    let (code, out, _) = lint_in(dir.path(), &["--format", "concise"]);
    assert_eq!((code, out.as_str()), (0, "no problems in 1 file\n"));

    // A merge that drops a required setting is caught, at the field the merge brought in.
    let weakened = pod.replace(
        "allowPrivilegeEscalation: false",
        "allowPrivilegeEscalation: true",
    );
    fs::write(dir.path().join("pod.yaml"), weakened).expect("write");
    let (code, out, _) = lint_in(
        dir.path(),
        &[
            "--format",
            "concise",
            "--select",
            "privilege-escalation-allowed",
        ],
    );
    assert_eq!(code, 1);
    assert_eq!(
        out.lines().take(2).collect::<Vec<_>>(),
        [
            "pod.yaml:10:33: error[privilege-escalation-allowed] allowPrivilegeEscalation != false: container \"a\" must set securityContext.allowPrivilegeEscalation=false",
            "pod.yaml:10:33: error[privilege-escalation-allowed] allowPrivilegeEscalation != false: container \"b\" must set securityContext.allowPrivilegeEscalation=false",
        ]
    );

    // A merge of a scalar is rejected by kubectl, so the document is a parse error.
    fs::write(
        dir.path().join("pod.yaml"),
        pod.replace("{<<: *sized}", "{<<: 2}"),
    )
    .expect("write");
    let (code, out, _) = lint_in(dir.path(), &["--format", "concise"]);
    assert_eq!(code, 1);
    assert!(
        out.starts_with("pod.yaml:20:21: error[parse-error] `<<` merges a map or a list of maps, not a value of type integer; document 1 is not checked\n"),
        "{out}"
    );
}

#[test]
fn continuation_lines_at_their_key_indentation_are_read_as_kubectl_reads_them() {
    // As in argo-workflows' examples/secrets.yaml: the closing `']` sits at the column of
    // `args`, which YAML 1.2 rejects and kubectl accepts.
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(
        dir.path().join("pod.yaml"),
        "apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: main
    image: alpine:3.20
    command: [sh, -c]
    args: ['
      echo one;
      echo two
    ']
    env: [
    {name: A, value: b}]
    securityContext:
      privileged: true
",
    )
    .expect("write");
    let (code, out, _) = lint_in(
        dir.path(),
        &[
            "--format",
            "concise",
            "--select",
            "privileged-container,yaml",
        ],
    );
    assert_eq!(code, 1);
    assert_eq!(
        out.lines().next(),
        Some(
            "pod.yaml:17:19: error[privileged-container] privileged: container \"main\" must not set securityContext.privileged=true"
        ),
        "{out}"
    );
    assert!(!out.contains("parse-error"), "{out}");
}

#[test]
fn helm_chart_templates_are_skipped_with_a_note_unless_named() {
    let dir = tempfile::tempdir().expect("tempdir");
    let chart = dir.path().join("deploy/chart");
    fs::create_dir_all(chart.join("templates")).expect("mkdir");
    fs::write(
        chart.join("Chart.yaml"),
        "apiVersion: v2\nname: demo\nversion: 0.1.0\n",
    )
    .expect("write");
    fs::write(chart.join("values.yaml"), "replicaCount: 1\n").expect("write");
    fs::write(
        chart.join("templates/deployment.yaml"),
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n{{- if .Values.x }}\nspec: {}\n{{- end }}\n",
    )
    .expect("write");

    let (code, out, err) = lint_in(dir.path(), &["--format", "concise"]);
    assert_eq!((code, out.as_str()), (0, "no problems in 2 files\n"));
    assert_eq!(
        err,
        "note: skipped deploy/chart/templates: Helm templates are not Kubernetes YAML until rendered\n  help: lint the rendered chart: helm template deploy/chart | mlk lint -\n"
    );
    let (_, _, err) = lint_in(dir.path(), &["--format", "concise", "--quiet"]);
    assert_eq!(err, "");

    // Named, the templates are read as they are: as YAML, they are broken.
    let (code, out, _) = lint_in(
        dir.path(),
        &["--format", "concise", "deploy/chart/templates"],
    );
    assert_eq!(code, 1);
    assert!(
        out.starts_with(
            "deploy/chart/templates/deployment.yaml:5:3: error[parse-error] invalid YAML"
        ),
        "{out}"
    );
    // The finding says why: the file is a template, to be rendered first.
    let (_, out, _) = lint_in(dir.path(), &["--format", "json", "deploy/chart/templates"]);
    let report: serde_json::Value = serde_json::from_str(&out).expect("json");
    let help = report["findings"][0]["help"].as_str().unwrap_or_default();
    assert!(
        help.contains("template actions") && help.contains("helm template CHART | mlk lint -"),
        "{help}"
    );
}

#[test]
fn kustomize_patches_are_skipped_with_a_note_unless_named() {
    let dir = tempfile::tempdir().expect("tempdir");
    let overlay = dir.path().join("overlays/prod");
    fs::create_dir_all(&overlay).expect("mkdir");
    fs::write(
        overlay.join("kustomization.yaml"),
        "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [../../base]\npatches:\n- path: replicas.yaml\n",
    )
    .expect("write");
    // Only what the patch changes: as a whole Deployment it would lack its selector.
    fs::write(
        overlay.join("replicas.yaml"),
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 3\n",
    )
    .expect("write");

    let (code, out, err) = lint_in(dir.path(), &["--format", "concise"]);
    assert_eq!((code, out.as_str()), (0, "no problems in 1 file\n"));
    assert_eq!(
        err,
        "note: skipped overlays/prod/replicas.yaml: a patch of the kustomization in overlays/prod, not a whole object\n  help: lint what kustomize builds: kustomize build overlays/prod | mlk lint -\n"
    );

    let (code, out, _) = lint_in(
        dir.path(),
        &["--format", "concise", "overlays/prod/replicas.yaml"],
    );
    assert_eq!(code, 1);
    assert!(
        out.starts_with("overlays/prod/replicas.yaml:4:1: error[missing-required-field]"),
        "{out}"
    );
}

#[test]
fn a_namespace_in_the_input_sets_the_policy_of_its_objects() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(dir.path().join("pod.yaml"), PRIVILEGED_POD).expect("write");
    fs::write(
        dir.path().join("ns.yaml"),
        "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: tools\n  labels:\n    pod-security.kubernetes.io/enforce: privileged\n",
    )
    .expect("write");
    let (code, out, _) = lint_in(
        dir.path(),
        &["--format", "concise", "--select", "privileged-container"],
    );
    assert_eq!(code, 0, "{out}");
    let (code, _, _) = lint_in(
        dir.path(),
        &[
            "--pod-security",
            "privileged",
            "--select",
            "privileged-container",
            "pod.yaml",
        ],
    );
    assert_eq!(code, 0);
}

#[test]
fn suppressions_need_a_reason_and_must_suppress_something() {
    let dir = tempfile::tempdir().expect("tempdir");
    let with_reason = PRIVILEGED_POD.replace(
        "  namespace: tools\n",
        "  namespace: tools\n  annotations:\n    ignore.mlk.dev/privileged-container: \"node debugging, deleted after use\"\n",
    );
    fs::write(dir.path().join("pod.yaml"), &with_reason).expect("write");
    let (code, out, _) = lint_in(
        dir.path(),
        &[
            "--format",
            "concise",
            "--select",
            "privileged-container,unused-suppression,suppression-without-reason",
        ],
    );
    assert_eq!(code, 0, "{out}");
    assert!(out.starts_with("no problems"), "{out}");

    fs::write(
        dir.path().join("pod.yaml"),
        with_reason.replace("\"node debugging, deleted after use\"", "\"\""),
    )
    .expect("write");
    let (code, out, _) = lint_in(
        dir.path(),
        &[
            "--format",
            "concise",
            "--select",
            "privileged-container,unused-suppression,suppression-without-reason",
        ],
    );
    assert_eq!(code, 1);
    assert!(
        out.contains("error[privileged-container]"),
        "without a reason the finding stays: {out}"
    );
    assert!(out.contains("warning[suppression-without-reason]"), "{out}");

    let unused = with_reason.replace("privileged: true", "privileged: false");
    fs::write(dir.path().join("pod.yaml"), unused).expect("write");
    let (_, out, _) = lint_in(
        dir.path(),
        &[
            "--format",
            "concise",
            "--select",
            "privileged-container,unused-suppression,suppression-without-reason",
        ],
    );
    assert!(
        out.contains(
            "warning[unused-suppression] suppression of `privileged-container` suppresses nothing"
        ),
        "{out}"
    );

    let misspelt = with_reason.replace(
        "ignore.mlk.dev/privileged-container",
        "ignore.mlk.dev/privileged-containr",
    );
    fs::write(dir.path().join("pod.yaml"), misspelt).expect("write");
    let (_, out, _) = lint_in(
        dir.path(),
        &[
            "--format",
            "concise",
            "--select",
            "privileged-container,unused-suppression,suppression-without-reason",
        ],
    );
    assert!(out.contains("unknown rule `privileged-containr`"), "{out}");
}

#[test]
fn unknown_rule_names_are_usage_errors_with_a_suggestion() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (code, out, err) = lint_in(dir.path(), &["--select", "privileged-containers"]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(
        err.contains("did you mean `privileged-container`?"),
        "{err}"
    );
}

#[test]
fn directories_are_walked_in_order_and_broken_files_do_not_stop_the_run() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::create_dir_all(dir.path().join("b/nested")).expect("mkdir");
    fs::create_dir_all(dir.path().join("a")).expect("mkdir");
    fs::write(dir.path().join("b/nested/pod.yml"), PRIVILEGED_POD).expect("write");
    fs::write(dir.path().join("a/broken.yaml"), "kind: [unclosed\n").expect("write");
    fs::write(
        dir.path().join("a/dup.json"),
        "{\"kind\": \"ConfigMap\", \"kind\": \"Secret\"}",
    )
    .expect("write");
    fs::write(dir.path().join("a/notes.txt"), "not yaml").expect("write");
    let (code, out, _) = lint_in(
        dir.path(),
        &[
            "--format",
            "concise",
            "--select",
            "yaml,privileged-container",
        ],
    );
    assert_eq!(code, 1);
    let lines: Vec<&str> = out.lines().collect();
    assert!(
        lines[0].starts_with("a/broken.yaml:") && lines[0].contains("error[parse-error]"),
        "{out}"
    );
    assert!(
        lines[1].starts_with("a/dup.json:1:23: error[duplicate-key]"),
        "{out}"
    );
    assert!(
        lines[2].starts_with("b/nested/pod.yml:11:19: error[privileged-container]"),
        "{out}"
    );
    assert_eq!(lines[3], "3 errors in 3 files (of 3 checked)");
}

#[test]
fn stdin_is_read_with_a_dash_and_a_missing_path_is_an_error() {
    let out = mlk()
        .args([
            "lint",
            "--format",
            "concise",
            "--select",
            "privileged-container",
            "-",
        ])
        .write_stdin(PRIVILEGED_POD)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stdout)
            .starts_with("<stdin>:11:19: error[privileged-container]")
    );
    let dir = tempfile::tempdir().expect("tempdir");
    let (code, _, err) = lint_in(dir.path(), &["missing.yaml"]);
    assert_eq!(code, 2);
    assert!(err.contains("missing.yaml"), "{err}");
}

#[test]
fn training_jobs_are_checked_through_what_they_compile_to() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(
        dir.path().join("tj.yaml"),
        "apiVersion: mlk.dev/v1alpha1\nkind: TrainingJob\nmetadata:\n  name: bert\nspec:\n  framework: pytorch\n  image: pytorch/pytorch:latest\n",
    )
    .expect("write");
    let (code, out, _) = lint_in(dir.path(), &["--format", "concise"]);
    assert_eq!(code, 1);
    assert!(out.starts_with("tj.yaml:7:10: error[invalid-mlk-resource] `pytorch/pytorch:latest`: image is not pinned"), "{out}");
}

#[test]
fn rule_docs_are_printed_and_listed() {
    let doc = stdout_of(&["rule", "privileged-container"]);
    assert!(doc.starts_with("# privileged-container\n"), "{doc}");
    assert!(
        doc.contains("## Why is this bad?") && doc.contains("Use instead:"),
        "{doc}"
    );
    let all = stdout_of(&["rule", "--all"]);
    assert!(
        all.lines().any(|l| l.starts_with("privileged-container ")),
        "{all}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&stdout_of(&["rule", "--all", "--format", "json"])).expect("JSON");
    let rules = json.as_array().expect("array");
    assert!(rules.iter().any(|r| r["name"] == "duplicate-key"
        && r["category"] == "yaml"
        && r["defaultLevel"] == "error"));
    let out = mlk()
        .args(["rule", "privileged-containr"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("did you mean `privileged-container`?"));
}

#[test]
fn mlk_yaml_excludes_paths_and_sets_levels() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::create_dir_all(dir.path().join("vendor")).expect("mkdir");
    fs::write(dir.path().join("vendor/pod.yaml"), PRIVILEGED_POD).expect("write");
    fs::write(dir.path().join("pod.yaml"), PRIVILEGED_POD).expect("write");
    fs::write(
        dir.path().join("mlk.yaml"),
        "lint:\n  select: [privileged-container]\n  exclude: [\"vendor/**\"]\n  levels: {privileged-container: warning}\n",
    )
    .expect("write");
    let (code, out, err) = lint_in(dir.path(), &["--format", "concise"]);
    assert_eq!(
        code, 0,
        "a warning does not fail the run at --fail-on error: {out}{err}"
    );
    assert_eq!(
        out,
        "pod.yaml:11:19: warning[privileged-container] privileged: container \"shell\" must not set securityContext.privileged=true\n1 warning in 1 file (of 1 checked)\n"
    );
    let (code, _, _) = lint_in(dir.path(), &["--format", "concise", "--fail-on", "warning"]);
    assert_eq!(code, 1);
}

#[test]
fn a_pod_security_version_changes_what_is_reported() {
    let dir = tempfile::tempdir().expect("tempdir");
    let pod = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}\n  containers:\n  - name: a\n    image: x:1\n    securityContext: {capabilities: {drop: [ALL]}}\n";
    fs::write(dir.path().join("pod.yaml"), pod).expect("write");
    let (code, out, _) = lint_in(
        dir.path(),
        &["--format", "concise", "--select", "pod-security"],
    );
    assert_eq!(code, 1);
    assert!(out.contains("error[privilege-escalation-allowed]"), "{out}");
    let (code, out, _) = lint_in(
        dir.path(),
        &[
            "--format",
            "concise",
            "--select",
            "pod-security",
            "--pod-security-version",
            "v1.7",
        ],
    );
    assert_eq!(
        code, 0,
        "allowPrivilegeEscalation is checked from v1.8 on: {out}"
    );
    let (code, _, err) = lint_in(dir.path(), &["--pod-security-version", "v2.0"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("--pod-security-version") && err.contains("help:"),
        "{err}"
    );
}

const ARGO_WORKFLOW: &str = "\
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {generateName: train-, namespace: ml}
spec:
  entrypoint: pipeline
  hostNetwork: true
  securityContext:
    runAsNonRoot: true
    seccompProfile: {type: RuntimeDefault}
  volumes:
  - name: cache
    hostPath: {path: /var/cache}
  templates:
  - name: pipeline
    dag:
      tasks:
      - {name: train, template: train}
      - {name: report, template: report, dependencies: [train]}
  - name: train
    container:
      image: registry.example.com/train:1.0
      volumeMounts: [{name: cache, mountPath: /cache}]
      resources:
        limits: {nvidia.com/gpu: 1}
      securityContext:
        allowPrivilegeEscalation: false
        capabilities: {drop: [ALL]}
  - name: report
    securityContext: {runAsUser: 0}
    script:
      image: python:3.12
      source: print(1)
      securityContext:
        allowPrivilegeEscalation: false
        capabilities: {drop: [ALL]}
";

#[test]
fn argo_workflow_pods_take_pod_settings_from_the_template_or_the_workflow() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(dir.path().join("wf.yaml"), ARGO_WORKFLOW).expect("write");
    let args = [
        "--format",
        "concise",
        "--select",
        "pod-security,gpu",
        "wf.yaml",
    ];
    let (code, out, _) = lint_in(dir.path(), &args);
    assert_eq!(code, 1, "{out}");
    // `hostNetwork` and the hostPath volume are the workflow's, reported once where they
    // are written; `train` runs as non-root through the workflow's securityContext, while
    // `report` replaces it with its own, which sets user 0 and no seccomp profile.
    assert_eq!(
        out.lines().collect::<Vec<_>>(),
        [
            "wf.yaml:6:16: error[host-namespaces] host namespaces: hostNetwork=true",
            "wf.yaml:12:15: error[restricted-volume-type] restricted volume types: volume \"cache\" uses restricted volume type \"hostPath\"",
            "wf.yaml:19:5: warning[gpu-toleration-missing] pod asks for `nvidia.com/gpu` but does not tolerate the `nvidia.com/gpu` taint of GPU nodes",
            "wf.yaml:29:34: error[run-as-user-zero] runAsUser=0: pod must not set runAsUser=0",
            "wf.yaml:33:7: error[run-as-root] runAsNonRoot != true: pod or container \"main\" must set securityContext.runAsNonRoot=true",
            "wf.yaml:33:7: error[seccomp-profile-missing] seccompProfile: pod or container \"main\" must set securityContext.seccompProfile.type to \"RuntimeDefault\" or \"Localhost\"",
            "5 errors, 1 warning in 1 file (of 1 checked)",
        ]
    );
    // Fixed: no host network, a claim instead of the host path, the report template
    // without a securityContext of its own, and a toleration at the workflow level.
    let fixed = ARGO_WORKFLOW
        .replace(
            "  hostNetwork: true\n",
            "  tolerations: [{key: nvidia.com/gpu, operator: Exists}]\n",
        )
        .replace(
            "hostPath: {path: /var/cache}",
            "persistentVolumeClaim: {claimName: cache}",
        )
        .replace("    securityContext: {runAsUser: 0}\n", "");
    fs::write(dir.path().join("wf.yaml"), fixed).expect("write");
    let (code, out, _) = lint_in(dir.path(), &args);
    assert_eq!(code, 0, "{out}");
}

#[test]
fn a_kserve_model_is_checked_as_the_container_kserve_makes_of_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(
        dir.path().join("isvc.yaml"),
        "\
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: llm, namespace: serving}
spec:
  predictor:
    model:
      modelFormat: {name: huggingface}
      storageUri: hf://org/model
      securityContext: {allowPrivilegeEscalation: true}
      resources:
        requests: {nvidia.com/gpu: 1}
",
    )
    .expect("write");
    let (code, out, _) = lint_in(
        dir.path(),
        &["--format", "concise", "--select", "gpu,pod-security"],
    );
    assert_eq!(code, 1, "{out}");
    // The serving runtime's container, which the model is merged over, drops capabilities
    // and runs as non-root: only what the model itself sets, and the seccomp profile that
    // no KServe runtime sets, are reported.
    assert_eq!(
        out.lines().collect::<Vec<_>>(),
        [
            "isvc.yaml:5:3: warning[gpu-toleration-missing] pod asks for `nvidia.com/gpu` but does not tolerate the `nvidia.com/gpu` taint of GPU nodes",
            "isvc.yaml:9:7: error[seccomp-profile-missing] seccompProfile: pod or container \"kserve-container\" must set securityContext.seccompProfile.type to \"RuntimeDefault\" or \"Localhost\"",
            "isvc.yaml:9:51: error[privilege-escalation-allowed] allowPrivilegeEscalation != false: container \"kserve-container\" must set securityContext.allowPrivilegeEscalation=false",
            "isvc.yaml:11:36: error[gpu-request-without-limit] container \"kserve-container\" requests `nvidia.com/gpu` without a limit: limit must be set for non overcommitable resources",
            "3 errors, 1 warning in 1 file (of 1 checked)",
        ]
    );
}

/// A KServe serving runtime whose first container has the given securityContext.
fn kserve_runtime(kind: &str, metadata: &str, security: &str) -> String {
    format!(
        "apiVersion: serving.kserve.io/v1alpha1
kind: {kind}
metadata: {metadata}
spec:
  supportedModelFormats: [{{name: sklearn}}]
  containers:
  - name: kserve-container
    image: kserve/sklearnserver:v0.15.0
    securityContext: {security}
"
    )
}

/// A KServe InferenceService whose model names `runtime` and sets the given
/// securityContext.
fn kserve_model(metadata: &str, runtime: &str, security: &str) -> String {
    format!(
        "apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {metadata}
spec:
  predictor:
    model:
      runtime: {runtime}
      modelFormat: {{name: sklearn}}
      storageUri: gs://models/sk
      securityContext: {security}
"
    )
}

const RESTRICTED_CONTAINER: &str = "{allowPrivilegeEscalation: false, runAsNonRoot: true, capabilities: {drop: [ALL]}, seccompProfile: {type: RuntimeDefault}}";

/// The starts of the capabilities, privilege escalation, non-root and seccomp findings
/// on a KServe model container.
fn kserve_container_findings() -> [String; 4] {
    let must = |rule: &str, what: &str| {
        format!("error[{rule}] {what} container \"kserve-container\" must set securityContext.")
    };
    [
        must("capabilities-not-dropped", "unrestricted capabilities:"),
        must(
            "privilege-escalation-allowed",
            "allowPrivilegeEscalation != false:",
        ),
        must("run-as-root", "runAsNonRoot != true: pod or"),
        must("seccomp-profile-missing", "seccompProfile: pod or"),
    ]
}

#[test]
fn a_kserve_model_is_checked_with_its_serving_runtime_when_the_file_has_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let documents = [
        // Everything comes from the runtime: nothing to report.
        kserve_runtime("ServingRuntime", "{name: good}", RESTRICTED_CONTAINER),
        kserve_model("{name: uses-good}", "good", "{}"),
        // A runtime that sets nothing: the model's own settings are all there is, and a
        // `null` in the model leaves the field to the runtime.
        kserve_runtime("ClusterServingRuntime", "{name: bare}", "{}"),
        kserve_model(
            "{name: uses-bare}",
            "bare",
            "{allowPrivilegeEscalation: null, runAsNonRoot: true}",
        ),
        // Not in the input: what KServe's own runtimes set is assumed.
        kserve_model("{name: uses-other}", "elsewhere", "{}"),
    ];
    fs::write(dir.path().join("serving.yaml"), documents.join("---\n")).expect("write");
    let (code, out, _) = lint_in(
        dir.path(),
        &["--format", "concise", "--select", "pod-security"],
    );
    assert_eq!(code, 1, "{out}");
    let [drop, escalation, non_root, seccomp] = kserve_container_findings();
    let expected = [
        // The bare runtime is a pod template of its own.
        ("30:5", &drop),
        ("30:5", &escalation),
        ("30:5", &non_root),
        ("30:5", &seccomp),
        // Its model: the runtime gives nothing, the model sets only runAsNonRoot.
        ("41:7", &drop),
        ("41:7", &seccomp),
        ("41:51", &escalation),
        // A runtime outside the file: only the seccomp profile no KServe runtime sets.
        ("52:7", &seccomp),
    ];
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), expected.len() + 1, "{out}");
    for (line, (at, start)) in lines.iter().zip(expected) {
        assert!(
            line.starts_with(&format!("serving.yaml:{at}: {start}")),
            "{line}\n{out}"
        );
    }
    assert_eq!(lines[expected.len()], "8 errors in 1 file (of 1 checked)");
}

#[test]
fn a_kserve_model_is_checked_with_a_serving_runtime_from_another_file_or_stdin() {
    let dir = tempfile::tempdir().expect("tempdir");
    let runtimes = [
        kserve_runtime(
            "ServingRuntime",
            "{name: good, namespace: team-a}",
            RESTRICTED_CONTAINER,
        ),
        kserve_runtime("ClusterServingRuntime", "{name: bare}", "{}"),
    ];
    let models = [
        // The runtime in its namespace gives everything.
        kserve_model("{name: m1, namespace: team-a}", "good", "{}"),
        // No runtime of that name in this namespace, and no cluster runtime of that
        // name: what KServe's own runtimes set is assumed.
        kserve_model("{name: m2, namespace: team-b}", "good", "{}"),
        // The cluster runtime, which sets nothing.
        kserve_model(
            "{name: m3, namespace: team-b}",
            "bare",
            "{runAsNonRoot: true}",
        ),
    ]
    .join("---\n");
    // `models.yaml` is read before `runtimes.yaml`.
    fs::write(dir.path().join("runtimes.yaml"), runtimes.join("---\n")).expect("write");
    fs::write(dir.path().join("models.yaml"), &models).expect("write");
    let [drop, escalation, _, seccomp] = kserve_container_findings();
    let expected = [
        ("21:7", &seccomp),
        ("32:7", &drop),
        ("32:7", &escalation),
        ("32:7", &seccomp),
    ];
    let check = |out: &str, name: &str| {
        let lines: Vec<&str> = out.lines().filter(|l| l.starts_with(name)).collect();
        assert_eq!(lines.len(), expected.len(), "{out}");
        for (line, (at, start)) in lines.iter().zip(expected) {
            assert!(
                line.starts_with(&format!("{name}:{at}: {start}")),
                "{line}\n{out}"
            );
        }
    };
    let args = ["--format", "concise", "--select", "pod-security"];
    let (code, out, _) = lint_in(dir.path(), &args);
    assert_eq!(code, 1, "{out}");
    check(&out, "models.yaml");
    let out = mlk()
        .current_dir(dir.path())
        .arg("lint")
        .args(args)
        .args(["-", "runtimes.yaml"])
        .write_stdin(models)
        .output()
        .expect("runs");
    check(&String::from_utf8_lossy(&out.stdout), "<stdin>");
}

#[test]
fn a_katib_trial_template_is_checked_as_the_job_katib_creates() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(
        dir.path().join("experiment.yaml"),
        "\
apiVersion: kubeflow.org/v1beta1
kind: Experiment
metadata: {name: hpo, namespace: research}
spec:
  maxTrialCount: 8
  trialTemplate:
    primaryContainerName: pytorch
    trialSpec:
      apiVersion: kubeflow.org/v1
      kind: PyTorchJob
      spec:
        pytorchReplicaSpecs:
          Master:
            replicas: 1
            template:
              spec:
                containers:
                - {name: pytorch, image: 'registry.example.com/hpo:1', args: ['--lr=${trialParameters.lr}']}
          Worker:
            replicas: 2
            template:
              spec:
                containers:
                - {name: pytorch, image: 'registry.example.com/hpo:1'}
",
    )
    .expect("write");
    let (code, out, _) = lint_in(
        dir.path(),
        &[
            "--format",
            "concise",
            "--fail-on",
            "never",
            "--select",
            "ml,correctness",
            "--ignore",
            "pytorch-without-shm,long-training-without-checkpoint",
        ],
    );
    assert_eq!(code, 0, "{out}");
    // The PyTorchJob's own rules apply; it needs no name (Katib names each trial) and no
    // `ttlSecondsAfterFinished` (Katib deletes each trial's job).
    assert_eq!(
        out.lines().collect::<Vec<_>>(),
        [
            "experiment.yaml:11:7: warning[training-without-lifecycle-limits] training `PyTorchJob` has no `backoffLimit`, `activeDeadlineSeconds`",
            "experiment.yaml:12:9: warning[training-without-gang-scheduling] distributed training `PyTorchJob` runs 3 pods without gang scheduling",
            "2 warnings in 1 file (of 1 checked)",
        ]
    );
}

#[test]
fn a_namespaced_serving_runtime_in_another_file_wins_over_a_cluster_one_beside_the_model() {
    let dir = tempfile::tempdir().expect("tempdir");
    // KServe looks for the ServingRuntime in the model's namespace first, wherever the
    // input holds it; the bare ClusterServingRuntime of the same name is not used.
    let models = [
        kserve_model("{name: m, namespace: team-a}", "custom", "{}"),
        kserve_runtime("ClusterServingRuntime", "{name: custom}", "{}"),
    ]
    .join("---\n");
    fs::write(dir.path().join("a-models.yaml"), models).expect("write");
    fs::write(
        dir.path().join("b-runtime.yaml"),
        kserve_runtime(
            "ServingRuntime",
            "{name: custom, namespace: team-a}",
            RESTRICTED_CONTAINER,
        ),
    )
    .expect("write");
    let (code, out, _) = lint_in(
        dir.path(),
        &["--format", "concise", "--select", "pod-security"],
    );
    assert_eq!(code, 1, "{out}");
    // Only the bare cluster runtime, as a pod of its own (line 20), is reported.
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 5, "{out}");
    assert!(
        lines[..4]
            .iter()
            .all(|l| l.starts_with("a-models.yaml:20:5: ")),
        "{out}"
    );
}

#[test]
fn a_katib_trial_is_named_and_suppressed_through_its_experiment() {
    let dir = tempfile::tempdir().expect("tempdir");
    let experiment = |name: &str, annotations: &str, retain: &str| {
        format!(
            "\
apiVersion: kubeflow.org/v1beta1
kind: Experiment
metadata: {{name: {name}, namespace: research, annotations: {annotations}}}
spec:
  trialTemplate:
    retain: {retain}
    trialSpec:
      apiVersion: batch/v1
      kind: Job
      metadata: {{name: '${{trialSpec.Name}}', labels: {{app.kubernetes.io/component: training}}}}
      spec:
        backoffLimit: 1
        activeDeadlineSeconds: 600
        template:
          metadata: {{labels: {{spot: yes}}}}
          spec:
            restartPolicy: Never
            containers: [{{name: c, image: 'x:1'}}]
"
        )
    };
    let text = [
        // Suppressed on the Experiment: the trial's findings go too, and the suppression
        // counts as used.
        experiment(
            "quiet",
            "{ignore.mlk.dev/pod-security: 'trials run in a sandbox'}",
            "false",
        ),
        // Katib keeps the trial's job: it needs a TTL again.
        experiment("kept", "{}", "true"),
    ]
    .join("---\n");
    fs::write(dir.path().join("experiments.yaml"), text).expect("write");
    let args = [
        "--format",
        "json",
        "--fail-on",
        "never",
        "--ignore",
        "long-training-without-checkpoint",
    ];
    let (_, out, _) = lint_in(dir.path(), &args);
    let report: serde_json::Value = serde_json::from_str(&out).expect("json");
    let findings: Vec<(String, u64, String)> = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap_or_default().to_owned(),
                f["line"].as_u64().unwrap_or_default(),
                f["object"]["name"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    let at = |rule: &str, line: u64, name: &str| (rule.to_owned(), line, name.to_owned());
    // The unquoted `yes` is reported once per trial, on the trial; the trial's findings
    // name the Experiment; the placeholder name is Katib's to replace; only the retained
    // trial needs a TTL.
    assert_eq!(
        findings,
        [
            at("ambiguous-scalar", 15, "quiet"),
            at("invalid-label", 15, "quiet"),
            at("training-without-lifecycle-limits", 30, "kept"),
            at("ambiguous-scalar", 34, "kept"),
            at("invalid-label", 34, "kept"),
            at("capabilities-not-dropped", 37, "kept"),
            at("privilege-escalation-allowed", 37, "kept"),
            at("run-as-root", 37, "kept"),
            at("seccomp-profile-missing", 37, "kept"),
        ]
    );
}
