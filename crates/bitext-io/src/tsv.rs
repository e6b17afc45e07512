//! TSV: a header line, then one line per bead.
//!
//! Columns: `a_ids`, `b_ids` (sentence ids of the first and second document, `[3,4]`), `kind`
//! (`2-1`: Chinese sentences, then English ones), `confidence` (three decimals, empty when
//! unknown), `a_text`, `b_text` (the sentences of each side joined: Chinese without a space,
//! English with one). Inside a field a backslash is written `\\`, a tab `\t`, a line feed `\n`
//! and a carriage return `\r`, so every bead is one line and every line has six fields.

use std::borrow::Cow;

use bitext_core::Lang;

use crate::{Error, Side, Unit};

/// The header line (without its line feed).
pub const HEADER: &str = "a_ids\tb_ids\tkind\tconfidence\ta_text\tb_text";

/// Escapes backslash, tab, line feed and carriage return.
pub fn escape(s: &str) -> Cow<'_, str> {
    if !s.contains(['\\', '\t', '\n', '\r']) {
        return s.into();
    }
    let mut out = String::with_capacity(s.len() + 4);
    push_escaped(&mut out, s);
    out.into()
}

/// Undoes [`escape`]; an unknown escape keeps its backslash.
pub fn unescape(s: &str) -> Cow<'_, str> {
    if !s.contains('\\') {
        return s.into();
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('\\') => out.push('\\'),
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out.into()
}

/// The header and one line per unit.
pub fn write(units: &[Unit]) -> String {
    format!("{HEADER}\n{}", rows(units))
}

/// The header line (with its line end), for writing rows piece by piece ([`rows`]).
pub fn header() -> String {
    format!("{HEADER}\n")
}

/// One line per unit, without the header.
pub fn rows(units: &[Unit]) -> String {
    let mut out = String::new();
    push_rows(&mut out, units);
    out
}

/// [`rows`], appended to `out` (a buffer that can be reused).
pub fn push_rows(out: &mut String, units: &[Unit]) {
    use std::fmt::Write;
    // Written straight into one buffer (no string per field): this is what `bitext export`
    // spends its time on after reading.
    out.reserve(units.len() * 256);
    // itoa: numbers written without the formatting machinery (a tenth of the rendering).
    let mut numbers = itoa::Buffer::new();
    for u in units {
        push_ids(out, &u.a.ids, &mut numbers);
        out.push('\t');
        push_ids(out, &u.b.ids, &mut numbers);
        let (zh, en) = u.zh_en();
        out.push('\t');
        out.push_str(numbers.format(zh.count()));
        out.push('-');
        out.push_str(numbers.format(en.count()));
        out.push('\t');
        if let Some(c) = u.confidence {
            let _ = write!(out, "{c:.3}");
        }
        out.push('\t');
        push_side(out, &u.a);
        out.push('\t');
        push_side(out, &u.b);
        out.push('\n');
    }
}

fn push_ids(out: &mut String, list: &[usize], numbers: &mut itoa::Buffer) {
    out.push('[');
    for (k, &id) in list.iter().enumerate() {
        if k > 0 {
            out.push(',');
        }
        out.push_str(numbers.format(id));
    }
    out.push(']');
}

/// A side's joined text ([`crate::Side::joined`]), escaped.
fn push_side(out: &mut String, side: &crate::Side) {
    let sep = if side.is_chinese() { "" } else { " " };
    for (k, t) in side.text.iter().enumerate() {
        if k > 0 {
            out.push_str(sep);
        }
        push_escaped(out, t);
    }
}

/// [`escape`], appending to `out`.
fn push_escaped(out: &mut String, s: &str) {
    let mut rest = s;
    // Two SIMD scans (memchr): the four are ASCII, so they never occur inside another character.
    let next = |r: &str| {
        let b = r.as_bytes();
        match (
            memchr::memchr3(b'\t', b'\n', b'\r', b),
            memchr::memchr(b'\\', b),
        ) {
            (Some(x), Some(y)) => Some(x.min(y)),
            (x, y) => x.or(y),
        }
    };
    while let Some(i) = next(rest) {
        out.push_str(&rest[..i]);
        out.push_str(match rest.as_bytes()[i] {
            b'\\' => "\\\\",
            b'\t' => "\\t",
            b'\n' => "\\n",
            _ => "\\r",
        });
        rest = &rest[i + 1..];
    }
    out.push_str(rest);
}

/// Reads bitext's TSV (header required). Languages are told from the script of each column.
/// bitext's TSV in the registry of formats.
pub static FORMAT: crate::Format = crate::Format {
    name: "tsv",
    extensions: &["tsv"],
    sniff: |text| text.trim_start_matches('\u{feff}').starts_with(HEADER),
    read: |text, _| read(text),
};

pub fn read(text: &str) -> Result<Vec<Unit>, Error> {
    let text_body = text.trim_start_matches('\u{feff}');
    let skip = text.len() - text_body.len();
    let mut lines = text_body.split_inclusive('\n');
    let header = lines.next().unwrap_or("");
    if header.trim_end_matches(['\n', '\r']) != HEADER {
        return Err(Error::at(
            text,
            skip,
            format!(
                "not bitext's TSV: the header must be `{}`",
                HEADER.replace('\t', "\\t")
            ),
        ));
    }
    let mut offset = skip + header.len();
    let mut rows = Vec::new();
    for line in lines {
        let start = offset;
        offset += line.len();
        let body = line.trim_end_matches(['\n', '\r']);
        if body.is_empty() {
            continue;
        }
        let fields: Vec<&str> = body.split('\t').collect();
        if fields.len() != 6 {
            return Err(Error::at(
                text,
                start,
                format!("expected 6 tab-separated fields, found {}", fields.len()),
            ));
        }
        let field_start = |k: usize| start + fields[..k].iter().map(|f| f.len() + 1).sum::<usize>();
        let parse_ids = |k: usize| -> Result<Vec<usize>, Error> {
            let f = fields[k].trim();
            let inner = f
                .strip_prefix('[')
                .and_then(|f| f.strip_suffix(']'))
                .ok_or_else(|| Error::at(text, field_start(k), "ids must look like [3,4]"))?;
            inner
                .split(',')
                .filter(|x| !x.trim().is_empty())
                .map(|x| {
                    x.trim().parse().map_err(|_| {
                        Error::at(text, field_start(k), format!("`{x}` is not a sentence id"))
                    })
                })
                .collect()
        };
        let confidence = match fields[3].trim() {
            "" => None,
            c => Some(c.parse::<f32>().map_err(|_| {
                Error::at(text, field_start(3), format!("`{c}` is not a confidence"))
            })?),
        };
        let side = |k: usize, ids: Vec<usize>| -> Side {
            let t = unescape(fields[k]).into_owned();
            let mut s = Side::new(
                Lang::detect(&t).as_str(),
                if t.is_empty() { vec![] } else { vec![t] },
            );
            s.ids = ids;
            s
        };
        let (a_ids, b_ids) = (parse_ids(0)?, parse_ids(1)?);
        rows.push(Unit {
            a: side(4, a_ids),
            b: side(5, b_ids),
            confidence,
            at: start,
            ..Unit::default()
        });
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_round_trips() {
        for s in ["plain", "a\tb\nc\rd\\e", "\\t is not a tab", "end\\"] {
            assert_eq!(unescape(&escape(s)), s);
        }
    }

    #[test]
    fn round_trip_and_errors() {
        let mut a = Side::new("zh", vec!["一。".into(), "二。".into()]);
        a.ids = vec![0, 1];
        let mut b = Side::new("en", vec!["One\ttwo.".into()]);
        b.ids = vec![0];
        let u = Unit {
            a,
            b,
            confidence: Some(0.5),
            at: 0,
            ..Unit::default()
        };
        let text = write(std::slice::from_ref(&u));
        assert_eq!(
            text.lines().nth(1),
            Some("[0,1]\t[0]\t2-1\t0.500\t一。二。\tOne\\ttwo.")
        );
        let back = read(&text).unwrap();
        assert_eq!(back[0].a.joined(), "一。二。");
        assert_eq!(back[0].b.joined(), "One\ttwo.");
        assert_eq!(back[0].a.lang, "zh");
        assert_eq!(back[0].kind(), "2-1");

        let err = read(&format!("{HEADER}\n[0]\t[0]\t1-1\n")).unwrap_err();
        assert_eq!((err.line, err.column), (2, 1));
        let err = read(&format!("{HEADER}\n[0]\t[x]\t1-1\t\ta\tb\n")).unwrap_err();
        assert_eq!((err.line, err.column), (2, 5), "{err}");
    }
}
