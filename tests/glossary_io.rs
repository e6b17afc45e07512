//! Glossary round trips on the real glossary: TOML → TBX (both dialects) → TOML and
//! TOML → CSV → TOML lose nothing.

use std::path::Path;

/// Runs the binary, which must succeed, and returns its standard output.
fn run(args: &[&str]) -> String {
    let out = crate::bitext().args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_glossary_survives_tbx_and_csv() {
    let dir = tempfile::tempdir().unwrap();
    let path = |name: &str| dir.path().join(name).to_string_lossy().into_owned();
    // CSV has a column for every field, so equal CSV means equal concepts.
    let reference = run(&["glossary", "export", "glossary", "--format", "csv"]);
    assert!(reference.lines().count() > 100, "the whole glossary");
    for format in ["tbx-basic", "tbx2008", "csv"] {
        let exported = path(&format!("g.{format}"));
        run(&[
            "glossary", "export", "glossary", "--format", format, "-o", &exported,
        ]);
        let toml = path(&format!("{format}.toml"));
        run(&["glossary", "import", &exported, "-o", &toml]);
        let back = run(&["glossary", "export", &toml, "--format", "csv"]);
        assert_eq!(back, reference, "{format}");
    }
    assert!(Path::new(&path("tbx-basic.toml")).exists());
}
