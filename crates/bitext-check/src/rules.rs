//! The rule registry: stable kebab-case ids, each with its documentation.

use serde::Serialize;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    /// The SARIF `level`.
    pub fn sarif_level(self) -> &'static str {
        match self {
            Severity::Info => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// A rule: its id, default severity and documentation.
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    pub id: &'static str,
    pub severity: Severity,
    /// One line: what it finds.
    pub summary: &'static str,
    pub what: &'static str,
    pub why: &'static str,
    pub example: &'static str,
}

pub const DEPRECATED_TERM: Rule = Rule {
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

pub const INCONSISTENT_TERM: Rule = Rule {
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

pub const NEAR_MISS: Rule = Rule {
    id: "near-miss",
    severity: Severity::Info,
    summary: "A word is a misspelling of a name in the glossary.",
    what: "Finds capitalised words of six letters or more that are one edit (two for words \
           of eight letters or more) away from a proper-noun word of a glossary rendering, and \
           are neither a rendering word themselves, nor an inflection of one, nor a word the document also uses in lowercase (an ordinary English word), nor the name with another ending (Marxism beside Marxist).",
    why: "Misspelt place and programme names (Hulunbiur, Bayanur) survive spell checkers, which \
          do not know them, and they make a document unsearchable.",
    example: "glossary: 呼伦贝尔 → \"Hulunbuir\"\n\
              text:     \"in Hulunbiur City\"\n\
              finding:  near-miss: `Hulunbiur` looks like `Hulunbuir`",
};

pub const TERM_MISMATCH: Rule = Rule {
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

pub const NUMBER_MISMATCH: Rule = Rule {
    id: "number-mismatch",
    severity: Severity::Error,
    summary: "A number of one side of a bead is missing from the other.",
    what: "Bilingual: compares the numbers of each bead after normalisation: 2.9万 = 29,000, \
           百分之九十 = 90 %, 三成 = 30 %, 1000余 = more than 1,000, 2021年8月11日 = 11 August \
           2021; 十四五 names a plan and is no number. Chinese numbers written in digits, \
           percentages and numerals of ten or more must be in the English; English numbers in \
           digits must be in the Chinese.",
    why: "A wrong figure is the most damaging error a translation can make, and the easiest to \
          miss in review: 2.9万 rendered 2,900 reads naturally.",
    example: "zh:       全区2.9万名干部参加培训。\n\
              en:       \"2,900 cadres in the region took part in training.\"\n\
              finding:  number-mismatch: the Chinese has 2.9万 (29000), the English does not; \
              number-mismatch: the English has 2,900 (2900), the Chinese does not",
};

/// Every rule, in the order `bitext rules` lists them.
pub const RULES: &[Rule] = &[
    DEPRECATED_TERM,
    INCONSISTENT_TERM,
    NEAR_MISS,
    TERM_MISMATCH,
    NUMBER_MISMATCH,
];

/// Looks a rule up by id.
pub fn rule(id: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.id == id)
}
