//! The precision set of `tests/precision`: official English and official translations of the
//! domain get no finding a reviser would call wrong, and the real faults of machine translations
//! stay found. Every finding is judged in `tests/precision/judged.tsv`.

use std::collections::BTreeSet;

/// (path, line, rule, found) of each judgement, and whether it is true.
fn judged() -> Vec<((String, u64, String, String), bool)> {
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/precision/judged.tsv"),
    )
    .unwrap();
    text.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert!(f.len() >= 5, "bad judgement: {l}");
            let key = (
                f[0].to_owned(),
                f[1].parse().unwrap(),
                f[2].to_owned(),
                f[3].to_owned(),
            );
            (key, f[4] == "true")
        })
        .collect()
}

fn findings(dirs: &[&str]) -> Vec<(String, u64, String, String)> {
    let out = crate::bitext()
        .args(["check", "--format", "json", "--exit-zero"])
        .args(dirs)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["path"].as_str().unwrap().to_owned(),
                f["line"].as_u64().unwrap(),
                f["rule"].as_str().unwrap().to_owned(),
                f["found"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[test]
fn official_texts_get_no_false_finding() {
    let judged = judged();
    for f in findings(&["tests/precision/official", "tests/precision/pairs"]) {
        let verdict = judged.iter().find(|(k, _)| *k == f).map(|(_, v)| *v);
        assert_eq!(
            verdict,
            Some(true),
            "finding on an official text, not judged true: {f:?}"
        );
    }
}

#[test]
fn machine_translation_faults_stay_found() {
    let found: BTreeSet<_> = findings(&["tests/precision/mt"]).into_iter().collect();
    let expected: Vec<_> = judged()
        .into_iter()
        .filter(|((path, ..), verdict)| *verdict && path.starts_with("tests/precision/mt/"))
        .map(|(k, _)| k)
        .collect();
    assert!(expected.len() >= 10);
    for k in &expected {
        assert!(found.contains(k), "a real fault is no longer found: {k:?}");
    }
    for f in &found {
        assert!(
            expected.contains(f),
            "a finding on machine translation that is not judged: {f:?}"
        );
    }
}
