//! The rule registry: stable kebab-case ids, each with its documentation and its check.
//!
//! Each rule is one file of this module: a [`Rule`] constant (id, severity, documentation) and a
//! type implementing `Check`, run on each document (`Check::document`) and, for rules that
//! compare documents, once over all of them (`Check::set`). Adding a rule means adding its file
//! and one line to `CHECKS`.

mod chinese_in_english;
mod code_mismatch;
mod deprecated_term;
mod empty_target;
mod inconsistent_rendering;
mod inconsistent_source;
mod inconsistent_target;
mod inline_codes;
mod near_miss;
mod number_mismatch;
mod placeholders;
mod punctuation_width;
mod repeated_words;
mod spacing;
mod term_mismatch;
mod text;
mod unpaired_brackets;
mod untranslated;
mod url_mismatch;

use crate::context::DocCtx;
use serde::Serialize;
pub(crate) use term_mismatch::Rendering;

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

/// Rules that run only when selected: what they report is information for a reviewer, too
/// often right to count as a fault by default.
const OPT_IN: &[&str] = &["inconsistent-source", "inconsistent-rendering"];

impl Rule {
    /// Whether the rule runs when no rules are selected.
    pub fn on_by_default(&self) -> bool {
        !OPT_IN.contains(&self.id)
    }
}

/// What a rule does to the documents of a run.
pub(crate) trait Check: Sync {
    /// The rule's id and documentation.
    fn rule(&self) -> &'static Rule;

    /// Whether the rule reads the English alone, for a translator's faults: it then skips
    /// documents whose English is the source (an en→zh file).
    fn english_translation_only(&self) -> bool {
        false
    }

    /// Checks one document, reporting into `ctx`.
    fn document(&self, _ctx: &mut DocCtx) {}

    /// Checks the documents of a run together, after [`Check::document`] ran on each; reports
    /// into the document a finding belongs to.
    fn set(&self, _docs: &mut [DocCtx]) {}
}

/// Every rule, in the order `bitext rules` lists them.
pub(crate) const CHECKS: &[&dyn Check] = &[
    &deprecated_term::DeprecatedTerm,
    &near_miss::NearMiss,
    &term_mismatch::TermMismatch,
    &number_mismatch::NumberMismatch,
    &inconsistent_target::InconsistentTarget,
    &inconsistent_source::InconsistentSource,
    &inconsistent_rendering::InconsistentRendering,
    &empty_target::EmptyTarget,
    &untranslated::Untranslated,
    &chinese_in_english::ChineseInEnglish,
    &repeated_words::RepeatedWords,
    &unpaired_brackets::UnpairedBrackets,
    &spacing::Spacing,
    &punctuation_width::PunctuationWidth,
    &inline_codes::InlineCodes,
    &placeholders::Placeholders,
    &url_mismatch::UrlMismatch,
    &code_mismatch::CodeMismatch,
];

/// Every rule's id and documentation, in the order `bitext rules` lists them.
pub fn all() -> impl Iterator<Item = &'static Rule> {
    CHECKS.iter().map(|c| c.rule())
}

/// The rules a run enables: those of `select` (by default every rule on by default) less those
/// of `ignore`. An unknown id of either list is the error, as given.
pub fn enabled(select: Option<&[String]>, ignore: &[&str]) -> Result<Vec<String>, String> {
    let selected: Vec<String> = match select {
        Some(ids) => ids.to_vec(),
        None => all()
            .filter(|r| r.on_by_default())
            .map(|r| r.id.to_owned())
            .collect(),
    };
    if let Some(id) = selected
        .iter()
        .map(String::as_str)
        .chain(ignore.iter().copied())
        .find(|id| rule(id).is_none())
    {
        return Err(id.to_owned());
    }
    Ok(selected
        .into_iter()
        .filter(|id| !ignore.contains(&id.as_str()))
        .collect())
}

/// Looks a rule up by id.
pub fn rule(id: &str) -> Option<&'static Rule> {
    all().find(|r| r.id == id)
}

/// The groups of documents a consistency rule compares: all of them with `consistency = "run"`,
/// else each on its own.
pub(crate) fn scopes(docs: &[DocCtx]) -> Vec<Vec<usize>> {
    if docs.first().is_some_and(|d| d.checker.run_scope) {
        vec![(0..docs.len()).collect()]
    } else {
        (0..docs.len()).map(|d| vec![d]).collect()
    }
}

/// A finding's text on one line.
pub(crate) fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The findings of one rule on one aligned unit (`zh` beside `en`), for the rules' tests.
#[cfg(test)]
pub(crate) fn findings_on_unit(
    glossary: &bitext_glossary::Glossary,
    rule: &str,
    zh: &str,
    en: &str,
) -> Vec<crate::Diagnostic> {
    let unit = crate::AlignedUnit {
        zh: zh.to_owned(),
        en: en.to_owned(),
        at: 0,
        end: en.len(),
        runs: Vec::new(),
        ..crate::AlignedUnit::default()
    };
    crate::Checker::new(glossary)
        .check(&[crate::Doc::aligned("t.tmx", en, 0, [unit])])
        .into_iter()
        .filter(|d| d.rule == rule)
        .collect()
}

/// The findings of one rule on aligned units (Chinese, English) of one file, without a
/// glossary, for the segment rules' tests.
#[cfg(test)]
pub(crate) fn findings_on_units(rule: &str, units: &[(&str, &str)]) -> Vec<crate::Diagnostic> {
    findings_on_units_with(rule, units, false)
}

/// [`findings_on_units`], with the rule selected when `select` (for rules off by default).
#[cfg(test)]
pub(crate) fn findings_on_units_with(
    rule: &str,
    units: &[(&str, &str)],
    select: bool,
) -> Vec<crate::Diagnostic> {
    let glossary = bitext_glossary::Glossary::default();
    findings_in(
        &glossary,
        rule,
        units,
        select,
        crate::DEFAULT_MIN_CONFIDENCE,
    )
}

/// The findings of one rule on aligned units of one file with a glossary, the rule selected
/// when `select`, bilingual findings from `min_confidence` on.
#[cfg(test)]
pub(crate) fn findings_in(
    glossary: &bitext_glossary::Glossary,
    rule: &str,
    units: &[(&str, &str)],
    select: bool,
    min_confidence: u8,
) -> Vec<crate::Diagnostic> {
    let units = units.iter().map(|(zh, en)| crate::AlignedUnit {
        zh: zh.to_string(),
        en: en.to_string(),
        ..crate::AlignedUnit::default()
    });
    let mut checker = crate::Checker::new(glossary);
    if select {
        checker.select(&[rule.to_owned()]).unwrap();
    }
    checker.min_confidence(min_confidence);
    checker
        .check(&[crate::Doc::aligned("t.tmx", "", 0, units)])
        .into_iter()
        .filter(|d| d.rule == rule)
        .collect()
}
