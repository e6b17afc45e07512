//! Bilingual rules over aligned beads: `term-mismatch` and `number-mismatch`.

use std::ops::Range;

use aho_corasick::{AhoCorasick, MatchKind};
use bitext_lexicon::numbers::{self, Number};

/// One aligned bead: its Chinese text, and where its English is in the English text checked.
#[derive(Debug, Clone)]
pub struct Bead {
    pub zh: String,
    pub en: Range<usize>,
}

/// Chinese terms of a glossary, longest first: 中华民族共同体意识 is not counted again as 中华民族.
pub(crate) struct ZhTerms {
    ac: Option<AhoCorasick>,
    /// Concept of each pattern.
    concept: Vec<usize>,
}

impl ZhTerms {
    pub(crate) fn new(terms: Vec<(String, usize)>) -> ZhTerms {
        let (patterns, concept): (Vec<String>, Vec<usize>) = terms.into_iter().unzip();
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .ok();
        ZhTerms { ac, concept }
    }

    /// Concepts whose Chinese term occurs in `text` on word boundaries (旗 in 鄂托克前旗, not in
    /// 国旗), with the term's byte range.
    pub(crate) fn find(&self, text: &str) -> Vec<(usize, Range<usize>)> {
        let Some(ac) = &self.ac else {
            return Vec::new();
        };
        let hits: Vec<_> = ac.find_iter(text).collect();
        if hits.is_empty() {
            return Vec::new();
        }
        let mut bounds = vec![0usize];
        let mut at = 0;
        for w in bitext_lexicon::words_hmm(text) {
            at += w.len();
            bounds.push(at);
        }
        hits.into_iter()
            .filter(|m| {
                bounds.binary_search(&m.start()).is_ok() && bounds.binary_search(&m.end()).is_ok()
            })
            .map(|m| (self.concept[m.pattern().as_usize()], m.range()))
            .collect()
    }
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Numbers of Chinese text for comparison: every number, 三成 as 30 %, and without the names of
/// five-year plans (十四五 is a plan, not 1,405).
pub(crate) fn zh_numbers(text: &str) -> Vec<Number> {
    let mut out: Vec<Number> = numbers::chinese(text)
        .into_iter()
        .filter(|n| {
            let s = &text[n.start..n.end];
            let plan = s.starts_with('十') && s.ends_with('五') && s.chars().count() == 3;
            !plan
        })
        .collect();
    // 三成 = 30 %: a digit one to nine and 成, when 成 does not start a word (成员, 成为 …).
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for w in chars.windows(3) {
        let (a, b, c) = (w[0], w[1], w[2].1);
        let digit = "一二三四五六七八九".find(a.1).map(|i| i / 3 + 1);
        if let (Some(d), '成') = (digit, b.1) {
            if !"员为立功就果本绩熟长效品型年人都".contains(c) {
                out.retain(|n| !(n.start <= a.0 && a.0 < n.end));
                out.push(Number {
                    value: d as f64 * 10.0,
                    percent: true,
                    start: a.0,
                    end: b.0 + b.1.len_utf8(),
                });
            }
        }
    }
    out.sort_by_key(|n| n.start);
    out
}

/// Numbers of English text, with month names next to a number (11 August 2021) as 1–12.
pub(crate) fn en_numbers(text: &str) -> Vec<Number> {
    let mut out = numbers::english(text);
    let words: Vec<bitext_lexicon::english::Word> = bitext_lexicon::english::words(text).collect();
    for (k, w) in words.iter().enumerate() {
        let lower = w.text.to_lowercase();
        let Some(m) = MONTHS.iter().position(|&x| x == lower) else {
            continue;
        };
        // Next to a number written in digits: "11 August", "August 2021".
        let before = &text[..w.start];
        let after = &text[w.start + w.text.len()..];
        let digit_near = before
            .trim_end()
            .trim_end_matches(',')
            .ends_with(|c: char| c.is_ascii_digit())
            || after.trim_start().starts_with(|c: char| c.is_ascii_digit());
        if digit_near && (w.is_capitalised() || k == 0) {
            out.push(Number {
                value: (m + 1) as f64,
                percent: false,
                start: w.start,
                end: w.start + w.text.len(),
            });
        }
    }
    out.sort_by_key(|n| n.start);
    out
}

/// Numbers worth holding the other side to: written in digits, or a percentage, or a Chinese or
/// English numeral of ten or more. Small numerals (一, two) are too often no number at all (统一,
/// 一些, "one of"), or rendered by a word (both, a pair).
pub(crate) fn salient(text: &str, n: &Number) -> bool {
    let s = &text[n.start..n.end];
    s.chars()
        .any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
        || n.percent
        || n.value >= 10.0
}

/// Whether `a` and `b` are the same quantity.
pub(crate) fn same(a: &Number, b: &Number) -> bool {
    a.percent == b.percent && (a.value - b.value).abs() <= 1e-6 * a.value.abs().max(1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(v: &[Number]) -> Vec<String> {
        v.iter().map(|n| n.key()).collect()
    }

    #[test]
    fn numbers_normalise() {
        assert_eq!(keys(&zh_numbers("全区有2.9万名干部")), ["29000"]);
        assert_eq!(keys(&zh_numbers("百分之九十的嘎查")), ["90%"]);
        assert_eq!(keys(&zh_numbers("1000余人参加")), ["1000"]);
        assert_eq!(keys(&zh_numbers("三成以上")), ["30%"]);
        assert_eq!(keys(&zh_numbers("三成员")), ["3"]);
        assert!(zh_numbers("“十四五”规划").is_empty());
        assert_eq!(keys(&zh_numbers("2021年8月11日")), ["2021", "8", "11"]);
        assert_eq!(keys(&en_numbers("on 11 August 2021")), ["11", "8", "2021"]);
        assert_eq!(
            keys(&en_numbers("They may go in May.")),
            Vec::<String>::new()
        );
        assert_eq!(keys(&en_numbers("more than 1,000 people")), ["1000"]);
    }
}
