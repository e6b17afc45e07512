//! `inconsistent-rendering`: a term the translation renders more than one way, found without a
//! glossary.

use super::text::excerpt;
use super::{Check, Rule, Severity};
use crate::context::DocCtx;
use bitext_glossary::extract;

pub(crate) const RULE: Rule = Rule {
    id: "inconsistent-rendering",
    severity: Severity::Info,
    summary: "A term is rendered more than one way (found without a glossary).",
    what: "Bilingual, opt-in: over the beads of a file (or of the run, with consistency = \
           \"run\"), the Chinese terms that term extraction links to an English rendering \
           (jieba words and runs, log-likelihood, CC-CEDICT support) and that at least three \
           beads render another way, that other rendering a CC-CEDICT translation of the term \
           found mostly with it. Each bead with the less frequent rendering is reported, the \
           most frequent one suggested. Renderings that differ by inflection, part of speech, \
           word order, hyphenation or a near spelling are one. `bitext glossary extract \
           --consistency` proposes the glossary entries that make the choice a rule. Off by \
           default: on a professional memory (TICO-19) most pairs it finds are synonyms a \
           translator may choose between (flu, influenza; although, despite).",
    why: "One concept rendered two ways makes a reader look for two concepts; a glossary lists \
          the terms someone thought of, this finds the ones nobody did.",
    example: "beads:    民族团结 → \"ethnic unity\" (6), \"national solidarity\" (3)\n\
              finding:  inconsistent-rendering: 民族团结 is rendered \"national solidarity\" \
              here, \"ethnic unity\" in 6 other beads",
};

pub(crate) struct InconsistentRendering;

impl Check for InconsistentRendering {
    fn rule(&self) -> &'static Rule {
        &RULE
    }

    fn set(&self, docs: &mut [DocCtx]) {
        for scope in super::scopes(docs) {
            // Every bead of the scope, and where it is.
            let mut pairs = Vec::new();
            let mut at = Vec::new();
            for &d in &scope {
                let ctx = &docs[d];
                if ctx.doc.automatic {
                    continue;
                }
                for (k, b) in ctx.doc.beads.iter().enumerate() {
                    let en = ctx.text().get(b.en.clone()).unwrap_or("");
                    pairs.push((b.zh.clone(), en.to_owned()));
                    at.push((d, k));
                }
            }
            if pairs.len() < 10 {
                continue;
            }
            let found = extract::consistency(&pairs, &extract::Options::default(), &|_| {});
            for v in found {
                let (first, first_beads) = &v.renderings[0];
                for (other, beads) in &v.renderings[1..] {
                    for &b in beads {
                        let (d, k) = at[b];
                        let ctx = &mut docs[d];
                        let span = ctx.doc.beads[k].en.clone();
                        let message = format!(
                            "{} is rendered \"{}\" here, \"{}\" in {} other beads (\"{}\" in {})",
                            v.zh,
                            excerpt(other, 60),
                            excerpt(first, 60),
                            first_beads.len(),
                            excerpt(other, 60),
                            beads.len()
                        );
                        ctx.report(
                            &RULE,
                            (span.start, span.end),
                            first.clone(),
                            v.zh.clone(),
                            message,
                        );
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::findings_on_units_with;

    #[test]
    fn the_minority_rendering_is_reported_with_the_majority_one() {
        let sample = include_str!("../../../bitext-glossary/src/consistency-sample.tsv");
        let units: Vec<(&str, &str)> = sample.lines().filter_map(|l| l.split_once('\t')).collect();
        let f = findings_on_units_with("inconsistent-rendering", &units, true);
        assert_eq!(f.len(), 3, "{f:?}");
        assert!(f.iter().all(|d| d.expected == "ethnic unity"));
        assert!(f[0]
            .message
            .starts_with("民族团结 is rendered \"national solidarity\" here"));
        // Off by default.
        assert!(crate::rules::findings_on_units("inconsistent-rendering", &units).is_empty());
    }
}
