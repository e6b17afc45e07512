//! `term-mismatch`: a glossary term in the Chinese of a bead, none of its renderings in the English.

use super::{Check, Rule, Severity};
use crate::context::DocCtx;
use std::collections::HashSet;

pub(crate) const RULE: Rule = Rule {
    id: "term-mismatch",
    severity: Severity::Error,
    summary: "The Chinese has a glossary term; its English has none of the term's renderings.",
    what: "Bilingual (aligned text, or a zh/en document pair that is aligned first): for each \
           bead whose Chinese contains a glossary term (longest first, on word boundaries: 旗 \
           in 鄂托克前旗, not in 国旗), reports the English of the bead when it contains neither \
           the preferred nor an admitted rendering, nor a deprecated one (which deprecated-term \
           reports).",
    why: "A term left out or paraphrased loses the official name: a reader cannot find the \
          programme, the place or the policy, and the client's terminology is not applied.",
    example: "glossary: 三北工程 → \"Three-North Shelterbelt Program\"\n\
              zh:       三北工程建设取得新成效。\n\
              en:       \"The shelter forest project made new progress.\"\n\
              finding:  term-mismatch: the Chinese has 三北工程 but the English has none of \
              `Three-North Shelterbelt Program`",
};

pub(crate) struct TermMismatch;

impl Check for TermMismatch {
    fn rule(&self) -> &'static Rule {
        &RULE
    }

    fn document(&self, ctx: &mut DocCtx) {
        let checker = ctx.checker;
        let text_len = ctx.text().len();
        let mut found = Vec::new();
        for bead in &ctx.doc.beads {
            let (s, e) = (bead.en.start.min(text_len), bead.en.end.min(text_len));
            // Once per concept and bead.
            let mut seen = HashSet::new();
            for (ci, zr) in checker.zh_terms().find(&bead.zh) {
                if !seen.insert(ci)
                    || ctx
                        .uses
                        .iter()
                        .any(|u| u.concept == ci && u.start >= s && u.end <= e)
                {
                    continue;
                }
                let c = &checker.concepts[ci];
                let mut accepted = vec![format!("`{}`", c.preferred)];
                accepted.extend(c.admitted.iter().map(|a| format!("`{a}`")));
                let message = format!(
                    "the Chinese has {} ({}) but the English has none of {}",
                    &bead.zh[zr.clone()],
                    c.id,
                    accepted.join(", ")
                );
                found.push(((s, e), c.preferred.clone(), c.id.clone(), message));
            }
        }
        for (span, expected, term, message) in found {
            ctx.report(&RULE, span, expected, term, message);
        }
    }
}
