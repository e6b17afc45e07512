#![allow(clippy::print_stdout)] // a benchmark reports on stdout
//! Segmentation throughput, one thread, on the corpus repeated to 20 MB,
//! against a naive splitter measured in the same run: cut after
//! `。！？!?` or `.`/`!`/`?` + space, and at every line break, with no
//! abbreviation list (the `naive` baseline of shared/eval/segment).
//!
//! Run: `cargo bench -p bitext-bench --bench segment`

use bitext_bench::{best_of, corpus_text, mb_per_s};
use bitext_core::Lang;

fn naive(text: &str) -> usize {
    let mut count = 0;
    for line in text.split('\n') {
        let mut start = true;
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            if !c.is_whitespace() && start {
                count += 1;
                start = false;
            }
            let cut = match c {
                '。' | '！' | '？' => true,
                '.' | '!' | '?' => chars.peek().is_none_or(|n| n.is_whitespace()),
                _ => false,
            };
            if cut {
                start = true;
            }
        }
    }
    count
}

fn main() {
    const SIZE: usize = 20_000_000;
    println!("segment throughput, best of 5, one thread (MB = 10^6 bytes)");
    for (sub, lang) in [("en", Lang::En), ("zh", Lang::Zh)] {
        let text = corpus_text(sub, SIZE);
        let (t_naive, n_naive) = best_of(5, || naive(&text));
        let (t_bitext, segs) = best_of(5, || bitext_segment::segment(&text, lang));
        let (mb_naive, mb_bitext) = (
            mb_per_s(text.len(), t_naive),
            mb_per_s(text.len(), t_bitext),
        );
        println!(
            "{sub}: {:.1} MB, bitext {mb_bitext:.0} MB/s ({} segments), naive {mb_naive:.0} MB/s ({n_naive} segments), ratio {:.2}",
            text.len() as f64 / 1e6,
            segs.len(),
            mb_bitext / mb_naive
        );
    }
}
