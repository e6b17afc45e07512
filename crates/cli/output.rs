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
    refuse_existing(path, force)?;
    // A symbolic link keeps being one: its target is written.
    let resolved;
    let path = if std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        resolved = std::fs::canonicalize(path).or_else(|_| {
            std::fs::read_link(path).map(|t| path.parent().unwrap_or(Path::new(".")).join(t))
        })?;
        resolved.as_path()
    } else {
        path
    };
    // A device or a FIFO (/dev/stdout, a pipe, /dev/null) is written through: renaming a file
    // over it would replace the device.
    if std::fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir()) {
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .open(path)
            .with_context(|| format!("cannot write {}", path.display()))?;
        f.write_all(contents)
            .and_then(|()| f.flush())
            .with_context(|| format!("cannot write {}", path.display()))?;
        return Ok(());
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if !dir.is_dir() {
        bail!("{}: no such directory", dir.display());
    }
    // tempfile's error names its random file; the kind of error is what the user needs.
    let mut tmp = tempfile::NamedTempFile::new_in(dir)
        .map_err(|e| std::io::Error::from(e.kind()))
        .with_context(|| format!("cannot create a file in {}", dir.display()))?;
    tmp.write_all(contents)
        .and_then(|()| tmp.flush())
        .with_context(|| format!("cannot write {}", path.display()))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // tempfile creates 0600; give the file the usual mode of a new file.
        let mode = std::fs::metadata(path).map_or(0o644, |m| m.permissions().mode());
        std::fs::set_permissions(tmp.path(), std::fs::Permissions::from_mode(mode))
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    tmp.persist(path)
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}
