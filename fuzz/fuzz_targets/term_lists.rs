//! Other tools' term lists: CSV/TSV (with and without a column mapping) and TBX.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Some((&kind, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    match kind % 3 {
        0 => {
            let _ = bitext_glossary::csv::read(text, Path::new("fuzz.csv"));
        }
        1 => {
            let _ = bitext_glossary::tbx::read(text, Path::new("fuzz.tbx"));
        }
        _ => {
            if let Ok(cols) = bitext_glossary::csv::parse_columns("zh=Chinese,en=English") {
                let _ = bitext_glossary::csv::read_mapped(text, Path::new("fuzz.csv"), &cols);
            }
        }
    }
});
