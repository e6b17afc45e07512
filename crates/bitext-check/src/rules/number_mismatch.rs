//! `number-mismatch`: a number of one side of a bead missing from the other.

use super::{Check, Rule, Severity};
use crate::context::DocCtx;
use bitext_lexicon::numbers::{self, Number};

pub(crate) const RULE: Rule = Rule {
    id: "number-mismatch",
    severity: Severity::Error,
    summary: "A number of one side of a bead is missing from the other.",
    what: "Bilingual: compares the numbers of each bead after normalisation: 2.9万 = 29,000, \
           百分之九十 = 90 %, 三成 = 30 %, 1000余 = more than 1,000, 2021年8月11日 = 11 August \
           2021; 十四五 names a plan and is no number. Chinese numbers written in digits, \
           percentages and numerals of ten or more must be in the English; English numbers in \
           digits must be in the Chinese.",
    why: "A wrong figure is the most damaging error a translation can make, and the easiest to \
          miss in review: 2.9万 rendered 2,900 reads naturally.",
    example: "zh:       全区2.9万名干部参加培训。\n\
              en:       \"2,900 cadres in the region took part in training.\"\n\
              finding:  number-mismatch: the Chinese has 2.9万 (29000), the English does not; \
              number-mismatch: the English has 2,900 (2900), the Chinese does not",
};

pub(crate) struct NumberMismatch;

impl Check for NumberMismatch {
    fn rule(&self) -> &'static Rule {
        &RULE
    }

    /// Each way. A finding's `term` is the number's value, so that baselines know it.
    fn document(&self, ctx: &mut DocCtx) {
        let text = ctx.text();
        let mut found = Vec::new();
        for bead in &ctx.doc.beads {
            let (s, e) = (bead.en.start.min(text.len()), bead.en.end.min(text.len()));
            let en = &text[s..e];
            let zn = zh_numbers(&bead.zh);
            let en_nums = en_numbers(en);
            let zh_keys: Vec<String> = zn.iter().map(|z| z.key()).collect();
            let mut used = vec![false; en_nums.len()];
            for z in &zn {
                let hit = en_nums
                    .iter()
                    .enumerate()
                    .find(|(k, x)| !used[*k] && same(z, x));
                match hit {
                    Some((k, _)) => used[k] = true,
                    None if salient(&bead.zh, z) => {
                        let written = &bead.zh[z.start..z.end];
                        let message = format!(
                            "the Chinese has {written} ({}), the English does not",
                            z.key()
                        );
                        found.push(((s, e), z.key(), z.key(), message));
                    }
                    None => {}
                }
            }
            for (k, x) in en_nums.iter().enumerate() {
                if used[k] || !salient(en, x) || zn.iter().any(|z| same(z, x)) {
                    continue;
                }
                let written = &en[x.start..x.end];
                let message = format!(
                    "the English has {written} ({}), the Chinese does not",
                    x.key()
                );
                let expected = format!("one of the Chinese numbers: {}", zh_keys.join(", "));
                found.push(((s + x.start, s + x.end), expected, x.key(), message));
            }
        }
        for (span, expected, term, message) in found {
            ctx.report(&RULE, span, expected, term, message);
        }
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
fn zh_numbers(text: &str) -> Vec<Number> {
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
fn en_numbers(text: &str) -> Vec<Number> {
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
fn salient(text: &str, n: &Number) -> bool {
    let s = &text[n.start..n.end];
    s.chars()
        .any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
        || n.percent
        || n.value >= 10.0
}

/// Whether `a` and `b` are the same quantity.
fn same(a: &Number, b: &Number) -> bool {
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
