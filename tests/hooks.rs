//! `.pre-commit-hooks.yaml`: the hook names every file kind bitext checks (but bitext's own JSONL
//! and TSV, which other tools write too), and its entry, run on staged files as pre-commit runs
//! it, checks them.

use std::path::Path;

fn field<'a>(yaml: &'a str, key: &str) -> &'a str {
    yaml.lines()
        .find_map(|l| l.trim().strip_prefix(key))
        .unwrap_or_else(|| panic!("no {key} in .pre-commit-hooks.yaml"))
        .trim()
        .trim_matches('\'')
}

#[test]
fn the_hook_names_every_translation_file_and_its_entry_checks_them() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let yaml = std::fs::read_to_string(root.join(".pre-commit-hooks.yaml")).unwrap();
    let files = field(&yaml, "files:");
    let listed: Vec<&str> = files
        .trim_start_matches("\\.(")
        .trim_end_matches(")$")
        .split('|')
        .collect();
    for ext in bitext_io::extensions().filter(|e| !["jsonl", "ndjson", "tsv"].contains(e)) {
        assert!(listed.contains(&ext), "the hook misses .{ext}");
    }
    assert!(listed.contains(&"txt"));
    let entry: Vec<&str> = field(&yaml, "entry:").split_whitespace().collect();
    assert_eq!(entry, ["bitext", "check"]);
    // As pre-commit runs it: the entry, then the staged file names.
    let out = crate::bitext()
        .current_dir(root.join("tests/cmd/check-segments.in"))
        .arg(entry[1])
        .args(["-g", "../../../glossary", "project.xlf"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "findings fail the commit");
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(report.contains("repeated-words"), "{report}");
}
