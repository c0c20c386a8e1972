//! `mlk quota`: snapshots of the single-team, Kueue, per-priority, PriorityClass and
//! organisation outputs, every document parsed back into its typed object, zero lint
//! findings (also together with a `mlk train --queue` workload), and bad input, from flags
//! and from org.yaml at its line and column.
use std::fs;

use k8s_openapi::api::core::v1::{LimitRange, Namespace, ResourceQuota};
use k8s_openapi::api::scheduling::v1::PriorityClass;
use mlk::generate::crds::Resource;
use mlk::generate::quota::kueue::{ClusterQueueSpec, LocalQueueSpec, ResourceFlavorSpec};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::common::{documents, mlk, stdout_of};

const ORG: &str = include_str!("../../examples/quota/org.yaml");

/// The snapshot cases: name and arguments.
const CASES: &[(&str, &[&str])] = &[
    (
        "single_team",
        &[
            "quota", "--team", "alpha", "--gpus", "20", "--cpu", "100", "--memory", "500Gi",
        ],
    ),
    (
        "kueue",
        &[
            "quota",
            "--team",
            "alpha",
            "--gpus",
            "16",
            "--cpu",
            "128",
            "--memory",
            "1Ti",
            "--gpu-type",
            "h100-80gb",
            "--kueue",
            "--cohort",
            "research",
        ],
    ),
    (
        "per_priority",
        &[
            "quota",
            "--team",
            "alpha",
            "--gpus",
            "10",
            "--cpu",
            "100",
            "--memory",
            "500Gi",
            "--per-priority",
        ],
    ),
    (
        "priority_classes",
        &[
            "quota",
            "--team",
            "alpha",
            "--gpus",
            "8",
            "--cpu",
            "64",
            "--memory",
            "256Gi",
            "--priority-classes",
            "--storage",
            "5Ti",
            "--max-jobs",
            "10",
            "--pod-security-version",
            "v1.35",
        ],
    ),
];

#[track_caller]
fn round_trip<T: DeserializeOwned + Serialize>(doc: &Value) {
    let typed: T = serde_json::from_value(doc.clone()).unwrap_or_else(|e| panic!("{e}: {doc}"));
    let again = serde_json::to_value(&typed).expect("serialise");
    assert_eq!(
        &again, doc,
        "round trip through the typed object changed the document"
    );
}

#[track_caller]
fn check_typed(doc: &Value) {
    match (doc["apiVersion"].as_str(), doc["kind"].as_str()) {
        (Some("v1"), Some("Namespace")) => round_trip::<Namespace>(doc),
        (Some("v1"), Some("ResourceQuota")) => round_trip::<ResourceQuota>(doc),
        (Some("v1"), Some("LimitRange")) => round_trip::<LimitRange>(doc),
        (Some("scheduling.k8s.io/v1"), Some("PriorityClass")) => round_trip::<PriorityClass>(doc),
        (Some("kueue.x-k8s.io/v1beta1"), Some("ResourceFlavor")) => {
            round_trip::<Resource<ResourceFlavorSpec>>(doc)
        }
        (Some("kueue.x-k8s.io/v1beta1"), Some("ClusterQueue")) => {
            round_trip::<Resource<ClusterQueueSpec>>(doc)
        }
        (Some("kueue.x-k8s.io/v1beta1"), Some("LocalQueue")) => {
            round_trip::<Resource<LocalQueueSpec>>(doc)
        }
        other => panic!("unexpected object {other:?}"),
    }
}

/// Zero findings from every rule at default settings.
#[track_caller]
fn lints_clean(output: &str, context: &str) {
    let report = mlk::lint::lint_texts(
        &[(context, output)],
        &mlk::lint::Settings::default(),
        &mlk::rules::all(),
    );
    let findings: Vec<String> = report
        .findings
        .iter()
        .map(|f| {
            format!(
                "{}:{}: {}[{}] {}",
                f.position.line, f.position.column, f.level, f.rule, f.message
            )
        })
        .collect();
    assert!(
        findings.is_empty(),
        "{context}: generated output has lint findings:\n{}",
        findings.join("\n")
    );
}

/// What every output promises: typed round trips, zero findings, pinned restricted
/// namespaces, and no GPU key that quota ignores or LimitRange would turn into a default.
#[track_caller]
fn check_output(out: &str, context: &str) {
    let docs = documents(out);
    assert!(!docs.is_empty(), "{context}");
    for doc in &docs {
        check_typed(doc);
        match doc["kind"].as_str() {
            Some("Namespace") => {
                let labels = &doc["metadata"]["labels"];
                for mode in ["enforce", "audit", "warn"] {
                    assert_eq!(
                        labels[format!("pod-security.kubernetes.io/{mode}")],
                        "restricted"
                    );
                    let version = labels[format!("pod-security.kubernetes.io/{mode}-version")]
                        .as_str()
                        .expect("pinned version");
                    assert!(version.starts_with("v1."), "{context}: {version}");
                }
            }
            Some("ResourceQuota") => {
                for key in doc["spec"]["hard"].as_object().expect("hard").keys() {
                    assert!(!key.starts_with("limits.nvidia.com/"), "{context}: {key}");
                }
            }
            Some("LimitRange") => {
                for item in doc["spec"]["limits"].as_array().expect("limits") {
                    for list in ["default", "defaultRequest", "min", "max"] {
                        for key in item[list].as_object().into_iter().flatten().map(|(k, _)| k) {
                            assert!(!key.contains('/'), "{context}: {list}.{key}");
                        }
                    }
                }
            }
            Some("PriorityClass") => assert_eq!(doc["globalDefault"], false),
            _ => {}
        }
    }
    lints_clean(out, context);
}

#[test]
fn snapshots_of_every_variant_parse_back_and_lint_clean() {
    for (name, args) in CASES {
        let out = stdout_of(args);
        check_output(&out, name);
        insta::assert_snapshot!(format!("quota_{name}"), out, &args.join(" "));
    }
}

fn run_in(dir: &std::path::Path, args: &[&str]) -> (i32, String, String) {
    let out = mlk().current_dir(dir).args(args).output().expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn an_organisation_file_prints_every_budget_and_reports_rounding() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(dir.path().join("org.yaml"), ORG).expect("write");
    let args = ["quota", "-f", "org.yaml", "--kueue", "--priority-classes"];
    let (code, out, err) = run_in(dir.path(), &args);
    assert_eq!(code, 0, "{err}");
    check_output(&out, "org.yaml");
    insta::assert_snapshot!("quota_org", out, &args.join(" "));
    // 60% of 64 GPUs is 38.4: rounded down, and the remainder reported.
    assert!(
        err.contains("acme-ml/research: 60% of 64 GPUs is 38.4; rounded down to 38"),
        "{err}"
    );
    assert!(
        err.contains("acme-ml: 7 of its 64 GPUs are not given to any child"),
        "{err}"
    );
    let docs = documents(&out);
    let parent_of = |ns: &str| {
        docs.iter()
            .find(|d| d["kind"] == "Namespace" && d["metadata"]["name"] == ns)
            .map(|d| d["metadata"]["labels"]["quota.mlk.dev/parent"].clone())
            .expect("namespace")
    };
    assert_eq!(parent_of("nlp"), "research");
    assert_eq!(parent_of("search"), "product");
    assert_eq!(parent_of("research"), "acme-ml");
    assert_eq!(parent_of("acme-ml"), Value::Null);
    let gpus_of = |ns: &str| {
        docs.iter()
            .find(|d| d["kind"] == "ResourceQuota" && d["metadata"]["namespace"] == ns)
            .map(|d| d["spec"]["hard"]["requests.nvidia.com/gpu"].clone())
            .expect("quota")
    };
    assert_eq!(gpus_of("research"), "38");
    assert_eq!(gpus_of("nlp"), "19");
    assert_eq!(gpus_of("vision"), "11");
    assert_eq!(gpus_of("rl"), "4");
    // Each department is its teams' cohort; each team's flavor follows its GPU type.
    let cq = docs
        .iter()
        .find(|d| d["kind"] == "ClusterQueue" && d["metadata"]["name"] == "search-cq")
        .expect("ClusterQueue");
    assert_eq!(cq["spec"]["cohort"], "product");
    assert_eq!(cq["spec"]["resourceGroups"][1]["flavors"][0]["name"], "l4");
}

#[test]
fn json_output_is_a_list_of_the_same_objects() {
    let (_, args) = CASES[1];
    let yaml = stdout_of(args);
    let mut json_args = args.to_vec();
    json_args.extend(["-o", "json"]);
    let list: Value = serde_json::from_str(&stdout_of(&json_args)).expect("JSON");
    assert_eq!(list["kind"], "List");
    assert_eq!(list["items"].as_array().expect("items"), &documents(&yaml));
}

/// `mlk quota --kueue` then `mlk train --queue`: the workload is admitted by the
/// LocalQueue of its namespace, asks only for resources the ClusterQueue covers, and fits
/// the namespace's quota and LimitRange (the sizing rules check both, so linting the two
/// outputs together must find nothing).
#[test]
fn train_runs_in_the_queue_quota_sets_up() {
    let quota = stdout_of(&[
        "quota",
        "--team",
        "team-a",
        "--gpus",
        "32",
        "--cpu",
        "512",
        "--memory",
        "4Ti",
        "--gpu-type",
        "h100-80gb",
        "--kueue",
    ]);
    let train = stdout_of(&[
        "train",
        "--workers",
        "4",
        "--gpus",
        "8",
        "--gpu-type",
        "h100-80gb",
        "--queue",
        "team-a",
        "-n",
        "team-a",
        "--target",
        "pytorchjob",
    ]);
    let both = format!("{quota}{train}");
    lints_clean(&both, "quota + train");
    let docs = documents(&both);
    let lq = docs
        .iter()
        .find(|d| d["kind"] == "LocalQueue")
        .expect("LocalQueue");
    let cq = docs
        .iter()
        .find(|d| d["kind"] == "ClusterQueue")
        .expect("ClusterQueue");
    let job = docs
        .iter()
        .find(|d| d["kind"] == "PyTorchJob")
        .expect("PyTorchJob");
    assert_eq!(
        job["metadata"]["labels"]["kueue.x-k8s.io/queue-name"],
        lq["metadata"]["name"]
    );
    assert_eq!(job["metadata"]["namespace"], lq["metadata"]["namespace"]);
    assert_eq!(lq["spec"]["clusterQueue"], cq["metadata"]["name"]);
    assert_eq!(
        cq["spec"]["namespaceSelector"]["matchLabels"]["kubernetes.io/metadata.name"],
        "team-a"
    );
    let covered: Vec<&str> = cq["spec"]["resourceGroups"]
        .as_array()
        .expect("groups")
        .iter()
        .flat_map(|g| g["coveredResources"].as_array().expect("covered"))
        .filter_map(Value::as_str)
        .collect();
    for (_, replica) in job["spec"]["pytorchReplicaSpecs"]
        .as_object()
        .expect("replicas")
    {
        for c in replica["template"]["spec"]["containers"]
            .as_array()
            .expect("containers")
        {
            for resource in c["resources"]["requests"]
                .as_object()
                .expect("requests")
                .keys()
            {
                assert!(
                    covered.contains(&resource.as_str()),
                    "{resource} not covered"
                );
            }
        }
    }
}

#[test]
fn mlk_yaml_defaults_apply_and_flags_override_them() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(
        dir.path().join("mlk.yaml"),
        "defaults:\n  namespace: beta\n  gpuType: a100-80gb\n  kubernetesVersion: \"1.34\"\n",
    )
    .expect("write");
    let (code, out, err) = run_in(
        dir.path(),
        &[
            "quota", "--gpus", "4", "--cpu", "32", "--memory", "128Gi", "--kueue",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let docs = documents(&out);
    let ns = docs
        .iter()
        .find(|d| d["kind"] == "Namespace")
        .expect("Namespace");
    assert_eq!(ns["metadata"]["name"], "beta");
    assert_eq!(
        ns["metadata"]["labels"]["pod-security.kubernetes.io/enforce-version"],
        "v1.34"
    );
    let flavor = docs
        .iter()
        .find(|d| d["kind"] == "ResourceFlavor" && d["metadata"]["name"] == "a100-80gb")
        .expect("flavor of the default GPU type");
    assert_eq!(
        flavor["spec"]["nodeLabels"]["nvidia.com/gpu.product"],
        "NVIDIA-A100-SXM4-80GB"
    );
    let (code, out, err) = run_in(
        dir.path(),
        &[
            "quota",
            "--team",
            "gamma",
            "--gpus",
            "4",
            "--cpu",
            "32",
            "--memory",
            "128Gi",
            "--pod-security-version",
            "v1.36",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let ns = documents(&out)
        .into_iter()
        .find(|d| d["kind"] == "Namespace")
        .expect("ns");
    assert_eq!(ns["metadata"]["name"], "gamma");
    assert_eq!(
        ns["metadata"]["labels"]["pod-security.kubernetes.io/warn-version"],
        "v1.36"
    );
}

#[test]
fn bad_flags_name_the_flag_and_print_nothing() {
    let base = [
        "quota", "--team", "alpha", "--gpus", "8", "--cpu", "64", "--memory", "256Gi",
    ];
    let cases: &[(&[&str], &str)] = &[
        (&["--team", "Alpha_1"], "--team"),
        (&["--gpus", "2.5"], "--gpus"),
        (&["--gpus=-1"], "--gpus"),
        (&["--cpu", "0"], "--cpu"),
        (&["--cpu", "lots"], "--cpu"),
        (&["--memory", "1.5"], "--memory"),
        (&["--storage", "10Zi"], "--storage"),
        (&["--gpu-type", "h100"], "--gpu-type"),
        (&["--gpu-resource", "gpu"], "--gpu-resource"),
        (&["--max-pods", "0"], "--max-pods"),
        (&["--max-pod-cpu", "65"], "--max-pod-cpu"),
        (&["--default-memory", "300Gi"], "--default-memory"),
        (
            &["--pod-security-version", "latest"],
            "--pod-security-version",
        ),
        (&["--pod-security-version", "2.0"], "--pod-security-version"),
        (&["--kueue", "--queue-name", "Team A"], "--queue-name"),
        (&["--kueue", "--cohort=-x"], "--cohort"),
    ];
    for (extra, flag) in cases {
        // The base budget, less the flag under test.
        let mut args = vec!["quota"];
        for pair in base[1..].chunks(2) {
            if Some(pair[0]) != extra[0].split('=').next() {
                args.extend_from_slice(pair);
            }
        }
        args.extend_from_slice(extra);
        let out = mlk().args(&args).output().expect("runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(out.stdout.is_empty(), "{args:?}: stdout must stay empty");
        assert!(
            stderr.contains(flag),
            "{args:?}: the error must name `{flag}`: {stderr}"
        );
        assert!(stderr.contains("help:"), "{args:?}: no help line: {stderr}");
    }
    let out = mlk()
        .args(["quota", "--gpus", "8", "--cpu", "64", "--memory", "1Gi"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing `--team`"));
}

/// An org.yaml with the `spec` given, for the error cases.
fn org(spec: &str) -> String {
    format!(
        "apiVersion: mlk.dev/v1alpha1\nkind: Organization\nmetadata:\n  name: acme\nspec:\n  gpus: 16\n  cpu: 256\n  memory: 2Ti\n  storage: 10Ti\n  departments:\n{spec}"
    )
}

#[test]
fn organisation_arithmetic_errors_point_at_their_line_and_column() {
    let cases: &[(&str, String, &str)] = &[
        (
            "shares over 100%",
            org("  - name: research\n    share: 60%\n  - name: product\n    share: 50%\n"),
            "org.yaml:14:12: the shares under `acme` add up to 110%, more than 100%",
        ),
        (
            "children over the parent",
            org(
                "  - name: research\n    share: 50%\n    teams:\n    - name: nlp\n      gpus: 6\n      cpu: 8\n      memory: 64Gi\n    - name: vision\n      gpus: 4\n      cpu: 8\n      memory: 64Gi\n",
            ),
            "org.yaml:19:13: the children of `research` up to `vision` take 10 GPUs, more than the 8 GPUs `research` has",
        ),
        (
            "fractional GPUs",
            org("  - name: research\n    gpus: 2.5\n    cpu: 8\n    memory: 64Gi\n"),
            "org.yaml:12:11: GPUs are whole devices",
        ),
        (
            "a share that is not a percent",
            org("  - name: research\n    share: 40\n"),
            "org.yaml:12:12: `40` is not a percent share",
        ),
        (
            "neither share nor amount",
            org("  - name: research\n    gpus: 2\n"),
            "org.yaml:11:11: `research` has neither a `share` nor `cpu`",
        ),
        (
            "a name used twice",
            org("  - name: acme\n    share: 10%\n"),
            "org.yaml:11:11: `acme` is used twice",
        ),
        (
            "a name that is no namespace",
            org("  - name: Research\n    share: 10%\n"),
            "org.yaml:11:11: `Research` is not a namespace name",
        ),
        (
            "teams under a team",
            org(
                "  - name: research\n    share: 10%\n    teams:\n    - name: nlp\n      share: 10%\n      teams: []\n",
            ),
            "org.yaml:16:14: teams have no teams of their own",
        ),
        (
            "an unknown GPU type",
            org("  - name: research\n    share: 10%\n    gpuType: h100\n"),
            "org.yaml:13:14: unknown GPU type `h100`",
        ),
        (
            "an unknown field",
            org("  - name: research\n    shares: 10%\n"),
            "org.yaml:12:5: unknown field `shares`",
        ),
        (
            "a share too small to run a pod",
            org(
                "  - name: research\n    gpus: 0\n    cpu: 1\n    memory: 1Gi\n    teams:\n    - name: nlp\n      share: 0.01%\n",
            ),
            "org.yaml:17:14: `nlp` gets 0 CPU",
        ),
    ];
    for (what, text, expected) in cases {
        let dir = tempfile::tempdir().expect("tempdir");
        fs::write(dir.path().join("org.yaml"), text).expect("write");
        let (code, out, err) = run_in(dir.path(), &["quota", "-f", "org.yaml"]);
        assert_eq!(code, 2, "{what}: {err}");
        assert!(out.is_empty(), "{what}: stdout must stay empty");
        // miette wraps long messages; compare with the wrapping undone.
        let flat = err.replace("\n  │ ", " ");
        assert!(
            flat.contains(expected),
            "{what}: expected `{expected}` in:\n{err}"
        );
        assert!(err.contains("help:"), "{what}: no help line: {err}");
    }
}

#[test]
fn output_is_deterministic_and_the_file_may_come_from_stdin() {
    let args = ["quota", "-f", "-", "--kueue", "--per-priority"];
    let run = || {
        let out = mlk().args(args).write_stdin(ORG).output().expect("runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        (out.stdout, out.stderr)
    };
    let first = run();
    assert_eq!(first, run(), "same input, same bytes");
    check_output(
        &String::from_utf8(first.0).expect("UTF-8"),
        "org.yaml with --per-priority",
    );
    // A file describes the whole tree: single-team flags cannot be mixed in.
    let out = mlk()
        .args(["quota", "-f", "-", "--team", "x"])
        .write_stdin(ORG)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
}
