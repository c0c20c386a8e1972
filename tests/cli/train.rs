//! `mlk train`: the snapshot matrix of targets x frameworks x worker counts x accelerators,
//! every document parsed back into its typed object, the distributed wiring per target,
//! sizing, and bad input.
use k8s_openapi::api::apps::v1::StatefulSet;
use k8s_openapi::api::batch::v1::Job;
use k8s_openapi::api::core::v1::{ConfigMap, PersistentVolumeClaim, PodTemplateSpec, Service};
use mlk::api::TrainingJob;
use mlk::generate::crds::{JobSetSpec, PodGroupSpec, PyTorchJobSpec, Resource, TfJobSpec};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::common::{documents, stdout_of};

const TARGETS: [&str; 6] = [
    "job",
    "statefulset",
    "trainingjob",
    "pytorchjob",
    "tfjob",
    "jobset",
];
const FRAMEWORKS: [&str; 5] = ["pytorch", "tensorflow", "xgboost", "jax", "custom"];

/// The flags of each accelerator variant.
fn accelerator_flags(name: &str) -> Vec<&'static str> {
    match name {
        "gpu" => vec!["--gpus", "2", "--gpu-type", "a100-80gb"],
        "mig" => vec!["--gpus", "1", "--gpu-type", "a100-80gb", "--mig", "1g.10gb"],
        _ => vec!["--gpus", "0"],
    }
}

fn valid_combination(target: &str, framework: &str) -> bool {
    match target {
        "pytorchjob" => framework == "pytorch",
        "tfjob" => framework == "tensorflow",
        _ => true,
    }
}

fn args_for(target: &str, framework: &str, workers: u32, accel: &str) -> Vec<String> {
    let mut args: Vec<String> = [
        "train",
        "--target",
        target,
        "--framework",
        framework,
        "--workers",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    args.push(workers.to_string());
    args.extend(accelerator_flags(accel).iter().map(|s| s.to_string()));
    if framework == "custom" {
        args.extend(
            [
                "--image",
                "registry.example.com/team/trainer:1.4.2",
                "--command",
                "python -m trainer --epochs 3",
            ]
            .iter()
            .map(|s| s.to_string()),
        );
    }
    if framework == "xgboost" && workers > 1 {
        args.extend(["--strategy", "none"].iter().map(|s| s.to_string()));
    }
    args
}

/// Deserialises `doc` as `T` and serialises it again: equal JSON proves every field the
/// generator wrote exists in the typed API object, with the right type.
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
        (Some("batch/v1"), Some("Job")) => round_trip::<Job>(doc),
        (Some("apps/v1"), Some("StatefulSet")) => round_trip::<StatefulSet>(doc),
        (Some("v1"), Some("Service")) => round_trip::<Service>(doc),
        (Some("v1"), Some("ConfigMap")) => round_trip::<ConfigMap>(doc),
        (Some("v1"), Some("PersistentVolumeClaim")) => round_trip::<PersistentVolumeClaim>(doc),
        (Some("mlk.dev/v1alpha1"), Some("TrainingJob")) => round_trip::<TrainingJob>(doc),
        (Some("kubeflow.org/v1"), Some("PyTorchJob")) => {
            round_trip::<Resource<PyTorchJobSpec>>(doc)
        }
        (Some("kubeflow.org/v1"), Some("TFJob")) => round_trip::<Resource<TfJobSpec>>(doc),
        (Some("jobset.x-k8s.io/v1alpha2"), Some("JobSet")) => {
            round_trip::<Resource<JobSetSpec>>(doc)
        }
        (Some("scheduling.volcano.sh/v1beta1"), Some("PodGroup")) => {
            round_trip::<Resource<PodGroupSpec>>(doc)
        }
        other => panic!("unexpected object {other:?}"),
    }
}

/// Dogfood: what mlk generates passes mlk's own lint with zero findings at default
/// settings (Pod Security restricted at the newest version, every rule at its default level).
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

/// Every pod template of a generated document, wherever the target keeps it.
fn pod_templates(doc: &Value) -> Vec<PodTemplateSpec> {
    let mut out = Vec::new();
    let mut push = |v: &Value| {
        out.push(serde_json::from_value::<PodTemplateSpec>(v.clone()).expect("pod template"))
    };
    match doc["kind"].as_str() {
        Some("Job") | Some("StatefulSet") => push(&doc["spec"]["template"]),
        Some("PyTorchJob") => doc["spec"]["pytorchReplicaSpecs"]
            .as_object()
            .into_iter()
            .flatten()
            .for_each(|(_, r)| push(&r["template"])),
        Some("TFJob") => doc["spec"]["tfReplicaSpecs"]
            .as_object()
            .into_iter()
            .flatten()
            .for_each(|(_, r)| push(&r["template"])),
        Some("JobSet") => doc["spec"]["replicatedJobs"]
            .as_array()
            .into_iter()
            .flatten()
            .for_each(|r| push(&r["template"]["spec"]["template"])),
        _ => {}
    }
    out
}

/// The restricted securityContext, GPU limits == requests, /dev/shm and no token: what
/// SPEC section 3 promises of every pod template.
#[track_caller]
fn check_secure(template: &PodTemplateSpec, context: &str) {
    let spec = template.spec.as_ref().expect("pod spec");
    assert_eq!(
        spec.automount_service_account_token,
        Some(false),
        "{context}"
    );
    let psc = spec.security_context.as_ref().expect("pod securityContext");
    assert_eq!(psc.run_as_non_root, Some(true), "{context}");
    assert!(
        psc.run_as_user.is_some_and(|u| u > 0)
            && psc.run_as_group.is_some_and(|g| g > 0)
            && psc.fs_group.is_some_and(|g| g > 0),
        "{context}"
    );
    assert_eq!(
        psc.seccomp_profile.as_ref().map(|s| s.type_.as_str()),
        Some("RuntimeDefault"),
        "{context}"
    );
    let shm = spec
        .volumes
        .iter()
        .flatten()
        .find(|v| v.name == "dshm")
        .expect("dshm volume");
    assert_eq!(
        shm.empty_dir.as_ref().and_then(|e| e.medium.as_deref()),
        Some("Memory"),
        "{context}"
    );
    for c in &spec.containers {
        let sc = c
            .security_context
            .as_ref()
            .expect("container securityContext");
        assert_eq!(sc.allow_privilege_escalation, Some(false), "{context}");
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
            c.volume_mounts
                .iter()
                .flatten()
                .any(|m| m.mount_path == "/dev/shm"),
            "{context}"
        );
        assert!(
            c.image
                .as_deref()
                .is_some_and(mlk::validate::image_is_pinned),
            "{context}: unpinned image"
        );
    }
}

#[test]
fn every_target_framework_worker_and_accelerator_combination() {
    let mut checked = 0;
    for target in TARGETS {
        for framework in FRAMEWORKS {
            if !valid_combination(target, framework) {
                continue;
            }
            for workers in [1, 3] {
                for accel in ["gpu", "mig", "cpu"] {
                    let args = args_for(target, framework, workers, accel);
                    let argv: Vec<&str> = args.iter().map(String::as_str).collect();
                    let out = stdout_of(&argv);
                    let name = format!("train_{target}_{framework}_{workers}w_{accel}");
                    insta::assert_snapshot!(name.clone(), out, &args.join(" "));
                    lints_clean(&out, &name);
                    let docs = documents(&out);
                    assert!(!docs.is_empty(), "{name}: no output");
                    for doc in &docs {
                        check_typed(doc);
                        for t in pod_templates(doc) {
                            check_secure(&t, &name);
                        }
                    }
                    checked += 1;
                }
            }
        }
    }
    assert_eq!(checked, 4 * 5 * 6 + 2 * 6, "the matrix lost combinations");
}

/// Named scenarios beyond the matrix: scheduling, storage, environment and sizing flags.
const SCENARIOS: &[(&str, &[&str])] = &[
    (
        "volcano_gang",
        &[
            "train",
            "--workers",
            "4",
            "--gpus",
            "8",
            "--scheduler",
            "volcano",
            "--priority-class",
            "ml-training-high-priority",
        ],
    ),
    (
        "volcano_jobset",
        &[
            "train",
            "--target",
            "jobset",
            "--workers",
            "2",
            "--scheduler",
            "volcano",
        ],
    ),
    (
        "kueue_job",
        &[
            "train",
            "--workers",
            "2",
            "--queue",
            "team-a",
            "-n",
            "team-a",
        ],
    ),
    (
        "kueue_jobset",
        &[
            "train",
            "--target",
            "jobset",
            "--workers",
            "2",
            "--queue",
            "team-a",
            "-n",
            "team-a",
        ],
    ),
    (
        "spot_checkpoints",
        &[
            "train",
            "--workers",
            "2",
            "--spot",
            "--checkpoint-size",
            "200Gi",
            "--storage-class",
            "fast-rwx",
            "--checkpoint-dir",
            "/ckpt",
        ],
    ),
    (
        "statefulset_checkpoints",
        &[
            "train",
            "--target",
            "statefulset",
            "--workers",
            "2",
            "--checkpoint-size",
            "50Gi",
        ],
    ),
    (
        "data_env_secrets",
        &[
            "train",
            "--data",
            "imagenet",
            "--data",
            "labels:/mnt/labels",
            "--env",
            "WANDB_PROJECT=vision",
            "--env-from-secret",
            "wandb-credentials",
            "--hyperparameter",
            "lr=0.001",
            "--hyperparameter",
            "batch-size=256",
        ],
    ),
    (
        "hyperparameters_as_args",
        &[
            "train",
            "--command",
            "python train.py --config cfg.yaml",
            "--hyperparameter",
            "lr=0.001",
            "--hyperparameters-as",
            "args",
            "--",
            "--epochs",
            "3",
        ],
    ),
    (
        "placement",
        &[
            "train",
            "--gpu-type",
            "h100-80gb",
            "--node-selector",
            "pool=training",
            "--toleration",
            "dedicated=ml:NoSchedule",
            "--toleration",
            "maintenance",
        ],
    ),
    (
        "lifecycle",
        &[
            "train",
            "--backoff-limit",
            "1",
            "--deadline",
            "12h",
            "--ttl",
            "1h",
            "--restart-policy",
            "OnFailure",
        ],
    ),
    (
        "tf_parameter_server_job",
        &[
            "train",
            "--framework",
            "tensorflow",
            "--strategy",
            "parameter-server",
            "--workers",
            "2",
            "--parameter-servers",
            "2",
        ],
    ),
    (
        "tf_parameter_server_statefulset",
        &[
            "train",
            "--framework",
            "tensorflow",
            "--target",
            "statefulset",
            "--strategy",
            "parameter-server",
            "--workers",
            "2",
        ],
    ),
    (
        "tf_parameter_server_tfjob",
        &[
            "train",
            "--framework",
            "tensorflow",
            "--target",
            "tfjob",
            "--strategy",
            "parameter-server",
            "--workers",
            "2",
        ],
    ),
    (
        "fsdp_sizing",
        &[
            "train",
            "--model-params",
            "7B",
            "--precision",
            "bf16",
            "--optimizer",
            "adam",
            "--sharding",
            "fsdp",
            "--gpu-type",
            "h100-80gb",
            "--data-size",
            "200Gi",
        ],
    ),
    (
        "amd_gpus",
        &[
            "train",
            "--gpu-resource",
            "amd.com/gpu",
            "--gpus",
            "4",
            "--image",
            "rocm/pytorch:rocm6.2_ubuntu22.04_py3.10_pytorch_release_2.3.0",
        ],
    ),
    (
        "user_torchrun_command",
        &[
            "train",
            "--workers",
            "2",
            "--command",
            "torchrun --max-restarts=3 train.py",
        ],
    ),
];

#[test]
fn scenarios() {
    for (name, args) in SCENARIOS {
        let out = stdout_of(args);
        insta::assert_snapshot!(format!("scenario_{name}"), out.clone(), &args.join(" "));
        lints_clean(&out, name);
        for doc in documents(&out) {
            check_typed(&doc);
            for t in pod_templates(&doc) {
                check_secure(&t, name);
            }
        }
    }
}

#[test]
fn the_worked_sizing_example_fits_fsdp_on_two_h100s() {
    let out = super::common::mlk()
        .args([
            "train",
            "--model-params",
            "7B",
            "--precision",
            "bf16",
            "--optimizer",
            "adam",
            "--sharding",
            "fsdp",
            "--gpu-type",
            "h100-80gb",
        ])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let docs = documents(&String::from_utf8_lossy(&out.stdout));
    let job = docs.iter().find(|d| d["kind"] == "Job").expect("a Job");
    let limits = &job["spec"]["template"]["spec"]["containers"][0]["resources"]["limits"];
    assert_eq!(
        limits["nvidia.com/gpu"], "2",
        "FSDP needs 2 H100-80GB for 7B bf16 Adam"
    );
    let annotation = job["metadata"]["annotations"]["sizing.mlk.dev/inputs"]
        .as_str()
        .expect("sizing annotation");
    let inputs: serde_json::Value = serde_json::from_str(annotation).expect("annotation is JSON");
    assert_eq!(inputs["gpuType"], "h100-80gb");
    assert_eq!(inputs["sharding"], "fsdp");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("112.0 GB of model states"), "{stderr}");
}

#[test]
fn the_worked_sizing_example_does_not_fit_ddp_and_says_how_to_fix_it() {
    let out = super::common::mlk()
        .args([
            "train",
            "--model-params",
            "7B",
            "--precision",
            "bf16",
            "--optimizer",
            "adam",
            "--sharding",
            "ddp",
            "--gpu-type",
            "h100-80gb",
        ])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty(), "nothing on stdout when sizing fails");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("112.0 GB"), "{stderr}");
    assert!(stderr.contains("72.0 GB usable"), "{stderr}");
    assert!(
        stderr.contains("--sharding fsdp") && stderr.contains("at least 2 h100-80gb"),
        "{stderr}"
    );
}

/// Bad input: exit 2, nothing on stdout, the flag named, a help line.
#[test]
fn bad_values_name_their_flag_and_print_nothing() {
    let cases: &[(&[&str], &str)] = &[
        (&["train", "--name", "Train_Job"], "--name"),
        (&["train", "--namespace=-team"], "--namespace"),
        (&["train", "--image", "pytorch/pytorch:latest"], "--image"),
        (&["train", "--image", "pytorch/pytorch"], "--image"),
        (&["train", "--image", "pytorch/PyTorch:1"], "--image"),
        (&["train", "--cpu", "4 cores"], "--cpu"),
        (&["train", "--memory", "64GB"], "--memory"),
        (
            &["train", "--memory", "8Gi", "--shm-size", "16Gi"],
            "--shm-size",
        ),
        (&["train", "--workers", "0"], "--workers"),
        (&["train", "--workers", "5000"], "--workers"),
        (&["train", "--gpus", "65"], "--gpus"),
        (&["train", "--gpu-type", "a100-90gb"], "--gpu-type"),
        (&["train", "--mig", "1g.10gb"], "--mig"),
        (
            &["train", "--mig", "1g.5gb", "--gpu-type", "h100-80gb"],
            "--mig",
        ),
        (&["train", "--mig", "1g.10gb", "--gpu-type", "l4"], "--mig"),
        (&["train", "--gpu-resource", "gpu"], "--gpu-resource"),
        (&["train", "--target", "tfjob"], "--framework"),
        (
            &[
                "train",
                "--framework",
                "tensorflow",
                "--target",
                "pytorchjob",
            ],
            "--framework",
        ),
        (
            &[
                "train",
                "--framework",
                "xgboost",
                "--workers",
                "2",
                "--strategy",
                "ddp",
            ],
            "--strategy",
        ),
        (&["train", "--strategy", "parameter-server"], "--strategy"),
        (
            &["train", "--parameter-servers", "2"],
            "--parameter-servers",
        ),
        (&["train", "--framework", "custom"], "--image"),
        (
            &[
                "train",
                "--framework",
                "custom",
                "--image",
                "r.example.com/t:1",
            ],
            "--command",
        ),
        (&["train", "--command", "python 'unclosed"], "--command"),
        (&["train", "--env", "NOVALUE"], "--env"),
        (&["train", "--env", "1BAD=x"], "--env"),
        (
            &["train", "--target", "pytorchjob", "--env", "MASTER_ADDR=x"],
            "--env",
        ),
        (&["train", "--toleration", "key:Sometimes"], "--toleration"),
        (&["train", "--node-selector", "pool"], "--node-selector"),
        (&["train", "--deadline", "soon"], "--deadline"),
        (&["train", "--deadline", "0s"], "--deadline"),
        (&["train", "--ttl", "100000d"], "--ttl"),
        (&["train", "--data", ":/x"], "--data"),
        (&["train", "--data", "imagenet:relative/path"], "--data"),
        (&["train", "--data", "imagenet:/tmp/x"], "--data"),
        (&["train", "--checkpoint-dir", "/ckpt"], "--checkpoint-dir"),
        (&["train", "--spot"], "--spot"),
        (
            &["train", "--queue", "q", "--scheduler", "volcano"],
            "--queue",
        ),
        (&["train", "--priority-class", "High"], "--priority-class"),
        (
            &[
                "train",
                "--model-params",
                "seven",
                "--gpu-type",
                "h100-80gb",
            ],
            "--model-params",
        ),
        (&["train", "--model-params", "7B"], "--gpu-type"),
    ];
    for (args, flag) in cases {
        let out = super::common::mlk().args(*args).output().expect("runs");
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
