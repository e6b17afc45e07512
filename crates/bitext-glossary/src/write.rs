//! Writing glossaries as TOML, and merging imported concepts into an existing file.
//!
//! toml_edit keeps an existing file's comments, order and layout when concepts are appended to it.

use std::path::Path;

use toml_edit::{value, Array, ArrayOfTables, DocumentMut, InlineTable, Item, Table, Value};

use crate::{Concept, Error, Glossary, Origin};

fn list(items: &[String]) -> Value {
    let mut a: Array = items.iter().map(String::as_str).collect();
    if items.len() > 1 {
        for v in a.iter_mut() {
            v.decor_mut().set_prefix("\n  ");
        }
        a.set_trailing("\n");
        a.set_trailing_comma(true);
    }
    Value::Array(a)
}

/// One concept as a `[[term]]` table, in the layout of the hand-written glossary files.
pub fn concept_table(c: &Concept) -> Table {
    let mut t = Table::new();
    t["id"] = value(&c.id);
    t["zh"] = value(&c.zh);
    if !c.zh_variants.is_empty() {
        t["zh-variants"] = Item::Value(list(&c.zh_variants));
    }
    let optional = [
        ("domain", &c.domain),
        ("pos", &c.pos),
        ("source", &c.source),
        ("note", &c.note),
        ("status", &c.status),
    ];
    for (key, v) in optional {
        if let Some(v) = v {
            t[key] = value(v);
        }
    }
    if c.case_sensitive {
        t["case-sensitive"] = value(true);
    }
    if !c.official {
        t["official"] = value(false);
    }
    if !c.enforce {
        t["enforce"] = value(false);
    }
    let mut en = Table::new();
    en.set_dotted(true);
    en["preferred"] = value(&c.preferred);
    if !c.admitted.is_empty() {
        en["admitted"] = Item::Value(list(&c.admitted));
    }
    if !c.deprecated.is_empty() {
        let mut a = Array::new();
        for d in &c.deprecated {
            let mut v = match &d.reason {
                Some(reason) => {
                    let mut it = InlineTable::new();
                    it.insert("text", d.text.as_str().into());
                    it.insert("reason", reason.as_str().into());
                    Value::InlineTable(it)
                }
                None => Value::from(d.text.as_str()),
            };
            if c.deprecated.len() > 1 {
                v.decor_mut().set_prefix("\n  ");
            }
            a.push_formatted(v);
        }
        if c.deprecated.len() > 1 {
            a.set_trailing("\n");
            a.set_trailing_comma(true);
        }
        en["deprecated"] = Item::Value(Value::Array(a));
    }
    if !c.exceptions.is_empty() {
        en["exceptions"] = Item::Value(list(&c.exceptions));
    }
    t.insert("en", Item::Table(en));
    t
}

/// A glossary file holding `concepts`, with `header` as its opening comment.
pub fn to_toml(concepts: &[Concept], header: &str) -> String {
    let mut doc = DocumentMut::new();
    let mut arr = ArrayOfTables::new();
    for c in concepts {
        arr.push(concept_table(c));
    }
    doc.insert("term", Item::ArrayOfTables(arr));
    let mut out = String::new();
    for line in header.lines() {
        out.push_str(&format!("# {line}\n").replace("# \n", "#\n"));
    }
    if !header.is_empty() {
        out.push('\n');
    }
    // One blank line between entries.
    let mut body = doc.to_string().replace("\n[[term]]", "\n\n[[term]]");
    while body.contains("\n\n\n") {
        body = body.replace("\n\n\n", "\n\n");
    }
    out.push_str(&body);
    out
}

/// What [`merge`] did.
#[derive(Debug, Default, Clone)]
pub struct MergeReport {
    /// Ids of the concepts appended.
    pub added: Vec<String>,
    /// Ids of the concepts already there, identical.
    pub unchanged: Vec<String>,
    /// Concepts that differ from an entry with the same id or Chinese term: the existing entry
    /// is kept, and the difference is described here.
    pub conflicts: Vec<String>,
}

pub(crate) fn same_content(a: &Concept, b: &Concept) -> bool {
    a.zh == b.zh
        && a.zh_variants == b.zh_variants
        && a.preferred == b.preferred
        && a.admitted == b.admitted
        && a.deprecated == b.deprecated
        && a.exceptions == b.exceptions
        && a.note == b.note
        && a.source == b.source
        && a.domain == b.domain
        && a.case_sensitive == b.case_sensitive
        && a.official == b.official
        && a.enforce == b.enforce
        && a.pos == b.pos
        && a.status == b.status
}

fn differences(old: &Concept, new: &Concept) -> String {
    let mut d = Vec::new();
    if old.preferred != new.preferred {
        d.push(format!(
            "preferred `{}` here, `{}` imported",
            old.preferred, new.preferred
        ));
    }
    let missing = |ours: &[String], theirs: &[String]| -> Vec<String> {
        theirs
            .iter()
            .filter(|x| !ours.contains(x))
            .cloned()
            .collect()
    };
    let adm = missing(&old.admitted, &new.admitted);
    if !adm.is_empty() {
        d.push(format!("admitted {adm:?} not here"));
    }
    let old_dep: Vec<String> = old.deprecated.iter().map(|x| x.text.clone()).collect();
    let new_dep: Vec<String> = new.deprecated.iter().map(|x| x.text.clone()).collect();
    let dep = missing(&old_dep, &new_dep);
    if !dep.is_empty() {
        d.push(format!("deprecated {dep:?} not here"));
    }
    if old.zh != new.zh || old.id != new.id {
        d.push(format!(
            "`{}` ({}) here, `{}` ({}) imported",
            old.id, old.zh, new.id, new.zh
        ));
    }
    if d.is_empty() {
        d.push("other fields differ (note, source, domain, variants …)".into());
    }
    d.join("; ")
}

/// Merges `incoming` into the glossary file `text` (read from `path`): concepts new by id and by
/// Chinese term are appended; the file's comments, order and entries are kept; a concept that
/// differs from an existing one with the same id or Chinese term is reported, not applied.
pub fn merge(
    text: &str,
    path: &Path,
    incoming: &[Concept],
) -> Result<(String, MergeReport), Error> {
    let existing = Glossary::from_str(text, path)?;
    let mut doc: DocumentMut = text
        .parse()
        .map_err(|e: toml_edit::TomlError| Error::Invalid {
            origin: Origin {
                path: path.to_owned(),
                line: 1,
                column: 1,
            },
            message: e.to_string(),
        })?;
    let mut report = MergeReport::default();
    let mut added: Vec<&Concept> = Vec::new();
    for c in incoming {
        let zh_of = |x: &Concept| -> Vec<String> {
            std::iter::once(x.zh.clone())
                .chain(x.zh_variants.iter().cloned())
                .collect()
        };
        let found = existing
            .concepts
            .iter()
            .chain(added.iter().copied())
            .find(|e| e.id == c.id || zh_of(e).iter().any(|z| zh_of(c).contains(z)));
        match found {
            None => {
                added.push(c);
                report.added.push(c.id.clone());
            }
            Some(e) if same_content(e, c) && e.id == c.id => report.unchanged.push(c.id.clone()),
            Some(e) => report
                .conflicts
                .push(format!("{}: {}", c.id, differences(e, c))),
        }
    }
    if !added.is_empty() {
        if doc.get("term").is_none() {
            doc.insert("term", Item::ArrayOfTables(ArrayOfTables::new()));
        }
        let Some(arr) = doc.get_mut("term").and_then(Item::as_array_of_tables_mut) else {
            return Err(Error::Invalid {
                origin: Origin {
                    path: path.to_owned(),
                    line: 1,
                    column: 1,
                },
                message: "`term` is not an array of tables ([[term]])".into(),
            });
        };
        for c in added {
            let mut t = concept_table(c);
            t.decor_mut().set_prefix("\n");
            arr.push(t);
        }
    }
    Ok((doc.to_string(), report))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = r#"# Hand-written: this comment must stay.

[[term]]
id = "banner"   # the county-level unit
zh = "旗"
en.preferred = "banner"
en.deprecated = [{ text = "flag", reason = "literal" }]
"#;

    #[test]
    fn written_toml_reads_back_the_same() {
        let g = Glossary::from_str(TEXT, "g.toml").unwrap();
        let mut c = g.concepts[0].clone();
        c.admitted = vec!["banners".into(), "Banner".into()];
        c.zh_variants = vec!["旗县级".into()];
        c.case_sensitive = true;
        c.status = Some("proposed".into());
        let text = to_toml(&[c.clone()], "generated");
        let back = Glossary::from_str(&text, "h.toml").unwrap();
        assert!(same_content(&back.concepts[0], &c), "{text}");
        assert!(text.starts_with("# generated\n\n[[term]]\n"), "{text}");
        assert!(text.contains("en.preferred = \"banner\""), "{text}");
    }

    #[test]
    fn merge_keeps_comments_and_reports_conflicts() {
        let g = Glossary::from_str(TEXT, "g.toml").unwrap();
        let mut changed = g.concepts[0].clone();
        changed.preferred = "league".into();
        let mut new = g.concepts[0].clone();
        new.id = "league".into();
        new.zh = "盟".into();
        new.preferred = "league".into();
        new.deprecated.clear();
        let (out, report) = merge(
            TEXT,
            Path::new("g.toml"),
            &[g.concepts[0].clone(), changed, new],
        )
        .unwrap();
        assert!(out.starts_with(TEXT), "{out}");
        assert!(out.contains("# the county-level unit"));
        assert_eq!(report.added, ["league"]);
        assert_eq!(report.unchanged, ["banner"]);
        assert_eq!(report.conflicts.len(), 1);
        assert!(report.conflicts[0].contains("preferred `banner` here, `league` imported"));
        let merged = Glossary::from_str(&out, "g.toml").unwrap();
        assert_eq!(merged.concepts.len(), 2);
    }
}
