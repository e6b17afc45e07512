//! `bitext.toml`, or `[tool.bitext]` in a `pyproject.toml`: the settings of `bitext check`,
//! found upwards from the first checked path the way linters find theirs.
//!
//! ```toml
//! glossary = ["glossary", "../terms/legal.toml"]   # relative to this file
//! languages = { chinese = "zh-CN", english = "en-US" }    # which tags of a multilingual file
//!
//! [check]
//! select = ["deprecated-term", "number-mismatch", "inconsistent-target"]   # default: every rule
//! ignore = ["spacing"]
//! consistency = "run"        # "file" (default): each file on its own; "run": all files together
//! min-confidence = 0.7       # bilingual findings this sure or more (default: 0.5)
//! severity = { inconsistent-source = "warning", spacing = "error" }
//! ```
//!
//! Unknown keys and rule ids are errors with the file, line and column.

use anyhow::{anyhow, bail, Context};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// The settings of a configuration file.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Config {
    /// Glossary files or directories, relative to the configuration file.
    #[serde(default)]
    pub glossary: Vec<PathBuf>,
    #[serde(default)]
    pub languages: Languages,
    #[serde(default)]
    pub check: CheckConfig,
    /// Where the configuration was read from (not a key).
    #[serde(skip)]
    pub path: Option<PathBuf>,
    /// The file's text, for positions.
    #[serde(skip)]
    text: String,
}

/// The language tags of a multilingual file's sides to check.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Languages {
    pub chinese: Option<String>,
    pub english: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct CheckConfig {
    pub select: Option<Vec<Spanned<String>>>,
    #[serde(default)]
    pub ignore: Vec<Spanned<String>>,
    pub consistency: Option<Scope>,
    /// The threshold of the bilingual findings' confidence, from 0 to 1.
    pub min_confidence: Option<Spanned<f64>>,
    #[serde(default)]
    pub severity: BTreeMap<String, Spanned<SeverityName>>,
}

/// Where consistency is compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    /// Each file on its own.
    File,
    /// Every file of the run together.
    Run,
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SeverityName {
    Info,
    Warning,
    Error,
}

impl SeverityName {
    pub fn severity(self) -> bitext_check::Severity {
        match self {
            SeverityName::Info => bitext_check::Severity::Info,
            SeverityName::Warning => bitext_check::Severity::Warning,
            SeverityName::Error => bitext_check::Severity::Error,
        }
    }
}

#[derive(Deserialize)]
struct Pyproject {
    tool: Option<Tool>,
}

#[derive(Deserialize)]
struct Tool {
    bitext: Option<Config>,
}

/// `path:line:col: message` for a byte offset of `text`.
fn at(path: &Path, text: &str, offset: usize, message: &str) -> anyhow::Error {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    anyhow!("{}:{line}:{column}: {message}", path.display())
}

impl Config {
    /// Reads a configuration file: `bitext.toml`, or a `pyproject.toml` (its `[tool.bitext]`;
    /// `None` when it has none).
    pub fn read(path: &Path) -> anyhow::Result<Option<Config>> {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read the configuration {}", path.display()))?;
        let error = |e: toml::de::Error| {
            let offset = e.span().map_or(0, |s| s.start);
            at(path, &text, offset, e.message())
        };
        let pyproject = path.file_name().is_some_and(|n| n == "pyproject.toml");
        let config = if pyproject {
            let p: Pyproject = toml::from_str(&text).map_err(error)?;
            match p.tool.and_then(|t| t.bitext) {
                Some(c) => c,
                None => return Ok(None),
            }
        } else {
            toml::from_str(&text).map_err(error)?
        };
        let config = Config {
            path: Some(path.to_owned()),
            text,
            ..config
        };
        config.validate()?;
        Ok(Some(config))
    }

    /// The configuration that applies to `start`: the first `bitext.toml`, `.bitext.toml` or
    /// `pyproject.toml` with a `[tool.bitext]` table in its directory or a parent.
    pub fn find(start: &Path) -> anyhow::Result<Option<Config>> {
        let start = std::fs::canonicalize(start).unwrap_or_else(|_| start.to_owned());
        let dir = if start.is_dir() {
            start.as_path()
        } else {
            start.parent().unwrap_or(Path::new("."))
        };
        // Shown relative to the working directory when below it.
        let cwd = std::env::current_dir()
            .ok()
            .and_then(|c| std::fs::canonicalize(c).ok());
        for d in dir.ancestors() {
            for name in ["bitext.toml", ".bitext.toml", "pyproject.toml"] {
                let full = d.join(name);
                let p = match cwd.as_deref().and_then(|c| full.strip_prefix(c).ok()) {
                    Some(rel) => rel.to_path_buf(),
                    None => full,
                };
                if p.is_file() {
                    if let Some(c) = Config::read(&p)? {
                        return Ok(Some(c));
                    }
                }
            }
        }
        Ok(None)
    }

    fn validate(&self) -> anyhow::Result<()> {
        let path = self.path.as_deref().unwrap_or(Path::new("bitext.toml"));
        let ids = self.check.select.iter().flatten().chain(&self.check.ignore);
        for id in ids {
            if bitext_check::rules::rule(id.get_ref()).is_none() {
                bail!(at(
                    path,
                    &self.text,
                    id.span().start,
                    &unknown_rule(id.get_ref())
                ));
            }
        }
        for (id, sev) in &self.check.severity {
            if bitext_check::rules::rule(id).is_none() {
                bail!(at(path, &self.text, sev.span().start, &unknown_rule(id)));
            }
        }
        if let Some(c) = &self.check.min_confidence {
            if crate::args::hundredths(*c.get_ref()).is_none() {
                bail!(at(
                    path,
                    &self.text,
                    c.span().start,
                    "`min-confidence` must be a number from 0 to 1"
                ));
            }
        }
        Ok(())
    }

    /// The configuration's confidence threshold, in hundredths.
    pub fn min_confidence(&self) -> Option<u8> {
        crate::args::hundredths(*self.check.min_confidence.as_ref()?.get_ref())
    }

    /// The glossary paths, relative to the configuration's directory.
    pub fn glossaries(&self) -> Vec<PathBuf> {
        let base = self
            .path
            .as_deref()
            .and_then(Path::parent)
            .unwrap_or(Path::new("."));
        self.glossary.iter().map(|g| base.join(g)).collect()
    }
}

pub fn unknown_rule(id: &str) -> String {
    let ids: Vec<_> = bitext_check::rules::all().map(|r| r.id).collect();
    format!("unknown rule `{id}`; the rules are: {}", ids.join(", "))
}
