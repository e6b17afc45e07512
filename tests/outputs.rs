//! Outputs that are not regular files: a FIFO and a device are written through (never replaced
//! by a renamed file), and a symbolic link keeps pointing at the file it names.

use std::path::Path;

const INPUT: &str = "tests/cmd/check-xliff.in/app.po";

fn export_to(out: &Path, force: bool) -> std::process::Output {
    let mut c = crate::bitext();
    c.args(["export", INPUT, "--format", "tsv", "-o"]).arg(out);
    if force {
        c.arg("--force");
    }
    c.output().unwrap()
}

fn expected() -> Vec<u8> {
    crate::bitext()
        .args(["export", INPUT, "--format", "tsv"])
        .output()
        .unwrap()
        .stdout
}

#[cfg(unix)]
#[test]
fn a_fifo_is_written_through() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success(), "mkfifo");
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read(fifo).unwrap())
    };
    let out = export_to(&fifo, false);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Checked before joining the reader, which would wait for ever on a replaced FIFO.
    assert!(std::fs::symlink_metadata(&fifo)
        .unwrap()
        .file_type()
        .is_fifo());
    assert_eq!(reader.join().unwrap(), expected());
}

#[cfg(unix)]
#[test]
fn a_full_device_is_an_error_and_stays_a_device() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    let full = dir.path().join("full");
    // /dev/full's numbers (1, 7); making a device node needs root, as CI and this project's
    // machines run.
    let made = std::process::Command::new("mknod")
        .arg(&full)
        .args(["c", "1", "7"])
        .status()
        .unwrap();
    if !made.success() {
        use std::io::Write;
        let _ = writeln!(std::io::stderr(), "skipped: mknod needs root");
        return;
    }
    let out = export_to(&full, true);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("No space left on device"), "{stderr}");
    assert!(std::fs::symlink_metadata(&full)
        .unwrap()
        .file_type()
        .is_char_device());
}

#[cfg(unix)]
#[test]
fn a_symlink_keeps_pointing_at_its_file() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.tsv");
    let link = dir.path().join("link.tsv");
    std::fs::write(&real, "old\n").unwrap();
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let refused = export_to(&link, false);
    assert_eq!(
        refused.status.code(),
        Some(2),
        "an existing file needs --force"
    );
    assert_eq!(std::fs::read(&real).unwrap(), b"old\n");
    let out = export_to(&link, true);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(std::fs::read(&real).unwrap(), expected());
}
