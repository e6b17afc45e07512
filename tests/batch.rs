//! Batch alignment and the TMX round trip, through the binary.

use std::path::Path;

use crate::bitext;

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(name)
}

/// Pairs of different sizes: the Genesis excerpt both ways, and the corpus documents (which are
/// not translations of each other, so the aligner has real doubts to resolve).
fn pairs_file(dir: &Path) -> std::path::PathBuf {
    let g = fixture("tests/cmd/align.in");
    let zh: Vec<_> = std::fs::read_dir(fixture("corpus/zh"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    let en: Vec<_> = std::fs::read_dir(fixture("corpus/en"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    let mut lines = vec![
        format!(
            "{}\t{}",
            g.join("genesis.zh.txt").display(),
            g.join("genesis.en.txt").display()
        ),
        format!(
            "{}\t{}\tgenesis-reversed",
            g.join("genesis.en.txt").display(),
            g.join("genesis.zh.txt").display()
        ),
    ];
    for (k, (z, e)) in zh.iter().zip(en.iter().cycle()).enumerate() {
        lines.push(format!("{}\t{}\tcorpus-{k}", z.display(), e.display()));
    }
    let path = dir.join("pairs.tsv");
    std::fs::write(&path, lines.join("\n")).unwrap();
    path
}

fn run_batch(pairs: &Path, out: &Path, threads: &str) -> Vec<(String, Vec<u8>)> {
    let status = bitext()
        .args(["align", "--batch"])
        .arg(pairs)
        .arg("-o")
        .arg(out)
        .args(["-j", threads])
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    files_in(out)
}

/// The files of a directory, by name, with their bytes.
fn files_in(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

#[test]
fn batch_output_is_the_same_whatever_the_thread_count() {
    let dir = tempfile::tempdir().unwrap();
    let pairs = pairs_file(dir.path());
    let one = run_batch(&pairs, &dir.path().join("one"), "1");
    let two = run_batch(&pairs, &dir.path().join("two"), "2");
    let four = run_batch(&pairs, &dir.path().join("four"), "4");
    let names: Vec<&str> = one.iter().map(|(n, _)| n.as_str()).collect();
    assert!(
        names.contains(&"all.tmx") && names.contains(&"genesis.tmx"),
        "{names:?}"
    );
    assert!(names.len() >= 4, "{names:?}");
    assert_eq!(one, two);
    assert_eq!(one, four);
}

#[test]
fn an_interrupted_batch_resumes_to_the_same_files() {
    let dir = tempfile::tempdir().unwrap();
    let pairs = pairs_file(dir.path());
    let out = dir.path().join("out");
    let full = run_batch(&pairs, &out, "2");
    // As if interrupted: one pair's output and the merged file never written.
    std::fs::remove_file(out.join("genesis.tmx")).unwrap();
    std::fs::remove_file(out.join("all.tmx")).unwrap();
    let without_resume = bitext()
        .args(["align", "--batch"])
        .arg(&pairs)
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(
        without_resume.status.code(),
        Some(2),
        "existing outputs need --force or --resume"
    );
    let resumed = bitext()
        .args(["align", "--resume", "--batch"])
        .arg(&pairs)
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&resumed.stderr);
    assert!(resumed.status.success(), "{stderr}");
    let listed = std::fs::read_to_string(&pairs).unwrap().lines().count();
    assert!(
        stderr.contains(&format!(
            "--resume: {} of {listed} pairs already aligned, kept",
            listed - 1
        )),
        "{stderr}"
    );
    assert_eq!(
        files_in(&out),
        full,
        "the resumed run gives the uninterrupted run's files"
    );
}

#[test]
fn aligned_pairs_survive_tmx_and_come_back() {
    let g = fixture("tests/cmd/align.in");
    let dir = tempfile::tempdir().unwrap();
    let tmx = dir.path().join("g.tmx");
    let jsonl = dir.path().join("g.jsonl");
    for out in [&tmx, &jsonl] {
        let s = bitext()
            .args(["align", "--presegmented"])
            .arg(g.join("genesis.en.txt"))
            .arg(g.join("genesis.zh.txt"))
            .arg("-o")
            .arg(out)
            .status()
            .unwrap();
        assert!(s.success());
    }
    let back = bitext()
        .arg("export")
        .arg(&tmx)
        .args(["-f", "jsonl"])
        .output()
        .unwrap();
    assert!(back.status.success());
    let joined = |side: &serde_json::Value| -> String {
        let sep = if side["lang"].as_str().unwrap().starts_with("zh") {
            ""
        } else {
            " "
        };
        let parts: Vec<&str> = side["text"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t.as_str().unwrap())
            .collect();
        parts.join(sep)
    };
    let pairs = |text: &str, zh_key: &str, en_key: &str| -> Vec<(String, String, String)> {
        text.lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
            .filter(|v| !joined(&v[zh_key]).is_empty() && !joined(&v[en_key]).is_empty())
            .map(|v| {
                (
                    joined(&v[zh_key]),
                    joined(&v[en_key]),
                    v["kind"].to_string(),
                )
            })
            .collect()
    };
    // Aligned as en, zh: `a` is English. TMX puts Chinese first: `a` is Chinese.
    let want = pairs(&std::fs::read_to_string(&jsonl).unwrap(), "b", "a");
    let got = pairs(&String::from_utf8(back.stdout).unwrap(), "a", "b");
    assert_eq!(want.len(), 16);
    assert_eq!(got, want);
}
