//! The baseline file's reader, and applying what it reads.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(b) = serde_json::from_slice::<bitext_check::baseline::Baseline>(data) {
        let g = bitext_glossary::Glossary::default();
        let findings = bitext_check::Checker::new(&g)
            .check_english("a.txt", "exchanges, exchanges and integration", 0);
        let _ = b.apply(findings);
    }
});
