//! The numbers reader of both languages on any text.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    for n in bitext_lexicon::numbers::chinese(text)
        .into_iter()
        .chain(bitext_lexicon::numbers::english(text))
    {
        assert!(n.start <= n.end && n.end <= text.len());
        let _ = &text[n.start..n.end];
        let _ = n.key();
    }
});
