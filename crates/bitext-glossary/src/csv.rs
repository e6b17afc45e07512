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

use std::collections::HashMap;
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

/// Reads concepts from CSV text in bitext's columns (`path` names it in errors).
pub fn read(text: &str, path: &Path) -> Result<Vec<Concept>, Error> {
    read_mapped(text, path, &[]).map(|(concepts, _)| concepts)
}

/// What [`read_mapped`] left out of another tool's list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportReport {
    /// Columns neither mapped nor known, ignored.
    pub ignored: Vec<String>,
    /// Rows without a Chinese term or an English rendering, skipped.
    pub skipped: usize,
}

/// Parses `--columns zh=Chinese,en=English,note=Description`: bitext's column (`en` is
/// `preferred`) and the header that holds it.
pub fn parse_columns(spec: &str) -> Result<Vec<(String, String)>, String> {
    let mut out = Vec::new();
    for part in spec.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let (ours, theirs) = part
            .split_once('=')
            .ok_or_else(|| format!("`{part}` is not COLUMN=HEADER"))?;
        let ours = match ours.trim() {
            "en" => "preferred",
            o => o,
        };
        if !COLUMNS.contains(&ours) {
            return Err(format!(
                "`{ours}` is not a column of bitext's (known: en, {})",
                COLUMNS.join(", ")
            ));
        }
        out.push((ours.to_string(), theirs.trim().to_string()));
    }
    Ok(out)
}

/// What a header of another tool's export holds, by its name: a language (English, Chinese,
/// en-US, zh_CN, Chinese_PRC, 中文 …, as Xbench, MultiTerm, memoQ and SDL name term columns), a
/// note (Description, Definition, Comment), a part of speech, a domain, or TICO-19's source and
/// target strings with their languages; `None` for anything else.
fn known_header(name: &str) -> Option<&'static str> {
    let n = name.trim().to_lowercase().replace([' ', '-'], "_");
    let lang = n
        .trim_end_matches("_term")
        .trim_start_matches("term_")
        .split(['(', '_'])
        .next()
        .unwrap_or("")
        .trim();
    Some(match n.as_str() {
        "sourcestring" | "source_string" => "@source",
        "targetstring" | "target_string" => "@target",
        "sourcelang" | "source_lang" | "source_language" => "@source_lang",
        "targetlang" | "target_lang" | "target_language" => "@target_lang",
        "description" | "definition" | "comment" | "comments" | "notes" | "remark" => "note",
        "part_of_speech" | "partofspeech" => "pos",
        "subject" | "subject_field" | "category" => "domain",
        _ if matches!(
            lang,
            "zh" | "cmn" | "chinese" | "中文" | "汉语" | "chs" | "cht"
        ) =>
        {
            "zh"
        }
        _ if matches!(lang, "en" | "english" | "英文" | "英语" | "eng") => "preferred",
        _ => return None,
    })
}

fn is_chinese_lang(tag: &str) -> bool {
    let t = tag.trim().to_ascii_lowercase();
    t == "zh" || t.starts_with("zh-") || t.starts_with("zh_") || t.starts_with("cmn")
}

fn has_han(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// Reads concepts from CSV text: bitext's own columns strictly, another tool's export through
/// `mapping` (bitext column, header) and the header names other tools write (languages, Description, TICO-19's source and
/// target strings).
pub fn read_mapped(
    text: &str,
    path: &Path,
    mapping: &[(String, String)],
) -> Result<(Vec<Concept>, ImportReport), Error> {
    let mut report = ImportReport::default();
    let text = text.trim_start_matches('\u{feff}');
    let at = |line: usize, column: usize, message: String| Error::Invalid {
        origin: Origin {
            path: path.to_owned(),
            line,
            column,
        },
        message,
    };
    // Quotes come in pairs in CSV (a doubled quote is two): an odd count is a quoted field left
    // open, which the reader would take to the end of the file as one field.
    if text.matches('"').count() % 2 == 1 {
        let last = text.rfind('"').unwrap_or(0);
        let line = text[..last].matches('\n').count() + 1;
        let column = text[..last]
            .rsplit('\n')
            .next()
            .map_or(0, |l| l.chars().count())
            + 1;
        return Err(at(
            line,
            column,
            "a quoted field is not closed (a `\"` without its pair)".into(),
        ));
    }
    // Xbench and many term lists are tab-separated.
    let first = text.lines().next().unwrap_or("");
    let delimiter = if first.contains('\t') && !first.contains(',') {
        b'\t'
    } else {
        b','
    };
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(true)
        .flexible(false)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| at(1, 1, format!("bad CSV header: {e}")))?
        .clone();
    let names: Vec<&str> = headers.iter().map(str::trim).collect();
    // bitext's own header (it has `preferred`) is read strictly; another tool's through a
    // mapping (given, or known header names), in which other columns are ignored and incomplete
    // rows skipped.
    let lenient = !names.contains(&"preferred") || !mapping.is_empty();
    let mut col = Vec::new();
    let mut column = 1;
    for (k, name) in names.iter().enumerate() {
        let mapped = mapping
            .iter()
            .find(|(_, theirs)| theirs.eq_ignore_ascii_case(name))
            .map(|(ours, _)| ours.clone());
        let resolved = match mapped {
            Some(ours) => ours,
            None if COLUMNS.contains(name) => name.to_string(),
            None if lenient => known_header(name).unwrap_or_default().to_string(),
            None => {
                return Err(at(
                    1,
                    column,
                    format!("unknown column `{name}` (known: {}; another tool's list is read with --columns zh=HEADER,en=HEADER)", COLUMNS.join(", ")),
                ))
            }
        };
        if resolved.is_empty() {
            report.ignored.push(name.to_string());
        }
        col.push(resolved);
        column += headers.get(k).map_or(0, |h| h.chars().count()) + 1;
    }
    let paired = col.iter().any(|c| c == "@source") && col.iter().any(|c| c == "@target");
    for required in ["zh", "preferred"] {
        if !paired && !col.iter().any(|c| c == required) {
            return Err(at(
                1,
                1,
                format!(
                    "the header has no `{required}` column{}",
                    if lenient {
                        " (name it with --columns zh=HEADER,en=HEADER)"
                    } else {
                        ""
                    }
                ),
            ));
        }
    }
    let mut ids_made: HashMap<String, usize> = HashMap::new();
    let mut concepts = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line() as usize);
            at(line, 1, format!("bad CSV: {e}"))
        })?;
        let line = record.position().map_or(0, |p| p.line() as usize);
        let raw = |name: &str| -> &str {
            col.iter()
                .position(|c| c == name)
                .and_then(|k| record.get(k))
                .map_or("", str::trim)
        };
        // A list of source and target strings with their languages (TICO-19, en→zh or zh→en):
        // the Chinese one is the term, the other its rendering.
        let source_is_zh = is_chinese_lang(raw("@source_lang"))
            || (raw("@source_lang").is_empty()
                && !is_chinese_lang(raw("@target_lang"))
                && has_han(raw("@source")));
        let get = |name: &str| -> &str {
            match (paired, name) {
                (true, "zh") if raw("zh").is_empty() => {
                    raw(if source_is_zh { "@source" } else { "@target" })
                }
                (true, "preferred") if raw("preferred").is_empty() => {
                    raw(if source_is_zh { "@target" } else { "@source" })
                }
                _ => raw(name),
            }
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
        if lenient && (zh.is_empty() || get("preferred").is_empty()) {
            report.skipped += 1;
            continue;
        }
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
            "" => {
                // Made ids are unique: two rows may render one English word (homographs,
                // synonyms).
                let base = slug(preferred);
                let n = ids_made.entry(base.clone()).or_insert(0);
                *n += 1;
                if *n == 1 {
                    base
                } else {
                    format!("{base}-{n}")
                }
            }
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
    Ok((concepts, report))
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
            "g.csv:1:14: unknown column `colour` (known: id, zh, zh_variants, preferred, admitted, deprecated, exceptions, domain, pos, case_sensitive, official, enforce, source, note, status; another tool's list is read with --columns zh=HEADER,en=HEADER)"
        );
        let e = read("zh,preferred\n旗,banner\n盟,\n", Path::new("g.csv")).unwrap_err();
        assert_eq!(e.to_string(), "g.csv:3:3: `盟` has no preferred rendering");
        let e = read("zh,preferred\n旗,\"banner\n盟,league\n", Path::new("g.csv")).unwrap_err();
        assert_eq!(
            e.to_string(),
            "g.csv:2:3: a quoted field is not closed (a `\"` without its pair)"
        );
        let e = read("zh\n旗\n", Path::new("g.csv")).unwrap_err();
        assert!(e.to_string().contains("no `preferred` column"), "{e}");
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("Three-North Program"), "three-north-program");
        assert_eq!(slug("  a  b "), "a-b");
    }

    #[test]
    fn other_tools_lists_by_known_headers_or_mapping() {
        // TICO-19's en→zh list: the Chinese string is the term, whichever side it is on.
        let tico = "stringID,sourceLang,targetLang,pos,description,sourceString,targetString\n\
                    1,en,zh-CN,noun,known cases,active cases,现有病例\n\
                    2,en,zh-CN,noun,,case,病例\n\
                    3,en,zh-CN,noun,,patient,病例\n\
                    4,en,zh-CN,noun,,untranslated,\n";
        let (c, report) = read_mapped(tico, Path::new("g.csv"), &[]).unwrap();
        assert_eq!(c.len(), 3);
        assert_eq!(
            (c[0].zh.as_str(), c[0].preferred.as_str()),
            ("现有病例", "active cases")
        );
        assert_eq!(c[0].note.as_deref(), Some("known cases"));
        assert_eq!(c[0].pos.as_deref(), Some("noun"));
        assert_eq!(report.ignored, ["stringID"]);
        assert_eq!(report.skipped, 1);
        // zh→en, the other way round.
        let back = "sourceLang,targetLang,sourceString,targetString\nzh-Hans,en,境外输入病例,imported case\n";
        let (c, _) = read_mapped(back, Path::new("g.csv"), &[]).unwrap();
        assert_eq!(
            (c[0].zh.as_str(), c[0].preferred.as_str()),
            ("境外输入病例", "imported case")
        );
        // memoQ/MultiTerm-style language headers, tab-separated.
        let (c, _) = read_mapped(
            "English_United_States\tChinese_PRC\nbanner\t旗\n",
            Path::new("g.tsv"),
            &[],
        )
        .unwrap();
        assert_eq!(
            (c[0].zh.as_str(), c[0].preferred.as_str()),
            ("旗", "banner")
        );
        // Anything else by --columns.
        let cols = parse_columns("zh=Term (CN), en=Term (EN)").unwrap();
        let (c, _) = read_mapped(
            "Term (EN),Term (CN)\nleague,盟\n",
            Path::new("g.csv"),
            &cols,
        )
        .unwrap();
        assert_eq!(
            (c[0].zh.as_str(), c[0].preferred.as_str()),
            ("盟", "league")
        );
        assert!(parse_columns("colour=X")
            .unwrap_err()
            .contains("not a column"));
        // Two rows rendering one English word get distinct ids.
        let (c, _) = read_mapped("zh,en\n病例,case\n案例,case\n", Path::new("g.csv"), &[]).unwrap();
        assert_eq!((c[0].id.as_str(), c[1].id.as_str()), ("case", "case-2"));
    }
}
