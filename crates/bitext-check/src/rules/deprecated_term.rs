//! `deprecated-term`: a rendering the glossary marks as deprecated.

use super::{one_line, Check, Rule, Severity};
use crate::compile::Kind;
use crate::context::DocCtx;

pub(crate) const RULE: Rule = Rule {
    id: "deprecated-term",
    severity: Severity::Error,
    summary: "A rendering the glossary marks as deprecated is used.",
    what: "Finds every occurrence of a rendering listed under `en.deprecated` of a glossary \
           concept, with inflection (banner/banners), case, hyphen and line-break variants.",
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
        let mut found = Vec::new();
        for u in &ctx.uses {
            let Kind::Deprecated(i) = u.kind else {
                continue;
            };
            let c = &ctx.checker.concepts[u.concept];
            let mut message = format!(
                "`{}` is a deprecated rendering of {} ({}); use `{}`",
                one_line(&ctx.text()[u.start..u.end]),
                c.zh,
                c.id,
                c.preferred
            );
            if let Some(reason) = &c.deprecated[i].reason {
                message.push_str(": ");
                message.push_str(reason);
            }
            found.push(((u.start, u.end), c.preferred.clone(), c.id.clone(), message));
        }
        for (span, expected, term, message) in found {
            ctx.report(&RULE, span, expected, term, message);
        }
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
