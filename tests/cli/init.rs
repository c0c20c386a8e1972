//! `mlk init`: the scaffolded tree and its key files (snapshots), mlk.yaml valid against its
//! schema, zero lint findings, `kubectl kustomize` builds it, every manifest is what its
//! README command prints, and the safety rules: existing files refused with nothing
//! written, `--force`, `--dry-run`, unwritable targets and a failure midway leaving
//! nothing behind.
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use super::common::mlk;

/// What a successful scaffold of `alpha` holds, in the order it is written.
const FILES: &[&str] = &[
    "mlk.yaml",
    "kustomization.yaml",
    "README.md",
    ".github/workflows/mlk-lint.yaml",
    "manifests/quota.yaml",
    "manifests/train.yaml",
    "manifests/serve.yaml",
    "crds/trainingjobs.mlk.dev.yaml",
    "crds/inferenceservices.mlk.dev.yaml",
];

/// Runs `mlk init ARGS` in `cwd`.
fn init_in(cwd: &Path, args: &[&str]) -> Output {
    mlk()
        .current_dir(cwd)
        .arg("init")
        .args(args)
        .output()
        .expect("mlk runs")
}

/// Every file and directory under `dir`, relative, sorted; directories end with `/`.
fn tree(dir: &Path) -> Vec<String> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<String>) {
        let Ok(entries) = fs::read_dir(dir) else {
            return;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            let rel = path.strip_prefix(root).unwrap().display().to_string();
            if path.is_dir() {
                out.push(format!("{rel}/"));
                walk(root, &path, out);
            } else {
                out.push(rel);
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

#[track_caller]
fn assert_exit(out: &Output, code: i32) -> String {
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(code), "stderr: {stderr}");
    assert!(
        out.stdout.is_empty(),
        "stdout must stay empty: {:?}",
        out.stdout
    );
    stderr
}

/// Scaffolds `alpha` into a fresh temporary directory.
fn scaffold() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let out = init_in(tmp.path(), &["alpha"]);
    assert_exit(&out, 0);
    let dir = tmp.path().join("alpha");
    (tmp, dir)
}

#[test]
fn scaffold_tree_stderr_and_key_files() {
    let tmp = tempfile::tempdir().unwrap();
    let out = init_in(tmp.path(), &["alpha"]);
    let stderr = assert_exit(&out, 0);
    insta::assert_snapshot!("init_stderr", stderr);
    let dir = tmp.path().join("alpha");
    insta::assert_snapshot!("init_tree", tree(&dir).join("\n"));
    for file in FILES {
        assert!(
            stderr.contains(&format!("wrote alpha/{file}\n")),
            "{file} not reported"
        );
    }
    for (name, file) in [
        ("mlk_yaml", "mlk.yaml"),
        ("kustomization", "kustomization.yaml"),
        ("readme", "README.md"),
        ("workflow", ".github/workflows/mlk-lint.yaml"),
    ] {
        let text = fs::read_to_string(dir.join(file)).unwrap();
        insta::assert_snapshot!(format!("init_{name}"), text, file);
    }
}

#[test]
fn mlk_yaml_is_valid_against_its_schema_and_the_config_type() {
    let (_tmp, dir) = scaffold();
    let text = fs::read_to_string(dir.join("mlk.yaml")).unwrap();
    let config: mlk::config::Config = serde_saphyr::from_str(&text).unwrap();
    assert_eq!(config.defaults.namespace.as_deref(), Some("alpha"));
    let schema: serde_json::Value = serde_json::from_str(
        &fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/schemas/mlk.yaml.schema.json"
        ))
        .unwrap(),
    )
    .unwrap();
    let validator = jsonschema::options().build(&schema).unwrap();
    let value: serde_json::Value = serde_saphyr::from_str(&text).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&value)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn manifests_and_crds_lint_clean() {
    let (_tmp, dir) = scaffold();
    let mut texts = Vec::new();
    for sub in ["manifests", "crds"] {
        for entry in fs::read_dir(dir.join(sub)).unwrap() {
            let path = entry.unwrap().path();
            texts.push((
                path.display().to_string(),
                fs::read_to_string(&path).unwrap(),
            ));
        }
    }
    assert_eq!(texts.len(), 5);
    let borrowed: Vec<(&str, &str)> = texts
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let report = mlk::lint::lint_texts(
        &borrowed,
        &mlk::lint::Settings::default(),
        &mlk::rules::all(),
    );
    let findings: Vec<String> = report
        .findings
        .iter()
        .map(|f| format!("{}:{}: [{}] {}", f.file, f.position.line, f.rule, f.message))
        .collect();
    assert!(findings.is_empty(), "{findings:#?}");
    assert!(report.objects >= 14, "{} objects", report.objects);
    // And the binary, from inside the repository, with its mlk.yaml.
    let out = mlk()
        .current_dir(&dir)
        .args(["lint", "."])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn every_manifest_is_what_its_readme_command_prints() {
    let (_tmp, dir) = scaffold();
    let readme = fs::read_to_string(dir.join("README.md")).unwrap();
    let commands: Vec<(&str, &str)> = readme
        .lines()
        .filter_map(|l| l.strip_prefix("mlk ")?.split_once(" > "))
        .collect();
    assert_eq!(commands.len(), 3, "{readme}");
    for (command, path) in commands {
        let words = shell_words::split(command).unwrap();
        let out = mlk().current_dir(&dir).args(&words).output().unwrap();
        assert!(out.status.success(), "mlk {command}");
        let file = fs::read_to_string(dir.join(path)).unwrap();
        assert_eq!(String::from_utf8(out.stdout).unwrap(), file, "{path}");
    }
    let crds = String::from_utf8(mlk().args(["crd"]).output().unwrap().stdout).unwrap();
    let written = fs::read_to_string(dir.join("crds/trainingjobs.mlk.dev.yaml")).unwrap()
        + &fs::read_to_string(dir.join("crds/inferenceservices.mlk.dev.yaml")).unwrap();
    assert_eq!(crds, written);
}

#[test]
fn kustomize_builds_the_scaffold() {
    let kubectl = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|p| p.join("kubectl"))
            .find(|p| p.is_file())
    });
    let Some(kubectl) = kubectl else {
        eprintln!("SKIPPED kustomize_builds_the_scaffold: `kubectl` is not on PATH");
        return;
    };
    let (_tmp, dir) = scaffold();
    let out = std::process::Command::new(kubectl)
        .arg("kustomize")
        .arg(&dir)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "kubectl kustomize failed: {stderr}");
    let built = String::from_utf8(out.stdout).unwrap();
    let docs = super::common::documents(&built);
    let kinds: Vec<String> = docs
        .iter()
        .map(|d| d["kind"].as_str().unwrap().to_string())
        .collect();
    for kind in [
        "Namespace",
        "ResourceQuota",
        "LimitRange",
        "PriorityClass",
        "Job",
        "Deployment",
    ] {
        assert!(kinds.iter().any(|k| k == kind), "{kind} missing: {kinds:?}");
    }
    for doc in &docs {
        let namespaced = !matches!(doc["kind"].as_str(), Some("Namespace" | "PriorityClass"));
        if namespaced {
            assert_eq!(doc["metadata"]["namespace"], "alpha", "{doc}");
        }
    }
}

#[test]
fn team_defaults_to_the_directory_name_and_must_be_a_namespace_name() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("vision-team");
    fs::create_dir(&dir).unwrap();
    assert_exit(&init_in(&dir, &[]), 0);
    let text = fs::read_to_string(dir.join("kustomization.yaml")).unwrap();
    assert!(text.contains("namespace: vision-team\n"), "{text}");

    let stderr = assert_exit(&init_in(tmp.path(), &["Bad_Name"]), 2);
    assert!(
        stderr.contains("cannot name the team after the directory `Bad_Name`"),
        "{stderr}"
    );
    assert!(stderr.contains("--team NAME"), "{stderr}");
    let stderr = assert_exit(&init_in(tmp.path(), &["ok", "--team", "Team A"]), 2);
    assert!(
        stderr.contains("invalid value `Team A` for `--team`"),
        "{stderr}"
    );
    assert!(!tmp.path().join("Bad_Name").exists() && !tmp.path().join("ok").exists());
}

#[test]
fn an_existing_file_is_refused_and_nothing_is_written() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("alpha");
    fs::create_dir_all(dir.join("manifests")).unwrap();
    fs::write(dir.join("manifests/train.yaml"), "mine\n").unwrap();
    fs::write(dir.join("README.md"), "ours\n").unwrap();
    let before = tree(&dir);
    let stderr = assert_exit(&init_in(tmp.path(), &["alpha"]), 2);
    assert!(
        stderr.contains("2 files already exist: `alpha/README.md`, `alpha/manifests/train.yaml`"),
        "{stderr}"
    );
    assert!(stderr.contains("--force"), "{stderr}");
    assert_eq!(tree(&dir), before);
    assert_eq!(fs::read_to_string(dir.join("README.md")).unwrap(), "ours\n");
}

#[test]
fn force_overwrites() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("alpha");
    fs::create_dir_all(&dir).unwrap();
    fs::write(dir.join("README.md"), "ours\n").unwrap();
    fs::write(dir.join("notes.txt"), "kept\n").unwrap();
    assert_exit(&init_in(tmp.path(), &["alpha", "--force"]), 0);
    assert!(
        fs::read_to_string(dir.join("README.md"))
            .unwrap()
            .starts_with("# alpha\n")
    );
    assert_eq!(fs::read_to_string(dir.join("notes.txt")).unwrap(), "kept\n");
    for file in FILES {
        assert!(dir.join(file).is_file(), "{file}");
    }
}

#[test]
fn dry_run_lists_and_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let stderr = assert_exit(&init_in(tmp.path(), &["alpha", "--dry-run"]), 0);
    let listed: Vec<&str> = stderr
        .lines()
        .filter_map(|l| l.strip_prefix("would write alpha/"))
        .collect();
    assert_eq!(listed, FILES);
    assert!(!stderr.contains("wrote"), "{stderr}");
    assert!(tree(tmp.path()).is_empty(), "{:?}", tree(tmp.path()));
}

#[test]
fn a_directory_under_a_regular_file_fails_cleanly() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(tmp.path().join("file"), "x").unwrap();
    let stderr = assert_exit(&init_in(tmp.path(), &["file/alpha"]), 2);
    assert!(
        stderr.contains("cannot create the directory `file/alpha`"),
        "{stderr}"
    );
    assert_eq!(tree(tmp.path()), ["file"]);
}

#[test]
fn a_target_that_is_a_directory_is_refused_even_with_force() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("alpha");
    fs::create_dir_all(dir.join("kustomization.yaml")).unwrap();
    let stderr = assert_exit(&init_in(tmp.path(), &["alpha", "--force"]), 2);
    assert!(
        stderr.contains("`alpha/kustomization.yaml` is a directory"),
        "{stderr}"
    );
    assert_eq!(tree(&dir), ["kustomization.yaml/"]);
}

#[test]
fn a_failure_midway_removes_what_the_run_wrote() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("alpha");
    // The temporary name of the seventh file is taken: six files are on disk by then.
    let collision = dir.join("manifests/.serve.yaml.mlk-init.tmp");
    fs::create_dir_all(&collision).unwrap();
    fs::write(dir.join("README.md"), "ours\n").unwrap();
    let stderr = assert_exit(&init_in(tmp.path(), &["alpha", "--force"]), 2);
    assert!(
        stderr.contains("cannot create `alpha/manifests/.serve.yaml.mlk-init.tmp`"),
        "{stderr}"
    );
    assert_eq!(
        tree(&dir),
        [
            "README.md",
            "manifests/",
            "manifests/.serve.yaml.mlk-init.tmp/"
        ]
    );
    assert_eq!(fs::read_to_string(dir.join("README.md")).unwrap(), "ours\n");
}
