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
           in 鄂托克前旗, not in 国旗), reports the English of the bead when it contains no \
           rendering of the term: not a deprecated one (which deprecated-term reports), not the \
           preferred or an admitted one, in any word order and inflection (\"people of all \
           China's ethnic groups\" renders \"people of all ethnic groups\"), nor all but one of \
           the content words of a rendering of three or more (\"all ethnic groups\"), nor its \
           acronym (CPC for Communist Party of China). Beads from automatic alignment are \
           compared with their neighbours too.",
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
        let text = ctx.text();
        let beads = &ctx.doc.beads;
        if beads.is_empty() {
            return;
        }
        let renderings = checker.renderings();
        // The words of each bead's English: inflectional bases, and the words as written (for
        // acronyms).
        let words: Vec<(HashSet<String>, HashSet<&str>)> = beads
            .iter()
            .map(|b| {
                let (s, e) = (b.en.start.min(text.len()), b.en.end.min(text.len()));
                // Tokens are in text order: the bead's are found by bisection, not a scan of
                // the whole document per bead.
                let all = &ctx.folded.tokens;
                let first = all.partition_point(|t| t.start < s);
                let tokens = all[first..]
                    .iter()
                    .take_while(|t| t.start < e)
                    .filter(|t| t.end <= e);
                let mut bases = HashSet::new();
                let mut written = HashSet::new();
                for t in tokens {
                    let w = &text[t.start..t.end];
                    bases.insert(base_of(w));
                    written.insert(w);
                }
                (bases, written)
            })
            .collect();
        // The glossary's matches by start, to find a bead's by bisection.
        let mut uses: Vec<(usize, usize, usize)> = ctx
            .uses
            .iter()
            .map(|u| (u.start, u.end, u.concept))
            .collect();
        uses.sort_unstable();
        let reach = if ctx.doc.automatic { 1 } else { 0 };
        let mut found = Vec::new();
        for (k, bead) in beads.iter().enumerate() {
            let (s, e) = (bead.en.start.min(text.len()), bead.en.end.min(text.len()));
            let around = k.saturating_sub(reach)..(k + reach + 1).min(beads.len());
            // Once per concept and bead.
            let mut seen = HashSet::new();
            // Once per Chinese term (a homograph is one finding).
            let mut reported = HashSet::new();
            // A term the glossary does not enforce may contain one it does (民族团结进步 in
            // 全区民族团结进步模范表彰大会): look inside it.
            let mut hits = Vec::new();
            for (ci, zr) in checker.zh_terms().find(&bead.zh) {
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
            // Whether a concept is rendered in the bead: a rendering of the glossary matched
            // in it (deprecated ones are deprecated-term's), or an accepted rendering by its
            // words, in any order and inflection, or by its acronym, in the bead or (automatic
            // alignment) next to it.
            let is_rendered = |ci: usize| {
                uses[uses.partition_point(|u| u.0 < s)..]
                    .iter()
                    .take_while(|u| u.0 < e)
                    .any(|&(_, end, c)| c == ci && end <= e)
                    || around.clone().any(|b| {
                        renderings[ci]
                            .iter()
                            .any(|r| r.found_in(&words[b].0, &words[b].1))
                    })
            };
            for (ci, zr) in &hits {
                if !seen.insert(*ci) {
                    continue;
                }
                // A homograph (one Chinese term of several concepts) is rendered when any of
                // its concepts is.
                let rendered = hits
                    .iter()
                    .filter(|(_, r)| r == zr)
                    .any(|(c, _)| is_rendered(*c));
                if rendered || !reported.insert(zr.clone()) {
                    continue;
                }
                let c = &checker.concepts[*ci];
                let mut accepted = Vec::new();
                for (h, _) in hits.iter().filter(|(_, r)| r == zr) {
                    let hc = &checker.concepts[*h];
                    accepted.push(format!("`{}`", hc.preferred));
                    accepted.extend(hc.admitted.iter().map(|a| format!("`{a}`")));
                }
                let message = format!(
                    "the Chinese has {} ({}) but the English has none of {}, nor their words",
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

/// The inflectional base of a word as written.
fn base_of(word: &str) -> String {
    let lower = word.to_lowercase();
    bitext_lexicon::english::inflection_base(&lower).into_owned()
}

/// An accepted rendering reduced for the bilingual check: its content words and its acronym.
pub(crate) struct Rendering {
    /// Bases of the words that are not stopwords (`people of all ethnic groups` → people,
    /// ethnic, group).
    content: Vec<String>,
    /// The initials of its capitalised words, when it has two or more (`Communist Party of
    /// China` → `CPC`).
    acronym: Option<String>,
}

impl Rendering {
    pub(crate) fn new(text: &str, folder: &crate::matcher::Folder) -> Rendering {
        let tokens = folder.tokens(text);
        let mut content = Vec::new();
        let mut initials = String::new();
        for t in &tokens {
            let w = &text[t.start..t.end];
            let lower = w.to_lowercase();
            if t.first_upper {
                initials.extend(w.chars().next());
            }
            if !bitext_lexicon::english::is_stopword(&lower) {
                let b = bitext_lexicon::english::inflection_base(&lower).into_owned();
                if !content.contains(&b) {
                    content.push(b);
                }
            }
        }
        Rendering {
            content,
            acronym: (initials.chars().count() >= 2).then_some(initials),
        }
    }

    /// Whether English words (bases, and words as written) render this: every content word,
    /// or for a rendering of three content words or more all but one (a paraphrase keeps the
    /// term: "all ethnic groups" for "people of all ethnic groups"), or the acronym.
    fn found_in(&self, bases: &HashSet<String>, written: &HashSet<&str>) -> bool {
        if self.acronym.as_deref().is_some_and(|a| written.contains(a)) {
            return true;
        }
        if self.content.is_empty() {
            return false;
        }
        let present = self.content.iter().filter(|w| bases.contains(*w)).count();
        let needed = if self.content.len() >= 3 {
            self.content.len() - 1
        } else {
            self.content.len()
        };
        present >= needed
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
