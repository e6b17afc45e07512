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
           are none of: a rendering word or an inflection of one, a word the document also uses \
           in lowercase (an ordinary English word), a word or name of CC-CEDICT's English, a \
           word made of pinyin syllables (Liu Yunshan is a person, not a misspelt Yinshan), the \
           name with another ending (Marxism beside Marxist), or the name with one vowel \
           changed (Harqin and Horqin are two banners).",
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
            // A word that is a rendering's word, an ordinary word of this document, a word or
            // name of the dictionary, or pinyin (a Chinese name: Liu Yunshan) is no misspelling.
            if checker.vocabulary.contains(&lower)
                || lowercase_words.contains(lower.as_str())
                || bitext_lexicon::is_dictionary_word(&lower)
                || bitext_lexicon::is_pinyin(&lower)
            {
                verdicts.insert(word, false);
                continue;
            }
            let max = if len >= 8 { 2 } else { 1 };
            let close = checker.names.iter().find(|n| {
                let name = &n.lower;
                if lowercase_words.contains(name.as_str()) {
                    return false;
                }
                // A different last letter or an added ending is another form of the word
                // (Marxism/Marxist, Mongolia/Mongolian), not a misspelling; a letter dropped
                // before the end (Bayanur for Bayannur) is one.
                let shared = lower
                    .chars()
                    .zip(name.chars())
                    .take_while(|(a, b)| a == b)
                    .count();
                if shared + 1 >= lower.chars().count().min(name.chars().count()) {
                    return false;
                }
                let d = strsim::damerau_levenshtein(&lower, name);
                (1..=max).contains(&d)
                    && name.chars().next() == lower.chars().next()
                    && !other_vowel(&lower, name)
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

/// Whether `a` differs from `b` only by one vowel put for another: another name (Harqin, Horqin)
/// more often than a typing error, which drops, doubles or swaps letters.
fn other_vowel(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len() != b.len() {
        return false;
    }
    let diff: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
    let vowel = |c: char| "aeiouy".contains(c);
    diff.len() == 1 && vowel(a[diff[0]]) && vowel(b[diff[0]])
}

#[cfg(test)]
mod tests {
    use crate::Checker;
    use bitext_glossary::Glossary;

    fn near_misses(text: &str) -> Vec<String> {
        let g = Glossary::from_str(
            "[[term]]\nid = \"hulunbuir\"\nzh = \"呼伦贝尔\"\nen.preferred = \"Hulunbuir\"\n\n\
             [[term]]\nid = \"bayannur\"\nzh = \"巴彦淖尔\"\nen.preferred = \"Bayannur\"\n\n\
             [[term]]\nid = \"yinshan\"\nzh = \"阴山\"\nen.preferred = \"Yinshan Mountains\"\n\n\
             [[term]]\nid = \"horqin\"\nzh = \"科尔沁\"\nen.preferred = \"Horqin\"\n",
            "g.toml",
        )
        .unwrap();
        Checker::new(&g)
            .check_english("a.txt", text, 0)
            .into_iter()
            .filter(|d| d.rule == "near-miss")
            .map(|d| d.found)
            .collect()
    }

    #[test]
    fn misspelt_names_are_found() {
        assert_eq!(
            near_misses("Herders of Hulunbiur and Bayanur met."),
            ["Hulunbiur", "Bayanur"]
        );
    }

    #[test]
    fn other_real_names_are_not_misspellings() {
        // A person (pinyin), another banner (one vowel), a dictionary name.
        assert!(near_misses("Liu Yunshan visited Harqin Banner in Chifeng.").is_empty());
    }
}
