//! Terminology QA for Chinese–English translations.
//!
//! A [`Checker`] compiles a [`Glossary`](bitext_glossary::Glossary) once and checks documents
//! ([`Doc`]: English text, an English translation with the beads that align it to its Chinese
//! source, or aligned units from a TMX or JSONL file) under the rules of [`rules`], one file
//! each. [`Checker::check`] runs every rule on every document (in parallel), then the rules that
//! compare documents, and returns the findings placed in the files, sorted and fingerprinted.
//! [`baseline`] makes CI fail on new findings only, [`render`] writes them as a human report,
//! JSON or SARIF, and [`fix`] plans the replacement of deprecated renderings.
//!
//! ```
//! use bitext_check::Checker;
//! use bitext_glossary::Glossary;
//!
//! let glossary = Glossary::from_str(r#"
//! [[term]]
//! id = "banner"
//! zh = "旗"
//! en.preferred = "banner"
//! en.deprecated = ["flag county"]
//! "#, "g.toml").unwrap();
//! let checker = Checker::new(&glossary);
//! let text = "Key ecological function flag counties (cities, districts).";
//! let findings = checker.check_english("a.txt", text, 0);
//! assert_eq!(findings[0].rule, "deprecated-term");
//! assert_eq!(findings[0].found, "flag counties");
//! assert_eq!(findings[0].column, 25);
//! ```

pub mod baseline;
mod compile;
mod context;
mod diagnostic;
mod evidence;
pub mod fix;
pub mod matcher;
pub mod render;
pub mod rules;
pub mod units;

pub use compile::Checker;
pub use context::{AlignedUnit, Bead, Doc, Segment};
pub use diagnostic::{Diagnostic, SegmentText};
pub use rules::{Rule, Severity};

use context::DocCtx;

/// The default threshold of [`Checker::min_confidence`], in hundredths: chosen on judged findings
/// of official translations and on faults planted in them (`docs/evaluation.md`).
pub const DEFAULT_MIN_CONFIDENCE: u8 = 50;

/// How many units without a translation a document lists one by one before empty-target
/// counts them in one finding instead (see [`Checker::each_empty_target`]).
pub const EMPTY_TARGETS_LISTED: usize = 10;
use rayon::prelude::*;

impl Checker<'_> {
    /// Runs only the rules of `ids` (by default every rule that is
    /// [on by default](rules::Rule::on_by_default)). Unknown ids are an error naming them.
    pub fn select(&mut self, ids: &[String]) -> Result<(), String> {
        let mut enabled = Vec::new();
        for id in ids {
            match rules::rule(id) {
                Some(r) => enabled.push(r.id),
                None => return Err(format!("unknown rule `{id}`")),
            }
        }
        self.enabled = Some(enabled);
        Ok(())
    }

    /// Whether the consistency rules (inconsistent-target, inconsistent-source, and the
    /// glossary's one-concept-several-ways message) compare every document of a run together
    /// (`true`) or each document on its own (the default).
    pub fn consistency_across_files(&mut self, yes: bool) {
        self.run_scope = yes;
    }

    /// Leaves out bilingual findings whose confidence is below `hundredths` (0 reports every
    /// finding; the default is [`DEFAULT_MIN_CONFIDENCE`]).
    pub fn min_confidence(&mut self, hundredths: u8) {
        self.min_confidence = hundredths;
    }

    /// Whether empty-target reports every unit without a translation, however many a document
    /// has (by default, a document with more than [`EMPTY_TARGETS_LISTED`] gets one finding that
    /// counts them: a partly translated file is not a list of its work still to do).
    pub fn each_empty_target(&mut self, yes: bool) {
        self.each_empty_target = yes;
    }

    fn runs(&self, rule: &rules::Rule) -> bool {
        match &self.enabled {
            Some(e) => e.contains(&rule.id),
            None => rule.on_by_default(),
        }
    }

    /// Checks documents with every rule: each document on its own (in parallel), then the
    /// documents together. Findings come placed in their files, sorted by path and position,
    /// fingerprinted for baselines (see [`baseline`]).
    pub fn check(&self, docs: &[Doc]) -> Vec<Diagnostic> {
        let mut ctxs: Vec<DocCtx> = docs
            .par_iter()
            .map(|doc| {
                let mut ctx = DocCtx::new(self, doc);
                for check in rules::CHECKS {
                    let applies = !check.english_translation_only() || ctx.english_is_target();
                    if self.runs(check.rule()) && applies {
                        check.document(&mut ctx);
                    }
                }
                // The set-wide rules need the uses only: a large run keeps no folded text.
                ctx.folded = Default::default();
                ctx
            })
            .collect();
        for check in rules::CHECKS {
            if self.runs(check.rule()) {
                check.set(&mut ctxs);
            }
        }
        let per_doc: Vec<Vec<Diagnostic>> =
            ctxs.into_par_iter().map(DocCtx::into_diagnostics).collect();
        let mut findings: Vec<Diagnostic> = per_doc.into_iter().flatten().collect();
        findings.sort_by(|a, b| (&a.path, a.span, a.rule).cmp(&(&b.path, b.span, b.rule)));
        findings.dedup();
        baseline::fingerprint_all(&mut findings);
        findings
    }

    /// Checks one English document. `path` is the name reported; `offset_base` is added to byte
    /// spans (the BOM length of the file).
    pub fn check_english(&self, path: &str, text: &str, offset_base: usize) -> Vec<Diagnostic> {
        self.check(&[Doc::english(path, text, offset_base)])
    }
}
