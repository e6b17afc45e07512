//! The bilingual readers of bitext-io (TMX, XLIFF, PO, JSONL, TSV), with and without a language
//! pair asked for.
#![no_main]
use libfuzzer_sys::fuzz_target;

const EXTENSIONS: &[&str] = &["tmx", "xlf", "po", "jsonl", "tsv", "sdlxliff"];

fuzz_target!(|data: &[u8]| {
    let Some((&kind, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let ext = EXTENSIONS[usize::from(kind) % EXTENSIONS.len()];
    let langs = if kind & 0x80 == 0 {
        bitext_io::Langs::zh_en()
    } else {
        bitext_io::Langs::default()
    };
    if let Ok(units) = bitext_io::read_file_text(Some(ext), text, &langs) {
        for u in &units {
            for side in [&u.a, &u.b] {
                let joined = side.joined();
                for p in &side.pieces {
                    assert!(p.file + p.file_len <= text.len(), "a piece outside the file");
                }
                let _ = side.file_range(0, joined.len());
            }
        }
    }
    let _ = bitext_io::detect(Some(ext), text);
});
