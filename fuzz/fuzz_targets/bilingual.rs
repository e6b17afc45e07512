//! The bilingual readers of bitext-io (TMX, XLIFF, PO, JSONL, TSV), with and without a language
//! pair asked for; TMX and XLIFF also read in pieces of 64 bytes (bitext_io::stream, as `export`
//! reads large files), which must give the units of the file read whole, or fail where it fails.
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
    if let Some(format) = bitext_io::detect(Some(ext), text).map(|f| f.name) {
        let whole = bitext_io::read_file_text(Some(ext), text, &langs);
        let mut got = Vec::new();
        let streamed = bitext_io::stream::units(text.as_bytes(), format, &langs, 64, &std::mem::take, &mut |u| {
            got.extend(u);
            Ok(())
        });
        let texts = |units: &[bitext_io::Unit]| -> Vec<(String, String, String, String)> {
            units
                .iter()
                .map(|u| (u.a.lang.clone(), u.a.joined(), u.b.lang.clone(), u.b.joined()))
                .collect()
        };
        match (&whole, &streamed) {
            (_, Ok(None)) => {}
            (Ok(units), Ok(Some(n))) => {
                assert_eq!(*n, units.len(), "as many units in pieces");
                assert!(texts(&got) == texts(units), "the same units in pieces");
            }
            (Err(_), Err(_)) => {}
            (w, s) => panic!(
                "read whole: {:?}; in pieces: {:?}",
                w.as_ref().map(|u| u.len()),
                s.as_ref().map(|n| *n).map_err(|e| format!("{e:?}"))
            ),
        }
    }
});
