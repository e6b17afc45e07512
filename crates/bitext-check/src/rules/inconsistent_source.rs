//! `inconsistent-source`: different source texts given the same translation.

use super::{Check, Rule, Severity};
use crate::context::DocCtx;

pub(crate) const RULE: Rule = Rule {
    id: "inconsistent-source",
    severity: Severity::Info,
    summary: "Different source texts have the same translation.",
    what: "Segment rule (bilingual files): groups the segments whose \
           translation is the same once case, spaces, punctuation and the digits of numbers are \
           set aside, and reports each group whose source texts differ by more than that, once, \
           with every source and its count. Two wordings of one thing legitimately share a \
           translation (\"I had a fever\" and \"I got a fever\": 我发烧了), so this is \
           information for a reviewer, not an error, and runs only when selected \
           (`--select inconsistent-source`).",
    why: "Two different source sentences with one translation often mean that one of them was \
          translated from the wrong source, or that a fuzzy match was accepted unchanged.",
    example: "zh:       \"自治区民委\" and \"自治区民宗委\"\n\
              en:       \"the regional ethnic affairs commission\" (both)\n\
              finding:  inconsistent-source: the translation is the translation of 2 different \
              sources",
};

pub(crate) struct InconsistentSource;

impl Check for InconsistentSource {
    fn rule(&self) -> &'static Rule {
        &RULE
    }

    fn set(&self, docs: &mut [DocCtx]) {
        super::inconsistent_target::report_groups(docs, &RULE, false);
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::findings_on_units;

    #[test]
    fn two_sources_one_translation() {
        let units = [
            (
                "自治区民族事务委员会召开全体会议",
                "The regional ethnic affairs commission met.",
            ),
            (
                "自治区民族宗教事务委员会召开全体会议",
                "the regional ethnic affairs commission met",
            ),
            (
                "自治区民族事务委员会召开全体会议",
                "The regional ethnic affairs commission met.",
            ),
        ];
        let f = findings_on_units("inconsistent-source", &units);
        assert!(f.is_empty(), "not on by default");
        let f = crate::rules::findings_on_units_with("inconsistent-source", &units, true);
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(
            f[0].message
                .contains("民族宗教事务委员会召开全体会议\" (1)"),
            "{}",
            f[0].message
        );
    }
}
