//! Shared helpers of the bitext benchmarks: inputs from the repository's
//! `corpus/`, and timing with the best of several runs.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The repository root (two levels above this crate).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The text of every `*.txt` under `corpus/<sub>`, concatenated and
/// repeated until it is at least `min_bytes` long.
pub fn corpus_text(sub: &str, min_bytes: usize) -> String {
    let dir = repo_root().join("corpus").join(sub);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let once: String = files
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("corpus is UTF-8") + "\n\n")
        .collect();
    let mut text = String::with_capacity(min_bytes + once.len());
    while text.len() < min_bytes {
        text.push_str(&once);
    }
    text
}

/// Runs `f` `runs` times and returns the fastest time and the last result.
pub fn best_of<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut best = Duration::MAX;
    let mut result = None;
    for _ in 0..runs {
        let start = Instant::now();
        let r = std::hint::black_box(f());
        best = best.min(start.elapsed());
        result = Some(r);
    }
    (best, result.expect("at least one run"))
}

/// MB (10^6 bytes) per second.
pub fn mb_per_s(bytes: usize, time: Duration) -> f64 {
    bytes as f64 / 1e6 / time.as_secs_f64()
}
