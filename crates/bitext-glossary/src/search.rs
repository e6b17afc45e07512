//! Fuzzy look-up of concepts, as a CAT tool's termbase search: by any rendering (preferred,
//! admitted or deprecated) or by the Chinese, exact, inflected, in another word order, in part,
//! or misspelt.
//!
//! Each rendering (and each Chinese form) of a concept is scored against the query, the concept
//! keeps its best score:
//! - 1.00 the same text (case aside);
//! - 0.95 the same words once inflection is set aside ("ethnic groups" for "ethnic group");
//! - 0.90 the same words in another order ("unity ethnic" for "ethnic unity");
//! - a part: the query's words among the rendering's (or the other way round), scored by their
//!   share of the longer one, times 0.85;
//! - a misspelling: the normalised Levenshtein similarity of the two texts (strsim), times 0.9,
//!   when it is 0.75 or more ("Hulunbiur" for "Hulunbuir").
//!
//! Chinese queries are scored by the same steps on characters: the same text, a part (one
//! contains the other), or a character-bigram Dice coefficient.

use crate::{Concept, Glossary};
use bitext_lexicon::english::inflection_base;
use serde::Serialize;

/// A concept found, with why.
#[derive(Debug, Clone, Serialize)]
pub struct Hit<'g> {
    /// Index of the concept in the glossary.
    #[serde(skip)]
    pub concept: usize,
    pub id: &'g str,
    pub zh: &'g str,
    pub preferred: &'g str,
    pub score: f64,
    /// What matched: the rendering or Chinese form, its status and how.
    pub matched: &'g str,
    pub status: &'static str,
    pub how: &'static str,
}

/// The concepts that match `query`, best first, at most `limit`, with a score of `min_score` or
/// more.
pub fn search<'g>(
    glossary: &'g Glossary,
    query: &str,
    limit: usize,
    min_score: f64,
) -> Vec<Hit<'g>> {
    let query = query.trim();
    if query.is_empty() {
        return Vec::new();
    }
    let chinese = query.chars().any(bitext_core::is_han);
    let q = Words::new(query);
    let mut hits: Vec<Hit> = glossary
        .concepts
        .iter()
        .enumerate()
        .filter_map(|(k, c)| {
            let best = forms(c, chinese)
                .filter_map(|(text, status)| {
                    let (score, how) = if chinese {
                        score_chinese(query, text)
                    } else {
                        score_english(&q, text)
                    };
                    (score > 0.0).then_some((score, how, text, status))
                })
                .max_by(|a, b| a.0.total_cmp(&b.0))?;
            (best.0 >= min_score).then_some(Hit {
                concept: k,
                id: &c.id,
                zh: &c.zh,
                preferred: &c.preferred,
                score: (best.0 * 100.0).round() / 100.0,
                matched: best.2,
                status: best.3,
                how: best.1,
            })
        })
        .collect();
    hits.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.id.cmp(b.id)));
    hits.truncate(limit);
    hits
}

/// The texts a concept is looked up by: its Chinese forms, or its renderings, with their status.
fn forms(c: &Concept, chinese: bool) -> Box<dyn Iterator<Item = (&str, &'static str)> + '_> {
    if chinese {
        Box::new(
            std::iter::once((c.zh.as_str(), "Chinese")).chain(
                c.zh_variants
                    .iter()
                    .map(|v| (v.as_str(), "Chinese variant")),
            ),
        )
    } else {
        Box::new(
            std::iter::once((c.preferred.as_str(), "preferred"))
                .chain(c.admitted.iter().map(|a| (a.as_str(), "admitted")))
                .chain(c.deprecated.iter().map(|d| (d.text.as_str(), "deprecated"))),
        )
    }
}

/// A text's words: lowercased, and their inflectional bases.
struct Words {
    lower: String,
    bases: Vec<String>,
}

impl Words {
    fn new(s: &str) -> Words {
        let lower = s.to_lowercase();
        let bases = lower
            .split(|c: char| !(c.is_alphanumeric() || c == '\''))
            .filter(|w| !w.is_empty())
            .map(|w| inflection_base(w).into_owned())
            .collect();
        Words { lower, bases }
    }
}

fn score_english(q: &Words, text: &str) -> (f64, &'static str) {
    let t = Words::new(text);
    if q.lower == t.lower {
        return (1.0, "exact");
    }
    if q.bases == t.bases {
        return (0.95, "inflected");
    }
    let mut qs = q.bases.clone();
    let mut ts = t.bases.clone();
    qs.sort();
    ts.sort();
    if qs == ts {
        return (0.9, "word order");
    }
    let shared = q.bases.iter().filter(|w| t.bases.contains(w)).count();
    let part = if shared == q.bases.len().min(t.bases.len()) && shared > 0 {
        0.85 * shared as f64 / q.bases.len().max(t.bases.len()) as f64
    } else {
        0.0
    };
    let near = strsim::normalized_levenshtein(&q.lower, &t.lower);
    let near = if near >= 0.75 { 0.9 * near } else { 0.0 };
    if near >= part && near > 0.0 {
        (near, "near spelling")
    } else if part > 0.0 {
        (part, "part")
    } else {
        (0.0, "")
    }
}

fn score_chinese(query: &str, text: &str) -> (f64, &'static str) {
    if query == text {
        return (1.0, "exact");
    }
    let (ql, tl) = (query.chars().count(), text.chars().count());
    if text.contains(query) || query.contains(text) {
        return (0.85 * ql.min(tl) as f64 / ql.max(tl) as f64, "part");
    }
    let bigrams = |s: &str| -> Vec<(char, char)> {
        let cs: Vec<char> = s.chars().collect();
        cs.windows(2).map(|w| (w[0], w[1])).collect()
    };
    let (a, b) = (bigrams(query), bigrams(text));
    if a.is_empty() || b.is_empty() {
        return (0.0, "");
    }
    let shared = a.iter().filter(|x| b.contains(x)).count();
    let dice = 2.0 * shared as f64 / (a.len() + b.len()) as f64;
    if dice >= 0.5 {
        (0.8 * dice, "near")
    } else {
        (0.0, "")
    }
}

#[cfg(test)]
mod tests {
    use super::search;
    use crate::Glossary;

    fn glossary() -> Glossary {
        Glossary::from_str(
            r#"
[[term]]
id = "ethnic-unity"
zh = "民族团结"
en.preferred = "ethnic unity"
en.deprecated = ["national unity", "national solidarity"]

[[term]]
id = "ethnic-unity-and-progress"
zh = "民族团结进步"
en.preferred = "ethnic unity and progress"

[[term]]
id = "hulunbuir"
zh = "呼伦贝尔"
en.preferred = "Hulunbuir"
en.admitted = ["Hulun Buir"]
"#,
            "g.toml",
        )
        .unwrap()
    }

    #[test]
    fn finds_by_any_rendering_inflected_reordered_or_misspelt() {
        let g = glossary();
        let top = |q: &str| {
            let h = search(&g, q, 5, 0.5);
            (h[0].id.to_string(), h[0].how, h[0].status)
        };
        assert_eq!(
            top("Ethnic Unity"),
            ("ethnic-unity".into(), "exact", "preferred")
        );
        assert_eq!(
            top("national solidarities"),
            ("ethnic-unity".into(), "inflected", "deprecated")
        );
        assert_eq!(
            top("unity, ethnic"),
            ("ethnic-unity".into(), "word order", "preferred")
        );
        assert_eq!(
            top("Hulunbiur"),
            ("hulunbuir".into(), "near spelling", "preferred")
        );
        assert_eq!(top("民族团结"), ("ethnic-unity".into(), "exact", "Chinese"));
        // A part: the longer concept is found too, scored lower.
        let h = search(&g, "progress", 5, 0.1);
        assert_eq!(h[0].id, "ethnic-unity-and-progress");
        assert!(h[0].score < 0.5);
        assert!(search(&g, "banner", 5, 0.5).is_empty());
    }
}
