//! Property: for any input, segment spans are in order, never overlap,
//! never empty, fall on char boundaries, and cover every non-space
//! character of the text.

use bitext_core::Lang;
use bitext_segment::segment;
use proptest::prelude::*;

fn check(text: &str, lang: Lang) {
    let segs = segment(text, lang);
    let mut last_end = 0;
    let mut covered = vec![false; text.len()];
    for s in &segs {
        assert!(
            s.span.start >= last_end,
            "overlap or out of order in {text:?}"
        );
        assert!(s.span.start < s.span.end, "empty span in {text:?}");
        assert!(text.is_char_boundary(s.span.start) && text.is_char_boundary(s.span.end));
        let piece = s.span.slice(text);
        assert_eq!(piece, piece.trim(), "untrimmed span in {text:?}");
        covered[s.span.start..s.span.end]
            .iter_mut()
            .for_each(|c| *c = true);
        last_end = s.span.end;
    }
    for (i, c) in text.char_indices() {
        assert!(
            c.is_whitespace() || covered[i],
            "{c:?} at {i} not covered in {text:?}"
        );
    }
}

/// Characters that exercise the rules: terminators, quotes, brackets,
/// book-title marks, digits, letters of both scripts, line breaks.
fn interesting() -> impl Strategy<Value = String> {
    let atoms = prop::sample::select(vec![
        "。", "！", "？", "!", "?", ".", "…", "……", "”", "“", "\"", "'", "（", "）", "(", ")",
        "《", "》", "，", "；", "：", " ", "  ", "\n", "\r\n", "\r", "\n\n", "旗", "盟市", "Mr",
        "No", "e.g", "etc", "U.S", "a", "I", "The", "he", "1", "2.9", "a.m", "•", "-", "[", "]",
        ". . .", "\t", "é",
    ]);
    prop::collection::vec(atoms, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn spans_are_sound_for_any_string(text in any::<String>()) {
        check(&text, Lang::Zh);
        check(&text, Lang::En);
    }

    #[test]
    fn spans_are_sound_for_rule_heavy_text(text in interesting()) {
        check(&text, Lang::Zh);
        check(&text, Lang::En);
    }
}
