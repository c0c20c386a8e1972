//! Writes a set of files all or nothing. Every check comes first (no file exists unless
//! `--force`, no target is a directory); then each file goes to a temporary name beside its
//! target, and only when all of them are on disk are they renamed into place. On any
//! failure everything this run created is removed and overwritten files get their old
//! content back, so a failed `mlk init` leaves the directory as it found it.
use std::fs::{self, OpenOptions};
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// A file to write: its path relative to the scaffold directory, and its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Planned {
    pub path: PathBuf,
    pub text: String,
}

impl Planned {
    pub fn new(path: impl Into<PathBuf>, text: String) -> Self {
        Planned {
            path: path.into(),
            text,
        }
    }
}

/// Where a file goes, as the user would type it: `.`-relative paths lose their `./`.
pub fn target(dir: &Path, relative: &Path) -> PathBuf {
    if dir == Path::new(".") {
        relative.to_path_buf()
    } else {
        dir.join(relative)
    }
}

/// What this run did so far, to undo it.
#[derive(Default)]
struct Undo {
    /// Directories created, parents first.
    dirs: Vec<PathBuf>,
    /// Temporary files not renamed yet.
    temps: Vec<PathBuf>,
    /// Targets renamed into place, with the content they replaced.
    placed: Vec<(PathBuf, Option<Vec<u8>>)>,
}

impl Undo {
    /// Best effort: each step is tried even when an earlier one fails.
    fn roll_back(self) {
        for temp in &self.temps {
            let _ = fs::remove_file(temp);
        }
        for (path, old) in self.placed.iter().rev() {
            let _ = match old {
                Some(bytes) => fs::write(path, bytes),
                None => fs::remove_file(path),
            };
        }
        for dir in self.dirs.iter().rev() {
            let _ = fs::remove_dir(dir);
        }
    }
}

/// Writes `files` under `dir` (created if missing) and returns their relative paths in
/// order. With `dry_run` it checks everything and writes nothing.
pub fn write_all(
    dir: &Path,
    files: &[Planned],
    force: bool,
    dry_run: bool,
) -> Result<Vec<PathBuf>> {
    let old = check(dir, files, force)?;
    let paths: Vec<PathBuf> = files.iter().map(|f| f.path.clone()).collect();
    if dry_run {
        return Ok(paths);
    }
    let mut undo = Undo::default();
    match write(dir, files, old, &mut undo) {
        Ok(()) => Ok(paths),
        Err(e) => {
            undo.roll_back();
            Err(e)
        }
    }
}

/// Refuses existing files without `force` (naming every one of them) and targets that are
/// directories; returns the current content of each target that exists.
fn check(dir: &Path, files: &[Planned], force: bool) -> Result<Vec<Option<Vec<u8>>>> {
    let mut existing = Vec::new();
    let mut old = Vec::new();
    for f in files {
        let target = target(dir, &f.path);
        match fs::symlink_metadata(&target) {
            Ok(meta) if meta.is_dir() => {
                return Err(Error::usage(
                    format!("`{}` is a directory", target.display()),
                    "mlk init writes a file there: move the directory away",
                ));
            }
            Ok(_) if !force => {
                existing.push(target.display().to_string());
                old.push(None);
            }
            Ok(_) => old.push(Some(
                fs::read(&target).map_err(|e| Error::io("read", &target, e))?,
            )),
            Err(e) if e.kind() == ErrorKind::NotFound || e.kind() == ErrorKind::NotADirectory => {
                old.push(None)
            }
            Err(e) => return Err(Error::io("inspect", &target, e)),
        }
    }
    if !existing.is_empty() {
        let list = existing
            .iter()
            .map(|p| format!("`{p}`"))
            .collect::<Vec<_>>()
            .join(", ");
        let message = match existing.len() {
            1 => format!("{list} already exists"),
            n => format!("{n} files already exist: {list}"),
        };
        return Err(Error::usage(
            format!("{message}; nothing was written"),
            "mlk init never overwrites a file: move it away, or pass `--force` to overwrite",
        ));
    }
    Ok(old)
}

fn write(dir: &Path, files: &[Planned], old: Vec<Option<Vec<u8>>>, undo: &mut Undo) -> Result<()> {
    let mut staged = Vec::new();
    for f in files {
        let target = target(dir, &f.path);
        let parent = target.parent().unwrap_or(dir);
        create_dirs(parent, undo)?;
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let temp = parent.join(format!(".{name}.mlk-init.tmp"));
        // `create_new`: a file of that name is someone else's, never to be clobbered.
        let mut file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)
            .map_err(|e| Error::io("create", &temp, e))?;
        undo.temps.push(temp.clone());
        file.write_all(f.text.as_bytes())
            .and_then(|()| file.sync_all())
            .map_err(|e| Error::io("write", &temp, e))?;
        staged.push((temp, target));
    }
    for ((temp, target), previous) in staged.into_iter().zip(old) {
        fs::rename(&temp, &target).map_err(|e| Error::io("rename into", &target, e))?;
        undo.temps.retain(|t| t != &temp);
        undo.placed.push((target, previous));
    }
    Ok(())
}

/// Creates `dir` and its missing parents, recording each one created.
fn create_dirs(dir: &Path, undo: &mut Undo) -> Result<()> {
    let mut missing = Vec::new();
    for ancestor in dir.ancestors() {
        if ancestor.as_os_str().is_empty() || fs::symlink_metadata(ancestor).is_ok() {
            break;
        }
        missing.push(ancestor.to_path_buf());
    }
    for d in missing.into_iter().rev() {
        fs::create_dir(&d).map_err(|e| Error::io("create the directory", &d, e))?;
        undo.dirs.push(d);
    }
    Ok(())
}
