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
    summary: "One concept is rendered in several ways in one document.",
    what: "Counts, per document, the renderings of each concept (preferred, admitted and \
           deprecated). When more than one is used, reports the concept once, at the first \
           occurrence of a rendering other than the most used one, with every variant's count \
           and the preferred rendering.",
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

/// Every rule, in the order `bitext rules` lists them.
pub const RULES: &[Rule] = &[DEPRECATED_TERM, INCONSISTENT_TERM, NEAR_MISS];

/// Looks a rule up by id.
pub fn rule(id: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.id == id)
}
