//! gettext PO, the translation files of software localisation.
//!
//! One unit per entry: `msgid` (side `a`, the source) and `msgstr` (side `b`); a plural entry
//! gives `msgid` with `msgstr[0]` and `msgid_plural` with each further `msgstr[n]`, or, in a
//! language of one form (only `msgstr[0]`, as Chinese), `msgid_plural` with `msgstr[0]` and the
//! singular `msgid` as a note. The header
//! entry (empty `msgid`) gives the target language (`Language:`) and is no unit; obsolete entries
//! (`#~`) are left out. The context (`msgctxt`) is the unit's id, translator and extracted
//! comments (`#`, `#.`) are its notes, the `fuzzy` flag its state. Each string's text is mapped
//! back to the file through its C escapes, so findings point into the quoted strings.

use crate::{Error, Format, Langs, Piece, Side, Unit};

/// PO in the registry of formats.
pub static FORMAT: Format = Format {
    name: "po",
    extensions: &["po", "pot"],
    sniff,
    read,
};

fn sniff(text: &str) -> bool {
    text.trim_start_matches('\u{feff}')
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('#'))
        .is_some_and(|l| l.starts_with("msgid ") || l.starts_with("msgctxt "))
}

/// A string of an entry being read: its text and where it is in the file.
#[derive(Default, Clone)]
struct Str {
    text: String,
    pieces: Vec<Piece>,
}

impl Str {
    /// Adds the content of a quoted line part (`"…"` starting at byte `at` of the file).
    fn add(&mut self, quoted: &str, at: usize, text: &str) -> Result<(), Error> {
        let inner = quoted
            .strip_prefix('"')
            .and_then(|q| q.strip_suffix('"'))
            .ok_or_else(|| Error::at(text, at, "a PO string must be in double quotes"))?;
        let mut i = 0;
        let bytes = inner.as_bytes();
        while i < bytes.len() {
            let file = at + 1 + i;
            if bytes[i] == b'\\' {
                let (c, n) = match bytes.get(i + 1) {
                    Some(b'n') => ('\n', 2),
                    Some(b't') => ('\t', 2),
                    Some(b'r') => ('\r', 2),
                    Some(b'"') => ('"', 2),
                    Some(b'\\') => ('\\', 2),
                    Some(b'a') => ('\u{7}', 2),
                    Some(b'b') => ('\u{8}', 2),
                    Some(b'f') => ('\u{c}', 2),
                    Some(b'v') => ('\u{b}', 2),
                    _ => return Err(Error::at(text, file, "an unknown escape in a PO string")),
                };
                let start = self.text.len();
                self.text.push(c);
                self.pieces.push(Piece {
                    text: start,
                    text_len: 1,
                    file,
                    file_len: n,
                });
                i += n;
            } else {
                let run = inner[i..].find('\\').map_or(inner.len(), |k| i + k);
                let start = self.text.len();
                self.text.push_str(&inner[i..run]);
                self.pieces.push(Piece {
                    text: start,
                    text_len: run - i,
                    file,
                    file_len: run - i,
                });
                i = run;
            }
        }
        Ok(())
    }
}

#[derive(Default)]
struct Entry {
    at: Option<usize>,
    ctxt: Option<Str>,
    id: Option<Str>,
    plural: Option<Str>,
    strs: Vec<(usize, Str)>,
    notes: Vec<String>,
    flags: Vec<String>,
    fuzzy: bool,
    obsolete: bool,
}

/// Reads the units of a PO file.
pub fn read(text: &str, langs: &Langs) -> Result<Vec<Unit>, Error> {
    let mut units = Vec::new();
    let mut target_lang = String::new();
    let mut entry = Entry::default();
    // The string continuation lines add to: `ctxt`, `id`, `plural` or msgstr n.
    #[derive(Clone, Copy)]
    enum Target {
        Ctxt,
        Id,
        Plural,
        Str(usize),
    }
    let mut current: Option<Target> = None;
    let mut offset = 0usize;
    let body = text.strip_prefix('\u{feff}');
    if body.is_some() {
        offset = 3;
    }
    let flush = |e: Entry, units: &mut Vec<Unit>, target_lang: &mut String| {
        if e.obsolete {
            return;
        }
        let Some(id) = e.id else {
            return;
        };
        if id.text.is_empty() {
            // The header.
            if let Some((_, s)) = e.strs.first() {
                for line in s.text.lines() {
                    if let Some(l) = line.strip_prefix("Language:") {
                        *target_lang = l.trim().to_string();
                    }
                }
            }
            return;
        }
        let mk = |s: &Str, lang: &str| {
            let mut side = Side::new(lang, Vec::new());
            if !s.text.is_empty() {
                side.text.push(s.text.clone());
            }
            side.pieces = s.pieces.clone();
            side
        };
        let base = Unit {
            at: e.at.unwrap_or(0),
            id: e.ctxt.as_ref().map(|c| c.text.clone()),
            state: e.fuzzy.then(|| "fuzzy".to_string()),
            notes: e.notes.clone(),
            flags: e.flags.clone(),
            ..Unit::default()
        };
        let mut strs = e.strs;
        strs.sort_by_key(|(n, _)| *n);
        if strs.is_empty() {
            strs.push((0, Str::default()));
        }
        // A language of one plural form (Chinese) has msgstr[0] only, which says what
        // msgid_plural says ("%d files" → "%d 个文件"): it is read against msgid_plural, as msgfmt
        // checks it, and the singular msgid is kept as a note.
        let one_form = strs.len() == 1 && e.plural.is_some();
        let mut notes = e.notes.clone();
        if one_form {
            notes.push(format!("msgid (singular): {}", id.text));
        }
        let base = Unit { notes, ..base };
        for (n, s) in &strs {
            let source = if *n == 0 && !one_form {
                &id
            } else {
                e.plural.as_ref().unwrap_or(&id)
            };
            units.push(Unit {
                a: mk(source, ""),
                b: mk(s, target_lang),
                ..base.clone()
            });
        }
    };
    for line in body.unwrap_or(text).split_inclusive('\n') {
        let line_at = offset;
        offset += line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        let trimmed = content.trim_start();
        let lead = content.len() - trimmed.len();
        if trimmed.is_empty() {
            continue;
        }
        let obsolete = trimmed.starts_with("#~");
        let keyword_line = if obsolete {
            trimmed[2..].trim_start()
        } else {
            trimmed
        };
        if obsolete && keyword_line.starts_with('|') {
            // `#~|`: the previous msgid of an obsolete entry, a comment as msgfmt reads it.
            continue;
        }
        if trimmed.starts_with('#') && !obsolete {
            // A comment starts a new entry when the last one is complete.
            if entry.id.is_some() && !entry.strs.is_empty() {
                flush(std::mem::take(&mut entry), &mut units, &mut target_lang);
            }
            entry.at.get_or_insert(line_at);
            if let Some(flags) = trimmed.strip_prefix("#,") {
                for flag in flags.split(',').map(str::trim).filter(|f| !f.is_empty()) {
                    entry.fuzzy |= flag == "fuzzy";
                    entry.flags.push(flag.to_owned());
                }
            } else if let Some(n) = trimmed.strip_prefix("#.") {
                entry.notes.push(n.trim().to_string());
            } else if let Some(n) = trimmed.strip_prefix("# ") {
                entry.notes.push(n.trim().to_string());
            }
            continue;
        }
        let col = line_at + lead + (trimmed.len() - keyword_line.len());
        let (keyword, rest) = match keyword_line.find(char::is_whitespace) {
            Some(k) if !keyword_line.starts_with('"') => {
                (&keyword_line[..k], keyword_line[k..].trim_start())
            }
            _ => ("", keyword_line),
        };
        let quoted_at = col + (keyword_line.len() - rest.len());
        let rest = rest.trim_end();
        let target = match keyword {
            "" => current.ok_or_else(|| Error::at(text, col, "a string without a keyword"))?,
            "msgctxt" | "msgid" => {
                if entry.id.is_some() && (!entry.strs.is_empty() || keyword == "msgctxt") {
                    flush(std::mem::take(&mut entry), &mut units, &mut target_lang);
                }
                entry.at.get_or_insert(line_at);
                entry.obsolete |= obsolete;
                if keyword == "msgctxt" {
                    entry.ctxt = Some(Str::default());
                    Target::Ctxt
                } else {
                    entry.id = Some(Str::default());
                    Target::Id
                }
            }
            "msgid_plural" => {
                entry.plural = Some(Str::default());
                Target::Plural
            }
            k if k == "msgstr" || k.starts_with("msgstr[") => {
                let n = k
                    .strip_prefix("msgstr[")
                    .and_then(|x| x.strip_suffix(']'))
                    .map_or(Ok(0), str::parse)
                    .map_err(|_| Error::at(text, col, format!("bad keyword `{k}`")))?;
                entry.strs.push((n, Str::default()));
                Target::Str(entry.strs.len() - 1)
            }
            other => {
                return Err(Error::at(
                    text,
                    col,
                    format!("unknown PO keyword `{other}`"),
                ))
            }
        };
        current = Some(target);
        let s = match target {
            Target::Ctxt => entry.ctxt.as_mut(),
            Target::Id => entry.id.as_mut(),
            Target::Plural => entry.plural.as_mut(),
            Target::Str(k) => entry.strs.get_mut(k).map(|(_, s)| s),
        };
        if let Some(s) = s {
            s.add(rest, quoted_at, text)?;
        }
    }
    flush(entry, &mut units, &mut target_lang);
    // No `Language:` header: the script of the translations tells Chinese from English.
    if target_lang.is_empty() {
        let sample: String = units.iter().take(50).map(|u| u.b.joined()).collect();
        if !sample.is_empty() {
            target_lang = bitext_core::Lang::detect(&sample).as_str().to_string();
        }
    }
    if langs.a.is_some() || langs.b.is_some() {
        // The source language of a PO file is not written: it is the one asked for that the
        // target is not.
        let source = match (&langs.a, &langs.b) {
            (Some(a), Some(b)) if crate::lang_matches(&target_lang, a) => Some(b.clone()),
            (Some(a), Some(b)) if crate::lang_matches(&target_lang, b) => Some(a.clone()),
            (Some(a), None) if !crate::lang_matches(&target_lang, a) => Some(a.clone()),
            _ => None,
        };
        let mut present = vec![target_lang.clone()];
        present.extend(source.clone());
        langs.require(text, &present)?;
        if let Some(source) = source {
            for u in &mut units {
                u.a.lang = source.clone();
            }
        }
    }
    for u in &mut units {
        u.b.lang = target_lang.clone();
    }
    Ok(units)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PO: &str = r#"# Chinese translation.
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"
"Language: zh_CN\n"

#. A button
#: src/main.c:10
#, fuzzy
msgctxt "button"
msgid "Open \"file\""
msgstr "打开“文件”"

msgid "One file"
msgid_plural "%d files"
msgstr[0] "%d 个文件"

#~ msgid "Old"
#~ msgstr "旧"
"#;

    #[test]
    fn entries_plurals_header_and_obsolete() {
        let u = read(PO, &Langs::default()).unwrap();
        assert_eq!(u.len(), 2);
        assert_eq!(u[0].a.joined(), "Open \"file\"");
        assert_eq!(u[0].b.joined(), "打开“文件”");
        assert_eq!(u[0].b.lang, "zh_CN");
        assert_eq!(u[0].id.as_deref(), Some("button"));
        assert_eq!(u[0].state.as_deref(), Some("fuzzy"));
        assert_eq!(u[0].notes, ["A button"]);
        // One plural form: read against msgid_plural, whose placeholders it keeps.
        assert_eq!(u[1].a.joined(), "%d files");
        assert_eq!(u[1].b.joined(), "%d 个文件");
        assert_eq!(u[1].notes, ["msgid (singular): One file"]);
        // Text maps back into the quoted string.
        let (s, e) = u[0].a.file_range(5, 6).unwrap();
        assert_eq!(&PO[s..e], "\\\"");
        let (s, e) = u[0].b.file_range(0, "打开".len()).unwrap();
        assert_eq!(&PO[s..e], "打开");
    }

    #[test]
    fn asked_languages_and_errors() {
        let u = read(PO, &Langs::zh_en()).unwrap();
        assert_eq!(u[0].a.lang, "en");
        assert!(read(PO.replace("zh_CN", "fr").as_str(), &Langs::zh_en()).is_err());
        let err = read("msgid \"a\"\nmsgstr b\n", &Langs::default()).unwrap_err();
        assert_eq!(err.line, 2);
    }

    #[test]
    fn previous_msgid_of_an_obsolete_entry_is_a_comment() {
        // What msgmerge writes with --previous, and translate-toolkit reads.
        let po = "msgid \"Kept\"\nmsgstr \"保留\"\n\n#~| msgid \"Old one\"\n#~ msgid \"Old\"\n#~ msgstr \"旧\"\n\nmsgid \"Next\"\nmsgstr \"下一个\"\n";
        let u = read(po, &Langs::default()).unwrap();
        let texts: Vec<_> = u.iter().map(|u| u.b.joined()).collect();
        assert_eq!(texts, ["保留", "下一个"]);
    }
}
