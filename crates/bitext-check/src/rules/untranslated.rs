//! `untranslated`: a target that is the source again, or English left in the Chinese.

use super::text::{excerpt, is_han, key, words};
use super::{Check, Rule, Severity};
use crate::context::DocCtx;

pub(crate) const RULE: Rule = Rule {
    id: "untranslated",
    severity: Severity::Warning,
    summary: "The target is the source text copied, or the Chinese side has no Chinese.",
    what: "Segment rule (aligned files and pairs): reports a segment whose two sides are the \
           same text (case, spaces and punctuation aside) when that text has Han characters or \
           two lowercase words (a sentence, not a name, code or number), and a segment whose \
           Chinese side has no Han character but three lowercase English words.",
    why: "A segment copied from source to target (a CAT tool's \"copy source\") and then \
          forgotten is invisible in a word count and obvious to every reader of the product.",
    example: "source:   \"Wash your hands often with soap and water.\"\n\
              target:   \"Wash your hands often with soap and water.\"\n\
              finding:  untranslated: the target is the source text",
};

pub(crate) struct Untranslated;

/// Lowercase words of two letters or more (not names, not codes).
fn lowercase_words(s: &str) -> usize {
    words(s)
        .filter(|(_, w)| {
            w.chars().count() >= 2 && w.chars().all(|c| c.is_lowercase() || c == '\'' || c == '-')
        })
        .count()
}

impl Check for Untranslated {
    fn rule(&self) -> &'static Rule {
        &RULE
    }

    fn document(&self, ctx: &mut DocCtx) {
        let mut found = Vec::new();
        for (s, en) in ctx.segments() {
            if en.trim().is_empty() || s.zh.trim().is_empty() {
                continue;
            }
            let han = s.zh.chars().any(is_han);
            let message = if key(en) == key(&s.zh) && (han || lowercase_words(en) >= 2) {
                format!("the target is the source text: \"{}\"", excerpt(en, 80))
            } else if !han && lowercase_words(&s.zh) >= 3 {
                format!(
                    "the Chinese side has no Chinese: \"{}\"",
                    excerpt(&s.zh, 80)
                )
            } else {
                continue;
            };
            found.push(((s.en.start, s.en.end), message));
        }
        ctx.report_all(&RULE, found);
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::findings_on_units;

    #[test]
    fn copies_and_english_in_the_chinese_are_reported() {
        let f = findings_on_units(
            "untranslated",
            &[
                ("Wash your hands often.", "Wash your hands often."),
                ("COVID-19", "COVID-19"),
                ("Johns Hopkins University", "Johns Hopkins University"),
                (
                    "Stay at home if you are sick",
                    "If you are sick, stay home.",
                ),
                ("勤洗手。", "Wash your hands often."),
            ],
        );
        assert_eq!(f.len(), 2, "{f:?}");
        assert!(f[0].message.contains("is the source"));
        assert!(f[1].message.contains("no Chinese"));
    }
}
