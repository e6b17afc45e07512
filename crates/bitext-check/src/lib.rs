//! Terminology QA for Chinese–English translations.
//!
//! A [`Checker`] compiles a [`Glossary`] once and checks English documents
//! against it, producing [`Diagnostic`]s under the rules of [`rules`]:
//! `deprecated-term`, `inconsistent-term` and `near-miss`. [`baseline`]
//! fingerprints findings so CI fails on new ones only, and [`render`]
//! writes them as a human report, JSON or SARIF.
//!
//! ```
//! use bitext_check::Checker;
//! use bitext_glossary::Glossary;
//!
//! let glossary = Glossary::from_str(r#"
//! [[term]]
//! id = "banner"
//! zh = "旗"
//! en.preferred = "banner"
//! en.deprecated = ["flag county"]
//! "#, "g.toml").unwrap();
//! let checker = Checker::new(&glossary);
//! let text = "Key ecological function flag counties (cities, districts).";
//! let findings = checker.check_english("a.txt", text, 0);
//! assert_eq!(findings[0].rule, "deprecated-term");
//! assert_eq!(findings[0].found, "flag counties");
//! assert_eq!(findings[0].column, 25);
//! ```

pub mod baseline;
pub mod bilingual;
mod diagnostic;
pub mod fix;
pub mod matcher;
pub mod render;
pub mod rules;

pub use diagnostic::Diagnostic;
pub use rules::{Rule, Severity, RULES};

use bitext_core::LineIndex;
use bitext_glossary::{Concept, Glossary};
use matcher::{Folded, Folder, Matcher};
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};

/// Shortest word the near-miss rule considers: below this, one edit turns
/// too many names into common words (Three/There).
const NEAR_MISS_MIN_LEN: usize = 6;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Preferred,
    Admitted,
    Deprecated(usize),
    /// A phrase that contains a rendering but is no use of the concept;
    /// matched only so that, being longer, it hides the rendering.
    Exception,
}

struct Pattern {
    concept: usize,
    kind: Kind,
    /// The rendering as written in the glossary.
    rendering: String,
    /// Its words, for case-sensitive concepts.
    upper: Vec<bool>,
}

/// A glossary compiled for matching.
pub struct Checker<'g> {
    concepts: &'g [Concept],
    folder: Folder,
    patterns: Vec<Pattern>,
    matcher: Matcher,
    /// Proper-noun words of accepted renderings, for near-miss.
    names: Vec<Name>,
    /// Every word of every rendering, lowercase, and their stems.
    vocabulary: rustc_hash::FxHashSet<String>,
    /// Chinese terms and variants, for the bilingual rules.
    /// Chinese terms, compiled on first use (only bilingual checks need them).
    zh_terms: std::sync::OnceLock<bilingual::ZhTerms>,
}

/// A capitalised word of an accepted rendering.
struct Name {
    lower: String,
    written: String,
    concept: usize,
}

/// Where a document uses the glossary's renderings (see [`Checker::check_english_with_usage`]).
pub struct Usage(Vec<Use>);

/// One use of a concept in a document.
struct Use {
    concept: usize,
    kind: Kind,
    start: usize,
    end: usize,
    pattern: usize,
}

impl<'g> Checker<'g> {
    pub fn new(glossary: &'g Glossary) -> Self {
        let folder = Folder::default();
        let mut patterns = Vec::new();
        let mut keys = Vec::new();
        let mut names: Vec<Name> = Vec::new();
        let mut vocabulary = rustc_hash::FxHashSet::default();
        // (concept, key) → capitalisations already kept.
        let mut seen: HashMap<(usize, String), Vec<Vec<bool>>> = HashMap::new();
        // Every rendering, stemmed in parallel (a large glossary has tens of thousands).
        let all: Vec<(usize, Kind, &String)> = glossary
            .concepts
            .iter()
            .enumerate()
            .flat_map(|(ci, c)| {
                std::iter::once((ci, Kind::Preferred, &c.preferred))
                    .chain(c.admitted.iter().map(move |a| (ci, Kind::Admitted, a)))
                    .chain(
                        c.deprecated
                            .iter()
                            .enumerate()
                            .map(move |(i, d)| (ci, Kind::Deprecated(i), &d.text)),
                    )
                    .chain(c.exceptions.iter().map(move |e| (ci, Kind::Exception, e)))
            })
            .collect();
        let folded: Vec<Option<(String, Vec<matcher::Token>)>> = all
            .par_iter()
            .map(|(_, _, r)| Some((folder.pattern(r)?, folder.tokens(r))))
            .collect();
        for ((ci, kind, rendering), f) in all.into_iter().zip(folded) {
            let c = &glossary.concepts[ci];
            {
                let Some((key, tokens)) = f else {
                    continue;
                };
                let upper: Vec<bool> = tokens.iter().map(|t| t.first_upper).collect();
                for t in &tokens {
                    let word = &rendering[t.start..t.end];
                    vocabulary.insert(word.to_lowercase());
                    if matches!(kind, Kind::Preferred | Kind::Admitted)
                        && t.first_upper
                        && word.chars().count() >= NEAR_MISS_MIN_LEN
                        && !names.iter().any(|n| n.lower == word.to_lowercase())
                    {
                        names.push(Name {
                            lower: word.to_lowercase(),
                            written: word.to_owned(),
                            concept: ci,
                        });
                    }
                }
                if kind != Kind::Exception {
                    for stem in key.split(' ') {
                        vocabulary.insert(stem.to_owned());
                    }
                }
                // Renderings that fold to the same words (inflections, hyphen
                // variants) are one rendering; the accepted one, listed
                // first, wins.
                let seen_forms = seen.entry((ci, key.clone())).or_default();
                if seen_forms
                    .iter()
                    .any(|u: &Vec<bool>| !c.case_sensitive || *u == upper)
                {
                    continue;
                }
                seen_forms.push(upper.clone());
                keys.push(key);
                patterns.push(Pattern {
                    concept: ci,
                    kind,
                    rendering: rendering.clone(),
                    upper,
                });
            }
        }
        let matcher = Matcher::new(&keys);
        Checker {
            concepts: &glossary.concepts,
            folder,
            patterns,
            matcher,
            names,
            vocabulary,
            zh_terms: std::sync::OnceLock::new(),
        }
    }

    fn zh_terms(&self) -> &bilingual::ZhTerms {
        self.zh_terms.get_or_init(|| {
            bilingual::ZhTerms::new(
                self.concepts
                    .iter()
                    .enumerate()
                    .flat_map(|(ci, c)| {
                        std::iter::once(&c.zh)
                            .chain(&c.zh_variants)
                            .map(move |z| (z.clone(), ci))
                    })
                    .collect(),
            )
        })
    }

    /// The bilingual rules over aligned beads: `term-mismatch` (the Chinese has a glossary term,
    /// the English none of its accepted renderings, nor a deprecated one, which deprecated-term
    /// reports) and `number-mismatch` (a number of one side missing from the other, after
    /// normalisation: 2.9万 = 29,000, 百分之九十 = 90 %, 三成 = 30 %, 8月 = August). `text` is the
    /// English text that the beads' ranges point into.
    pub fn check_bilingual(
        &self,
        path: &str,
        text: &str,
        offset_base: usize,
        beads: &[bilingual::Bead],
        usage: &Usage,
    ) -> Vec<Diagnostic> {
        let uses = &usage.0;
        let index = LineIndex::new(text);
        let mut out = Vec::new();
        for bead in beads {
            let (s, e) = (bead.en.start.min(text.len()), bead.en.end.min(text.len()));
            let en = &text[s..e];
            let here: Vec<&Use> = uses.iter().filter(|u| u.start >= s && u.end <= e).collect();
            // term-mismatch, once per concept and bead.
            let mut seen = HashSet::new();
            for (ci, zr) in self.zh_terms().find(&bead.zh) {
                if !seen.insert(ci) || here.iter().any(|u| u.concept == ci) {
                    continue;
                }
                let c = &self.concepts[ci];
                let mut accepted = vec![format!("`{}`", c.preferred)];
                accepted.extend(c.admitted.iter().map(|a| format!("`{a}`")));
                let message = format!(
                    "the Chinese has {} ({}) but the English has none of {}",
                    &bead.zh[zr.clone()],
                    c.id,
                    accepted.join(", ")
                );
                out.push(diagnostic(
                    &rules::TERM_MISMATCH,
                    path,
                    text,
                    &index,
                    offset_base,
                    (s, e),
                    c.preferred.clone(),
                    c.id.clone(),
                    message,
                ));
            }
            // number-mismatch, each way. `term` is the number's value, so that baselines know it.
            let zn = bilingual::zh_numbers(&bead.zh);
            let en_nums = bilingual::en_numbers(en);
            let zh_keys: Vec<String> = zn.iter().map(|z| z.key()).collect();
            let mut number = |span: (usize, usize), expected: String, key: String, message| {
                out.push(diagnostic(
                    &rules::NUMBER_MISMATCH,
                    path,
                    text,
                    &index,
                    offset_base,
                    span,
                    expected,
                    key,
                    message,
                ));
            };
            let mut used = vec![false; en_nums.len()];
            for z in &zn {
                let found = en_nums
                    .iter()
                    .enumerate()
                    .find(|(k, x)| !used[*k] && bilingual::same(z, x));
                match found {
                    Some((k, _)) => used[k] = true,
                    None if bilingual::salient(&bead.zh, z) => {
                        let written = &bead.zh[z.start..z.end];
                        let message = format!(
                            "the Chinese has {written} ({}), the English does not",
                            z.key()
                        );
                        number((s, e), z.key(), z.key(), message);
                    }
                    None => {}
                }
            }
            for (k, x) in en_nums.iter().enumerate() {
                if used[k] || !bilingual::salient(en, x) || zn.iter().any(|z| bilingual::same(z, x))
                {
                    continue;
                }
                let written = &en[x.start..x.end];
                let message = format!(
                    "the English has {written} ({}), the Chinese does not",
                    x.key()
                );
                let expected = format!("one of the Chinese numbers: {}", zh_keys.join(", "));
                number((s + x.start, s + x.end), expected, x.key(), message);
            }
        }
        out
    }

    /// Checks one English document. `path` is the name reported;
    /// `offset_base` is added to byte spans (the BOM length of the file).
    /// Diagnostics come sorted by position, without fingerprints (see
    /// [`baseline::fingerprint_all`]).
    pub fn check_english(&self, path: &str, text: &str, offset_base: usize) -> Vec<Diagnostic> {
        self.check_english_with_usage(path, text, offset_base).0
    }

    /// [`Checker::check_english`], and the document's uses of glossary renderings, for
    /// [`Checker::check_bilingual`] and [`Checker::inconsistent_across`] (so that the text is read
    /// once).
    pub fn check_english_with_usage(
        &self,
        path: &str,
        text: &str,
        offset_base: usize,
    ) -> (Vec<Diagnostic>, Usage) {
        let folded = self.matcher.fold(&self.folder, text);
        let uses = self.uses(&folded, text);
        let index = LineIndex::new(text);
        let mut out = Vec::new();
        let mut emit = |rule: &rules::Rule,
                        start: usize,
                        end: usize,
                        expected: String,
                        term: String,
                        message: String| {
            out.push(diagnostic(
                rule,
                path,
                text,
                &index,
                offset_base,
                (start, end),
                expected,
                term,
                message,
            ));
        };

        // deprecated-term
        for u in &uses {
            if let Kind::Deprecated(i) = u.kind {
                let c = &self.concepts[u.concept];
                let found = &text[u.start..u.end];
                let mut message = format!(
                    "`{}` is a deprecated rendering of {} ({}); use `{}`",
                    one_line(found),
                    c.zh,
                    c.id,
                    c.preferred
                );
                if let Some(reason) = &c.deprecated[i].reason {
                    message.push_str(": ");
                    message.push_str(reason);
                }
                emit(
                    &rules::DEPRECATED_TERM,
                    u.start,
                    u.end,
                    c.preferred.clone(),
                    c.id.clone(),
                    message,
                );
            }
        }

        // inconsistent-term: group uses by concept, variants by rendering.
        let mut by_concept: HashMap<usize, Vec<&Use>> = HashMap::new();
        for u in &uses {
            by_concept.entry(u.concept).or_default().push(u);
        }
        let mut concepts: Vec<_> = by_concept.into_iter().collect();
        concepts.sort_by_key(|(_, us)| us[0].start);
        for (ci, us) in concepts {
            // variant key: the glossary rendering matched, in order of first use.
            let mut variants: Vec<(usize, usize, &Use)> = Vec::new(); // (pattern, count, first)
            for u in &us {
                match variants.iter_mut().find(|(p, _, _)| *p == u.pattern) {
                    Some(v) => v.1 += 1,
                    None => variants.push((u.pattern, 1, u)),
                }
            }
            if variants.len() < 2 {
                continue;
            }
            let c = &self.concepts[ci];
            // The dominant variant: the most used accepted one, else the most used.
            let dominant = variants
                .iter()
                .enumerate()
                .max_by_key(|(k, (p, n, _))| {
                    let accepted = !matches!(self.patterns[*p].kind, Kind::Deprecated(_));
                    (accepted, *n, std::cmp::Reverse(*k))
                })
                .map(|(k, _)| k)
                .unwrap_or(0);
            let at = variants
                .iter()
                .enumerate()
                .filter(|(k, _)| *k != dominant)
                .map(|(_, v)| v.2)
                .min_by_key(|u| u.start)
                .expect("two variants or more");
            let list = variants
                .iter()
                .map(|(p, n, _)| format!("`{}` ×{n}", self.patterns[*p].rendering))
                .collect::<Vec<_>>()
                .join(", ");
            let message = format!(
                "{} ({}) is rendered {} ways in this document: {list} (preferred: `{}`)",
                c.zh,
                c.id,
                variants.len(),
                c.preferred
            );
            emit(
                &rules::INCONSISTENT_TERM,
                at.start,
                at.end,
                c.preferred.clone(),
                c.id.clone(),
                message,
            );
        }

        // near-miss: only names, so words the document itself uses in
        // lowercase (ordinary English words) are neither names nor
        // misspellings of one.
        // Only words of NEAR_MISS_MIN_LEN letters or more matter, so bytes bound them first.
        let long = |t: &&matcher::Token| {
            t.end - t.start >= NEAR_MISS_MIN_LEN
                && text[t.start..t.end].chars().count() >= NEAR_MISS_MIN_LEN
        };
        let candidates: Vec<&matcher::Token> = folded
            .tokens
            .iter()
            .filter(|t| t.first_upper)
            .filter(long)
            .collect();
        let lowercase_words: rustc_hash::FxHashSet<&str> = if candidates.is_empty() {
            rustc_hash::FxHashSet::default()
        } else {
            folded
                .tokens
                .iter()
                .filter(|t| !t.first_upper)
                .filter(long)
                .map(|t| &text[t.start..t.end])
                .collect()
        };
        let mut verdicts: rustc_hash::FxHashMap<&str, bool> = rustc_hash::FxHashMap::default();
        for t in candidates {
            let word = &text[t.start..t.end];
            let len = word.chars().count();
            // A word seen before in this text is judged the same way.
            if verdicts.get(word) == Some(&false) {
                continue;
            }
            let lower = word.to_lowercase();
            if self.vocabulary.contains(&lower) || lowercase_words.contains(lower.as_str()) {
                verdicts.insert(word, false);
                continue;
            }
            let max = if len >= 8 { 2 } else { 1 };
            let close = self.names.iter().find(|n| {
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
            {
                // An inflection of the name itself is no misspelling.
                let stem = self.folder.pattern(word).unwrap_or_default();
                if self.folder.pattern(&n.lower).is_some_and(|s| s == stem)
                    || self.vocabulary.contains(stem.trim())
                {
                    verdicts.insert(word, false);
                    continue;
                }
                let term = self.concepts[n.concept].id.clone();
                let message = format!("`{word}` looks like a misspelling of `{}`", n.written);
                let expected = n.written.clone();
                emit(&rules::NEAR_MISS, t.start, t.end, expected, term, message);
            }
        }
        out.sort_by(|a, b| (a.span, a.rule).cmp(&(b.span, b.rule)));
        (out, Usage(uses))
    }

    /// `inconsistent-term` across documents: a concept that documents render in different ways,
    /// each document being consistent on its own (that case is reported per document). One
    /// finding per document whose usual rendering is not the set's, at its first use.
    /// `docs`: (path, text, offset base).
    pub fn inconsistent_across(&self, docs: &[(&str, &str, usize, &Usage)]) -> Vec<Diagnostic> {
        if docs.len() < 2 {
            return Vec::new();
        }
        let uses: Vec<&Vec<Use>> = docs.iter().map(|d| &d.3 .0).collect();
        // concept → its variants: (pattern, count, count per document)
        type Variant = (usize, usize, Vec<usize>);
        let mut by: std::collections::BTreeMap<usize, Vec<Variant>> =
            std::collections::BTreeMap::new();
        for (d, us) in uses.iter().enumerate() {
            for u in us.iter() {
                let vs = by.entry(u.concept).or_default();
                let k = match vs.iter().position(|v| v.0 == u.pattern) {
                    Some(k) => k,
                    None => {
                        vs.push((u.pattern, 0, vec![0; docs.len()]));
                        vs.len() - 1
                    }
                };
                vs[k].1 += 1;
                vs[k].2[d] += 1;
            }
        }
        let accepted = |p: usize| !matches!(self.patterns[p].kind, Kind::Deprecated(_));
        let mut out = Vec::new();
        for (ci, vs) in by {
            if vs.len() < 2 {
                continue;
            }
            let best = |counts: &dyn Fn(&Variant) -> usize| {
                vs.iter()
                    .enumerate()
                    .filter(|(_, v)| counts(v) > 0)
                    .max_by_key(|(k, v)| (accepted(v.0), counts(v), std::cmp::Reverse(*k)))
                    .map(|(k, _)| k)
            };
            let Some(set_dominant) = best(&|v| v.1) else {
                continue;
            };
            let c = &self.concepts[ci];
            let docs_of = |v: &Variant| v.2.iter().filter(|&&n| n > 0).count();
            let list = vs
                .iter()
                .map(|v| {
                    let n = docs_of(v);
                    format!(
                        "`{}` ×{} in {n} document{}",
                        self.patterns[v.0].rendering,
                        v.1,
                        if n == 1 { "" } else { "s" }
                    )
                })
                .collect::<Vec<_>>()
                .join(", ");
            for (d, &(path, text, base, _)) in docs.iter().enumerate() {
                let Some(dom) = best(&|v| v.2[d]) else {
                    continue;
                };
                if dom == set_dominant {
                    continue;
                }
                let pattern = vs[dom].0;
                let Some(u) = uses[d].iter().find(|u| u.pattern == pattern) else {
                    continue;
                };
                let message = format!(
                    "{} ({}) is rendered differently across the {} documents checked: {list} \
                     (preferred: `{}`); this document mostly uses `{}`",
                    c.zh,
                    c.id,
                    docs.len(),
                    c.preferred,
                    self.patterns[pattern].rendering
                );
                let index = LineIndex::new(text);
                out.push(diagnostic(
                    &rules::INCONSISTENT_TERM,
                    path,
                    text,
                    &index,
                    base,
                    (u.start, u.end),
                    c.preferred.clone(),
                    c.id.clone(),
                    message,
                ));
            }
        }
        out
    }

    fn uses(&self, folded: &Folded, text: &str) -> Vec<Use> {
        let mut uses = Vec::new();
        for hit in self.matcher.find(folded) {
            let p = &self.patterns[hit.pattern];
            if p.kind == Kind::Exception {
                continue;
            }
            let tokens = &folded.tokens[hit.first_token..hit.end_token];
            if self.concepts[p.concept].case_sensitive
                && tokens
                    .iter()
                    .zip(&p.upper)
                    .enumerate()
                    // A lowercase first word may be capitalised at the start of a sentence.
                    .any(|(i, (t, &u))| (u || i != 0) && t.first_upper != u)
            {
                continue;
            }
            let start = tokens[0].start;
            let end = tokens[tokens.len() - 1].end;
            debug_assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
            uses.push(Use {
                concept: p.concept,
                kind: p.kind,
                start,
                end,
                pattern: hit.pattern,
            });
        }
        uses
    }
}

/// A finding at `span` (byte range in `text`).
#[allow(clippy::too_many_arguments)]
fn diagnostic(
    rule: &rules::Rule,
    path: &str,
    text: &str,
    index: &LineIndex,
    offset_base: usize,
    (start, end): (usize, usize),
    expected: String,
    term: String,
    message: String,
) -> Diagnostic {
    let (line, column) = index.line_col(text, start);
    let (end_line, end_column) = index.line_col(text, end);
    Diagnostic {
        rule: rule.id,
        severity: rule.severity,
        path: path.to_owned(),
        line,
        column,
        end_line,
        end_column,
        span: [offset_base + start, offset_base + end],
        found: text[start..end].to_owned(),
        expected,
        term,
        message,
        fingerprint: String::new(),
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
