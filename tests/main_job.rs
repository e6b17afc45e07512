//! The README's main job: `bitext check corpus` with `glossary/`, asserted
//! on the real faults of the user's documents and on their correct
//! renderings.

use std::path::Path;

fn check_corpus(extra: &[&str]) -> (i32, serde_json::Value) {
    let out = crate::bitext()
        .args(["check", "corpus", "--format", "json"])
        .args(extra)
        .output()
        .expect("bitext runs");
    let json = serde_json::from_slice(&out.stdout).expect("JSON report");
    (out.status.code().unwrap_or(-1), json)
}

fn findings<'a>(
    report: &'a serde_json::Value,
    rule: &str,
    found: &str,
) -> Vec<&'a serde_json::Value> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == rule && f["found"].as_str().unwrap().eq_ignore_ascii_case(found))
        .collect()
}

#[test]
fn real_faults_are_reported() {
    let (code, report) = check_corpus(&[]);
    assert_eq!(code, 1, "the corpus has faults");
    // 旗 as "flag": corpus/en/002 line 11.
    let flag = findings(&report, "deprecated-term", "flag counties");
    assert_eq!(flag.len(), 1);
    assert_eq!(flag[0]["path"], "corpus/en/002_e453fcdc09f4427b.txt");
    assert_eq!(flag[0]["line"], 11);
    assert_eq!(flag[0]["term"], "banners-and-counties");
    // 我国 as "my country", in both documents.
    let mine = findings(&report, "deprecated-term", "my country");
    assert!(mine
        .iter()
        .any(|f| f["path"] == "corpus/en/000_aafadf07d820b436.txt"));
    assert!(mine
        .iter()
        .any(|f| f["path"] == "corpus/en/002_e453fcdc09f4427b.txt"));
    assert!(mine.iter().all(|f| f["expected"] == "China"));
    // 北疆 as "Northern Xinjiang", three times in 002.
    assert_eq!(
        findings(&report, "deprecated-term", "Northern Xinjiang").len(),
        3
    );
    // 铸牢中华民族共同体意识 rendered several ways in one article: every use is reported, and the
    // first one of each document says how many ways, with their counts.
    let forge: Vec<_> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "deprecated-term" && f["term"] == "forge-sense-of-community")
        .collect();
    assert!(forge.len() >= 30, "{}", forge.len());
    let noted: Vec<_> = forge
        .iter()
        .filter(|f| {
            f["message"]
                .as_str()
                .unwrap()
                .contains("this document renders 铸牢中华民族共同体意识 2 ways")
        })
        .collect();
    assert_eq!(noted.len(), 2, "one per English document");
    assert_ne!(noted[0]["path"], noted[1]["path"]);
    // Two faults no glossary lists (issue 19): 交往交流交融 as "exchanges, exchanges and
    // integration", and a list whose last two items are one.
    let exchanges = findings(&report, "repeated-words", "exchanges");
    assert!(exchanges.len() >= 10, "{}", exchanges.len());
    let happiness = findings(&report, "repeated-words", "the happiness of the people");
    assert_eq!(happiness.len(), 1);
    assert_eq!(happiness[0]["path"], "corpus/en/000_aafadf07d820b436.txt");
    assert_eq!(happiness[0]["line"], 3);
    // A deprecated rendering is reported once, under one glossary rule.
    let glossary_rules = ["deprecated-term", "term-mismatch", "near-miss"];
    let mut spans: Vec<_> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| glossary_rules.iter().any(|r| f["rule"] == *r))
        .map(|f| (f["path"].to_string(), f["span"].to_string()))
        .collect();
    let n = spans.len();
    spans.dedup();
    assert_eq!(spans.len(), n, "two findings at one span");
}

#[test]
fn correct_renderings_are_not_flagged() {
    let (_, report) = check_corpus(&[]);
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // Correct English of the documents, some of it containing a deprecated
    // rendering ("main line", "flag", "Kubuqi International Desert").
    let correct = [
        "ecological civilization",
        "Yellow River",
        "Mu Us Sandy Land",
        "Tengger Desert",
        "Helan Mountains",
        "Kubuqi International Desert Forum",
        "main line of defense",
        "party's glorious banner",
        "five major tasks",
        "Inner Mongolia Autonomous Region",
        "pastoral areas",
        "Party Central Committee",
        "safeguard national unity",
    ];
    let mut checked = 0;
    for f in report["findings"].as_array().unwrap() {
        let text = std::fs::read_to_string(root.join(f["path"].as_str().unwrap())).unwrap();
        let (start, end) = (
            f["span"][0].as_u64().unwrap() as usize,
            f["span"][1].as_u64().unwrap() as usize,
        );
        for phrase in correct {
            for (at, _) in text.match_indices(phrase) {
                checked += 1;
                let inside = start >= at && end <= at + phrase.len();
                assert!(!inside, "correct `{phrase}` flagged: {f}");
            }
        }
    }
    assert!(checked > 100, "the phrases occur in the corpus");
}

#[test]
fn committed_baseline_makes_ci_pass_and_a_new_fault_fails_it() {
    let (code, report) = check_corpus(&["--baseline", ".bitext-baseline.json"]);
    assert_eq!(code, 0, "{}", report["summary"]);
    assert_eq!(report["summary"]["stale"], 0);

    // A copy of the corpus with one new fault, and lines shifted.
    let dir = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for sub in ["zh", "en"] {
        std::fs::create_dir_all(dir.path().join("corpus").join(sub)).unwrap();
        for entry in std::fs::read_dir(root.join("corpus").join(sub)).unwrap() {
            let entry = entry.unwrap();
            std::fs::copy(
                entry.path(),
                dir.path().join("corpus").join(sub).join(entry.file_name()),
            )
            .unwrap();
        }
    }
    let doc = dir.path().join("corpus/en/000_aafadf07d820b436.txt");
    let text = std::fs::read_to_string(&doc).unwrap();
    let run = |text: &str| {
        std::fs::write(&doc, text).unwrap();
        crate::bitext()
            .current_dir(dir.path())
            .args(["check", "corpus", "-g"])
            .arg(root.join("glossary"))
            .arg("--baseline")
            .arg(root.join(".bitext-baseline.json"))
            .output()
            .unwrap()
    };
    let shifted = format!("A new first line.\n\n{text}");
    assert_eq!(
        run(&shifted).status.code(),
        Some(0),
        "lines moved: still clean"
    );
    let faulty = format!("{shifted}\nThe Hulunbeier flag counties joined.\n");
    let out = run(&faulty);
    assert_eq!(out.status.code(), Some(1), "a new fault fails CI");
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("`Hulunbeier` is a deprecated rendering of 呼伦贝尔"),
        "{stdout}"
    );
}
