//! `term-mismatch`: a glossary term in the Chinese of a bead, none of its renderings in the English.

use super::{Check, Rule, Severity};
use crate::context::{DocCtx, Scored};
use crate::evidence::{self, BeadEvidence};
use std::collections::{HashMap, HashSet};
use std::ops::Range;

pub(crate) const RULE: Rule = Rule {
    id: "term-mismatch",
    severity: Severity::Error,
    summary: "The Chinese has a glossary term; its English renders it otherwise, or replaces it.",
    what: "Bilingual (aligned text, or a zh/en document pair that is aligned first): for each \
           bead whose Chinese contains a glossary term (longest first, on word boundaries: 旗 \
           in 鄂托克前旗, not in 国旗; not inside a title 《…》), looks for the term's \
           renderings in the English: an accepted one in any word order and inflection, all but \
           one content word of a rendering of three or more where the missing word is not \
           replaced, or the acronym (CPC). When none is there, it finds what the English does \
           with the term, word by word (CC-CEDICT's glosses of the bead's Chinese words, and \
           the glossary's own words for the concept), and reports with a confidence: a \
           rendering with one word replaced (`great renewal of the Chinese nation`, a typo) is \
           a variant; English words that translate the term (`shared prosperity` for 共同富裕) \
           are a paraphrase, reported once per document when the document renders the term so \
           more often than by the glossary; words that translate nothing of the Chinese where \
           the term belongs are a replacement; nothing at all is an omission, which free \
           translation makes of everyday words (我国, 党) and repeated terms. Beads from \
           automatic alignment are compared with their neighbours too, when a neighbour's \
           Chinese does not have the term itself. Findings below --min-confidence are left out.",
    why: "A term left out or paraphrased loses the official name: a reader cannot find the \
          programme, the place or the policy, and the client's terminology is not applied.",
    example: "glossary: 三北工程 → \"Three-North Shelterbelt Program\"\n\
              zh:       三北工程建设取得新成效。\n\
              en:       \"The shelter forest project made new progress.\"\n\
              finding:  term-mismatch: the English renders 三北工程 (three-north) as `project`, \
              which the glossary does not admit; preferred: `Three-North Shelterbelt Program`",
};

pub(crate) struct TermMismatch;

/// What the English of a bead does with a term that none of its renderings renders.
#[derive(Debug, Clone, PartialEq)]
enum Kind {
    /// An accepted rendering with one content word replaced by a word the Chinese does not
    /// explain (a near variant or a typo): the rendering it is one word from.
    Substitution(String),
    /// English words that translate the term; whether they include words of the glossary's
    /// renderings (a shortened rendering: `ecology` for ecological civilization).
    Paraphrase { shortened: bool },
    /// English words that translate nothing of the Chinese, where the term belongs.
    Replaced,
    /// The term itself, in Chinese, in the English.
    LeftInChinese,
    /// Nothing in the English; whether the English frames the place where the term belongs
    /// (and it is empty there).
    Omitted { framed: bool },
}

/// A term a bead does not render, before the document-wide view decides what to report.
struct Candidate {
    bead: usize,
    concept: usize,
    zh: String,
    kind: Kind,
    /// What the English has instead (a span of the checked text), if anything.
    instead: Option<(usize, usize)>,
    accepted: Vec<String>,
    /// An everyday word (我国, 党), which free translation leaves implicit.
    generic: bool,
}

/// How often a term must be in general Chinese (jieba's frequency) to be an everyday word.
const GENERIC_FREQUENCY: u32 = 10_000;

impl Check for TermMismatch {
    fn rule(&self) -> &'static Rule {
        &RULE
    }

    fn document(&self, ctx: &mut DocCtx) {
        let checker = ctx.checker;
        let text = ctx.text();
        let beads = &ctx.doc.beads;
        if beads.is_empty() {
            return;
        }
        let renderings = checker.renderings();
        // The words of each bead's English: inflectional bases, and the words as written (for
        // acronyms), and the bases in order (for a rendering with one word replaced).
        // The enforced glossary terms of each bead's Chinese (not inside a title). A term the
        // glossary does not enforce may contain one it does (民族团结进步 in
        // 全区民族团结进步模范表彰大会): look inside it.
        let hits: Vec<Vec<(usize, Range<usize>)>> = beads
            .iter()
            .map(|bead| {
                let titles = evidence::titles(&bead.zh);
                let mut hits = Vec::new();
                for (ci, zr) in checker.zh_terms().find(&bead.zh) {
                    if evidence::in_title(&titles, &zr) {
                        continue;
                    }
                    if checker.concepts[ci].enforce {
                        hits.push((ci, zr));
                    } else {
                        hits.extend(
                            checker
                                .zh_terms()
                                .find_inside(&bead.zh, zr)
                                .into_iter()
                                .filter(|(c, _)| checker.concepts[*c].enforce),
                        );
                    }
                }
                hits
            })
            .collect();
        let reach = if ctx.doc.automatic { 1 } else { 0 };
        // The English words of the beads that have terms and of their neighbours (the others
        // are never read).
        let needed = |k: usize| {
            (k.saturating_sub(reach)..(k + reach + 1).min(beads.len())).any(|b| !hits[b].is_empty())
        };
        let sequences: Vec<Vec<(String, usize, usize)>> = beads
            .iter()
            .enumerate()
            .map(|(k, b)| {
                if !needed(k) {
                    return Vec::new();
                }
                let (s, e) = (b.en.start.min(text.len()), b.en.end.min(text.len()));
                // Tokens are in text order: the bead's are found by bisection, not a scan of
                // the whole document per bead.
                let all = &ctx.folded.tokens;
                let first = all.partition_point(|t| t.start < s);
                all[first..]
                    .iter()
                    .take_while(|t| t.start < e)
                    .filter(|t| t.end <= e)
                    .map(|t| (base_of(&text[t.start..t.end]), t.start, t.end))
                    .collect()
            })
            .collect();
        let words: Vec<BeadWords> = sequences
            .iter()
            .map(|sequence| BeadWords {
                bases: sequence.iter().map(|(b, _, _)| b.as_str()).collect(),
                written: sequence.iter().map(|&(_, s, e)| &text[s..e]).collect(),
                sequence,
            })
            .collect();
        // The glossary's matches by start, to find a bead's by bisection.
        let mut uses: Vec<(usize, usize, usize)> = ctx
            .uses
            .iter()
            .map(|u| (u.start, u.end, u.concept))
            .collect();
        uses.sort_unstable();
        let mut candidates: Vec<Candidate> = Vec::new();
        // The stems of the document's English and their counts, made when first needed.
        let mut doc_stems: Option<HashMap<String, usize>> = None;
        // Per concept: how many of its terms the document renders with an accepted rendering.
        let mut rendered_count: HashMap<usize, usize> = HashMap::new();
        for (k, bead) in beads.iter().enumerate() {
            let hits = &hits[k];
            if hits.is_empty() {
                continue;
            }
            let (s, e) = (bead.en.start.min(text.len()), bead.en.end.min(text.len()));
            let around = k.saturating_sub(reach)..(k + reach + 1).min(beads.len());
            // Once per concept and bead.
            let mut seen = HashSet::new();
            // Once per Chinese term (a homograph is one finding).
            let mut reported = HashSet::new();
            let mut evidence: Option<BeadEvidence> = None;
            // Whether a concept is rendered in the bead: a rendering of the glossary matched
            // in it (deprecated ones are deprecated-term's), or an accepted rendering by its
            // words, in any order and inflection, or by its acronym; or (automatic alignment)
            // in a neighbour whose Chinese does not have the term. A rendering found with one
            // word missing is not one when that word is replaced (the substitution is returned).
            type Substitution = Option<(String, usize, usize)>;
            let is_rendered = |ci: usize, zh_term: &str| -> Result<(), Substitution> {
                let matched = uses[uses.partition_point(|u| u.0 < s)..]
                    .iter()
                    .take_while(|u| u.0 < e)
                    .any(|&(_, end, c)| c == ci && end <= e);
                if matched {
                    return Ok(());
                }
                let mut substitution = None;
                for r in &renderings[ci] {
                    // The words of a rendering, here in any order, may also stand beside a
                    // copy of it with one word replaced (`moderately properous society` beside
                    // `prosperous and strong`): the copy is what renders the term.
                    let found = match r.found_in(&words[k].bases, &words[k].written) {
                        // Words of a rendering scattered over a long sentence render nothing.
                        Found::Whole | Found::AllButOne if !r.together(words[k].sequence) => {
                            Found::No
                        }
                        f => f,
                    };
                    match found {
                        Found::Whole | Found::AllButOne => {
                            match r.substitution(words[k].sequence) {
                                Some((at, p)) => substitution = Some((r.text.clone(), at, p)),
                                None => return Ok(()),
                            }
                        }
                        Found::No => {}
                    }
                }
                if substitution.is_none() {
                    let neighbour = around.clone().filter(|&b| b != k).any(|b| {
                        !beads[b].zh.contains(zh_term)
                            && renderings[ci].iter().any(|r| {
                                r.found_in(&words[b].bases, &words[b].written) != Found::No
                            })
                    });
                    if neighbour {
                        return Ok(());
                    }
                }
                Err(substitution)
            };
            for (ci, zr) in hits {
                if !seen.insert(*ci) {
                    continue;
                }
                let zh_term = &bead.zh[zr.clone()];
                // A homograph (one Chinese term of several concepts) is rendered when any of
                // its concepts is.
                let mut substitution = None;
                let mut rendered = false;
                for (c, _) in hits.iter().filter(|(_, r)| r == zr) {
                    match is_rendered(*c, zh_term) {
                        Ok(()) => rendered = true,
                        Err(sub) => substitution = substitution.or(sub),
                    }
                }
                // The replaced word of a substitution may translate another word of the Chinese
                // (`the Chinese of all ethnic groups` for 中国各族人民): then the rendering is
                // there with one word left out, which is no variant.
                if let (false, Some((_, at, p))) = (rendered, &substitution) {
                    let ev =
                        evidence.get_or_insert_with(|| BeadEvidence::new(&bead.zh, &text[s..e]));
                    let (_, ws, _) = words[k].sequence[at + p];
                    let i = ev.en.iter().position(|w| w.span.start + s == ws);
                    if i.is_some_and(|i| ev.explained_outside(i, zr)) {
                        rendered = true;
                    }
                }
                if rendered {
                    *rendered_count.entry(*ci).or_default() += 1;
                    continue;
                }
                if !reported.insert(zr.clone()) {
                    continue;
                }
                let mut accepted = Vec::new();
                let mut stems = Vec::new();
                for (h, _) in hits.iter().filter(|(_, r)| r == zr) {
                    let hc = &checker.concepts[*h];
                    accepted.push(format!("`{}`", hc.preferred));
                    accepted.extend(hc.admitted.iter().map(|a| format!("`{a}`")));
                    for r in std::iter::once(&hc.preferred).chain(&hc.admitted) {
                        stems.extend(evidence::content_stems(r));
                    }
                }
                let ev = evidence.get_or_insert_with(|| BeadEvidence::new(&bead.zh, &text[s..e]));
                let (kind, instead) = classify(
                    ev,
                    zh_term,
                    &text[s..e],
                    zr,
                    &stems,
                    substitution,
                    &words[k],
                    s,
                    (text, &mut doc_stems),
                );
                let generic = zh_term.chars().count() <= 2
                    && bitext_lexicon::general_frequency(zh_term)
                        .is_some_and(|f| f >= GENERIC_FREQUENCY);
                candidates.push(Candidate {
                    bead: k,
                    concept: *ci,
                    zh: zh_term.to_owned(),
                    kind,
                    instead: instead.map(|(a, b)| (s + a, s + b)),
                    accepted,
                    generic,
                });
            }
            // Words put in place of a term stand for one term: the most specific of the bead's
            // (the longest Chinese) keeps them, the others are omissions.
            let here = candidates
                .iter()
                .rposition(|c| c.bead != k)
                .map_or(0, |p| p + 1);
            let replaced: Vec<usize> = (here..candidates.len())
                .filter(|&i| candidates[i].kind == Kind::Replaced)
                .collect();
            if let Some(&keep) = replaced
                .iter()
                .max_by_key(|&&i| (!candidates[i].generic, candidates[i].zh.chars().count()))
            {
                for &i in &replaced {
                    if i != keep && candidates[i].instead == candidates[keep].instead {
                        candidates[i].kind = Kind::Omitted { framed: false };
                        candidates[i].instead = None;
                    }
                }
            }
        }
        // What the document teaches: a concept it renders in other words more often than by
        // the glossary, twice or more, is the translator's choice, said once.
        let mut variants: HashMap<usize, usize> = HashMap::new();
        for c in &candidates {
            if matches!(c.kind, Kind::Substitution(_) | Kind::Paraphrase { .. }) {
                *variants.entry(c.concept).or_default() += 1;
            }
        }
        let mut said_once = HashSet::new();
        let mut found = Vec::new();
        for c in candidates {
            let concept = &checker.concepts[c.concept];
            let n_variants = variants.get(&c.concept).copied().unwrap_or(0);
            let n_rendered = rendered_count.get(&c.concept).copied().unwrap_or(0);
            let choice = n_variants >= 2 && n_variants > n_rendered;
            if choice
                && matches!(c.kind, Kind::Substitution(_) | Kind::Paraphrase { .. })
                && !said_once.insert(c.concept)
            {
                continue;
            }
            let bead = &beads[c.bead];
            let bead_span = (bead.en.start.min(text.len()), bead.en.end.min(text.len()));
            let instead = c.instead.map(|(a, b)| &text[a..b]);
            let tally = if choice {
                format!(
                    " (this document renders it in other words {n_variants} times, by the \
                     glossary {n_rendered})"
                )
            } else if n_rendered > 0 {
                format!(" (this document renders it by the glossary {n_rendered} times elsewhere)")
            } else {
                String::new()
            };
            let (confidence, message) = match (&c.kind, instead) {
                (Kind::Substitution(of), Some(v)) => (
                    if choice { 70 } else { 90 },
                    format!(
                        "the English renders {} ({}) as `{v}`, one word from `{of}`, which the \
                         glossary does not admit{tally}; preferred: `{}`",
                        c.zh, concept.id, concept.preferred
                    ),
                ),
                (Kind::Paraphrase { shortened }, Some(v)) => (
                    match (choice, shortened) {
                        (true, _) => 35,
                        (false, true) => 40,
                        (false, false) => 60,
                    },
                    format!(
                        "the English renders {} ({}) as `{v}`, which the glossary does not \
                         admit{tally}; preferred: `{}`",
                        c.zh, concept.id, concept.preferred
                    ),
                ),
                (Kind::LeftInChinese, Some(_)) => (
                    90,
                    format!(
                        "the English leaves {} ({}) in Chinese; preferred: `{}`",
                        c.zh, concept.id, concept.preferred
                    ),
                ),
                (Kind::Replaced, Some(v)) => (
                    if c.generic { 45 } else { 85 },
                    format!(
                        "the Chinese has {} ({}); the English has `{v}` in its place, which \
                         translates nothing of the Chinese, and none of {}",
                        c.zh,
                        concept.id,
                        c.accepted.join(", ")
                    ),
                ),
                (kind, _) => (
                    match (kind, c.generic) {
                        (_, true) => 15,
                        (Kind::Omitted { framed: true }, false) => 30,
                        // One character has many senses (旗 "ensign" in an old text): nothing
                        // for it in the English says little.
                        _ if c.zh.chars().count() == 1 => 45,
                        _ => 55,
                    },
                    format!(
                        "the Chinese has {} ({}) but the English has none of {}, nor a \
                         translation of it{tally}",
                        c.zh,
                        concept.id,
                        c.accepted.join(", ")
                    ),
                ),
            };
            let span = c.instead.unwrap_or(bead_span);
            found.push((
                span,
                Scored {
                    expected: concept.preferred.clone(),
                    term: concept.id.clone(),
                    message,
                    confidence,
                },
            ));
        }
        for (span, what) in found {
            ctx.report_scored(&RULE, span, what);
        }
    }
}

/// The English words of a bead: their bases, the words as written, and the bases in order with
/// their spans in the checked text.
struct BeadWords<'t> {
    bases: HashSet<&'t str>,
    written: HashSet<&'t str>,
    sequence: &'t [(String, usize, usize)],
}

/// What the English of a bead does with the term at `term` of its Chinese (see [`Kind`]), and
/// the English that shows it (a byte range of the bead's English, which starts at `bead_start`
/// of the checked text). The document's text comes with a place for its stem counts, made only
/// when English words that translate nothing are there to weigh.
#[allow(clippy::too_many_arguments)]
fn classify(
    ev: &BeadEvidence,
    zh_term: &str,
    en: &str,
    term: &Range<usize>,
    rendering_stems: &[String],
    substitution: Option<(String, usize, usize)>,
    words: &BeadWords,
    bead_start: usize,
    (text, doc_stems): (&str, &mut Option<HashMap<String, usize>>),
) -> (Kind, Option<(usize, usize)>) {
    if let Some(at) = en.find(zh_term) {
        return (Kind::LeftInChinese, Some((at, at + zh_term.len())));
    }
    if let Some((of, at, _)) = substitution {
        // `at` is the first word of the window in the bead's sequence.
        let n = of.split_whitespace().count().max(1);
        let first = &words.sequence[at];
        let last = &words.sequence[(at + n - 1).min(words.sequence.len() - 1)];
        return (
            Kind::Substitution(of),
            Some((first.1 - bead_start, last.2 - bead_start)),
        );
    }
    // Words that translate nothing of the Chinese, two or more together: what stands where
    // the term was.
    // Only words the rest of the document never uses count: a translator's own wording of
    // the sentence comes back elsewhere in the text, words put in the term's place do not.
    let mut foreign = ev.foreign_words(term);
    if !foreign.is_empty() {
        // The stems of the document's English and their counts, once per document.
        let doc_stems = doc_stems.get_or_insert_with(|| evidence::stem_counts(text));
        foreign.retain(|&i| {
            let stem = &ev.en[i].stem;
            let here = ev.en.iter().filter(|w| &w.stem == stem).count();
            doc_stems.get(stem.as_str()).copied().unwrap_or(0) <= here
        });
    }
    if let Some(r) = evidence::cluster(&ev.en, &foreign, 1) {
        let n = foreign
            .iter()
            .filter(|&&i| ev.en[i].span.start >= r.start && ev.en[i].span.end <= r.end)
            .count();
        if n >= 2 {
            return (Kind::Replaced, Some((r.start, r.end)));
        }
    }
    let t = ev.translation(term, rendering_stems);
    if !t.words.is_empty() && t.coverage >= 0.5 {
        let shortened = t.words.iter().any(|&i| {
            rendering_stems
                .iter()
                .any(|r| evidence::stems_meet(r, &ev.en[i].stem))
        });
        let span = evidence::cluster(&ev.en, &t.words, 2).map(|r| (r.start, r.end));
        return (Kind::Paraphrase { shortened }, span);
    }
    match ev.slot(term) {
        Some(slot) => {
            let words = ev.unexplained(&slot, term);
            match evidence::cluster(&ev.en, &words, 1) {
                Some(_) => (Kind::Omitted { framed: false }, None),
                None => (Kind::Omitted { framed: true }, None),
            }
        }
        None => (Kind::Omitted { framed: false }, None),
    }
}

/// The inflectional base of a word as written.
fn base_of(word: &str) -> String {
    let lower = word.to_lowercase();
    bitext_lexicon::english::inflection_base(&lower).into_owned()
}

/// How much of a rendering a bead's English has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Found {
    /// Every content word, or the acronym.
    Whole,
    /// All but one content word of a rendering of three or more.
    AllButOne,
    No,
}

/// An accepted rendering reduced for the bilingual check: its content words and its acronym.
pub(crate) struct Rendering {
    /// As written in the glossary.
    text: String,
    /// Bases of the words that are not stopwords (`people of all ethnic groups` → people,
    /// ethnic, group).
    content: Vec<String>,
    /// Every word's base in order, and whether it is a content word.
    sequence: Vec<(String, bool)>,
    /// The initials of its capitalised words, when it has two or more (`Communist Party of
    /// China` → `CPC`).
    acronym: Option<String>,
}

impl Rendering {
    pub(crate) fn new(text: &str, folder: &crate::matcher::Folder) -> Rendering {
        let tokens = folder.tokens(text);
        let mut content = Vec::new();
        let mut sequence = Vec::new();
        let mut initials = String::new();
        for t in &tokens {
            let w = &text[t.start..t.end];
            let lower = w.to_lowercase();
            if t.first_upper {
                initials.extend(w.chars().next());
            }
            let b = bitext_lexicon::english::inflection_base(&lower).into_owned();
            let is_content = !bitext_lexicon::english::is_stopword(&lower);
            if is_content && !content.contains(&b) {
                content.push(b.clone());
            }
            sequence.push((b, is_content));
        }
        Rendering {
            text: text.to_owned(),
            content,
            sequence,
            acronym: (initials.chars().count() >= 2).then_some(initials),
        }
    }

    /// Whether English words (bases, and words as written) render this: every content word,
    /// or for a rendering of three content words or more all but one (a paraphrase keeps the
    /// term: "all ethnic groups" for "people of all ethnic groups"), or the acronym.
    pub(crate) fn found_in(&self, bases: &HashSet<&str>, written: &HashSet<&str>) -> Found {
        if self.acronym.as_deref().is_some_and(|a| written.contains(a)) {
            return Found::Whole;
        }
        if self.content.is_empty() {
            return Found::No;
        }
        let present = self
            .content
            .iter()
            .filter(|w| bases.contains(w.as_str()))
            .count();
        if present == self.content.len() {
            Found::Whole
        } else if self.content.len() >= 3 && present + 1 == self.content.len() {
            Found::AllButOne
        } else {
            Found::No
        }
    }

    /// Whether the rendering's content words that the English has (bases in order) stand
    /// together: within a stretch of twice the rendering's length and four words more, as an
    /// inserted word or a change of order leaves them. An acronym stands alone.
    fn together(&self, sequence: &[(String, usize, usize)]) -> bool {
        if self
            .acronym
            .as_deref()
            .is_some_and(|a| sequence.iter().any(|(w, _, _)| w.eq_ignore_ascii_case(a)))
        {
            return true;
        }
        let window = 2 * self.sequence.len() + 4;
        let positions: Vec<usize> = sequence
            .iter()
            .enumerate()
            .filter(|(_, (w, _, _))| self.content.contains(w))
            .map(|(i, _)| i)
            .collect();
        let needed = self.content.len().saturating_sub(1).max(1);
        // Some stretch of `window` words holds `needed` distinct content words.
        positions.iter().any(|&first| {
            let mut seen: Vec<&str> = Vec::new();
            for (w, _, _) in sequence[first..(first + window).min(sequence.len())].iter() {
                if self.content.contains(w) && !seen.contains(&w.as_str()) {
                    seen.push(w);
                }
            }
            seen.len() >= needed
        })
    }

    /// Where the English (bases in order) has this rendering with one content word replaced by
    /// another content word (`great renewal of the Chinese nation` for `great rejuvenation of
    /// the Chinese nation`; a misspelling): the index of the window's first word, and of the
    /// replaced word in the window.
    fn substitution(&self, sequence: &[(String, usize, usize)]) -> Option<(usize, usize)> {
        let n = self.sequence.len();
        // Three content words at least, so that two stay: `whole process` is no variant of
        // `whole Party`.
        if self.content.len() < 3 || sequence.len() < n {
            return None;
        }
        (0..=sequence.len() - n).find_map(|at| {
            let mut differ = self
                .sequence
                .iter()
                .zip(&sequence[at..at + n])
                .enumerate()
                .filter(|(_, ((r, _), (w, _, _)))| r != w);
            match (differ.next(), differ.next()) {
                (Some((p, ((_, content), (w, _, _)))), None)
                    if *content && !bitext_lexicon::english::is_stopword(w) =>
                {
                    Some((at, p))
                }
                _ => None,
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use bitext_glossary::Glossary;

    const GLOSSARY: &str = r#"
[[term]]
id = "cpc"
zh = "党"
case-sensitive = true
en.preferred = "the Party"
en.admitted = ["Communist Party of China"]

[[term]]
id = "people-of-all-ethnic-groups"
zh = "各族人民"
en.preferred = "people of all ethnic groups"

[[term]]
id = "ecological-civilization"
zh = "生态文明"
en.preferred = "ecological civilization"
en.admitted = ["ecological progress"]

[[term]]
id = "three-north"
zh = "三北工程"
en.preferred = "Three-North Shelterbelt Program"

[[term]]
id = "ethnic-unity-and-progress"
zh = "民族团结进步"
en.preferred = "ethnic unity and progress"

[[term]]
id = "commendation-conference"
zh = "民族团结进步模范表彰大会"
enforce = false
en.preferred = "conference to commend role models for ethnic unity and progress"
"#;

    /// The term-mismatch findings of one unit, as `(term, message)`.
    fn findings_of(g: &Glossary, zh: &str, en: &str) -> Vec<(String, String)> {
        crate::rules::findings_on_unit(g, "term-mismatch", zh, en)
            .into_iter()
            .map(|d| (d.term, d.message))
            .collect()
    }

    fn mismatches(zh: &str, en: &str) -> Vec<String> {
        let g = Glossary::from_str(GLOSSARY, "g.toml").unwrap();
        findings_of(&g, zh, en)
            .into_iter()
            .map(|(t, _)| t)
            .collect()
    }

    #[test]
    fn a_homograph_is_rendered_by_any_of_its_concepts() {
        // An en→zh list: 病例 renders both "case" and "patient" (TICO-19's term lists).
        let g = Glossary::from_str(
            "[[term]]\nid = \"case\"\nzh = \"病例\"\nen.preferred = \"case\"\n\n[[term]]\nid = \"patient\"\nzh = \"病例\"\nen.preferred = \"patient\"\n",
            "g.toml",
        )
        .unwrap();
        let found = |en: &str| -> Vec<String> {
            findings_of(&g, "新增病例三例。", en)
                .into_iter()
                .map(|(_, m)| m)
                .collect()
        };
        assert!(found("Three new patients.").is_empty());
        assert!(found("Three new cases.").is_empty());
        let missing = found("Three more.");
        assert_eq!(missing.len(), 1, "one finding for one term: {missing:?}");
        assert!(missing[0].contains("`case`, `patient`"), "{missing:?}");
    }

    #[test]
    fn official_renderings_pass() {
        // Official English renders 党 as the CPC or the whole Party, 各族人民 in any word order.
        for (zh, en) in [
            (
                "坚持党的全面领导",
                "We must uphold the CPC's overall leadership.",
            ),
            ("全党必须牢记", "The whole Party must bear in mind"),
            (
                "全国各族人民团结奋斗",
                "People of all China's ethnic groups are united.",
            ),
            (
                "各族人民共同努力",
                "people from all ethnic groups work together",
            ),
            ("各族人民", "all ethnic groups"),
            ("建设生态文明", "to promote ecological progress"),
            (
                "三北工程建设",
                "the building of the Three-North shelterbelt programs",
            ),
        ] {
            assert_eq!(mismatches(zh, en), Vec::<String>::new(), "{zh} / {en}");
        }
    }

    const REJUVENATION: &str = r#"
[[term]]
id = "great-rejuvenation"
zh = "中华民族伟大复兴"
en.preferred = "rejuvenation of the Chinese nation"
en.admitted = ["great rejuvenation of the Chinese nation"]

[[term]]
id = "common-prosperity"
zh = "共同富裕"
en.preferred = "common prosperity"

[[term]]
id = "our-country"
zh = "我国"
en.preferred = "China"

[[term]]
id = "harmony"
zh = "民族团结"
en.preferred = "ethnic unity"
"#;

    /// The term-mismatch findings of a document of units, with every finding's confidence.
    fn scored(units: &[(&str, &str)], min: u8) -> Vec<(String, String, u8)> {
        let g = Glossary::from_str(REJUVENATION, "g.toml").unwrap();
        crate::rules::findings_in(&g, "term-mismatch", units, false, min)
            .into_iter()
            .map(|d| (d.term, d.found, d.confidence.unwrap_or(100)))
            .collect()
    }

    #[test]
    fn a_rendering_with_one_word_replaced_is_a_variant() {
        // An official translation that says "rejuvenation" elsewhere, and once "renewal".
        let f = scored(
            &[
                (
                    "实现中华民族伟大复兴是我们的梦想。",
                    "Achieving the great rejuvenation of the Chinese nation is our dream.",
                ),
                (
                    "中华民族伟大复兴一定能实现。",
                    "The rejuvenation of the Chinese nation will surely be realized.",
                ),
                (
                    "为中华民族伟大复兴而奋斗。",
                    "We strive for the great renewal of the Chinese nation.",
                ),
            ],
            crate::DEFAULT_MIN_CONFIDENCE,
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].1, "great renewal of the Chinese nation");
        // A misspelt rendering beside its words used elsewhere in the sentence.
        let f = scored(
            &[("实现中华民族伟大复兴，国家富强。", "Realize the great rejuvenaton of the Chinese nation and make the country rejuvenation-minded and strong.")],
            crate::DEFAULT_MIN_CONFIDENCE,
        );
        assert_eq!(f.len(), 1, "{f:?}");
    }

    #[test]
    fn a_paraphrase_the_document_keeps_is_said_once_and_below_the_threshold() {
        let units = [
            (
                "逐步实现共同富裕。",
                "We will gradually bring about shared prosperity.",
            ),
            (
                "坚持走共同富裕道路。",
                "We keep to the path of prosperity for all.",
            ),
        ];
        assert!(scored(&units, crate::DEFAULT_MIN_CONFIDENCE).is_empty());
        let all = scored(&units, 0);
        assert_eq!(all.len(), 1, "once per document: {all:?}");
        assert!(all[0].2 < crate::DEFAULT_MIN_CONFIDENCE);
    }

    #[test]
    fn an_everyday_word_left_implicit_and_a_title_pass() {
        let f = scored(
            &[
                (
                    "我国青年一代必将大有可为。",
                    "Our younger generation has a promising future.",
                ),
                (
                    "《民族团结之歌》广为传唱。",
                    "The Song of Harmony is sung everywhere.",
                ),
            ],
            crate::DEFAULT_MIN_CONFIDENCE,
        );
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn a_term_replaced_by_unrelated_words_is_found() {
        let f = scored(
            &[
                ("各地要加强民族团结，推动经济发展。", "All localities must strengthen the harbour lights and promote economic development."),
                ("民族团结是各族人民的生命线。", "Ethnic unity is the lifeline of the people."),
            ],
            crate::DEFAULT_MIN_CONFIDENCE,
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].1, "harbour lights");
    }

    #[test]
    fn a_missing_term_is_found() {
        assert_eq!(
            mismatches(
                "三北工程建设取得新成效。",
                "The shelter forest project made new progress."
            ),
            ["three-north"]
        );
    }
}
