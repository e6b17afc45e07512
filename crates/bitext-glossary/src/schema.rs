//! The on-disk TOML schema of a glossary file, kept apart from the
//! resolved [`Glossary`](crate::Glossary) model.
//!
//! ```toml
//! [[term]]
//! id = "banner"
//! zh = "旗"
//! domain = "administrative-divisions"
//! source = "Xinhua; SCIO white papers"
//! note = "County-level division of Inner Mongolia."
//!
//! [term.en]
//! preferred = "banner"
//! admitted = []
//! deprecated = [{ text = "flag county", reason = "literal machine translation" }, "flag counties"]
//! ```

use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct File {
    /// Each entry with its span in the file (from the TOML parser: errors about an entry point at
    /// it however its header is written, `[[term]]` or `[[ term ]]`).
    #[serde(default)]
    pub term: Vec<toml::Spanned<TermEntry>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct TermEntry {
    pub id: String,
    pub zh: String,
    #[serde(default)]
    pub zh_variants: Vec<String>,
    #[serde(default)]
    pub en: EnEntry,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub domain: Option<String>,
    #[serde(default)]
    pub case_sensitive: bool,
    /// `false`: no official English rendering exists; the entry's rendering is the glossary's.
    #[serde(default = "yes")]
    pub official: bool,
    /// `false`: term-mismatch does not require a rendering in translations (official English
    /// paraphrases this term); deprecated renderings are still reported.
    #[serde(default = "yes")]
    pub enforce: bool,
    #[serde(default)]
    pub pos: Option<String>,
    #[serde(default)]
    pub status: Option<String>,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct EnEntry {
    /// Optional in the schema so that its absence is reported with the
    /// entry's position rather than as a bare parse error.
    #[serde(default)]
    pub preferred: Option<String>,
    #[serde(default)]
    pub admitted: Vec<String>,
    #[serde(default)]
    pub deprecated: Vec<DeprecatedEntry>,
    /// Phrases that contain a rendering but are not uses of the concept
    /// ("main line of defense" beside the deprecated "main line").
    #[serde(default)]
    pub exceptions: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum DeprecatedEntry {
    Plain(String),
    WithReason(DeprecatedTable),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeprecatedTable {
    pub text: String,
    #[serde(default)]
    pub reason: Option<String>,
}
