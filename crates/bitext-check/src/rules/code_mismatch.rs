//! `code-mismatch`: an alphanumeric code of the Chinese missing from the English.

use super::text::excerpt;
use super::{Check, Rule, Severity};
use crate::context::DocCtx;

pub(crate) const RULE: Rule = Rule {
    id: "code-mismatch",
    severity: Severity::Error,
    summary: "An alphanumeric code of the Chinese (GB/T 2260, COVID-19, G7) is not in the English.",
    what: "Segment rule: a code is a run of Latin letters and digits with both (H1N1, 5G, \
           COVID-19, GB/T 2260-2007, PM2.5). Each code written in the Chinese must be in the \
           English as written (case and spaces around / and - aside, inside a longer word \
           such as anti-SARS-CoV-2 too), since Chinese text keeps a code in Latin letters only \
           to quote it. Only where the Chinese is the source (zh→en): a code an en→zh \
           translation adds makes a reference explicit as often as it is a slip. English codes are not required in the \
           Chinese: an en→zh translation names COVID-19 新冠肺炎. Beads from automatic \
           alignment are compared with their neighbours too.",
    why: "Standards, models and product codes are copied, never translated; a changed digit \
          points the reader at another standard.",
    example: "zh:       \"执行GB/T 2260-2007标准\"\n\
              en:       \"apply the GB/T 2261-2007 standard\"\n\
              finding:  code-mismatch: GB/T 2260-2007 is not in the English",
};

pub(crate) struct CodeMismatch;

/// Whether `s` names a series of standards, written before its number after a space: GB/T,
/// HJ/T, ISO/IEC (not "EU/EEA 30").
fn standard(s: &str) -> bool {
    match s.split_once('/') {
        Some((body, "T" | "Z")) => {
            (1..=4).contains(&body.len()) && body.bytes().all(|c| c.is_ascii_uppercase())
        }
        _ => matches!(
            s,
            "ISO/IEC" | "ISO/TS" | "ISO/TR" | "IEC/TR" | "ISO/IEC/IEEE"
        ),
    }
}

/// An item of a text: its byte range and the form compared.
pub(super) type Item = (usize, usize, String);

/// The codes of `s`: byte range and the compared form (uppercase, no spaces).
pub(crate) fn codes(s: &str) -> Vec<Item> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    let part = |c: u8| c.is_ascii_alphanumeric();
    while i < b.len() {
        if !part(b[i]) || (i > 0 && (part(b[i - 1]) || b[i - 1] == b'.' || b[i - 1] == b'@')) {
            i += 1;
            continue;
        }
        // A run of alphanumerics joined by - / . and "/ " or " " before digits (GB/T 2260).
        let mut k = i;
        let end = loop {
            while k < b.len() && part(b[k]) {
                k += 1;
            }
            // `-` and `/` join parts (IL-6, GB/T); `.` only a decimal (PM2.5), not two
            // sentences run together ("in 2020.Iran").
            let joins = |j: usize| {
                j + 1 < b.len()
                    && (matches!(b[j], b'-' | b'/')
                        || (b[j] == b'.' && b[j - 1].is_ascii_digit() && b[j + 1].is_ascii_digit()))
            };
            if joins(k) && part(b[k + 1]) {
                k += 1;
                continue;
            }
            // "GB/T 2260": a space before digits after the name of a series of standards.
            if k + 1 < b.len() && b[k] == b' ' && b[k + 1].is_ascii_digit() && standard(&s[i..k]) {
                k += 1;
                continue;
            }
            break k;
        };
        let raw = &s[i..end];
        let letters = raw.bytes().filter(u8::is_ascii_alphabetic).count();
        let digits = raw.bytes().filter(u8::is_ascii_digit).count();
        let url_or_mail = s[end..].starts_with('@')
            || s[..i].ends_with("://")
            || raw.to_ascii_lowercase().starts_with("www.");
        // Ordinals and units (1st, 10km) and quantities per unit (4×109/L) are no codes.
        let unit_like = raw.bytes().next().is_some_and(|c| c.is_ascii_digit())
            && (raw
                .bytes()
                .skip_while(u8::is_ascii_digit)
                .all(|c| c.is_ascii_lowercase())
                || raw.contains('/'));
        // A code has a capital (COVID-19, H1N1, 5G): "14-day", "mid-1960s", "71-year-old" are
        // numbers in words.
        let capital = raw.bytes().any(|c| c.is_ascii_uppercase());
        if letters > 0 && digits > 0 && capital && !url_or_mail && !unit_like {
            out.push((i, end, code_form(raw)));
        }
        i = end.max(i + 1);
    }
    out
}

/// A text as codes are compared: uppercase, runs of spaces as one, none beside `/` and `-`
/// (GB/T 2260 is GB / T 2260).
fn code_form(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() && !out.ends_with(['/', '-']) && !matches!(c, '/' | '-') {
            out.push(' ');
        }
        space = false;
        out.push(c.to_ascii_uppercase());
    }
    out
}

/// Whether `form` (uppercase, no spaces) is in `text`, not inside a longer word: COVID-19 is in
/// "COVID-19-induced" and "anti-COVID-19", not in "COVID-190".
fn contains_code(text: &str, form: &str) -> bool {
    let squeezed = code_form(text);
    squeezed.match_indices(form).any(|(i, m)| {
        let before = squeezed[..i].chars().next_back();
        let after = squeezed[i + m.len()..].chars().next();
        !before.is_some_and(|c| c.is_ascii_alphanumeric())
            && !after.is_some_and(|c| c.is_ascii_alphanumeric())
    })
}

/// Compares the items `find` picks out of each side of each segment: an item of the Chinese
/// must be on the English side (of the segment, or its neighbours when the beads come from
/// automatic alignment), found there as an item (`both_ways`: and the reverse) or, for codes,
/// as part of the text.
pub(super) fn compare(
    ctx: &mut DocCtx,
    rule: &'static Rule,
    find: fn(&str) -> Vec<Item>,
    both_ways: bool,
) {
    let text = ctx.text();
    let segs = &ctx.doc.segments;
    let items: Vec<(Vec<Item>, Vec<Item>)> = segs
        .iter()
        .map(|s| (find(&s.zh), find(text.get(s.en.clone()).unwrap_or(""))))
        .collect();
    let reach = usize::from(ctx.doc.automatic);
    let mut found = Vec::new();
    for (k, s) in segs.iter().enumerate() {
        let en = text.get(s.en.clone()).unwrap_or("");
        if en.trim().is_empty() || s.zh.trim().is_empty() || items[k].0.is_empty() && !both_ways {
            continue;
        }
        let around = k.saturating_sub(reach)..(k + reach + 1).min(segs.len());
        let in_en = |f: &str| {
            items[around.clone()]
                .iter()
                .any(|x| x.1.iter().any(|y| y.2 == f))
                || (!both_ways
                    && segs[around.clone()]
                        .iter()
                        .any(|x| contains_code(text.get(x.en.clone()).unwrap_or(""), f)))
        };
        let in_zh = |f: &str| {
            items[around.clone()]
                .iter()
                .any(|x| x.0.iter().any(|y| y.2 == f))
        };
        let zh_missing: Vec<&Item> = items[k].0.iter().filter(|x| !in_en(&x.2)).collect();
        let en_missing: Vec<&Item> = if both_ways {
            items[k].1.iter().filter(|x| !in_zh(&x.2)).collect()
        } else {
            Vec::new()
        };
        // A changed item is one finding, at the English one, naming both.
        let pairs = zh_missing.len().min(en_missing.len());
        for (z, x) in zh_missing.iter().zip(&en_missing) {
            let message = format!(
                "the Chinese has {}, the English has {} instead",
                &s.zh[z.0..z.1],
                &en[x.0..x.1]
            );
            found.push(((s.en.start + x.0, s.en.start + x.1), z.2.clone(), message));
        }
        for (a, b, f) in &zh_missing[pairs..] {
            let message = format!(
                "{} of the Chinese \"{}\" is not in the English",
                &s.zh[*a..*b],
                excerpt(&s.zh, 60)
            );
            found.push(((s.en.start, s.en.end), f.clone(), message));
        }
        for (a, b, f) in &en_missing[pairs..] {
            let message = format!("{} is not in the Chinese", &en[*a..*b]);
            found.push(((s.en.start + a, s.en.start + b), f.clone(), message));
        }
    }
    for (span, term, message) in found {
        ctx.report(rule, span, String::new(), term, message);
    }
}

impl Check for CodeMismatch {
    fn rule(&self) -> &'static Rule {
        &RULE
    }

    /// Only where the Chinese is the source: in an en→zh memory a code the Chinese adds is the
    /// translator making a reference explicit as often as a slip (TICO-19: 1 of 3 true).
    fn document(&self, ctx: &mut DocCtx) {
        if ctx.english_is_target() {
            compare(ctx, &RULE, codes, false);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::codes;
    use crate::rules::findings_on_units;

    #[test]
    fn codes_are_found() {
        let c: Vec<String> =
            codes("执行GB/T 2260-2007标准，防控COVID-19和H1N1，PM2.5，5G，第1st，10km")
                .into_iter()
                .map(|x| x.2)
                .collect();
        assert_eq!(c, ["GB/T 2260-2007", "COVID-19", "H1N1", "PM2.5", "5G"]);
    }

    #[test]
    fn a_code_of_the_chinese_must_be_in_the_english() {
        let f = findings_on_units(
            "code-mismatch",
            &[
                (
                    "执行GB/T 2260-2007标准",
                    "apply the GB/T 2261-2007 standard",
                ),
                (
                    "执行GB/T 2260-2007标准",
                    "apply the gb/t 2260-2007 standard",
                ),
                ("新冠肺炎", "COVID-19"),
                ("抗 SARS-CoV-2 药物", "anti-SARS-CoV-2 agents"),
                ("COVID-19 肺炎", "COVID-190 pneumonia"),
            ],
        );
        assert_eq!(f.len(), 2, "{f:?}");
        assert!(f[0].message.starts_with("GB/T 2260-2007 of the Chinese"));
        assert!(f[1].message.starts_with("COVID-19 of the Chinese"));
    }
}
