//! What the XML readers (TMX, XLIFF) share: the text of a segment with a map back to the bytes of
//! the file, its inline codes, attribute access, and errors with a position.
//!
//! Only XML's five predefined entities and character references are read: no DTD is read and no
//! entity it declares is expanded, so an entity bomb ("billion laughs") or an external entity is
//! an error at its first use, not a memory or network hazard.

use crate::{Code, Error, Piece};
use quick_xml::events::BytesStart;

/// The text of one segment being read: its characters, where each run of them is in the file, and
/// its inline codes.
#[derive(Debug, Default, Clone)]
pub(crate) struct Collector {
    pub(crate) text: String,
    pub(crate) pieces: Vec<Piece>,
    pub(crate) codes: Vec<Code>,
}

impl Collector {
    /// Adds raw (escaped) character data found at byte `at` of the file.
    /// (`raw` is a slice of the file's text: the readers take it from the text by position
    /// rather than validate the parser's bytes again.)
    pub(crate) fn raw(&mut self, raw: &str, at: usize) -> Result<(), String> {
        // The text is at most as long as the markup: one allocation instead of a doubling run.
        self.text.reserve(raw.len());
        let mut rest = raw;
        let mut file = at;
        while !rest.is_empty() {
            let plain = memchr::memchr(b'&', rest.as_bytes()).unwrap_or(rest.len());
            if plain > 0 {
                self.exact(&rest[..plain], file);
                file += plain;
                rest = &rest[plain..];
                continue;
            }
            let end = rest
                .find(';')
                .filter(|&e| e <= 12)
                .ok_or_else(|| "a `&` that starts no entity (write `&amp;`)".to_string())?;
            let name = &rest[1..end];
            let c = entity(name)?;
            let start = self.text.len();
            self.text.push(c);
            self.pieces.push(Piece {
                text: start,
                text_len: c.len_utf8(),
                file,
                file_len: end + 1,
            });
            file += end + 1;
            rest = &rest[end + 1..];
        }
        Ok(())
    }

    /// Adds text that is in the file as it is (CDATA, or character data without entities).
    pub(crate) fn exact(&mut self, s: &str, at: usize) {
        if s.is_empty() {
            return;
        }
        let start = self.text.len();
        self.text.push_str(s);
        match self.pieces.last_mut() {
            Some(p)
                if p.text + p.text_len == start
                    && p.file + p.file_len == at
                    && p.text_len == p.file_len =>
            {
                p.text_len += s.len();
                p.file_len += s.len();
            }
            _ => self.pieces.push(Piece {
                text: start,
                text_len: s.len(),
                file: at,
                file_len: s.len(),
            }),
        }
    }

    /// Adds one character that the file writes otherwise (XLIFF 2's `<cp hex="…"/>`).
    pub(crate) fn char_at(&mut self, c: char, at: usize, file_len: usize) {
        let start = self.text.len();
        self.text.push(c);
        self.pieces.push(Piece {
            text: start,
            text_len: c.len_utf8(),
            file: at,
            file_len,
        });
    }

    /// Records an inline code at the current end of the text.
    pub(crate) fn code(&mut self, kind: &str, id: Option<String>) {
        self.codes.push(Code {
            kind: kind.to_string(),
            id,
            at: self.text.len(),
        });
    }

    pub(crate) fn take(&mut self) -> Collector {
        std::mem::take(self)
    }
}

/// The character an entity reference names: the five predefined ones and `#N;`/`#xH;`.
fn entity(name: &str) -> Result<char, String> {
    let c = match name {
        "lt" => '<',
        "gt" => '>',
        "amp" => '&',
        "quot" => '"',
        "apos" => '\'',
        _ => {
            let code =
                if let Some(hex) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                    u32::from_str_radix(hex, 16).ok()
                } else if let Some(dec) = name.strip_prefix('#') {
                    dec.parse().ok()
                } else {
                    return Err(format!(
                        "the entity `&{name};` is not one of XML's own, and bitext reads no DTD"
                    ));
                };
            return code
                .and_then(char::from_u32)
                .ok_or_else(|| format!("`&{name};` is no character"));
        }
    };
    Ok(c)
}

/// The local name (`sdl:seg` → `seg`) of the element whose tag starts (`<`) at byte `at` of
/// `text`: a slice of the text where it is there as the parser read it (no allocation), else a
/// copy.
pub(crate) fn local_in<'t>(text: &'t str, at: usize, e: &BytesStart) -> std::borrow::Cow<'t, str> {
    let qname = e.name();
    let local = e.local_name();
    let (q, l) = (qname.as_ref(), local.as_ref());
    match text.get(at + 1 + q.len() - l.len()..at + 1 + q.len()) {
        Some(s) if s.as_bytes() == l && text.as_bytes().get(at) == Some(&b'<') => s.into(),
        _ => String::from_utf8_lossy(l).into_owned().into(),
    }
}

/// The value of an attribute by its full name: `version` is not `its:version` (Okapi writes
/// both on `<xliff>`).
pub(crate) fn attr(e: &BytesStart, key: &str) -> Result<Option<String>, String> {
    for a in e.attributes().with_checks(false) {
        let a = a.map_err(|err| format!("bad attribute: {err}"))?;
        if a.key.as_ref() == key.as_bytes() {
            let v = value(&a)?;
            return Ok(Some(v.into_owned()));
        }
    }
    Ok(None)
}

/// An attribute's value, its entities replaced. Without a `&` it is the text as it is (most
/// values: a language tag, an id), without quick-xml's decoding and unescaping, which cost more
/// than the rest of reading a `<tuv>`; the same value either way.
fn value<'a>(
    a: &'a quick_xml::events::attributes::Attribute,
) -> Result<std::borrow::Cow<'a, str>, String> {
    if !a.value.contains(&b'&') {
        if let Ok(v) = std::str::from_utf8(&a.value) {
            return Ok(v.into());
        }
    }
    a.unescape_value()
        .map_err(|err| format!("bad attribute: {err}"))
}

/// The values of the attributes `keys` of a start tag, in one pass over its attributes.
pub(crate) fn attrs<const N: usize>(
    e: &BytesStart,
    keys: [&str; N],
) -> Result<[Option<String>; N], String> {
    let mut found: [Option<String>; N] = std::array::from_fn(|_| None);
    for a in e.attributes().with_checks(false) {
        let a = a.map_err(|err| format!("bad attribute: {err}"))?;
        if let Some(k) = keys.iter().position(|key| a.key.as_ref() == key.as_bytes()) {
            if found[k].is_none() {
                let v = value(&a)?;
                found[k] = Some(v.into_owned());
                if found.iter().all(Option::is_some) {
                    // Where one pass of `attr` a key would stop: no error from what follows.
                    break;
                }
            }
        }
    }
    Ok(found)
}

/// The `xml:lang` attribute, or TMX 1.1's `lang`.
pub(crate) fn lang(e: &BytesStart) -> Result<Option<String>, String> {
    for a in e.attributes().with_checks(false) {
        let a = a.map_err(|err| format!("bad attribute: {err}"))?;
        if matches!(a.key.as_ref(), b"xml:lang" | b"lang") {
            let v = value(&a)?;
            return Ok(Some(v.into_owned()));
        }
    }
    Ok(None)
}

/// An error at byte `offset` of `text`.
pub(crate) fn error(text: &str, offset: usize, message: impl Into<String>) -> Error {
    Error::at(text, offset, message)
}

/// A reader of XML text after its BOM, checking end tags, and the BOM's length.
pub(crate) fn reader(text: &str) -> (quick_xml::Reader<&[u8]>, usize) {
    let text_start = text.len() - text.trim_start_matches('\u{feff}').len();
    let mut reader = quick_xml::Reader::from_str(&text[text_start..]);
    reader.config_mut().check_end_names = true;
    (reader, text_start)
}

/// The next event of a reader over `text` (from byte `text_start`, after a BOM) and the byte at
/// which it starts; errors for XML that is not well-formed and for elements nested deeper than
/// [`MAX_DEPTH`] (`depth` is how many are open).
pub(crate) fn next<'a>(
    reader: &mut quick_xml::Reader<&'a [u8]>,
    text: &str,
    text_start: usize,
    depth: usize,
) -> Result<(u64, quick_xml::events::Event<'a>), Error> {
    let pos = reader.buffer_position();
    let at = |p: u64, m: String| error(text, text_start + p as usize, m);
    let event = reader
        .read_event()
        .map_err(|e| at(reader.error_position(), format!("not well-formed XML: {e}")))?;
    if matches!(event, quick_xml::events::Event::Start(_)) && depth >= MAX_DEPTH {
        return Err(at(pos, format!("elements nested deeper than {MAX_DEPTH}")));
    }
    Ok((pos, event))
}

/// The text of an event's raw bytes that start at byte `at` of `text`: a slice of it, not
/// validated again.
pub(crate) fn slice(text: &str, at: usize, len: usize) -> &str {
    text.get(at..at + len).unwrap_or("")
}

/// The error for a document that ends inside an element, if it does.
pub(crate) fn unclosed(text: &str, stack: &[impl AsRef<str>]) -> Result<(), Error> {
    match stack.last() {
        Some(open) => Err(Error::at(
            text,
            text.len(),
            format!("unexpected end of file: <{}> is not closed", open.as_ref()),
        )),
        None => Ok(()),
    }
}

/// Deepest nesting of elements read: deeper input is refused, so that no reader's stack grows
/// without bound on hostile input.
pub(crate) const MAX_DEPTH: usize = 1024;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_maps_back_to_the_file_through_entities() {
        let mut c = Collector::default();
        // `a &amp; b` at byte 10 of the file.
        c.raw("a &amp; b", 10).unwrap();
        assert_eq!(c.text, "a & b");
        assert_eq!(c.pieces.len(), 3);
        assert_eq!((c.pieces[0].file, c.pieces[0].text_len), (10, 2));
        assert_eq!((c.pieces[1].file, c.pieces[1].file_len), (12, 5));
        assert_eq!((c.pieces[2].text, c.pieces[2].file), (3, 17));
        assert!(c.raw("&lol9;", 0).unwrap_err().contains("reads no DTD"));
        assert!(c.raw("AT&T", 0).is_err());
        let mut d = Collector::default();
        d.raw("&#x4E2D;&#25991;", 0).unwrap();
        assert_eq!(d.text, "中文");
    }

    #[test]
    fn attributes_are_found_by_full_name() {
        let xml = r#"<xliff its:version="2.0" version="1.2"/>"#;
        let mut r = quick_xml::Reader::from_str(xml);
        let Ok(quick_xml::events::Event::Empty(e)) = r.read_event() else {
            panic!("an empty element")
        };
        assert_eq!(attr(&e, "version").unwrap().as_deref(), Some("1.2"));
        assert_eq!(attr(&e, "its:version").unwrap().as_deref(), Some("2.0"));
        assert_eq!(attr(&e, "lang").unwrap(), None);
    }
}
