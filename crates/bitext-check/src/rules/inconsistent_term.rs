//! `inconsistent-term`: one concept rendered several ways.

use super::{Check, Rule, Severity};
use crate::compile::{Kind, Use};
use crate::context::DocCtx;
use std::collections::{BTreeMap, HashMap};

pub(crate) const RULE: Rule = Rule {
    id: "inconsistent-term",
    severity: Severity::Warning,
    summary:
        "One concept is rendered in several ways in one document, or across the documents checked.",
    what: "Counts, per document, the renderings of each concept (preferred, admitted and \
           deprecated). When more than one is used, reports the concept once, at the first \
           occurrence of a rendering other than the most used one, with every variant's count \
           and the preferred rendering. Across the documents checked together, a document whose \
           usual rendering differs from the set's is reported at its first use, with each \
           variant's count and number of documents.",
    why: "A reader takes two names for two things. Even two admitted renderings of one concept \
          in one text make it look like two programmes, two places, two policies.",
    example: "text:     \"the Three Norths Project\" … \"the Three North Project\"\n\
              finding:  inconsistent-term: 三北工程 rendered 2 ways: `Three Norths Project` ×3, \
              `Three North Project` ×1 (preferred: `Three-North Shelterbelt Program`)",
};

pub(crate) struct InconsistentTerm;

impl Check for InconsistentTerm {
    fn rule(&self) -> &'static Rule {
        &RULE
    }

    fn document(&self, ctx: &mut DocCtx) {
        let checker = ctx.checker;
        // Group uses by concept, variants by rendering.
        let mut by_concept: HashMap<usize, Vec<&Use>> = HashMap::new();
        for u in &ctx.uses {
            by_concept.entry(u.concept).or_default().push(u);
        }
        let mut concepts: Vec<_> = by_concept.into_iter().collect();
        concepts.sort_by_key(|(_, us)| us[0].start);
        let mut found = Vec::new();
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
            let c = &checker.concepts[ci];
            // The dominant variant: the most used accepted one, else the most used.
            let dominant = variants
                .iter()
                .enumerate()
                .max_by_key(|(k, (p, n, _))| {
                    let accepted = !matches!(checker.patterns[*p].kind, Kind::Deprecated(_));
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
                .map(|(p, n, _)| format!("`{}` ×{n}", checker.patterns[*p].rendering))
                .collect::<Vec<_>>()
                .join(", ");
            let message = format!(
                "{} ({}) is rendered {} ways in this document: {list} (preferred: `{}`)",
                c.zh,
                c.id,
                variants.len(),
                c.preferred
            );
            found.push((
                (at.start, at.end),
                c.preferred.clone(),
                c.id.clone(),
                message,
            ));
        }
        for (span, expected, term, message) in found {
            ctx.report(&RULE, span, expected, term, message);
        }
    }

    /// A concept that documents render in different ways, each document being consistent on its
    /// own (that case is reported per document). One finding per document whose usual rendering
    /// is not the set's, at its first use.
    fn set(&self, docs: &mut [DocCtx]) {
        if docs.len() < 2 {
            return;
        }
        let checker = docs[0].checker;
        // concept → its variants: (pattern, count, count per document)
        type Variant = (usize, usize, Vec<usize>);
        let mut by: BTreeMap<usize, Vec<Variant>> = BTreeMap::new();
        for (d, doc) in docs.iter().enumerate() {
            for u in &doc.uses {
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
        let accepted = |p: usize| !matches!(checker.patterns[p].kind, Kind::Deprecated(_));
        let n_docs = docs.len();
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
            let c = &checker.concepts[ci];
            let docs_of = |v: &Variant| v.2.iter().filter(|&&n| n > 0).count();
            let list = vs
                .iter()
                .map(|v| {
                    let n = docs_of(v);
                    format!(
                        "`{}` ×{} in {n} document{}",
                        checker.patterns[v.0].rendering,
                        v.1,
                        if n == 1 { "" } else { "s" }
                    )
                })
                .collect::<Vec<_>>()
                .join(", ");
            for (d, doc) in docs.iter_mut().enumerate() {
                let Some(dom) = best(&|v| v.2[d]) else {
                    continue;
                };
                if dom == set_dominant {
                    continue;
                }
                let pattern = vs[dom].0;
                let Some(span) = doc
                    .uses
                    .iter()
                    .find(|u| u.pattern == pattern)
                    .map(|u| (u.start, u.end))
                else {
                    continue;
                };
                let message = format!(
                    "{} ({}) is rendered differently across the {n_docs} documents checked: {list} \
                     (preferred: `{}`); this document mostly uses `{}`",
                    c.zh, c.id, c.preferred, checker.patterns[pattern].rendering
                );
                doc.report(&RULE, span, c.preferred.clone(), c.id.clone(), message);
            }
        }
    }
}
