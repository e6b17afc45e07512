//! Term extraction (`bitext glossary extract`): bilingual, monolingual and consistency, on aligned
//! beads made of the input's lines (Chinese TAB English).
#![no_main]
use bitext_glossary::extract::{self, Options};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let pairs: Vec<(String, String)> = text
        .lines()
        .map(|l| {
            let (zh, en) = l.split_once('\t').unwrap_or((l, ""));
            (zh.to_string(), en.to_string())
        })
        .collect();
    // Low thresholds, so that inputs of a few lines propose something.
    let options = Options {
        min_freq: 2,
        ..Options::default()
    };
    for c in extract::bilingual(&pairs, &options, &|_| {}) {
        assert!(!c.zh.is_empty() && !c.en.is_empty(), "{c:?}");
        assert!(c.freq <= pairs.len() && c.freq <= c.zh_freq && c.freq <= c.en_freq, "{c:?}");
        assert!(pairs.iter().any(|(zh, _)| zh.contains(&c.zh)), "{c:?}");
    }
    let sentences: Vec<String> = pairs.iter().map(|(zh, _)| zh.clone()).collect();
    for c in extract::monolingual(&sentences, &options) {
        assert!(c.freq <= sentences.len(), "{c:?}");
        assert!(sentences.iter().any(|s| s.contains(&c.zh)), "{c:?}");
    }
    for v in extract::consistency(&pairs, &options, &|_| {}) {
        assert!(v.renderings.len() >= 2, "{v:?}");
        for (_, beads) in &v.renderings {
            assert!(beads.iter().all(|&b| b < pairs.len()), "{v:?}");
        }
    }
});
