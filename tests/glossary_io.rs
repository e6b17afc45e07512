//! Glossary round trips on the real glossary: TOML → TBX (both dialects) → TOML and
//! TOML → CSV → TOML lose nothing.

use std::path::Path;
use std::process::Command;

fn bitext(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_bitext"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
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
    let reference = bitext(&["glossary", "export", "glossary", "--format", "csv"]);
    assert!(reference.lines().count() > 100, "the whole glossary");
    for format in ["tbx-basic", "tbx2008", "csv"] {
        let exported = path(&format!("g.{format}"));
        bitext(&[
            "glossary", "export", "glossary", "--format", format, "-o", &exported,
        ]);
        let toml = path(&format!("{format}.toml"));
        bitext(&["glossary", "import", &exported, "-o", &toml]);
        let back = bitext(&["glossary", "export", &toml, "--format", "csv"]);
        assert_eq!(back, reference, "{format}");
    }
    assert!(Path::new(&path("tbx-basic.toml")).exists());
}
