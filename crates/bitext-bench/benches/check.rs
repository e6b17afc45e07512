#![allow(clippy::print_stdout)] // a benchmark reports on stdout
//! Check throughput: the English corpus repeated to 100 MB against a
//! 10,000-concept glossary (the project's glossary plus synthetic concepts
//! made of corpus words), one thread, and `grep -c -F -i -f` over the same
//! renderings and text in the same run as the baseline (one run of grep:
//! with 20,000 case-insensitive patterns it takes minutes).
//!
//! Run: `cargo bench -p bitext-bench --bench check`

use bitext_bench::{best_of, corpus_text, mb_per_s, repo_root};
use bitext_check::Checker;
use bitext_glossary::Glossary;
use std::fmt::Write as _;
use std::time::Instant;

fn main() {
    const SIZE: usize = 100_000_000;
    const CONCEPTS: usize = 10_000;
    let text = corpus_text("en", SIZE);

    // The real glossary, then synthetic concepts: two or three corpus words
    // picked by a fixed linear congruential sequence, so every run is alike.
    let mut toml = String::new();
    let dir = repo_root().join("glossary");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    for f in files
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
    {
        toml.push_str(&std::fs::read_to_string(f).unwrap());
        toml.push('\n');
    }
    let real = Glossary::from_str(&toml, "glossary")
        .unwrap()
        .concepts
        .len();
    let words: Vec<&str> = text[..200_000]
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() >= 4)
        .collect();
    let mut state: u64 = 42;
    let mut next = |n: usize| {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 33) as usize % n
    };
    let mut renderings = Vec::new();
    for k in 0..CONCEPTS - real {
        let n = 2 + next(2);
        let phrase: Vec<&str> = (0..n).map(|_| words[next(words.len())]).collect();
        let preferred = phrase.join(" ");
        let mut deprecated = format!("{} {}", phrase[0], words[next(words.len())]);
        if deprecated.eq_ignore_ascii_case(&preferred) {
            deprecated.push_str(" of");
        }
        writeln!(
            toml,
            "[[term]]\nid = \"synthetic-{k}\"\nzh = \"合成{k}\"\nen.preferred = \"{preferred}\"\nen.deprecated = [\"{deprecated}\"]\n"
        )
        .unwrap();
        renderings.push(preferred);
        renderings.push(deprecated);
    }
    let glossary = Glossary::from_str(&toml, "bench.toml").unwrap();
    for c in &glossary.concepts[..real] {
        renderings.push(c.preferred.clone());
        renderings.extend(c.admitted.iter().cloned());
        renderings.extend(c.deprecated.iter().map(|d| d.text.clone()));
    }

    let compile = Instant::now();
    let checker = Checker::new(&glossary);
    let compile = compile.elapsed();
    let (t_check, findings) = best_of(3, || checker.check_english("bench.txt", &text, 0));

    // Baseline: grep over the same renderings and text.
    let tmp = std::env::temp_dir().join(format!("bitext-bench-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).unwrap();
    std::fs::write(tmp.join("patterns.txt"), renderings.join("\n")).unwrap();
    std::fs::write(tmp.join("text.txt"), &text).unwrap();
    // One run: grep takes minutes with this many patterns and -i.
    let (t_grep, grep_out) = best_of(1, || {
        std::process::Command::new("grep")
            .args(["-c", "-F", "-i", "-f"])
            .arg(tmp.join("patterns.txt"))
            .arg(tmp.join("text.txt"))
            .output()
    });
    std::fs::remove_dir_all(&tmp).ok();

    println!(
        "check: {:.1} MB against {} concepts ({} renderings), one thread, best of 3",
        text.len() as f64 / 1e6,
        glossary.concepts.len(),
        renderings.len()
    );
    println!("  glossary compile {:.0} ms", compile.as_secs_f64() * 1e3);
    println!(
        "  bitext check  {:.2} s, {:.0} MB/s, {} findings",
        t_check.as_secs_f64(),
        mb_per_s(text.len(), t_check),
        findings.len()
    );
    match grep_out {
        Ok(out) => println!(
            "  grep -c -F -i -f  {:.2} s, {:.0} MB/s, {} matching lines; bitext/grep time ratio {:.2}",
            t_grep.as_secs_f64(),
            mb_per_s(text.len(), t_grep),
            String::from_utf8_lossy(&out.stdout).trim(),
            t_check.as_secs_f64() / t_grep.as_secs_f64()
        ),
        Err(e) => println!("  grep: not run ({e})"),
    }
}
