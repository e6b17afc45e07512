//! Decoding (BOM, UTF-16, legacy encodings detected) and segmentation of any bytes.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(d) = bitext_core::decode(data) {
        let text = &d.text;
        for lang in [bitext_core::Lang::Zh, bitext_core::Lang::En] {
            for s in bitext_segment::segment(text, lang) {
                assert!(s.span.start <= s.span.end && s.span.end <= text.len());
                let _ = s.span.slice(text);
            }
        }
        let _ = bitext_segment::one_per_line(text);
    }
    let _ = bitext_core::decode_as(data, "gb18030");
});
