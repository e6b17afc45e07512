//! Writing results: stdout, atomic files, errors.

use anyhow::{bail, Context};
use std::io::{BufWriter, Write};
use std::path::Path;

pub fn stdout() -> BufWriter<std::io::StdoutLock<'static>> {
    BufWriter::new(std::io::stdout().lock())
}

/// Writes `bytes` to standard output.
pub fn print(bytes: &[u8]) -> std::io::Result<()> {
    let mut out = stdout();
    out.write_all(bytes)?;
    out.flush()
}

/// An error when `path` exists and `--force` was not given: called before any work is done, and
/// again by [`write_atomic`].
pub fn refuse_existing(path: &Path, force: bool) -> anyhow::Result<()> {
    // A device or a FIFO is written through, not replaced: no --force needed.
    let regular = std::fs::metadata(path).is_ok_and(|m| m.is_file());
    if regular && !force {
        bail!("{} exists; use --force to overwrite it", path.display());
    }
    Ok(())
}

/// Prints an error and its causes to stderr.
pub fn print_error(err: &anyhow::Error) {
    let mut stderr = anstream::stderr().lock();
    let _ = writeln!(stderr, "error: {err}");
    for cause in err.chain().skip(1) {
        let _ = writeln!(stderr, "  caused by: {cause}");
    }
}

/// Prints a note (what was done, counts) to stderr.
pub fn note(message: &str) {
    let mut stderr = anstream::stderr().lock();
    let _ = writeln!(stderr, "note: {message}");
}

/// Prints a warning to stderr.
pub fn warn(message: &str) {
    let mut stderr = anstream::stderr().lock();
    let _ = writeln!(stderr, "warning: {message}");
}

/// Writes `contents` to `path` atomically: a temporary file in the same
/// directory, renamed over the target. Refuses to replace an existing file
/// unless `force`.
pub fn write_atomic(path: &Path, contents: &[u8], force: bool) -> anyhow::Result<()> {
    let mut f = AtomicFile::create(path, force)?;
    f.write_all(contents)
        .with_context(|| format!("cannot write {}", f.path.display()))?;
    f.commit()
}

/// A file written as it is made, which replaces `path` only when complete (see [`write_atomic`]):
/// a large output is never held whole in memory, and an interrupted run leaves the old file.
pub struct AtomicFile {
    path: std::path::PathBuf,
    inner: AtomicInner,
}

enum AtomicInner {
    /// A device or a FIFO, written through.
    Through(std::io::BufWriter<std::fs::File>),
    Temp(std::io::BufWriter<tempfile::NamedTempFile>),
}

impl AtomicFile {
    pub fn create(path: &Path, force: bool) -> anyhow::Result<AtomicFile> {
        refuse_existing(path, force)?;
        // A symbolic link keeps being one: its target is written.
        let path = if std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
            std::fs::canonicalize(path).or_else(|_| {
                std::fs::read_link(path).map(|t| path.parent().unwrap_or(Path::new(".")).join(t))
            })?
        } else {
            path.to_path_buf()
        };
        // A device or a FIFO (/dev/stdout, a pipe, /dev/null) is written through: renaming a
        // file over it would replace the device.
        if std::fs::metadata(&path).is_ok_and(|m| !m.is_file() && !m.is_dir()) {
            let f = std::fs::OpenOptions::new()
                .write(true)
                .open(&path)
                .with_context(|| format!("cannot write {}", path.display()))?;
            return Ok(AtomicFile {
                path,
                inner: AtomicInner::Through(std::io::BufWriter::new(f)),
            });
        }
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => Path::new(".").to_path_buf(),
        };
        if !dir.is_dir() {
            bail!("{}: no such directory", dir.display());
        }
        // tempfile's error names its random file; the kind of error is what the user needs.
        let tmp = tempfile::NamedTempFile::new_in(&dir)
            .map_err(|e| std::io::Error::from(e.kind()))
            .with_context(|| format!("cannot create a file in {}", dir.display()))?;
        Ok(AtomicFile {
            path,
            inner: AtomicInner::Temp(std::io::BufWriter::new(tmp)),
        })
    }

    /// Flushes and puts the file in place.
    pub fn commit(self) -> anyhow::Result<()> {
        let path = self.path;
        match self.inner {
            AtomicInner::Through(mut w) => w
                .flush()
                .with_context(|| format!("cannot write {}", path.display())),
            AtomicInner::Temp(w) => {
                let tmp = w
                    .into_inner()
                    .map_err(|e| e.into_error())
                    .with_context(|| format!("cannot write {}", path.display()))?;
                #[cfg(unix)]
                {
                    use std::os::unix::fs::PermissionsExt;
                    // tempfile creates 0600; give the file the usual mode of a new file.
                    let mode = std::fs::metadata(&path).map_or(0o644, |m| m.permissions().mode());
                    std::fs::set_permissions(tmp.path(), std::fs::Permissions::from_mode(mode))
                        .with_context(|| format!("cannot write {}", path.display()))?;
                }
                tmp.persist(&path)
                    .with_context(|| format!("cannot write {}", path.display()))?;
                Ok(())
            }
        }
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match &mut self.inner {
            AtomicInner::Through(w) => w.write(buf),
            AtomicInner::Temp(w) => w.write(buf),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match &mut self.inner {
            AtomicInner::Through(w) => w.flush(),
            AtomicInner::Temp(w) => w.flush(),
        }
    }
}
