//! `inconsistent-target`: one source text translated more than one way.

use super::text::{excerpt, has_words, key};
use super::{Check, Rule, Severity};
use crate::context::DocCtx;
use std::collections::HashMap;

pub(crate) const RULE: Rule = Rule {
    id: "inconsistent-target",
    severity: Severity::Warning,
    summary: "The same source text is translated in more than one way.",
    what: "Segment rule (bilingual files: TMX, XLIFF, PO, JSONL, TSV): groups the segments whose source \
           text is the same once case, spaces, punctuation and the digits of numbers are set \
           aside, and reports each group whose translations differ by more than that, once, at \
           the first segment that departs from the most frequent translation, with every \
           translation and its count. The source is the Chinese, or the English when the file \
           says so (an en→zh memory). Sources shorter than ten Han characters or five words \
           (是！, \"Yes, sir.\"), which context translates, and segments without words are left \
           out, and so are the beads of automatic alignment (a document pair), which can be a \
           sentence off. The \
           scope is each file, or every file of the run with `consistency = \"run\"`.",
    why: "A repeated sentence, heading or menu item translated two ways makes a reader wonder \
          whether two things are meant, and a translation memory that holds both feeds the \
          inconsistency to every later job.",
    example: "zh:       铸牢中华民族共同体意识 (three times)\n\
              en:       \"Forging a strong sense of community for the Chinese nation\" (2), \
              \"Building a strong sense of the Chinese national community\" (1)\n\
              finding:  inconsistent-target: the source is translated 2 ways",
};

pub(crate) struct InconsistentTarget;

impl Check for InconsistentTarget {
    fn rule(&self) -> &'static Rule {
        &RULE
    }

    fn set(&self, docs: &mut [DocCtx]) {
        report_groups(docs, &RULE, true);
    }
}

/// Whether a source is long enough for its translations to be held to each other: ten Han
/// characters or five words. A short line (是！, \"Yes.\") is translated by its context.
fn long_enough(source: &str) -> bool {
    source.chars().filter(|&c| super::text::is_han(c)).count() >= 10
        || super::text::words(source).count() >= 5
}

/// One text of a group: where it first is (document, segment) and how often it occurs.
struct Variant {
    shown: String,
    count: usize,
    first: (usize, usize),
}

/// Groups segments by one side's key and reports each group whose other side varies.
/// `by_source`: group by the source and vary the target (else the reverse).
pub(super) fn report_groups(docs: &mut [DocCtx], rule: &'static Rule, by_source: bool) {
    for scope in super::scopes(docs) {
        // group key → (the group's text as first seen, its variants in order of appearance).
        let mut groups: HashMap<String, (String, Vec<(String, Variant)>)> = HashMap::new();
        let mut order: Vec<String> = Vec::new();
        for &d in &scope {
            let ctx = &docs[d];
            let text = ctx.text();
            let english_source = !ctx.doc.source_chinese;
            // Beads of automatic alignment can be a sentence off: only aligned files.
            if ctx.doc.automatic {
                continue;
            }
            for (k, s) in ctx.doc.segments.iter().enumerate() {
                let en = text.get(s.en.clone()).unwrap_or("");
                let (source, target) = if english_source {
                    (en, s.zh.as_str())
                } else {
                    (s.zh.as_str(), en)
                };
                let (grouped, varied) = if by_source {
                    (source, target)
                } else {
                    (target, source)
                };
                if !has_words(grouped) || !has_words(varied) || !long_enough(source) {
                    continue;
                }
                let gk = key(grouped);
                let vk = key(varied);
                let entry = groups.entry(gk.clone()).or_insert_with(|| {
                    order.push(gk);
                    (grouped.trim().to_owned(), Vec::new())
                });
                match entry.1.iter_mut().find(|(k2, _)| *k2 == vk) {
                    Some((_, v)) => v.count += 1,
                    None => entry.1.push((
                        vk,
                        Variant {
                            shown: varied.trim().to_owned(),
                            count: 1,
                            first: (d, k),
                        },
                    )),
                }
            }
        }
        for gk in order {
            let (shown, variants) = &groups[&gk];
            if variants.len() < 2 {
                continue;
            }
            // The most frequent variant is the norm (the first seen on a tie); the finding goes
            // at the first segment of another one.
            let best = variants
                .iter()
                .enumerate()
                .max_by_key(|(i, (_, v))| (v.count, std::cmp::Reverse(*i)))
                .map_or(0, |(i, _)| i);
            let at = variants
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != best)
                .map(|(_, (_, v))| v.first)
                .min()
                .unwrap_or(variants[0].1.first);
            let list: Vec<String> = variants
                .iter()
                .map(|(_, v)| format!("\"{}\" ({})", excerpt(&v.shown, 80), v.count))
                .collect();
            let (what, other) = if by_source {
                ("source", "translated")
            } else {
                ("translation", "the translation of")
            };
            let message = if by_source {
                format!(
                    "the {what} \"{}\" is {other} {} ways: {}",
                    excerpt(shown, 80),
                    variants.len(),
                    list.join(", ")
                )
            } else {
                format!(
                    "the {what} \"{}\" is {other} {} different sources: {}",
                    excerpt(shown, 80),
                    variants.len(),
                    list.join(", ")
                )
            };
            let ctx = &mut docs[at.0];
            let span = ctx.doc.segments[at.1].en.clone();
            let expected = excerpt(&variants[best].1.shown, 200);
            ctx.report(rule, (span.start, span.end), expected, gk, message);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::findings_on_units;

    #[test]
    fn one_source_two_translations_is_one_finding_with_counts() {
        let units = [
            (
                "铸牢中华民族共同体意识。",
                "Forge a strong sense of community for the Chinese nation.",
            ),
            (
                "铸牢中华民族共同体意识",
                "forge a strong sense of community for the Chinese nation",
            ),
            (
                "铸牢中华民族共同体意识。",
                "Build a strong sense of the Chinese national community.",
            ),
            ("全区2.9万名干部参加培训。", "29,000 cadres took part."),
            ("全区3.1万名干部参加培训。", "31,000 cadres took part."),
        ];
        let f = findings_on_units("inconsistent-target", &units);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(
            f[0].found,
            "Build a strong sense of the Chinese national community."
        );
        assert!(
            f[0].message.contains("(2)") && f[0].message.contains("(1)"),
            "{}",
            f[0].message
        );
    }
}
