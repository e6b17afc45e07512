//! A glossary compiled for matching: every rendering folded to stem numbers in one automaton, the
//! names for near-miss, the Chinese terms for the bilingual rules.

use crate::matcher::{self, Folded, Folder, Matcher};
use bitext_glossary::{Concept, Glossary};
use rayon::prelude::*;
use std::collections::HashMap;
use std::ops::Range;

/// Shortest word the near-miss rule considers: below this, one edit turns
/// too many names into common words (Three/There).
pub(crate) const NEAR_MISS_MIN_LEN: usize = 6;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Preferred,
    Admitted,
    Deprecated(usize),
    /// A phrase that contains a rendering but is no use of the concept;
    /// matched only so that, being longer, it hides the rendering.
    Exception,
}

pub(crate) struct Pattern {
    pub(crate) concept: usize,
    pub(crate) kind: Kind,
    /// Its words, for case-sensitive concepts.
    pub(crate) upper: Vec<bool>,
}

/// A capitalised word of an accepted rendering.
pub(crate) struct Name {
    pub(crate) lower: String,
    pub(crate) written: String,
    pub(crate) concept: usize,
}

/// One use of a concept in a document.
pub(crate) struct Use {
    pub(crate) concept: usize,
    pub(crate) kind: Kind,
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) pattern: usize,
}

/// A glossary compiled for matching; see the crate documentation.
pub struct Checker<'g> {
    pub(crate) concepts: &'g [Concept],
    pub(crate) folder: Folder,
    pub(crate) patterns: Vec<Pattern>,
    pub(crate) matcher: Matcher,
    /// Proper-noun words of accepted renderings, for near-miss.
    pub(crate) names: Vec<Name>,
    /// Every word of every rendering, lowercase, and their stems.
    pub(crate) vocabulary: rustc_hash::FxHashSet<String>,
    /// Chinese terms, compiled on first use (only bilingual checks need them).
    zh_terms: std::sync::OnceLock<ZhTerms>,
    /// Each concept's accepted renderings reduced for the bilingual check, on first use.
    renderings: std::sync::OnceLock<Vec<Vec<crate::rules::Rendering>>>,
    /// Whether the consistency rules compare every document of a run (else each on its own).
    pub(crate) run_scope: bool,
    /// The rules that run (all when `None`).
    pub(crate) enabled: Option<Vec<&'static str>>,
    /// Findings with a confidence below this (hundredths) are left out.
    pub(crate) min_confidence: u8,
    /// Whether empty-target reports every unit without a translation (else, past
    /// [`crate::EMPTY_TARGETS_LISTED`] in a document, one finding with the count).
    pub(crate) each_empty_target: bool,
}

impl<'g> Checker<'g> {
    pub fn new(glossary: &'g Glossary) -> Self {
        let folder = Folder;
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
                upper,
            });
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
            renderings: std::sync::OnceLock::new(),
            run_scope: false,
            enabled: None,
            min_confidence: crate::DEFAULT_MIN_CONFIDENCE,
            each_empty_target: false,
        }
    }

    pub(crate) fn renderings(&self) -> &[Vec<crate::rules::Rendering>] {
        self.renderings.get_or_init(|| {
            self.concepts
                .iter()
                .map(|c| {
                    std::iter::once(&c.preferred)
                        .chain(&c.admitted)
                        .map(|r| crate::rules::Rendering::new(r, &self.folder))
                        .collect()
                })
                .collect()
        })
    }

    pub(crate) fn zh_terms(&self) -> &ZhTerms {
        self.zh_terms.get_or_init(|| {
            ZhTerms::new(
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

    /// The uses of glossary renderings in a folded text.
    ///
    /// A span matched by several renderings of one concept (a case-sensitive concept's `Party
    /// members` and `party members`) is one use: the rendering whose capitals match exactly wins
    /// over one that matches only because the span starts a sentence, then an accepted rendering
    /// over a deprecated one.
    pub(crate) fn uses(&self, folded: &Folded, text: &str) -> Vec<Use> {
        let mut uses: Vec<Use> = Vec::new();
        // (use, exact capitals) of the current span, one per concept.
        let mut group: Vec<(Use, bool)> = Vec::new();
        let mut span = (usize::MAX, usize::MAX);
        let flush = |group: &mut Vec<(Use, bool)>, uses: &mut Vec<Use>| {
            uses.extend(group.drain(..).map(|(u, _)| u));
        };
        for hit in self.matcher.find(folded) {
            let p = &self.patterns[hit.pattern];
            if p.kind == Kind::Exception {
                continue;
            }
            if (hit.first_token, hit.end_token) != span {
                flush(&mut group, &mut uses);
                span = (hit.first_token, hit.end_token);
            }
            let tokens = &folded.tokens[hit.first_token..hit.end_token];
            let exact = tokens
                .iter()
                .zip(&p.upper)
                .all(|(t, &u)| t.first_upper == u);
            if self.concepts[p.concept].case_sensitive && !exact {
                // Only a lowercase first word capitalised at the start of a sentence may differ.
                let at_start =
                    tokens.iter().zip(&p.upper).enumerate().all(|(i, (t, &u))| {
                        t.first_upper == u || (i == 0 && !u && t.sentence_start)
                    });
                if !at_start {
                    continue;
                }
            }
            let start = tokens[0].start;
            let end = tokens[tokens.len() - 1].end;
            debug_assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
            let new = Use {
                concept: p.concept,
                kind: p.kind,
                start,
                end,
                pattern: hit.pattern,
            };
            let rank = |u: &Use, exact: bool| (exact, !matches!(u.kind, Kind::Deprecated(_)));
            match group.iter_mut().find(|(u, _)| u.concept == p.concept) {
                Some(slot) if rank(&new, exact) > rank(&slot.0, slot.1) => *slot = (new, exact),
                Some(_) => {}
                None => group.push((new, exact)),
            }
        }
        flush(&mut group, &mut uses);
        uses
    }
}

/// Chinese terms of a glossary, longest first: 中华民族共同体意识 is not counted again as 中华民族.
pub(crate) struct ZhTerms {
    ac: Option<aho_corasick::AhoCorasick>,
    /// Concepts of each pattern: more than one for a homograph (one Chinese term, several
    /// concepts).
    concept: Vec<Vec<usize>>,
}

impl ZhTerms {
    pub(crate) fn new(terms: Vec<(String, usize)>) -> ZhTerms {
        let mut patterns: Vec<String> = Vec::new();
        let mut concept: Vec<Vec<usize>> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        for (term, ci) in terms {
            match index.get(&term) {
                Some(&k) => concept[k].push(ci),
                None => {
                    index.insert(term.clone(), patterns.len());
                    patterns.push(term);
                    concept.push(vec![ci]);
                }
            }
        }
        let ac = aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .start_kind(aho_corasick::StartKind::Both)
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
            .flat_map(|m| {
                self.concept[m.pattern().as_usize()]
                    .iter()
                    .map(move |&c| (c, m.range()))
            })
            .collect()
    }

    /// The shorter terms inside the term found at `range` of `text` (民族团结进步 inside
    /// 全区民族团结进步模范表彰大会), longest first from each word boundary.
    pub(crate) fn find_inside(
        &self,
        text: &str,
        range: Range<usize>,
    ) -> Vec<(usize, Range<usize>)> {
        let Some(ac) = &self.ac else {
            return Vec::new();
        };
        let inner = &text[range.clone()];
        let mut bounds = vec![0usize];
        let mut at = 0;
        for w in bitext_lexicon::words_hmm(inner) {
            at += w.len();
            bounds.push(at);
        }
        let mut out = Vec::new();
        let mut next = 0;
        for &b in &bounds {
            if b < next || b >= inner.len() {
                continue;
            }
            let input = aho_corasick::Input::new(inner)
                .range(b..)
                .anchored(aho_corasick::Anchored::Yes);
            if let Some(m) = ac.find(input) {
                let whole = m.start() == 0 && m.end() == inner.len();
                if !whole && bounds.binary_search(&m.end()).is_ok() {
                    for &c in &self.concept[m.pattern().as_usize()] {
                        out.push((c, range.start + m.start()..range.start + m.end()));
                    }
                    next = m.end();
                }
            }
        }
        out
    }
}
