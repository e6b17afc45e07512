//! bitext glossaries: one concept per `[[term]]` in TOML files.
//!
//! [`Glossary::load`] reads a file or a directory of `*.toml` files strictly:
//! unknown fields, a concept without a preferred English rendering, a Chinese
//! term claimed by two concepts, and a rendering that is both preferred (or
//! admitted) and deprecated are errors with file, line and column.
//! [`lint`] adds warnings about near-duplicates, the seed of an inconsistent
//! glossary. The schema is documented in [`schema`] and `glossary/README.md`.
//!
//! ```
//! let text = r#"
//! [[term]]
//! id = "banner"
//! zh = "旗"
//! [term.en]
//! preferred = "banner"
//! deprecated = ["flag county"]
//! "#;
//! let glossary = bitext_glossary::Glossary::from_str(text, "demo.toml").unwrap();
//! assert_eq!(glossary.concepts[0].preferred, "banner");
//! assert_eq!(glossary.concepts[0].deprecated[0].text, "flag county");
//! ```

pub mod csv;
pub mod extract;
pub mod schema;
pub mod search;
pub mod sheet;
pub mod tbx;
pub mod write;

use bitext_core::LineIndex;
use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

/// A rendering the glossary rejects, with the reason to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deprecated {
    pub text: String,
    pub reason: Option<String>,
}

/// One concept of the glossary, resolved.
#[derive(Debug, Clone)]
pub struct Concept {
    pub id: String,
    pub zh: String,
    pub zh_variants: Vec<String>,
    pub preferred: String,
    pub admitted: Vec<String>,
    pub deprecated: Vec<Deprecated>,
    /// Phrases that contain a rendering but are not uses of the concept.
    pub exceptions: Vec<String>,
    pub note: Option<String>,
    pub source: Option<String>,
    pub domain: Option<String>,
    pub case_sensitive: bool,
    /// Whether the preferred rendering is official English (`official = false`: none exists).
    pub official: bool,
    /// Whether term-mismatch requires a rendering in translations (`enforce = false`: official
    /// English paraphrases the term).
    pub enforce: bool,
    pub pos: Option<String>,
    pub status: Option<String>,
    /// Where the concept is defined.
    pub origin: Origin,
}

impl Concept {
    /// A concept with its required fields; the others empty.
    pub fn new(id: &str, zh: &str, preferred: &str, origin: Origin) -> Concept {
        Concept {
            id: id.to_string(),
            zh: zh.to_string(),
            zh_variants: Vec::new(),
            preferred: preferred.to_string(),
            admitted: Vec::new(),
            deprecated: Vec::new(),
            exceptions: Vec::new(),
            note: None,
            source: None,
            domain: None,
            case_sensitive: false,
            official: true,
            enforce: true,
            pos: None,
            status: None,
            origin,
        }
    }
}

/// A position in a glossary file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    pub path: PathBuf,
    pub line: usize,
    pub column: usize,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.path.display(), self.line, self.column)
    }
}

/// Byte offsets of one file's text to [`Origin`]s, its line index built once.
pub(crate) struct Locator<'t> {
    text: &'t str,
    path: &'t Path,
    index: LineIndex,
}

impl<'t> Locator<'t> {
    pub(crate) fn new(text: &'t str, path: &'t Path) -> Self {
        Locator {
            text,
            path,
            index: LineIndex::new(text),
        }
    }

    /// The origin of `offset` (moved back to a character boundary if inside one).
    pub(crate) fn origin(&self, offset: usize) -> Origin {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let (line, column) = self.index.line_col(self.text, offset);
        Origin {
            path: self.path.to_owned(),
            line,
            column,
        }
    }
}

/// A glossary: the concepts of one or more files.
#[derive(Debug, Clone, Default)]
pub struct Glossary {
    pub concepts: Vec<Concept>,
}

/// An error in a glossary, with its position when it has one.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{}: {error}", path.display())]
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
    #[error("{}: {error}", path.display())]
    Decode {
        path: PathBuf,
        error: bitext_core::DecodeError,
    },
    #[error("{origin}: {message}")]
    Invalid { origin: Origin, message: String },
    #[error("{}: no glossary files (*.toml) found", path.display())]
    Empty { path: PathBuf },
}

impl Glossary {
    /// Reads a glossary file, or every `*.toml` file of a directory (sorted
    /// by name, not recursing into hidden directories).
    pub fn load(path: &Path) -> Result<Glossary, Error> {
        Glossary::from_texts(&Glossary::read_files(path)?)
    }

    /// The files [`Glossary::load`] reads for `path`, each with its decoded text: the file, or
    /// every `*.toml` of the directory, sorted by name.
    pub fn read_files(path: &Path) -> Result<Vec<(PathBuf, String)>, Error> {
        let meta = std::fs::metadata(path).map_err(|error| Error::Io {
            path: path.to_owned(),
            error,
        })?;
        let files = if meta.is_dir() {
            let mut files = Vec::new();
            collect_toml(path, &mut files)?;
            files.sort();
            if files.is_empty() {
                return Err(Error::Empty {
                    path: path.to_owned(),
                });
            }
            files
        } else {
            vec![path.to_owned()]
        };
        files
            .into_iter()
            .map(|file| {
                let bytes = std::fs::read(&file).map_err(|error| Error::Io {
                    path: file.clone(),
                    error,
                })?;
                let doc = bitext_core::decode(&bytes).map_err(|error| Error::Decode {
                    path: file.clone(),
                    error,
                })?;
                Ok((file, doc.text))
            })
            .collect()
    }

    /// A glossary of several files' texts (as [`Glossary::read_files`] gives them), checked
    /// together.
    pub fn from_texts(files: &[(PathBuf, String)]) -> Result<Glossary, Error> {
        let mut glossary = Glossary::default();
        for (file, text) in files {
            glossary.add_file(text, file)?;
        }
        glossary.validate()?;
        Ok(glossary)
    }

    /// Parses one file's text; `path` is used in error messages.
    #[allow(clippy::should_implement_trait)]
    pub fn from_str(text: &str, path: impl AsRef<Path>) -> Result<Glossary, Error> {
        let mut glossary = Glossary::default();
        glossary.add_file(text, path.as_ref())?;
        glossary.validate()?;
        Ok(glossary)
    }

    fn add_file(&mut self, text: &str, path: &Path) -> Result<(), Error> {
        let locator = Locator::new(text, path);
        let origin_at = |offset: usize| locator.origin(offset);
        let file: schema::File = toml::from_str(text).map_err(|e| Error::Invalid {
            origin: origin_at(e.span().map_or(0, |s| s.start)),
            message: e.message().to_owned(),
        })?;
        for spanned in file.term {
            // The entry's position: the start of its table, as the TOML parser saw it, moved
            // back to the start of its line (the header).
            let start = spanned.span().start.min(text.len());
            let start = text[..start].rfind('\n').map_or(0, |n| n + 1);
            let entry = spanned.into_inner();
            let origin = origin_at(start);
            let invalid = |message: String| Error::Invalid {
                origin: origin.clone(),
                message,
            };
            let id = entry.id.trim().to_owned();
            if id.is_empty() {
                return Err(invalid("a term has an empty `id`".into()));
            }
            if entry.zh.trim().is_empty() {
                return Err(invalid(format!("term `{id}` has an empty `zh`")));
            }
            let preferred = match entry.en.preferred {
                Some(p) if !p.trim().is_empty() => p.trim().to_owned(),
                _ => {
                    return Err(invalid(format!(
                        "term `{id}` has no `en.preferred` rendering"
                    )))
                }
            };
            let deprecated = entry
                .en
                .deprecated
                .into_iter()
                .map(|d| match d {
                    schema::DeprecatedEntry::Plain(text) => Deprecated { text, reason: None },
                    schema::DeprecatedEntry::WithReason(t) => Deprecated {
                        text: t.text,
                        reason: t.reason,
                    },
                })
                .collect();
            self.concepts.push(Concept {
                id,
                zh: entry.zh.trim().to_owned(),
                zh_variants: entry.zh_variants,
                preferred,
                admitted: entry.en.admitted,
                deprecated,
                exceptions: entry.en.exceptions,
                note: entry.note,
                source: entry.source,
                domain: entry.domain,
                case_sensitive: entry.case_sensitive,
                official: entry.official,
                enforce: entry.enforce,
                pos: entry.pos,
                status: entry.status,
                origin,
            });
        }
        Ok(())
    }

    /// A glossary of concepts read from elsewhere (CSV, TBX), held to the same strict checks as
    /// TOML files.
    pub fn from_concepts(concepts: Vec<Concept>) -> Result<Glossary, Error> {
        let g = Glossary { concepts };
        g.validate()?;
        Ok(g)
    }

    /// The strict checks that span entries and files.
    fn validate(&self) -> Result<(), Error> {
        let mut ids: HashMap<&str, &Concept> = HashMap::new();
        for c in &self.concepts {
            if let Some(first) = ids.insert(&c.id, c) {
                return Err(Error::Invalid {
                    origin: c.origin.clone(),
                    message: format!(
                        "duplicate id `{}` (first defined at {})",
                        c.id, first.origin
                    ),
                });
            }
            let same = |a: &str, b: &str| {
                if c.case_sensitive {
                    a == b
                } else {
                    a.to_lowercase() == b.to_lowercase()
                }
            };
            for d in &c.deprecated {
                let clash = std::iter::once(&c.preferred)
                    .chain(&c.admitted)
                    .find(|ok| same(ok, &d.text));
                if let Some(ok) = clash {
                    return Err(Error::Invalid {
                        origin: c.origin.clone(),
                        message: format!("term `{}`: `{ok}` is both accepted and deprecated", c.id),
                    });
                }
            }
        }
        Ok(())
    }
}

fn collect_toml(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), Error> {
    let entries = std::fs::read_dir(dir).map_err(|error| Error::Io {
        path: dir.to_owned(),
        error,
    })?;
    for entry in entries {
        let entry = entry.map_err(|error| Error::Io {
            path: dir.to_owned(),
            error,
        })?;
        let path = entry.path();
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        if hidden {
            continue;
        }
        if path.is_dir() {
            collect_toml(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "toml") {
            out.push(path);
        }
    }
    Ok(())
}

/// A lint warning: legal, but likely a mistake.
#[derive(Debug, Clone)]
pub struct Warning {
    pub origin: Origin,
    pub message: String,
}

/// Warns about concepts and renderings so alike they are probably one
/// (`Three-North` beside `Three North`; `三北工程` beside `三北防护林工程`).
pub fn lint(glossary: &Glossary) -> Vec<Warning> {
    let mut warnings = Vec::new();
    let cs = &glossary.concepts;
    // A Chinese term of several concepts (a homograph: 旗 as banner and as flag) is allowed, and
    // term-mismatch accepts any of their renderings; said here so that a slip is seen.
    let mut zh: HashMap<&str, &Concept> = HashMap::new();
    for c in cs {
        for term in std::iter::once(&c.zh).chain(&c.zh_variants) {
            if let Some(first) = zh.insert(term, c) {
                if first.id != c.id {
                    warnings.push(Warning {
                        origin: c.origin.clone(),
                        message: format!(
                            "zh term `{term}` is in two concepts, `{}` and `{}` (at {}): a homograph, whose translations may use either's renderings",
                            first.id, c.id, first.origin
                        ),
                    });
                }
            }
        }
    }
    let fold = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    for (i, a) in cs.iter().enumerate() {
        for b in &cs[i + 1..] {
            // Chinese: one term contained in the other, or nearly equal.
            let (za, zb) = (&a.zh, &b.zh);
            // One term inside the other is a narrower concept (中华民族共同体
            // in 中华民族共同体意识), not a duplicate.
            let nested = za.contains(zb.as_str()) || zb.contains(za.as_str());
            let zh_close = !nested
                && (strsim::normalized_levenshtein(za, zb) >= 0.75
                    || abbreviates(za, zb)
                    || abbreviates(zb, za));
            if zh_close {
                warnings.push(Warning {
                    origin: b.origin.clone(),
                    message: format!(
                        "concepts `{}` ({za}) and `{}` ({zb}) look like one concept",
                        a.id, b.id
                    ),
                });
            }
            let (pa, pb) = (fold(&a.preferred), fold(&b.preferred));
            if pa == pb || (pa.len() >= 8 && strsim::levenshtein(&pa, &pb) <= 1) {
                warnings.push(Warning {
                    origin: b.origin.clone(),
                    message: format!(
                        "concepts `{}` and `{}` have near-identical preferred renderings: `{}` and `{}`",
                        a.id, b.id, a.preferred, b.preferred
                    ),
                });
            }
        }
        // Within a concept: accepted renderings that differ only in spelling.
        let accepted: Vec<&String> = std::iter::once(&a.preferred).chain(&a.admitted).collect();
        for (k, x) in accepted.iter().enumerate() {
            for y in &accepted[k + 1..] {
                if x != y && fold(x) == fold(y) {
                    warnings.push(Warning {
                        origin: a.origin.clone(),
                        message: format!(
                            "term `{}`: renderings `{x}` and `{y}` differ only in punctuation, space or case",
                            a.id
                        ),
                    });
                }
            }
        }
    }
    warnings
}

/// Whether `short` (3+ characters) is `long` with some characters left
/// out, keeping its first and last: 三北工程 in 三北防护林工程.
fn abbreviates(short: &str, long: &str) -> bool {
    let s: Vec<char> = short.chars().collect();
    let l: Vec<char> = long.chars().collect();
    if s.len() < 3 || s.len() >= l.len() || s.first() != l.first() || s.last() != l.last() {
        return false;
    }
    let mut it = l.iter();
    s.iter().all(|c| it.any(|x| x == c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> String {
        Glossary::from_str(text, "g.toml").unwrap_err().to_string()
    }

    #[test]
    fn unknown_field_has_line_and_column() {
        let e = err("[[term]]\nid = \"banner\"\nzh = \"旗\"\ncolour = 1\n[term.en]\npreferred = \"banner\"\n");
        assert!(e.starts_with("g.toml:4:1: unknown field `colour`"), "{e}");
    }

    #[test]
    fn errors_point_at_the_entry_however_its_header_is_written() {
        let e = err("# terms\n[[ term ]]\nid = \"a\"\nzh = \"旗\"\nen.preferred = \"banner\"\n\n[[ term ]]  # b\nid = \"b\"\nzh = \"\"\nen.preferred = \"league\"\n");
        assert_eq!(e, "g.toml:7:1: term `b` has an empty `zh`");
    }

    #[test]
    fn missing_preferred() {
        let e = err("[[term]]\nid = \"a\"\nzh = \"旗\"\nen.preferred = \"banner\"\n\n[[term]]\nid = \"b\"\nzh = \"盟\"\n[term.en]\nadmitted = [\"league\"]\n");
        assert_eq!(e, "g.toml:6:1: term `b` has no `en.preferred` rendering");
    }

    #[test]
    fn same_zh_in_two_concepts_is_a_homograph_warning() {
        let g = Glossary::from_str("[[term]]\nid = \"a\"\nzh = \"旗\"\nen.preferred = \"banner\"\n\n[[term]]\nid = \"b\"\nzh = \"旗\"\nen.preferred = \"flag\"\n", Path::new("g.toml")).unwrap();
        let w: Vec<String> = lint(&g)
            .iter()
            .map(|w| format!("{}: {}", w.origin, w.message))
            .collect();
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(
            w[0].starts_with("g.toml:6:1: zh term `旗` is in two concepts, `a` and `b`"),
            "{w:?}"
        );
    }

    #[test]
    fn preferred_and_deprecated() {
        let e = err("[[term]]\nid = \"a\"\nzh = \"旗\"\nen.preferred = \"banner\"\nen.deprecated = [\"Banner\"]\n");
        assert_eq!(
            e,
            "g.toml:1:1: term `a`: `banner` is both accepted and deprecated"
        );
    }

    #[test]
    fn lint_finds_near_duplicates() {
        let g = Glossary::from_str(
            "[[term]]\nid = \"a\"\nzh = \"三北工程\"\nen.preferred = \"Three-North program\"\n\n[[term]]\nid = \"b\"\nzh = \"三北防护林工程\"\nen.preferred = \"Three North program\"\n",
            "g.toml",
        )
        .unwrap();
        let w = lint(&g);
        assert_eq!(w.len(), 2, "{w:?}");
        assert_eq!(w[0].origin.line, 6);
    }
}
