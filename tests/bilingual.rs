//! Bilingual files as CAT tools write them: `check --fix` on an SDLXLIFF and a PO file rewrites
//! the replaced renderings and not one other byte.

/// The bytes where two files differ: the old and the new middle after their common prefix and
/// suffix.
fn changed<'a>(old: &'a [u8], new: &'a [u8]) -> (&'a [u8], &'a [u8]) {
    let prefix = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    let suffix = old[prefix..]
        .iter()
        .rev()
        .zip(new[prefix..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    (
        &old[prefix..old.len() - suffix],
        &new[prefix..new.len() - suffix],
    )
}

#[test]
fn fix_rewrites_only_the_replaced_renderings() {
    let dir = tempfile::tempdir().unwrap();
    let src = std::path::Path::new("tests/cmd/check-xliff.in");
    for name in ["project.sdlxliff", "app.po"] {
        std::fs::copy(src.join(name), dir.path().join(name)).unwrap();
    }
    let out = crate::bitext()
        .args(["check", "--fix", "-g", "glossary"])
        .arg(dir.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("replaced 2 deprecated renderings in 2 files"),
        "{stderr}"
    );
    for name in ["project.sdlxliff", "app.po"] {
        let old = std::fs::read(src.join(name)).unwrap();
        let new = std::fs::read(dir.path().join(name)).unwrap();
        // `my country` → `China`: the longest common prefix and suffix leave just these bytes.
        assert_eq!(
            changed(&old, &new),
            (&b"my country"[..], &b"China"[..]),
            "{name}"
        );
    }
    // The SDL segment with an entity after the fix still reads, with the rendering replaced.
    let export = crate::bitext()
        .args(["export", "--format", "tsv"])
        .arg(dir.path().join("project.sdlxliff"))
        .output()
        .unwrap();
    let tsv = String::from_utf8_lossy(&export.stdout);
    assert!(tsv.contains("in China & the region"), "{tsv}");
}
