//! CSV import and export.
//!
//! A header line is required. Columns, in any order (only `zh` and `preferred` are required;
//! an unknown column is an error):
//!
//! | column | content |
//! | --- | --- |
//! | `id` | the concept's id (made from `preferred` when absent or empty) |
//! | `zh` | the Chinese term |
//! | `zh_variants` | other Chinese forms, separated by ` \| ` |
//! | `preferred` | the preferred English rendering |
//! | `admitted` | other correct renderings, separated by ` \| ` |
//! | `deprecated` | rejected renderings, separated by ` \| `; each may end with ` :: reason` |
//! | `exceptions` | phrases that contain a rendering but are not the concept, separated by ` \| ` |
//! | `domain`, `pos`, `source`, `note`, `status` | text |
//! | `case_sensitive` | `true` or `false` (empty: false) |
//! | `official` | `false` when no official English exists (empty: true) |
//! | `enforce` | `false` when term-mismatch should not require a rendering (empty: true) |
//!
//! Export writes every column, so TOML → CSV → TOML loses nothing.

use std::path::Path;

use crate::{Concept, Deprecated, Error, Origin};

/// The columns, in the order of export.
pub const COLUMNS: [&str; 15] = [
    "id",
    "zh",
    "zh_variants",
    "preferred",
    "admitted",
    "deprecated",
    "exceptions",
    "domain",
    "pos",
    "case_sensitive",
    "official",
    "enforce",
    "source",
    "note",
    "status",
];

const SEP: &str = " | ";
const REASON: &str = " :: ";

fn split(s: &str) -> Vec<String> {
    s.split('|')
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(String::from)
        .collect()
}

/// A kebab-case id made from a rendering: `Three-North Program` → `three-north-program`.
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// Reads concepts from CSV text (`path` names it in errors).
pub fn read(text: &str, path: &Path) -> Result<Vec<Concept>, Error> {
    let text = text.trim_start_matches('\u{feff}');
    let at = |line: usize, column: usize, message: String| Error::Invalid {
        origin: Origin {
            path: path.to_owned(),
            line,
            column,
        },
        message,
    };
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(false)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| at(1, 1, format!("bad CSV header: {e}")))?
        .clone();
    let mut col = Vec::new();
    let mut column = 1;
    for h in headers.iter() {
        let name = h.trim();
        if !COLUMNS.contains(&name) {
            return Err(at(
                1,
                column,
                format!("unknown column `{name}` (known: {})", COLUMNS.join(", ")),
            ));
        }
        col.push(name.to_string());
        column += h.chars().count() + 1;
    }
    for required in ["zh", "preferred"] {
        if !col.iter().any(|c| c == required) {
            return Err(at(1, 1, format!("the header has no `{required}` column")));
        }
    }
    let mut concepts = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line() as usize);
            at(line, 1, format!("bad CSV: {e}"))
        })?;
        let line = record.position().map_or(0, |p| p.line() as usize);
        let get = |name: &str| -> &str {
            col.iter()
                .position(|c| c == name)
                .and_then(|k| record.get(k))
                .map_or("", str::trim)
        };
        let field_col = |name: &str| -> usize {
            let k = col.iter().position(|c| c == name).unwrap_or(0);
            1 + (0..k)
                .map(|j| record.get(j).map_or(0, |f| f.chars().count()) + 1)
                .sum::<usize>()
        };
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let zh = get("zh");
        if zh.is_empty() {
            return Err(at(line, field_col("zh"), "empty `zh`".into()));
        }
        let preferred = get("preferred");
        if preferred.is_empty() {
            return Err(at(
                line,
                field_col("preferred"),
                format!("`{zh}` has no preferred rendering"),
            ));
        }
        let flag = |name: &str, default: bool| -> Result<bool, Error> {
            match get(name).to_ascii_lowercase().as_str() {
                "" => Ok(default),
                "false" | "no" | "0" => Ok(false),
                "true" | "yes" | "1" => Ok(true),
                other => Err(at(
                    line,
                    field_col(name),
                    format!("`{name}` must be true or false, not `{other}`"),
                )),
            }
        };
        let case_sensitive = flag("case_sensitive", false)?;
        let official = flag("official", true)?;
        let enforce = flag("enforce", true)?;
        let text_opt = |name: &str| -> Option<String> {
            let v = get(name);
            (!v.is_empty()).then(|| v.to_string())
        };
        let id = match get("id") {
            "" => slug(preferred),
            id => id.to_string(),
        };
        let deprecated = split(get("deprecated"))
            .into_iter()
            .map(|d| match d.split_once(REASON.trim()) {
                Some((t, r)) => Deprecated {
                    text: t.trim().to_string(),
                    reason: Some(r.trim().to_string()),
                },
                None => Deprecated {
                    text: d,
                    reason: None,
                },
            })
            .collect();
        let mut c = Concept::new(
            &id,
            zh,
            preferred,
            Origin {
                path: path.to_owned(),
                line,
                column: 1,
            },
        );
        c.zh_variants = split(get("zh_variants"));
        c.admitted = split(get("admitted"));
        c.deprecated = deprecated;
        c.exceptions = split(get("exceptions"));
        c.domain = text_opt("domain");
        c.pos = text_opt("pos");
        c.source = text_opt("source");
        c.note = text_opt("note");
        c.status = text_opt("status");
        c.case_sensitive = case_sensitive;
        c.official = official;
        c.enforce = enforce;
        concepts.push(c);
    }
    Ok(concepts)
}

/// Writes concepts as CSV with every column. Fails if a list item contains ` | ` or ` :: `,
/// which the format could not read back.
pub fn write(concepts: &[Concept]) -> Result<String, String> {
    let mut w = ::csv::Writer::from_writer(Vec::new());
    let io = |e: ::csv::Error| e.to_string();
    w.write_record(COLUMNS).map_err(io)?;
    for c in concepts {
        let check = |items: &[String]| -> Result<String, String> {
            if let Some(bad) = items.iter().find(|x| x.contains('|')) {
                return Err(format!(
                    "`{}`: `{bad}` contains `|`, the CSV list separator",
                    c.id
                ));
            }
            Ok(items.join(SEP))
        };
        let deprecated: Vec<String> = c
            .deprecated
            .iter()
            .map(|d| match &d.reason {
                Some(r) => format!("{}{REASON}{r}", d.text),
                None => d.text.clone(),
            })
            .collect();
        if let Some(d) = c.deprecated.iter().find(|d| d.text.contains("::")) {
            return Err(format!("`{}`: `{}` contains `::`", c.id, d.text));
        }
        let opt = |v: &Option<String>| v.clone().unwrap_or_default();
        w.write_record([
            c.id.clone(),
            c.zh.clone(),
            check(&c.zh_variants)?,
            c.preferred.clone(),
            check(&c.admitted)?,
            check(&deprecated)?,
            check(&c.exceptions)?,
            opt(&c.domain),
            opt(&c.pos),
            c.case_sensitive.to_string(),
            c.official.to_string(),
            c.enforce.to_string(),
            opt(&c.source),
            opt(&c.note),
            opt(&c.status),
        ])
        .map_err(io)?;
    }
    let bytes = w.into_inner().map_err(|e| e.to_string())?;
    String::from_utf8(bytes).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_minimal_and_full_rows() {
        let text = "zh,preferred,deprecated,case_sensitive\n旗,banner,flag county :: literal | flag town,\n盟,league,,true\n";
        let cs = read(text, Path::new("g.csv")).unwrap();
        assert_eq!(cs.len(), 2);
        assert_eq!(cs[0].id, "banner");
        assert_eq!(cs[0].deprecated[0].reason.as_deref(), Some("literal"));
        assert_eq!(cs[0].deprecated[1].text, "flag town");
        assert!(cs[1].case_sensitive);
        assert_eq!(cs[1].origin.line, 3);
    }

    #[test]
    fn errors_name_line_and_column() {
        let e = read("zh,preferred,colour\n", Path::new("g.csv")).unwrap_err();
        assert_eq!(
            e.to_string(),
            "g.csv:1:14: unknown column `colour` (known: id, zh, zh_variants, preferred, admitted, deprecated, exceptions, domain, pos, case_sensitive, official, enforce, source, note, status)"
        );
        let e = read("zh,preferred\n旗,banner\n盟,\n", Path::new("g.csv")).unwrap_err();
        assert_eq!(e.to_string(), "g.csv:3:3: `盟` has no preferred rendering");
        let e = read("zh\n旗\n", Path::new("g.csv")).unwrap_err();
        assert!(e.to_string().contains("no `preferred` column"));
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("Three-North Program"), "three-north-program");
        assert_eq!(slug("  a  b "), "a-b");
    }
}
