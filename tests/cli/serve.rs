//! `mlk serve`: the snapshot matrix of targets x runtimes plus canary, metrics, storage and
//! sizing scenarios; every document parsed back into its typed object, every pod template
//! (init containers included) checked for the restricted security settings, every output
//! linted clean by mlk itself; and bad input naming its flag.
use k8s_openapi::api::apps::v1::Deployment;
use k8s_openapi::api::autoscaling::v2::HorizontalPodAutoscaler;
use k8s_openapi::api::core::v1::{Container, PodSpec, Service};
use k8s_openapi::api::policy::v1::PodDisruptionBudget;
use mlk::api::InferenceService;
use mlk::generate::crds::Resource;
use mlk::generate::serve::crds::{DestinationRuleSpec, KServeSpec, VirtualServiceSpec};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::common::{documents, mlk, stdout_of};

const TARGETS: [&str; 3] = ["deployment", "inferenceservice", "kserve"];
const RUNTIMES: [&str; 5] = [
    "triton",
    "torchserve",
    "tensorflow-serving",
    "vllm",
    "custom",
];

fn args_for(target: &str, runtime: &str) -> Vec<String> {
    let mut args: Vec<&str> = vec![
        "serve",
        "--name",
        "ranker",
        "--target",
        target,
        "--runtime",
        runtime,
        "--model-uri",
        "s3://models/ranker/v7",
        "--gpus",
        "1",
        "--gpu-type",
        "l4",
    ];
    if runtime == "custom" {
        args.extend(["--image", "registry.example.com/team/ranker:1.4.2"]);
        if target != "inferenceservice" {
            args.extend(["--command", "python -m ranker.serve", "--port", "9000"]);
        }
    }
    args.into_iter().map(str::to_string).collect()
}

/// Deserialises `doc` as `T` and serialises it again: equal JSON proves every field the
/// generator wrote exists in the typed object, with the right type.
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
        (Some("apps/v1"), Some("Deployment")) => round_trip::<Deployment>(doc),
        (Some("v1"), Some("Service")) => round_trip::<Service>(doc),
        (Some("autoscaling/v2"), Some("HorizontalPodAutoscaler")) => {
            round_trip::<HorizontalPodAutoscaler>(doc)
        }
        (Some("policy/v1"), Some("PodDisruptionBudget")) => round_trip::<PodDisruptionBudget>(doc),
        (Some("mlk.dev/v1alpha1"), Some("InferenceService")) => round_trip::<InferenceService>(doc),
        (Some("serving.kserve.io/v1beta1"), Some("InferenceService")) => {
            round_trip::<Resource<KServeSpec>>(doc)
        }
        (Some("networking.istio.io/v1"), Some("VirtualService")) => {
            round_trip::<Resource<VirtualServiceSpec>>(doc)
        }
        (Some("networking.istio.io/v1"), Some("DestinationRule")) => {
            round_trip::<Resource<DestinationRuleSpec>>(doc)
        }
        other => panic!("unexpected object {other:?}"),
    }
}

/// Dogfood: zero findings from mlk's own lint at default settings.
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

#[track_caller]
fn check_container(c: &Container, context: &str) {
    let sc = c
        .security_context
        .as_ref()
        .expect("container securityContext");
    assert_eq!(sc.allow_privilege_escalation, Some(false), "{context}");
    assert_eq!(sc.read_only_root_filesystem, Some(true), "{context}");
    assert_eq!(
        sc.capabilities.as_ref().and_then(|c| c.drop.clone()),
        Some(vec!["ALL".to_string()]),
        "{context}"
    );
    let res = c.resources.as_ref().expect("resources");
    assert_eq!(
        res.limits, res.requests,
        "{context}: limits must equal requests"
    );
    assert!(
        res.limits
            .as_ref()
            .is_some_and(|l| l.contains_key("cpu") && l.contains_key("memory")),
        "{context}"
    );
    assert!(
        c.image
            .as_deref()
            .is_some_and(mlk::validate::image_is_pinned),
        "{context}: unpinned image"
    );
}

/// The restricted pod settings, on the server and on the model download alike, plus the
/// probes and ports of a server.
#[track_caller]
fn check_secure_pod(spec: &PodSpec, context: &str) {
    assert_eq!(
        spec.automount_service_account_token,
        Some(false),
        "{context}"
    );
    let psc = spec.security_context.as_ref().expect("pod securityContext");
    assert_eq!(psc.run_as_non_root, Some(true), "{context}");
    assert!(psc.run_as_user.is_some_and(|u| u > 0), "{context}");
    assert_eq!(
        psc.seccomp_profile.as_ref().map(|s| s.type_.as_str()),
        Some("RuntimeDefault"),
        "{context}"
    );
    assert_eq!(
        spec.priority_class_name.as_deref(),
        Some("ml-inference-critical"),
        "{context}"
    );
    for c in &spec.containers {
        check_container(c, context);
        for probe in [&c.readiness_probe, &c.liveness_probe, &c.startup_probe] {
            assert!(
                probe.as_ref().is_some_and(|p| p.http_get.is_some()),
                "{context}: probe"
            );
        }
        assert!(
            c.volume_mounts
                .iter()
                .flatten()
                .any(|m| m.mount_path == "/dev/shm"),
            "{context}"
        );
    }
    for c in spec.init_containers.iter().flatten() {
        check_container(c, &format!("{context} (init)"));
    }
    let spread: Vec<&str> = spec
        .topology_spread_constraints
        .iter()
        .flatten()
        .map(|t| t.topology_key.as_str())
        .collect();
    assert_eq!(
        spread,
        ["kubernetes.io/hostname", "topology.kubernetes.io/zone"],
        "{context}"
    );
}

/// The pod specs of a document: Deployment templates and KServe custom predictors.
fn pod_specs(doc: &Value) -> Vec<PodSpec> {
    let spec = match (doc["kind"].as_str(), doc["apiVersion"].as_str()) {
        (Some("Deployment"), _) => doc["spec"]["template"]["spec"].clone(),
        (Some("InferenceService"), Some("serving.kserve.io/v1beta1"))
            if doc["spec"]["predictor"]["containers"].is_array() =>
        {
            doc["spec"]["predictor"].clone()
        }
        _ => return Vec::new(),
    };
    let mut spec = spec;
    if let Some(map) = spec.as_object_mut() {
        for k in [
            "minReplicas",
            "maxReplicas",
            "scaleMetric",
            "scaleTarget",
            "canaryTrafficPercent",
        ] {
            map.remove(k);
        }
    }
    vec![serde_json::from_value(spec).expect("pod spec")]
}

#[track_caller]
fn check_output(out: &str, name: &str) {
    lints_clean(out, name);
    let docs = documents(out);
    assert!(!docs.is_empty(), "{name}: no output");
    for doc in &docs {
        check_typed(doc);
        for spec in pod_specs(doc) {
            check_secure_pod(&spec, name);
        }
    }
}

#[test]
fn every_target_and_runtime() {
    for target in TARGETS {
        for runtime in RUNTIMES {
            let args = args_for(target, runtime);
            let argv: Vec<&str> = args.iter().map(String::as_str).collect();
            let out = stdout_of(&argv);
            let name = format!("serve_{target}_{runtime}");
            insta::assert_snapshot!(name.clone(), out.clone(), &args.join(" "));
            check_output(&out, &name);
        }
    }
}

const SCENARIOS: &[(&str, &[&str])] = &[
    (
        "canary_istio",
        &[
            "serve",
            "--name",
            "ranker",
            "--model-uri",
            "s3://models/ranker/v7",
            "--canary-image",
            "nvcr.io/nvidia/tritonserver:25.05-py3",
            "--canary-percent",
            "10",
            "--mesh",
            "istio",
        ],
    ),
    (
        "canary_kserve",
        &[
            "serve",
            "--name",
            "ranker",
            "--target",
            "kserve",
            "--model-uri",
            "s3://models/ranker/v7",
            "--canary-image",
            "nvcr.io/nvidia/tritonserver:25.05-py3",
            "--canary-percent",
            "20",
        ],
    ),
    (
        "metrics_and_behavior",
        &[
            "serve",
            "--name",
            "ranker",
            "--model-uri",
            "s3://models/ranker/v7",
            "--min-replicas",
            "3",
            "--max-replicas",
            "30",
            "--target-utilization",
            "60",
            "--metric",
            "inference_queue_length=10",
            "--metric",
            "requests_per_second=100",
            "--scale-down-stabilization",
            "600",
            "--scale-down-percent",
            "20",
        ],
    ),
    (
        "pvc_model",
        &[
            "serve",
            "--name",
            "ranker",
            "--model-uri",
            "pvc://model-store/ranker/v7",
            "-n",
            "serving",
        ],
    ),
    (
        "hf_vllm_sized",
        &[
            "serve",
            "--name",
            "chat",
            "--runtime",
            "vllm",
            "--model-uri",
            "hf://meta-llama/Llama-3.1-8B-Instruct",
            "--gpus",
            "2",
            "--gpu-type",
            "l4",
            "--model-params",
            "8B",
            "--env-from-secret",
            "hf-token",
        ],
    ),
    (
        "gcs_mig_placement",
        &[
            "serve",
            "--name",
            "ranker",
            "--model-uri",
            "gs://models-bucket/ranker",
            "--gpu-type",
            "a100-80gb",
            "--mig",
            "1g.10gb",
            "--node-selector",
            "pool=serving",
            "--toleration",
            "dedicated=inference:NoSchedule",
            "--priority-class",
            "ml-inference-critical",
            "--env",
            "LOG_LEVEL=info",
        ],
    ),
    (
        "cpu_only",
        &[
            "serve",
            "--name",
            "ranker",
            "--runtime",
            "tensorflow-serving",
            "--model-uri",
            "pvc://models/ranker",
            "--gpus",
            "0",
            "--cpu",
            "4",
            "--memory",
            "8Gi",
        ],
    ),
    (
        "single_replica_acknowledged",
        &[
            "serve",
            "--name",
            "ranker",
            "--model-uri",
            "s3://models/r",
            "--min-replicas",
            "1",
        ],
    ),
];

#[test]
fn scenarios() {
    for (name, args) in SCENARIOS {
        let out = stdout_of(args);
        insta::assert_snapshot!(
            format!("serve_scenario_{name}"),
            out.clone(),
            &args.join(" ")
        );
        check_output(&out, name);
    }
}

#[test]
fn canary_splits_traffic_between_two_tracks() {
    let docs = documents(&stdout_of(SCENARIOS[0].1));
    let kinds: Vec<&str> = docs.iter().filter_map(|d| d["kind"].as_str()).collect();
    assert_eq!(
        kinds,
        [
            "Service",
            "Deployment",
            "Deployment",
            "HorizontalPodAutoscaler",
            "PodDisruptionBudget",
            "DestinationRule",
            "VirtualService"
        ]
    );
    let vs = &docs[6]["spec"]["http"][0]["route"];
    assert_eq!(vs[0]["weight"], 90);
    assert_eq!(vs[1]["weight"], 10);
    assert_eq!(vs[1]["destination"]["subset"], "canary");
    let canary = &docs[2];
    assert_eq!(
        canary["spec"]["template"]["spec"]["containers"][0]["image"],
        "nvcr.io/nvidia/tritonserver:25.05-py3"
    );
    let kserve = documents(&stdout_of(SCENARIOS[1].1));
    assert_eq!(kserve[0]["spec"]["predictor"]["canaryTrafficPercent"], 20);
}

#[test]
fn the_hpa_scales_up_fast_and_down_slowly_by_default() {
    let docs = documents(&stdout_of(&["serve", "--model-uri", "s3://models/r"]));
    let hpa: HorizontalPodAutoscaler =
        serde_json::from_value(docs[2].clone()).expect("the third document is the HPA");
    let behavior = hpa.spec.behavior.expect("behavior");
    let up = behavior.scale_up.expect("scaleUp");
    let down = behavior.scale_down.expect("scaleDown");
    assert_eq!(up.stabilization_window_seconds, Some(60));
    assert_eq!(
        up.policies
            .as_ref()
            .map(|p| (p[0].value, p[0].period_seconds)),
        Some((100, 60))
    );
    assert_eq!(down.stabilization_window_seconds, Some(300));
    assert_eq!(
        down.policies
            .as_ref()
            .map(|p| (p[0].value, p[0].period_seconds)),
        Some((10, 60))
    );
    assert_eq!(hpa.spec.min_replicas, Some(2));
}

/// The resolved resource compiles, through `-f`, to the same objects as the flags.
#[test]
fn the_printed_resource_compiles_to_the_same_objects() {
    let flags = [
        "serve",
        "--name",
        "ranker",
        "--model-uri",
        "s3://models/ranker/v7",
        "--gpu-type",
        "l4",
        "--metric",
        "q=5",
        "--env-from-secret",
        "s3-credentials",
    ];
    let direct = stdout_of(&flags);
    let mut to_file = flags.to_vec();
    to_file.extend(["--target", "inferenceservice"]);
    let resource = stdout_of(&to_file);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("isvc.yaml");
    std::fs::write(&path, &resource).expect("write");
    let compiled = stdout_of(&["serve", "-f", path.to_str().expect("utf-8 path")]);
    assert_eq!(compiled, direct);
    let overridden = stdout_of(&[
        "serve",
        "-f",
        path.to_str().expect("path"),
        "--max-replicas",
        "4",
    ]);
    assert!(overridden.contains("maxReplicas: 4"), "{overridden}");
}

/// Bad input: exit 2, nothing on stdout, the flag named, a help line.
#[test]
fn bad_values_name_their_flag_and_print_nothing() {
    let uri = "--model-uri=s3://models/r";
    let cases: &[(&[&str], &str)] = &[
        (&["serve"], "--model-uri"),
        (&["serve", "--model-uri", "ftp://x/y"], "--model-uri"),
        (&["serve", "--model-uri", "s3://B/y"], "--model-uri"),
        (
            &["serve", "--model-uri", "pvc://Bad_Claim/x"],
            "--model-uri",
        ),
        (&["serve", "--model-uri", "hf://a/b/c"], "--model-uri"),
        (
            &["serve", "--model-uri", "s3://models/../etc"],
            "--model-uri",
        ),
        (&["serve", uri, "--name", "Ranker"], "--name"),
        (
            &[
                "serve",
                uri,
                "--image",
                "nvcr.io/nvidia/tritonserver:latest",
            ],
            "--image",
        ),
        (&["serve", uri, "--runtime", "custom"], "--image"),
        (
            &[
                "serve",
                uri,
                "--runtime",
                "custom",
                "--image",
                "r.example.com/s:1",
            ],
            "--command",
        ),
        (&["serve", uri, "--command", "python x.py"], "--command"),
        (&["serve", uri, "--port", "9000"], "--port"),
        (&["serve", uri, "--min-replicas", "0"], "--min-replicas"),
        (
            &["serve", uri, "--min-replicas", "5", "--max-replicas", "3"],
            "--max-replicas",
        ),
        (&["serve", uri, "--max-replicas", "5000"], "--max-replicas"),
        (
            &["serve", uri, "--target-utilization", "0"],
            "--target-utilization",
        ),
        (
            &["serve", uri, "--target-utilization", "150"],
            "--target-utilization",
        ),
        (&["serve", uri, "--metric", "queue"], "--metric"),
        (&["serve", uri, "--metric", "queue=-1"], "--metric"),
        (&["serve", uri, "--metric", "queue=ten"], "--metric"),
        (
            &["serve", uri, "--scale-up-stabilization", "3601"],
            "--scale-up-stabilization",
        ),
        (
            &["serve", uri, "--scale-down-stabilization", "5000"],
            "--scale-down-stabilization",
        ),
        (&["serve", uri, "--scale-period", "0"], "--scale-period"),
        (&["serve", uri, "--scale-period", "1801"], "--scale-period"),
        (
            &["serve", uri, "--scale-up-percent", "0"],
            "--scale-up-percent",
        ),
        (
            &["serve", uri, "--scale-down-percent", "0"],
            "--scale-down-percent",
        ),
        (
            &["serve", uri, "--canary-image", "r.example.com/s:2"],
            "--canary-image",
        ),
        (
            &["serve", uri, "--canary-percent", "10"],
            "--canary-percent",
        ),
        (
            &[
                "serve",
                uri,
                "--canary-image",
                "r.example.com/s:2",
                "--canary-percent",
                "10",
            ],
            "--mesh",
        ),
        (
            &[
                "serve",
                uri,
                "--canary-image",
                "r.example.com/s:2",
                "--canary-percent",
                "100",
                "--mesh",
                "istio",
            ],
            "--canary-percent",
        ),
        (
            &[
                "serve",
                uri,
                "--target",
                "kserve",
                "--canary-image",
                "r.example.com/s:2",
                "--canary-percent",
                "10",
                "--mesh",
                "istio",
            ],
            "--mesh",
        ),
        (&["serve", uri, "--mesh", "istio"], "--mesh"),
        (
            &["serve", uri, "--target", "kserve", "--metric", "q=1"],
            "--metric",
        ),
        (&["serve", uri, "--gpus", "65"], "--gpus"),
        (&["serve", uri, "--gpu-type", "a100-90gb"], "--gpu-type"),
        (&["serve", uri, "--mig", "1g.10gb"], "--mig"),
        (&["serve", uri, "--cpu", "4 cores"], "--cpu"),
        (
            &["serve", uri, "--memory", "8Gi", "--shm-size", "16Gi"],
            "--shm-size",
        ),
        (
            &["serve", uri, "--priority-class", "High"],
            "--priority-class",
        ),
        (&["serve", uri, "--env", "1BAD=x"], "--env"),
        (
            &["serve", uri, "--env-from-secret", "Bad_Secret"],
            "--env-from-secret",
        ),
        (
            &["serve", uri, "--toleration", "k:Sometimes"],
            "--toleration",
        ),
        (&["serve", uri, "--model-params", "seven"], "--model-params"),
        (
            &[
                "serve",
                uri,
                "--target",
                "inferenceservice",
                "--scale-period",
                "30",
            ],
            "--scale-period",
        ),
    ];
    for (args, flag) in cases {
        let out = mlk().args(*args).output().expect("runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(out.stdout.is_empty(), "{args:?} printed on stdout");
        assert!(
            stderr.contains(flag),
            "{args:?}: the error must name `{flag}`: {stderr}"
        );
        assert!(stderr.contains("help:"), "{args:?}: no help line: {stderr}");
    }
}

#[test]
fn a_model_too_large_for_its_gpus_is_a_sizing_error_with_the_fix() {
    let out = mlk()
        .args([
            "serve",
            "--runtime",
            "vllm",
            "--model-uri",
            "hf://meta-llama/Llama-3.1-70B",
            "--model-params",
            "70B",
            "--gpu-type",
            "l4",
            "--gpus",
            "1",
        ])
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(out.stdout.is_empty());
    assert!(stderr.contains("--gpus"), "{stderr}");
}

#[test]
fn a_bad_value_in_a_file_is_reported_at_its_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("isvc.yaml");
    std::fs::write(
        &path,
        "apiVersion: mlk.dev/v1alpha1\nkind: InferenceService\nmetadata: {name: ranker}\nspec:\n  runtime: triton\n  modelUri: s3://models/r\n  autoscaling:\n    minReplicas: 5\n    maxReplicas: 3\n",
    )
    .expect("write");
    let out = mlk()
        .args(["serve", "-f", path.to_str().expect("path")])
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains(":9:"),
        "the error points at maxReplicas on line 9: {stderr}"
    );
}

/// `mlk lint` compiles an mlk.dev InferenceService like `mlk serve -f` does, and reports a
/// value the generator rejects at its line.
#[test]
fn lint_compiles_inference_services() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("isvc.yaml");
    std::fs::write(
        &path,
        "apiVersion: mlk.dev/v1alpha1\nkind: InferenceService\nmetadata: {name: ranker}\nspec:\n  runtime: triton\n  modelUri: s3://models/r\n  autoscaling:\n    minReplicas: 5\n    maxReplicas: 3\n",
    )
    .expect("write");
    let out = mlk()
        .args(["lint", "--format", "concise", path.to_str().expect("path")])
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains(":9:") && stdout.contains("invalid-mlk-resource"),
        "{stdout}"
    );
    let good = stdout_of(&[
        "serve",
        "--target",
        "inferenceservice",
        "--model-uri",
        "s3://models/r",
    ]);
    std::fs::write(&path, good).expect("write");
    let out = mlk()
        .args(["lint", path.to_str().expect("path")])
        .output()
        .expect("runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}
