//! `near-miss`: a misspelt name.

use super::{Check, Rule, Severity};
use crate::compile::NEAR_MISS_MIN_LEN;
use crate::context::DocCtx;
use crate::matcher::Token;

pub(crate) const RULE: Rule = Rule {
    id: "near-miss",
    severity: Severity::Info,
    summary: "A word is a misspelling of a name in the glossary.",
    what: "Finds capitalised words of six letters or more that are one edit (two for words \
           of eight letters or more) away from a proper-noun word of a glossary rendering, and \
           are neither a rendering word themselves, nor an inflection of one, nor a word the document also uses in lowercase (an ordinary English word), nor the name with another ending (Marxism beside Marxist).",
    why: "Misspelt place and programme names (Hulunbiur, Bayanur) survive spell checkers, which \
          do not know them, and they make a document unsearchable.",
    example: "glossary: 呼伦贝尔 → \"Hulunbuir\"\n\
              text:     \"in Hulunbiur City\"\n\
              finding:  near-miss: `Hulunbiur` looks like `Hulunbuir`",
};

pub(crate) struct NearMiss;

impl Check for NearMiss {
    fn rule(&self) -> &'static Rule {
        &RULE
    }

    /// Only names, so words the document itself uses in lowercase (ordinary English words) are
    /// neither names nor misspellings of one.
    fn document(&self, ctx: &mut DocCtx) {
        let checker = ctx.checker;
        let text = ctx.text();
        // Only words of NEAR_MISS_MIN_LEN letters or more matter, so bytes bound them first.
        let long = |t: &&Token| {
            t.end - t.start >= NEAR_MISS_MIN_LEN
                && text[t.start..t.end].chars().count() >= NEAR_MISS_MIN_LEN
        };
        let candidates: Vec<&Token> = ctx
            .folded
            .tokens
            .iter()
            .filter(|t| t.first_upper)
            .filter(long)
            .collect();
        if candidates.is_empty() {
            return;
        }
        let lowercase_words: rustc_hash::FxHashSet<&str> = ctx
            .folded
            .tokens
            .iter()
            .filter(|t| !t.first_upper)
            .filter(long)
            .map(|t| &text[t.start..t.end])
            .collect();
        let mut verdicts: rustc_hash::FxHashMap<&str, bool> = rustc_hash::FxHashMap::default();
        let mut found = Vec::new();
        for t in candidates {
            let word = &text[t.start..t.end];
            let len = word.chars().count();
            // A word seen before in this text is judged the same way.
            if verdicts.get(word) == Some(&false) {
                continue;
            }
            let lower = word.to_lowercase();
            if checker.vocabulary.contains(&lower) || lowercase_words.contains(lower.as_str()) {
                verdicts.insert(word, false);
                continue;
            }
            let max = if len >= 8 { 2 } else { 1 };
            let close = checker.names.iter().find(|n| {
                let name = &n.lower;
                if lowercase_words.contains(name.as_str()) {
                    return false;
                }
                // A different ending is another form of the word
                // (Marxism/Marxist, Mongolia/Mongolian), not a misspelling.
                let shared = lower
                    .chars()
                    .zip(name.chars())
                    .take_while(|(a, b)| a == b)
                    .count();
                if shared + 2 >= lower.chars().count().min(name.chars().count()) {
                    return false;
                }
                let d = strsim::damerau_levenshtein(&lower, name);
                (1..=max).contains(&d) && name.chars().next() == lower.chars().next()
            });
            let Some(n) = close else {
                verdicts.insert(word, false);
                continue;
            };
            // An inflection of the name itself is no misspelling.
            let stem = checker.folder.pattern(word).unwrap_or_default();
            if checker.folder.pattern(&n.lower).is_some_and(|s| s == stem)
                || checker.vocabulary.contains(stem.trim())
            {
                verdicts.insert(word, false);
                continue;
            }
            let term = checker.concepts[n.concept].id.clone();
            let message = format!("`{word}` looks like a misspelling of `{}`", n.written);
            found.push(((t.start, t.end), n.written.clone(), term, message));
        }
        for (span, expected, term, message) in found {
            ctx.report(&RULE, span, expected, term, message);
        }
    }
}
