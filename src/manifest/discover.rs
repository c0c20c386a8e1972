//! From the paths a user gave to a sorted list of files to lint.
//!
//! - A named file is taken whatever its extension; a named directory is walked recursively
//!   for `*.yaml`, `*.yml` and `*.json` (any case); `-` is standard input.
//! - Inside a walk, hidden entries (`.git`, `.github`, `.pre-commit-config.yaml`) are
//!   skipped: they hold tooling, not manifests. So is the `templates` directory of a Helm
//!   chart (a directory with a `Chart.yaml`): its files are Go templates, which become
//!   Kubernetes YAML only once rendered; the skipped directories are listed so that the
//!   user can be told. A named hidden path or templates directory is still taken.
//! - Files that a kustomization in a walked directory names as patches (`patches[].path`,
//!   `patchesStrategicMerge`, `patchesJson6902[].path`) are partial objects or JSON
//!   patches, not manifests: a walk leaves them out and lists them. A patch is known by its
//!   device and inode, as a file reached twice is. A named patch is still taken.
//! - Symlinks found inside a walk are skipped unless `follow_symlinks` is set; a symlink
//!   named by the user is always followed. With `follow_symlinks`, each directory is walked
//!   once, known by its device and inode, so a link loop ends instead of recursing forever.
//! - Paths are shown as the user wrote them, joined with what the walk found: no absolute
//!   path appears unless the user gave one. The list is sorted by that display path,
//!   bytewise, and a file reached twice (`a.yaml ./a.yaml`, or a link and its target) is
//!   kept once, under the first display path in that order.
//! - A path that cannot be read is a [`DiscoverProblem`]; the rest goes on.
//!
//! The walk is written here on `std::fs` rather than with `walkdir` or `ignore`: it is a
//! few dozen lines, it needs the visited-directory set across the whole run (those crates
//! only guard against a link back to an ancestor), and `ignore` would also apply
//! `.gitignore` files, which would make a CI lint skip files the user named by directory.
use std::collections::{HashMap, HashSet};
use std::fs::{self, Metadata};
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// How [`discover`] walks directories.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DiscoverOptions {
    /// Follow symlinks found inside directories (named symlinks are always followed).
    pub follow_symlinks: bool,
}

/// Where a file's bytes come from.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum InputSource {
    Stdin,
    File(PathBuf),
}

/// One file to lint.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct InputFile {
    /// The path as the user should see it: `<stdin>` for standard input.
    pub display: String,
    pub source: InputSource,
}

impl InputFile {
    /// A file on disk, shown as its path.
    fn at(path: &Path) -> InputFile {
        InputFile {
            display: path.to_string_lossy().into_owned(),
            source: InputSource::File(path.to_owned()),
        }
    }

    /// Reads at most `max_bytes + 1` bytes, so that an oversized file is detected by
    /// [`super::load()`] without ever being held in memory whole.
    pub fn read(&self, max_bytes: u64) -> io::Result<Vec<u8>> {
        let mut bytes = Vec::new();
        let limit = max_bytes.saturating_add(1);
        match &self.source {
            InputSource::Stdin => io::stdin().lock().take(limit).read_to_end(&mut bytes)?,
            InputSource::File(path) => {
                let file = fs::File::open(path)?;
                // Sized from the metadata, the buffer is filled without being regrown.
                let size = file.metadata().map_or(0, |m| m.len()).min(limit);
                bytes.reserve_exact(usize::try_from(size).unwrap_or(0).saturating_add(1));
                file.take(limit).read_to_end(&mut bytes)?
            }
        };
        Ok(bytes)
    }
}

/// A path that could not be used; the run goes on without it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiscoverProblem {
    pub path: String,
    pub message: String,
}

/// What [`discover`] found.
#[derive(Debug, Default)]
pub struct Discovered {
    /// Sorted by display path.
    pub files: Vec<InputFile>,
    pub problems: Vec<DiscoverProblem>,
    /// The `templates` directories of Helm charts that the walk did not enter, as display
    /// paths, sorted.
    pub helm_templates: Vec<String>,
    /// Kustomize patches the walk left out, sorted by file.
    pub kustomize_patches: Vec<KustomizePatch>,
}

/// A file left out of a walk because a kustomization names it as a patch.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KustomizePatch {
    /// The patch, as a display path.
    pub file: String,
    /// The directory of the kustomization that names it, as a display path.
    pub kustomization: String,
}

/// The file names kustomize reads a kustomization from.
const KUSTOMIZATION_NAMES: [&str; 3] = ["kustomization.yaml", "kustomization.yml", "Kustomization"];

/// The files to lint under `paths`; see the module docs for the rules.
pub fn discover(paths: &[PathBuf], opts: &DiscoverOptions) -> Discovered {
    let mut walk = Walk {
        opts,
        files: Vec::new(),
        problems: Vec::new(),
        helm_templates: Vec::new(),
        patches: HashMap::new(),
        visited: HashSet::new(),
    };
    for path in paths {
        if path.as_os_str() == "-" {
            walk.files.push(Found {
                file: InputFile {
                    display: "<stdin>".to_owned(),
                    source: InputSource::Stdin,
                },
                id: None,
                walked: false,
            });
            continue;
        }
        match fs::metadata(path) {
            Ok(meta) if meta.is_dir() => walk.dir(path, &meta),
            Ok(meta) => walk.file(path, &meta, false),
            Err(err) => walk.problem(path, &err),
        }
    }
    let Walk {
        mut files,
        problems,
        mut helm_templates,
        patches,
        ..
    } = walk;
    helm_templates.sort();
    helm_templates.dedup();
    let mut kustomize_patches = Vec::new();
    files.retain(|f| {
        let kustomization = f.id.filter(|_| f.walked).and_then(|id| patches.get(&id));
        if let Some(kustomization) = kustomization {
            kustomize_patches.push(KustomizePatch {
                file: f.file.display.clone(),
                kustomization: kustomization.clone(),
            });
        }
        kustomization.is_none()
    });
    files.sort_by(|a, b| a.file.display.as_bytes().cmp(b.file.display.as_bytes()));
    let mut seen_ids = HashSet::new();
    let mut seen_displays = HashSet::new();
    files.retain(|f| {
        let new_id = f.id.is_none_or(|id| seen_ids.insert(id));
        new_id && seen_displays.insert(f.file.display.clone())
    });
    kustomize_patches.sort_by(|a, b| a.file.cmp(&b.file));
    kustomize_patches.dedup_by(|a, b| a.file == b.file);
    Discovered {
        files: files.into_iter().map(|f| f.file).collect(),
        problems,
        helm_templates,
        kustomize_patches,
    }
}

/// Identifies a file or directory across different paths to it.
type FileId = (u64, u64);

#[cfg(unix)]
fn file_id(meta: &Metadata) -> Option<FileId> {
    use std::os::unix::fs::MetadataExt;
    Some((meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
fn file_id(_meta: &Metadata) -> Option<FileId> {
    None
}

struct Found {
    file: InputFile,
    id: Option<FileId>,
    /// Found by walking a directory, rather than named.
    walked: bool,
}

struct Walk<'o> {
    opts: &'o DiscoverOptions,
    files: Vec<Found>,
    problems: Vec<DiscoverProblem>,
    helm_templates: Vec<String>,
    /// The patches named by kustomizations in walked directories, known like every file by
    /// their device and inode, with the display path of each kustomization's directory.
    patches: HashMap<FileId, String>,
    visited: HashSet<FileId>,
}

impl Walk<'_> {
    fn problem(&mut self, path: &Path, err: &io::Error) {
        let message = match err.kind() {
            io::ErrorKind::NotFound => "no such file or directory".to_owned(),
            io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
            _ => err.to_string(),
        };
        self.problems.push(DiscoverProblem {
            path: path.to_string_lossy().into_owned(),
            message,
        });
    }

    fn file(&mut self, path: &Path, meta: &Metadata, walked: bool) {
        self.files.push(Found {
            file: InputFile::at(path),
            id: file_id(meta),
            walked,
        });
    }

    /// Records the patches that the kustomization at `path`, in `dir`, names. One that
    /// cannot be read or parsed names none here: linting it reports why.
    fn kustomization(&mut self, path: &Path, dir: &Path) {
        let limits = super::Limits::default();
        let file = InputFile::at(path);
        let Ok(bytes) = file.read(limits.max_bytes) else {
            return;
        };
        let source = super::load_owned(&file.display, bytes, &limits);
        for doc in &source.documents {
            for patch in patch_paths(&doc.root) {
                if let Some(id) = fs::metadata(dir.join(patch))
                    .ok()
                    .as_ref()
                    .and_then(file_id)
                {
                    self.patches
                        .entry(id)
                        .or_insert_with(|| dir.to_string_lossy().into_owned());
                }
            }
        }
    }

    /// Walks with an explicit stack: a directory tree deeper than the thread's stack must
    /// not crash the run.
    fn dir(&mut self, root: &Path, meta: &Metadata) {
        if let Some(id) = file_id(meta)
            && !self.visited.insert(id)
        {
            return;
        }
        let mut pending = vec![root.to_owned()];
        while let Some(dir) = pending.pop() {
            let chart = dir.join("Chart.yaml").is_file();
            let entries = match fs::read_dir(&dir) {
                Ok(entries) => entries,
                Err(err) => {
                    self.problem(&dir, &err);
                    continue;
                }
            };
            for entry in entries {
                let entry = match entry {
                    Ok(entry) => entry,
                    Err(err) => {
                        self.problem(&dir, &err);
                        continue;
                    }
                };
                if entry.file_name().as_encoded_bytes().starts_with(b".") {
                    continue;
                }
                let path = entry.path();
                let Ok(file_type) = entry.file_type() else {
                    continue;
                };
                let meta = if file_type.is_symlink() {
                    if !self.opts.follow_symlinks {
                        continue;
                    }
                    // A dangling link inside a walk is not something the user asked for.
                    let Ok(meta) = fs::metadata(&path) else {
                        continue;
                    };
                    meta
                } else {
                    match entry.metadata() {
                        Ok(meta) => meta,
                        Err(err) => {
                            self.problem(&path, &err);
                            continue;
                        }
                    }
                };
                if meta.is_dir() {
                    if chart && entry.file_name() == "templates" {
                        self.helm_templates
                            .push(path.to_string_lossy().into_owned());
                        continue;
                    }
                    // Without a file id to recognise a loop, a linked directory is not entered.
                    let enter = match file_id(&meta) {
                        Some(id) => self.visited.insert(id),
                        None => !file_type.is_symlink(),
                    };
                    if enter {
                        pending.push(path);
                    }
                } else if meta.is_file() {
                    let name = entry.file_name();
                    if KUSTOMIZATION_NAMES.iter().any(|k| name == *k) {
                        self.kustomization(&path, &dir);
                    }
                    if has_manifest_extension(&path) {
                        self.file(&path, &meta, true);
                    }
                }
            }
        }
    }
}

/// The files a kustomization names as patches; inline patches name none.
fn patch_paths(root: &super::Node) -> Vec<&str> {
    let items = |key| {
        root.get(key)
            .and_then(super::Node::as_seq)
            .unwrap_or_default()
    };
    let mut paths: Vec<&str> = ["patches", "patchesJson6902"]
        .into_iter()
        .flat_map(items)
        .filter_map(|item| item.get("path").and_then(super::Node::as_str))
        .collect();
    paths.extend(
        items("patchesStrategicMerge")
            .iter()
            .filter_map(super::Node::as_str)
            .filter(|p| !p.contains('\n')),
    );
    paths
}

fn has_manifest_extension(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        ["yaml", "yml", "json"]
            .iter()
            .any(|x| e.eq_ignore_ascii_case(x))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn touch(dir: &Path, rel: &str) {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).unwrap();
        }
        fs::write(path, "kind: ConfigMap\n").unwrap();
    }

    /// Display paths relative to `dir`, as a user working there would see them.
    fn relative(dir: &Path, paths: impl IntoIterator<Item = String>) -> Vec<String> {
        let prefix = format!("{}/", dir.display());
        paths
            .into_iter()
            .map(|p| p.strip_prefix(&prefix).map_or(p.clone(), str::to_owned))
            .collect()
    }

    /// Runs discovery from inside `dir` so that display paths are relative, as a user's are.
    fn run(
        dir: &Path,
        paths: &[&str],
        follow_symlinks: bool,
    ) -> (Vec<String>, Vec<DiscoverProblem>) {
        let paths: Vec<PathBuf> = paths.iter().map(|p| dir.join(p)).collect();
        let Discovered {
            files, problems, ..
        } = discover(&paths, &DiscoverOptions { follow_symlinks });
        (
            relative(dir, files.into_iter().map(|f| f.display)),
            problems,
        )
    }

    #[test]
    fn walks_sorted_by_extension_skipping_hidden_entries() {
        let tmp = tempfile::tempdir().unwrap();
        let d = tmp.path();
        for rel in [
            "b.yaml",
            "a.yml",
            "C.JSON",
            "z/x.yaml",
            "notes.txt",
            "README.md",
            ".hidden.yaml",
            ".git/config.yaml",
            "y/.cache/a.yaml",
            "a-b.yaml",
        ] {
            touch(d, rel);
        }
        let (files, problems) = run(d, &["."], false);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(
            files,
            vec![
                "./C.JSON",
                "./a-b.yaml",
                "./a.yml",
                "./b.yaml",
                "./z/x.yaml"
            ]
        );
    }

    #[test]
    fn named_files_keep_any_extension_and_duplicates_collapse() {
        let tmp = tempfile::tempdir().unwrap();
        let d = tmp.path();
        touch(d, "manifest.txt");
        touch(d, ".hidden.yaml");
        touch(d, "dir/a.yaml");
        let (files, problems) = run(
            d,
            &[
                "manifest.txt",
                ".hidden.yaml",
                "dir",
                "dir/a.yaml",
                "manifest.txt",
            ],
            false,
        );
        assert!(problems.is_empty());
        assert_eq!(files, vec![".hidden.yaml", "dir/a.yaml", "manifest.txt"]);
    }

    #[test]
    fn missing_paths_are_problems_and_the_rest_goes_on() {
        let tmp = tempfile::tempdir().unwrap();
        touch(tmp.path(), "a.yaml");
        let (files, problems) = run(tmp.path(), &["nope.yaml", "a.yaml"], false);
        assert_eq!(files, vec!["a.yaml"]);
        assert_eq!(problems.len(), 1);
        assert!(problems[0].path.ends_with("nope.yaml"));
        assert_eq!(problems[0].message, "no such file or directory");
    }

    #[test]
    fn helm_chart_templates_are_skipped_and_listed_unless_named() {
        let tmp = tempfile::tempdir().unwrap();
        let d = tmp.path();
        for rel in [
            "chart/Chart.yaml",
            "chart/values.yaml",
            "chart/crds/crd.yaml",
            "chart/templates/deploy.yaml",
            "chart/charts/sub/Chart.yaml",
            "chart/charts/sub/templates/svc.yaml",
            "plain/templates/pod.yaml",
        ] {
            touch(d, rel);
        }
        let found = discover(&[d.to_owned()], &DiscoverOptions::default());
        assert_eq!(
            relative(d, found.files.into_iter().map(|f| f.display)),
            [
                "chart/Chart.yaml",
                "chart/charts/sub/Chart.yaml",
                "chart/crds/crd.yaml",
                "chart/values.yaml",
                "plain/templates/pod.yaml",
            ]
        );
        assert_eq!(
            relative(d, found.helm_templates),
            ["chart/charts/sub/templates", "chart/templates"]
        );
        // A templates directory named by the user is linted as asked.
        let (files, _) = run(d, &["chart/templates"], false);
        assert_eq!(files, ["chart/templates/deploy.yaml"]);
    }

    #[test]
    fn kustomize_patches_are_left_out_of_walks_and_listed_unless_named() {
        let tmp = tempfile::tempdir().unwrap();
        let d = tmp.path();
        for rel in [
            "base/deploy.yaml",
            "overlay/p1.yaml",
            "overlay/p2.yaml",
            "overlay/p3.json",
            "shared/p4.yaml",
            "overlay/service.yaml",
        ] {
            touch(d, rel);
        }
        fs::write(
            d.join("overlay/kustomization.yaml"),
            "resources: [../base, service.yaml]\n\
             patches:\n- path: p1.yaml\n- patch: |-\n    kind: Deployment\n\
             patchesStrategicMerge:\n- p2.yaml\n- ../shared/p4.yaml\n- |-\n  kind: Service\n\
             patchesJson6902:\n- {path: p3.json, target: {kind: Deployment, name: web}}\n\
             - {path: missing.yaml}\n",
        )
        .unwrap();
        let found = discover(&[d.to_owned()], &DiscoverOptions::default());
        assert!(found.problems.is_empty(), "{:?}", found.problems);
        assert_eq!(
            relative(d, found.files.into_iter().map(|f| f.display)),
            [
                "base/deploy.yaml",
                "overlay/kustomization.yaml",
                "overlay/service.yaml",
            ]
        );
        let patches: Vec<(String, String)> = found
            .kustomize_patches
            .into_iter()
            .map(|p| (p.file, p.kustomization))
            .collect();
        let overlay = d.join("overlay").display().to_string();
        assert_eq!(
            relative(d, patches.iter().map(|p| p.0.clone())),
            [
                "overlay/p1.yaml",
                "overlay/p2.yaml",
                "overlay/p3.json",
                "shared/p4.yaml"
            ]
        );
        assert!(patches.iter().all(|p| p.1 == overlay), "{patches:?}");
        // A patch named by the user is linted as asked.
        let (files, _) = run(d, &["overlay/p1.yaml", "overlay"], false);
        assert_eq!(
            files,
            [
                "overlay/kustomization.yaml",
                "overlay/p1.yaml",
                "overlay/service.yaml"
            ]
        );
    }

    #[test]
    fn stdin_is_a_file() {
        let Discovered {
            files, problems, ..
        } = discover(
            &[PathBuf::from("-"), PathBuf::from("-")],
            &DiscoverOptions::default(),
        );
        assert!(problems.is_empty());
        assert_eq!(
            files,
            vec![InputFile {
                display: "<stdin>".into(),
                source: InputSource::Stdin
            }]
        );
    }

    #[test]
    fn read_stops_just_past_the_limit() {
        let tmp = tempfile::tempdir().unwrap();
        fs::write(tmp.path().join("big.yaml"), vec![b'a'; 100]).unwrap();
        let file = InputFile {
            display: "big.yaml".into(),
            source: InputSource::File(tmp.path().join("big.yaml")),
        };
        assert_eq!(file.read(10).unwrap().len(), 11);
        assert_eq!(file.read(1000).unwrap().len(), 100);
    }

    #[cfg(unix)]
    #[test]
    fn symlinks_are_skipped_in_walks_unless_followed_and_loops_end() {
        use std::os::unix::fs::symlink;
        let tmp = tempfile::tempdir().unwrap();
        let d = tmp.path();
        touch(d, "real/a.yaml");
        touch(d, "other/b.yaml");
        symlink(d.join("other/b.yaml"), d.join("real/link.yaml")).unwrap();
        symlink(d.join("other"), d.join("real/linkdir")).unwrap();
        symlink(d.join("real"), d.join("real/loop")).unwrap();
        symlink(d.join("missing"), d.join("real/dangling.yaml")).unwrap();

        let (files, problems) = run(d, &["real"], false);
        assert!(problems.is_empty());
        assert_eq!(files, vec!["real/a.yaml"]);

        let (files, problems) = run(d, &["real"], true);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(files, vec!["real/a.yaml", "real/link.yaml"]);

        // A named symlink is followed without the option.
        let (files, _) = run(d, &["real/link.yaml", "real/linkdir"], false);
        assert_eq!(files, vec!["real/link.yaml"]);
    }
}
