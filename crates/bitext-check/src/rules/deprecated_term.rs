//! `deprecated-term`: a rendering the glossary marks as deprecated.

use super::{one_line, Check, Rule, Severity};
use crate::compile::Kind;
use crate::context::DocCtx;
use std::collections::HashMap;

pub(crate) const RULE: Rule = Rule {
    id: "deprecated-term",
    severity: Severity::Error,
    summary: "A rendering the glossary marks as deprecated is used.",
    what: "Finds every occurrence of a rendering listed under `en.deprecated` of a glossary \
           concept, with its inflections (banner/banners), case, hyphen and line-break variants. \
           When the document renders the concept more than one way, the first such finding lists \
           every rendering used with its count (one term rendered three ways in one article).",
    why: "Deprecated renderings are known errors: literal machine translations (旗 as \
          \"flag\"), outdated names, or wordings the official English avoids (我国 as \
          \"my country\"). Each one misleads a reader or breaks the client's terminology.",
    example: "glossary: 旗 → preferred \"banner\", deprecated \"flag counties\"\n\
              text:     \"key ecological function flag counties (cities, districts)\"\n\
              finding:  deprecated-term: `flag counties` for 旗; use `banner`",
};

pub(crate) struct DeprecatedTerm;

impl Check for DeprecatedTerm {
    fn rule(&self) -> &'static Rule {
        &RULE
    }

    fn document(&self, ctx: &mut DocCtx) {
        let checker = ctx.checker;
        let text = ctx.text();
        let variants = Variants::of(ctx);
        let mut noted = std::collections::HashSet::new();
        let mut found = Vec::new();
        for u in &ctx.uses {
            let Kind::Deprecated(i) = u.kind else {
                continue;
            };
            let c = &checker.concepts[u.concept];
            let mut message = format!(
                "`{}` is a deprecated rendering of {} ({}); use `{}`",
                one_line(&text[u.start..u.end]),
                c.zh,
                c.id,
                c.preferred
            );
            if let Some(reason) = &c.deprecated[i].reason {
                message.push_str(": ");
                message.push_str(reason);
            }
            // The first deprecated use of a concept the document renders several ways says so.
            if let Some(list) = variants.list(u.concept, text) {
                if noted.insert(u.concept) {
                    let scope = if ctx.doc.part {
                        "this part of the file"
                    } else {
                        "this document"
                    };
                    message.push_str(&format!("; {scope} renders {} {list}", c.zh));
                }
            }
            found.push(((u.start, u.end), c.preferred.clone(), c.id.clone(), message));
        }
        for (span, expected, term, message) in found {
            ctx.report(&RULE, span, expected, term, message);
        }
    }
}

/// One rendering of a concept in a document: the glossary pattern, its count, and where it is
/// first found.
type Variant = (usize, usize, (usize, usize));

/// The ways a document renders the concepts it uses a deprecated rendering of: the glossary's
/// renderings it uses, each with its count and its first text.
struct Variants {
    /// concept → its variants, in order of first use.
    by_concept: HashMap<usize, Vec<Variant>>,
}

impl Variants {
    fn of(ctx: &DocCtx) -> Variants {
        let mut by_concept: HashMap<usize, Vec<Variant>> = HashMap::new();
        for u in &ctx.uses {
            if matches!(u.kind, Kind::Deprecated(_)) {
                by_concept.entry(u.concept).or_default();
            }
        }
        if by_concept.is_empty() {
            return Variants { by_concept };
        }
        for u in &ctx.uses {
            let Some(vs) = by_concept.get_mut(&u.concept) else {
                continue;
            };
            match vs.iter_mut().find(|v| v.0 == u.pattern) {
                Some(v) => v.1 += 1,
                None => vs.push((u.pattern, 1, (u.start, u.end))),
            }
        }
        Variants { by_concept }
    }

    /// "N ways: `a` ×3, `b` ×1" when a concept is rendered more than one way.
    fn list(&self, concept: usize, text: &str) -> Option<String> {
        let vs = self.by_concept.get(&concept)?;
        if vs.len() < 2 {
            return None;
        }
        let items: Vec<String> = vs
            .iter()
            .map(|(_, n, (s, e))| format!("`{}` ×{n}", one_line(&text[*s..*e])))
            .collect();
        Some(format!("{} ways: {}", vs.len(), items.join(", ")))
    }
}

#[cfg(test)]
mod tests {
    use crate::Checker;
    use bitext_glossary::Glossary;

    #[test]
    fn inflected_and_hyphenated_forms() {
        let g = Glossary::from_str(
            "[[term]]\nid = \"banner\"\nzh = \"旗\"\nen.preferred = \"banner\"\nen.deprecated = [\"flag county\"]\n",
            "g.toml",
        )
        .unwrap();
        let f = Checker::new(&g).check_english("a.txt", "Two flag counties and a Flag-County.", 0);
        let found: Vec<_> = f.iter().map(|d| d.found.as_str()).collect();
        assert_eq!(found, ["flag counties", "Flag-County"]);
        assert!(f.iter().all(|d| d.rule == "deprecated-term"));
    }
}
