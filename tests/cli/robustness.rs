//! Property tests of SPEC section 9: any bytes given to `lint` end in findings or a clean
//! report, never a panic; any combination of valid `train` flags yields output that parses,
//! lints clean and round-trips.
use proptest::prelude::*;

fn lint_all(bytes: &[u8]) -> mlk::lint::Report {
    mlk::lint::lint_bytes(
        "input.yaml",
        bytes,
        &mlk::lint::Settings::default(),
        &mlk::rules::all(),
    )
}

/// Fragments that build YAML-ish text with the constructs that stress a loader: anchors,
/// aliases, tags, flow and block collections, multi-documents, odd scalars, and pieces of
/// Kubernetes objects so that rules run on half-valid objects.
fn fragment() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "apiVersion: v1\n",
        "kind: Pod\n",
        "kind: Deployment\n",
        "kind: List\nitems:\n",
        "metadata: {name: x}\n",
        "spec:\n",
        "  containers:\n",
        "  - name: a\n",
        "    image: x:1\n",
        "    securityContext: {privileged: true}\n",
        "  template:\n",
        "    spec:\n",
        "      containers: [{name: b, resources: {limits: {nvidia.com/gpu: 0.5}}}]\n",
        "---\n",
        "...\n",
        "&a [1, 2, *a]\n",
        "b: &b {c: *b}\n",
        "d: !!str 1\n",
        "e: !custom x\n",
        "? complex\n: key\n",
        "f: \"unterminated\n",
        "g: 'x''y'\n",
        "h: |\n  block\n",
        "i: >-\n  folded\n",
        "- item\n",
        "  - nested\n",
        "j: 0755\n",
        "k: on\n",
        "l: 1:20\n",
        "m: ~\n",
        "n: .inf\n",
        "o: 0x1F\n",
        "{\"json\": [1, {\"k\": null}]}\n",
        "x: 1\nx: 2\n",
        "\t\ttab\n",
        "#comment\n",
        "p: [\n",
        "q: {a: [b, {c: d}]}\n",
        "\u{feff}",
        "é: ü\n",
        "resources: {requests: {cpu: '1', nvidia.com/gpu: '2'}, limits: {nvidia.com/gpu: '1'}}\n",
        "hostNetwork: true\n",
        "volumes: [{name: v, hostPath: {path: /}}]\n",
        "replicas: -3\n",
    ])
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn lint_never_panics_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let report = lint_all(&bytes);
        prop_assert_eq!(report.files, 1);
    }

    #[test]
    fn lint_never_panics_on_yaml_like_text(parts in prop::collection::vec(fragment(), 0..40)) {
        let text: String = parts.concat();
        let report = lint_all(text.as_bytes());
        for f in &report.findings {
            prop_assert!(f.position.line >= 1 || f.path.is_empty(), "finding without a position: {:?}", f);
        }
    }
}

/// Valid flag choices for `mlk train`, combined at random.
fn train_args() -> impl Strategy<Value = Vec<String>> {
    let target = prop::sample::select(vec![
        "job",
        "statefulset",
        "jobset",
        "trainingjob",
        "pytorchjob",
        "tfjob",
    ]);
    let workers = 1u32..6;
    let accel = prop::sample::select(vec![
        vec!["--gpus", "0"],
        vec!["--gpus", "1"],
        vec!["--gpus", "8", "--gpu-type", "h100-80gb"],
        vec!["--mig", "3g.40gb", "--gpu-type", "a100-80gb"],
        vec!["--gpu-resource", "amd.com/gpu", "--gpus", "2"],
    ]);
    let extras = prop::sample::subsequence(
        vec![
            vec!["--queue", "team-a"],
            vec!["--priority-class", "ml-training-high-priority"],
            vec!["--spot", "--checkpoint-size", "100Gi"],
            vec!["--data", "datasets"],
            vec!["--env", "LOG_LEVEL=debug"],
            vec!["--env-from-secret", "creds"],
            vec!["--hyperparameter", "lr=0.1"],
            vec!["--deadline", "6h", "--ttl", "2h"],
            vec!["--node-selector", "pool=gpu"],
            vec!["--toleration", "dedicated=ml:NoSchedule"],
            vec!["-n", "research"],
            vec!["--shm-size", "2Gi"],
        ],
        0..5,
    );
    (target, workers, accel, extras).prop_map(|(target, workers, accel, extras)| {
        let framework = match target {
            "tfjob" => "tensorflow",
            _ => "pytorch",
        };
        let mut args: Vec<String> = vec![
            "mlk".into(),
            "train".into(),
            "--target".into(),
            target.into(),
            "--framework".into(),
            framework.into(),
        ];
        args.push("--workers".into());
        args.push(workers.to_string());
        args.extend(accel.into_iter().map(String::from));
        for e in extras {
            args.extend(e.into_iter().map(String::from));
        }
        args
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn any_valid_train_flags_give_clean_valid_output(args in train_args()) {
        use clap::Parser;
        let cli = mlk::cli::Cli::try_parse_from(&args).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let mut out = Vec::new();
        let mut err = Vec::new();
        let code = mlk::run(cli, &mut out, &mut err).map_err(|e| TestCaseError::fail(format!("{args:?}: {e}")))?;
        prop_assert_eq!(code, 0);
        let text = String::from_utf8(out).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let report = mlk::lint::lint_texts(&[("out.yaml", &text)], &mlk::lint::Settings::default(), &mlk::rules::all());
        prop_assert!(report.findings.is_empty(), "{:?}: {:?}", args, report.findings);
        prop_assert!(!super::common::documents(&text).is_empty());
    }
}
