//! JSON Lines: one JSON object per bead, carrying everything the TMX does.
//!
//! ```json
//! {"a":{"doc":"zh.txt","lang":"zh","ids":[3,4],"spans":[[120,180],[180,201]],"text":["…","…"]},
//!  "b":{"doc":"en.txt","lang":"en","ids":[3],"spans":[[300,420]],"text":["…"]},
//!  "kind":"2-1","confidence":0.982}
//! ```
//!
//! (one line in the file). `a` and `b` are the two documents in the order they were given;
//! `lang` is `zh` or `en` (or the TMX language tag of units read from TMX); `ids` are 0-based
//! sentence ids; `spans` byte spans `[start, end)` in the document's file; `text` the sentences;
//! `kind` the number of sentences on each side, Chinese first; `confidence` the aligner's posterior probability
//! that the bead is exactly right (absent when unknown). `doc`, `ids`, `spans` and `confidence`
//! may be missing on reading; `kind` is recomputed.

use serde::Serialize;

use crate::{Error, Side, Unit};

#[derive(Serialize)]
struct Line<'a> {
    a: &'a Side,
    b: &'a Side,
    kind: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    confidence: Option<f32>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    checked: bool,
}

/// One line per unit, confidences rounded to three decimals.
pub fn write(units: &[Unit]) -> String {
    let mut out = String::new();
    for u in units {
        let line = Line {
            a: &u.a,
            b: &u.b,
            kind: u.kind(),
            confidence: u.confidence.map(|c| (c * 1000.0).round() / 1000.0),
            checked: u.checked,
        };
        // Serialising plain data to a string cannot fail.
        out.push_str(&serde_json::to_string(&line).unwrap_or_default());
        out.push('\n');
    }
    out
}

/// Reads units, one JSON object per line (blank lines skipped). An error gives the line and
/// column.
/// JSON Lines in the registry of formats.
pub static FORMAT: crate::Format = crate::Format {
    name: "jsonl",
    extensions: &["jsonl", "ndjson"],
    sniff: |text| {
        text.trim_start_matches('\u{feff}')
            .trim_start()
            .starts_with('{')
    },
    read: |text, _| read(text),
};

pub fn read(text: &str) -> Result<Vec<Unit>, Error> {
    let mut units = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let body = line
            .trim_end_matches(['\n', '\r'])
            .trim_start_matches('\u{feff}');
        if body.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<Unit>(body) {
            Ok(mut u) => {
                u.at = start;
                units.push(u)
            }
            Err(e) => {
                let skipped = line.len() - line.trim_start_matches('\u{feff}').len();
                // serde_json's column counts bytes from 1.
                let col = start + skipped + e.column().saturating_sub(1);
                let msg = e.to_string();
                let msg = msg.split(" at line ").next().unwrap_or(&msg).to_string();
                return Err(Error::at(text, col, format!("bad JSON line: {msg}")));
            }
        }
    }
    Ok(units)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_errors() {
        let u = Unit {
            a: Side {
                doc: Some("zh.txt".into()),
                lang: "zh".into(),
                ids: vec![0, 1],
                spans: vec![[0, 9], [9, 30]],
                text: vec!["一。".into(), "二\t三。".into()],
                pieces: vec![],
                codes: vec![],
            },
            b: Side::new("en", vec!["One, two\nthree.".into()]),
            confidence: Some(0.12345),
            at: 0,
            ..Unit::default()
        };
        let text = write(std::slice::from_ref(&u));
        assert!(text.contains("\"kind\":\"2-1\""), "{text}");
        assert!(text.contains("\"confidence\":0.123"), "{text}");
        let back = read(&text).unwrap();
        assert_eq!(back[0].a, u.a);
        assert_eq!(back[0].b.joined(), "One, two\nthree.");

        let err = read("\n{\"a\": {\"lang\": \"zh\", \"text\": []}, \"b\": 3}\n").unwrap_err();
        assert_eq!(err.line, 2, "{err}");
        assert!(err.message.contains("invalid type"), "{err}");
    }
}
