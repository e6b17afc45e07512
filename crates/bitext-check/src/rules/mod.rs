//! The rule registry: stable kebab-case ids, each with its documentation and its check.
//!
//! Each rule is one file of this module: a [`Rule`] constant (id, severity, documentation) and a
//! type implementing `Check`, run on each document (`Check::document`) and, for rules that
//! compare documents, once over all of them (`Check::set`). Adding a rule means adding its file
//! and one line to `CHECKS`.

mod deprecated_term;
mod near_miss;
mod number_mismatch;
mod term_mismatch;

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

/// What a rule does to the documents of a run.
pub(crate) trait Check: Sync {
    /// The rule's id and documentation.
    fn rule(&self) -> &'static Rule;

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
];

/// Every rule's id and documentation, in the order `bitext rules` lists them.
pub fn all() -> impl Iterator<Item = &'static Rule> {
    CHECKS.iter().map(|c| c.rule())
}

/// Looks a rule up by id.
pub fn rule(id: &str) -> Option<&'static Rule> {
    all().find(|r| r.id == id)
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
    };
    crate::Checker::new(glossary)
        .check(&[crate::Doc::aligned("t.tmx", en, 0, [unit])])
        .into_iter()
        .filter(|d| d.rule == rule)
        .collect()
}
