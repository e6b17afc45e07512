//! The glossary's TOML reader.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(g) = bitext_glossary::Glossary::from_str(text, "fuzz.toml") {
        // A glossary that loads compiles for checking.
        let checker = bitext_check::Checker::new(&g);
        let _ = checker.check_english("a.txt", "ethnic unity and the flag counties", 0);
    }
});
