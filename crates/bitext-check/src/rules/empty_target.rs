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
           punctuation. Units the file marks not to translate are not checked. A file with more \
           than ten such units (a file partly translated) gets one finding that counts them, at \
           the first; --each-empty-target lists each.",
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
        let mut units = 0usize;
        for (k, (s, en)) in ctx.segments().enumerate() {
            let (source, target) = if english_target {
                (s.zh.as_str(), en)
            } else {
                (en, s.zh.as_str())
            };
            units += usize::from(has_words(source));
            if has_words(source) && !target.chars().any(char::is_alphanumeric) {
                let message = format!("the segment \"{}\" has no translation", excerpt(source, 80));
                found.push((k, message));
            }
        }
        if found.len() > crate::EMPTY_TARGETS_LISTED && !ctx.checker.each_empty_target {
            let (k, _) = found[0];
            let message = format!(
                "{} of the {units} units have no translation (this is the first; \
                 --each-empty-target lists them one by one)",
                found.len()
            );
            found = vec![(k, message)];
        }
        for (k, message) in found {
            ctx.report_target(&RULE, k, (0, 0), String::new(), message);
        }
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

    #[test]
    fn a_partly_translated_file_gets_one_finding_with_the_count() {
        let mut units: Vec<(String, String)> = (0..30)
            .map(|k| (format!("第{k}个按钮。"), String::new()))
            .collect();
        units.push(("好。".into(), "Good.".into()));
        let pairs: Vec<(&str, &str)> = units
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        let f = findings_on_units("empty-target", &pairs);
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(
            f[0].message.starts_with("30 of the 31 units"),
            "{}",
            f[0].message
        );
        let ten = findings_on_units("empty-target", &pairs[..10]);
        assert_eq!(ten.len(), 10, "ten are listed one by one");
    }
}
