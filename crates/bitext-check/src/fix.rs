//! `--fix`: replacing deprecated renderings by the preferred one, where that is unambiguous.
//!
//! A `deprecated-term` finding is fixed when its text is the deprecated rendering as the glossary
//! writes it (case aside, white space collapsed) and on one line: then the preferred rendering
//! replaces it, with a capital first letter when the found text had one. An inflected form (the
//! glossary's "flag county" found as "flag counties") is left for a person: the preferred
//! rendering's inflection cannot be known.

use bitext_glossary::Glossary;

use crate::Diagnostic;

/// One replacement in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub path: String,
    /// Byte range in the file.
    pub span: [usize; 2],
    pub old: String,
    pub new: String,
}

/// What `--fix` would do.
#[derive(Debug, Default)]
pub struct Plan {
    pub edits: Vec<Edit>,
    /// Deprecated-term findings left alone, with the reason.
    pub left: Vec<(Diagnostic, &'static str)>,
}

fn squash(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Plans the edits for the `deprecated-term` findings of the files `fixable` accepts.
pub fn plan(findings: &[Diagnostic], glossary: &Glossary, fixable: &dyn Fn(&str) -> bool) -> Plan {
    let mut plan = Plan::default();
    for d in findings.iter().filter(|d| d.rule == "deprecated-term") {
        if !fixable(&d.path) {
            plan.left.push((
                d.clone(),
                "bitext's own JSONL and TSV are not rewritten (TMX, XLIFF, PO and documents are)",
            ));
            continue;
        }
        let Some(c) = glossary.concepts.iter().find(|c| c.id == d.term) else {
            continue;
        };
        if d.line != d.end_line {
            plan.left.push((d.clone(), "runs across a line break"));
            continue;
        }
        let found = squash(&d.found);
        if !c.deprecated.iter().any(|x| squash(&x.text) == found) {
            plan.left.push((
                d.clone(),
                "an inflected form: the right form of the preferred rendering needs a person",
            ));
            continue;
        }
        let mut new = c.preferred.clone();
        let found_upper = d.found.starts_with(|ch: char| ch.is_uppercase());
        if found_upper && !c.case_sensitive {
            let mut chars = new.chars();
            if let Some(first) = chars.next() {
                new = first.to_uppercase().chain(chars).collect();
            }
        }
        plan.edits.push(Edit {
            path: d.path.clone(),
            span: d.span,
            old: d.found.clone(),
            new,
        });
    }
    plan
}

/// Applies the edits of one file (byte spans into `bytes`), last first.
pub fn apply(text: &str, offset_base: usize, edits: &[&Edit]) -> String {
    let mut out = text.to_string();
    let mut sorted: Vec<&&Edit> = edits.iter().collect();
    sorted.sort_by_key(|e| std::cmp::Reverse(e.span[0]));
    for e in sorted {
        let (s, t) = (e.span[0] - offset_base, e.span[1] - offset_base);
        if s <= t && t <= out.len() && out.is_char_boundary(s) && out.is_char_boundary(t) {
            out.replace_range(s..t, &e.new);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Checker;

    #[test]
    fn fixes_exact_forms_and_leaves_inflected_ones() {
        let g = Glossary::from_str(
            "[[term]]\nid = \"our-country\"\nzh = \"我国\"\nen.preferred = \"China\"\nen.deprecated = [\"my country\"]\n\n[[term]]\nid = \"banner\"\nzh = \"旗\"\nen.preferred = \"banner county\"\nen.deprecated = [\"flag county\"]\n",
            "g.toml",
        )
        .unwrap();
        let text = "My country has flag counties. In my country, each flag county…";
        let findings = Checker::new(&g).check_english("a.txt", text, 0);
        let plan = plan(&findings, &g, &|_| true);
        assert_eq!(plan.edits.len(), 3, "{:?}", plan.edits);
        assert_eq!(plan.left.len(), 1);
        let edits: Vec<&Edit> = plan.edits.iter().collect();
        assert_eq!(
            apply(text, 0, &edits),
            "China has flag counties. In China, each banner county…"
        );
    }
}
