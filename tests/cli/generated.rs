//! Committed generated files (CRDs, JSON Schemas, completions) must match what the code
//! generates; `MLK_UPDATE_GENERATED=1 cargo test` rewrites them.
use std::path::Path;

#[test]
fn committed_generated_files_are_up_to_date() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let update = std::env::var_os("MLK_UPDATE_GENERATED").is_some_and(|v| v == "1");
    let mut stale = Vec::new();
    for (path, content) in mlk::generated::files().expect("generated files render") {
        let file = root.join(&path);
        let committed = std::fs::read_to_string(&file).unwrap_or_default();
        if committed != content {
            if update {
                std::fs::create_dir_all(file.parent().expect("generated files live in a folder"))
                    .expect("create folder");
                std::fs::write(&file, content).expect("write generated file");
            } else {
                stale.push(path);
            }
        }
    }
    assert!(
        stale.is_empty(),
        "stale generated files (run `MLK_UPDATE_GENERATED=1 cargo test`): {stale:?}"
    );
}

#[test]
fn the_readme_rules_table_lists_every_rule() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let readme = std::fs::read_to_string(&path).expect("README.md");
    let expected =
        mlk::generated::readme_with_rules(&readme).expect("README.md has the rules table markers");
    if readme != expected && std::env::var_os("MLK_UPDATE_GENERATED").is_some_and(|v| v == "1") {
        std::fs::write(&path, &expected).expect("write README.md");
        return;
    }
    assert!(
        readme == expected,
        "the rules table in README.md is stale (run `MLK_UPDATE_GENERATED=1 cargo test`)"
    );
    for meta in mlk::rules::all_meta() {
        assert!(
            readme.contains(&format!("| `{}` |", meta.name)),
            "README lacks {}",
            meta.name
        );
    }
}

#[test]
fn completions_command_prints_the_committed_scripts() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for (shell, file) in [
        ("bash", "mlk.bash"),
        ("zsh", "_mlk"),
        ("fish", "mlk.fish"),
        ("powershell", "_mlk.ps1"),
        ("elvish", "mlk.elv"),
    ] {
        let printed = super::common::stdout_of(&["completions", shell]);
        let committed = std::fs::read_to_string(root.join("completions").join(file))
            .expect("committed completions");
        assert!(
            printed == committed,
            "completions for {shell} differ from completions/{file}"
        );
        assert!(
            printed.contains("train") && printed.contains("gpu-type"),
            "{shell} completions lack the train flags"
        );
    }
}

#[test]
fn crd_command_prints_both_crds_with_validation() {
    let out = super::common::stdout_of(&["crd"]);
    let docs = super::common::documents(&out);
    assert_eq!(docs.len(), 2);
    let tj = &docs[0];
    assert_eq!(tj["kind"], "CustomResourceDefinition");
    assert_eq!(tj["metadata"]["name"], "trainingjobs.mlk.dev");
    assert_eq!(tj["spec"]["names"]["shortNames"][0], "mltj");
    let version = &tj["spec"]["versions"][0];
    assert_eq!(version["name"], "v1alpha1");
    assert!(
        version["subresources"]["status"].is_object(),
        "status subresource"
    );
    let columns: Vec<&str> = version["additionalPrinterColumns"]
        .as_array()
        .expect("printer columns")
        .iter()
        .filter_map(|c| c["name"].as_str())
        .collect();
    assert!(
        columns.contains(&"Phase") && columns.contains(&"GPUs/Worker"),
        "{columns:?}"
    );
    let spec = &version["schema"]["openAPIV3Schema"]["properties"]["spec"];
    assert_eq!(spec["required"][0], "framework");
    let frameworks = spec["properties"]["framework"]["enum"]
        .as_array()
        .expect("framework enum");
    assert!(frameworks.iter().any(|f| f == "pytorch"));
    assert_eq!(spec["properties"]["workers"]["minimum"].as_f64(), Some(1.0));
    let phase = version["schema"]["openAPIV3Schema"]["properties"]["status"]["properties"]["phase"]
        ["enum"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    for p in ["Pending", "Running", "Succeeded", "Failed"] {
        assert!(
            phase.iter().any(|v| v == p),
            "phase {p} missing from {phase:?}"
        );
    }
    assert_eq!(docs[1]["spec"]["names"]["shortNames"][0], "mlis");
}
