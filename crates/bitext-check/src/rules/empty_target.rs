//! `empty-target`: a segment without a translation.

use super::text::{excerpt, has_words};
use super::{Check, Rule, Severity};
use crate::context::DocCtx;

pub(crate) const RULE: Rule = Rule {
    id: "empty-target",
    severity: Severity::Warning,
    summary: "A segment has a source text but no translation.",
    what: "Segment rule (aligned files): reports a unit whose source has words (a Han character \
           or a word of two letters) and whose target is empty or only spaces, inline codes or \
           punctuation. Units the file marks not to translate are not checked.",
    why: "An untranslated unit delivered as done leaves source text in the product; CAT tools \
          export an empty target when a segment was skipped.",
    example: "source:   \"全区共有民族团结进步示范单位105个。\"\n\
              target:   \"\"\n\
              finding:  empty-target: the segment has no translation",
};

pub(crate) struct EmptyTarget;

impl Check for EmptyTarget {
    fn rule(&self) -> &'static Rule {
        &RULE
    }

    fn document(&self, ctx: &mut DocCtx) {
        let english_target = ctx.doc.source_chinese;
        let mut found = Vec::new();
        for (s, en) in ctx.segments() {
            let (source, target) = if english_target {
                (s.zh.as_str(), en)
            } else {
                (en, s.zh.as_str())
            };
            if has_words(source) && !target.chars().any(char::is_alphanumeric) {
                let message = format!("the segment \"{}\" has no translation", excerpt(source, 80));
                found.push(((s.en.start, s.en.end), message));
            }
        }
        ctx.report_all(&RULE, found);
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::findings_on_units;

    #[test]
    fn a_unit_without_english_is_reported() {
        let f = findings_on_units(
            "empty-target",
            &[
                ("全区共有示范单位105个。", ""),
                ("2021", ""),
                ("好。", "Good."),
            ],
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].message.contains("示范单位"));
    }
}
