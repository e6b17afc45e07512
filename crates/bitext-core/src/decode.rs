use encoding_rs::{DecoderResult, UTF_16BE, UTF_16LE};
use std::fmt;

/// How a file's bytes were encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    /// A legacy encoding (GBK, GB18030, Big5, windows-1252 …): declared by an XML document, or
    /// detected in plain text that is not UTF-8 (`detected`).
    Legacy {
        encoding: &'static encoding_rs::Encoding,
        detected: bool,
    },
}

impl Encoding {
    /// Whether bitext assumed the encoding (a guess from the bytes): worth a warning.
    pub fn is_guess(&self) -> bool {
        matches!(self, Encoding::Legacy { detected: true, .. })
    }
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Bom => "UTF-8 with BOM",
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
            Encoding::Legacy { encoding, detected } => {
                return write!(
                    f,
                    "{} ({})",
                    encoding.name(),
                    if *detected { "detected" } else { "declared" }
                )
            }
        })
    }
}

/// A decoded document.
#[derive(Debug, Clone)]
pub struct Decoded {
    /// The text, without a byte order mark. Line ends are kept as they were.
    pub text: String,
    pub encoding: Encoding,
    /// Add this to a byte offset in `text` to get the offset in the file.
    /// It is the BOM's length for UTF-8 input. For UTF-16 input offsets
    /// refer to the UTF-8 text (the file's bytes cannot be sliced as UTF-8),
    /// and this is 0.
    pub offset_base: usize,
}

/// Why a file's bytes are not text bitext can read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("invalid {encoding} at byte {offset} (bitext reads UTF-8, or UTF-16 with a byte order mark)")]
    Invalid {
        encoding: &'static str,
        offset: usize,
    },
    #[error(
        "binary data (a NUL byte at byte {offset}); bitext reads UTF-8 or UTF-16 text with a BOM"
    )]
    Binary { offset: usize },
}

impl DecodeError {
    /// Byte offset in the file of the first byte that could not be read.
    pub fn offset(&self) -> usize {
        match self {
            DecodeError::Invalid { offset, .. } | DecodeError::Binary { offset } => *offset,
        }
    }
}

/// The encoding an XML declaration names (`<?xml version="1.0" encoding="GBK"?>`), when it is
/// not UTF-8 or UTF-16 (which the bytes themselves tell).
fn xml_declared(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = bytes.strip_prefix(b"<?xml")?;
    let end = head.iter().take(256).position(|&b| b == b'>')?;
    let decl = std::str::from_utf8(&head[..end]).ok()?;
    let rest = &decl[decl.find("encoding")? + "encoding".len()..];
    let rest = rest.trim_start().strip_prefix('=')?.trim_start();
    let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let label = rest[1..].split(quote).next()?;
    let encoding = encoding_rs::Encoding::for_label(label.trim().as_bytes())?;
    (encoding != encoding_rs::UTF_8 && encoding != UTF_16LE && encoding != UTF_16BE)
        .then_some(encoding)
}

/// Bytes in an encoding as UTF-8 text; the offset of the first malformed sequence otherwise.
fn transcode(bytes: &[u8], encoding: &'static encoding_rs::Encoding) -> Result<String, usize> {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let cap = decoder
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .unwrap_or(bytes.len() * 3 + 16);
    let mut out = String::with_capacity(cap);
    let (result, read) = decoder.decode_to_string_without_replacement(bytes, &mut out, true);
    match result {
        DecoderResult::Malformed(bad, after) => Err(read - bad as usize - after as usize),
        // The buffer is sized by encoding_rs, so the input is always used up.
        _ => Ok(out),
    }
}

/// Decodes bytes in a legacy encoding, naming the offset of the first byte it cannot read.
fn decode_legacy(
    bytes: &[u8],
    encoding: &'static encoding_rs::Encoding,
    detected: bool,
) -> Result<Decoded, DecodeError> {
    let out = transcode(bytes, encoding).map_err(|offset| DecodeError::Invalid {
        encoding: encoding.name(),
        offset,
    })?;
    if let Some(pos) = out.find('\0') {
        return Err(DecodeError::Binary { offset: pos });
    }
    Ok(Decoded {
        text: out,
        encoding: Encoding::Legacy { encoding, detected },
        offset_base: 0,
    })
}

/// Decodes a file in the encoding a label names (`--encoding gbk`), whatever the bytes say.
pub fn decode_as(bytes: &[u8], label: &str) -> Result<Decoded, String> {
    let encoding = encoding_rs::Encoding::for_label(label.trim().as_bytes()).ok_or_else(|| {
        format!("unknown encoding `{label}` (try utf-8, gbk, gb18030, big5, windows-1252)")
    })?;
    if encoding == encoding_rs::UTF_8 {
        return decode(bytes).map_err(|e| e.to_string());
    }
    decode_legacy(bytes, encoding, false).map_err(|e| e.to_string())
}

/// Decodes a file: UTF-8 with or without BOM, UTF-16 LE/BE with a BOM, XML in the encoding its
/// declaration names, and plain text that is not UTF-8 in the encoding detected from its bytes
/// (chardetng, Firefox's detector: GBK, GB18030, Big5, Shift_JIS, windows-1252 …; the result's
/// `encoding` says so, for a warning).
///
/// Errors name the byte offset in the file of the first invalid sequence.
/// Text containing NUL characters is rejected as binary.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if let Some(encoding) = xml_declared(bytes) {
        return decode_legacy(bytes, encoding, false);
    }
    let (encoding, body, base) = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        (Encoding::Utf8Bom, rest, 3)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        (Encoding::Utf16Le, rest, 2)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        (Encoding::Utf16Be, rest, 2)
    } else {
        (Encoding::Utf8, bytes, 0)
    };
    if matches!(encoding, Encoding::Utf8 | Encoding::Utf8Bom) {
        if let Some(pos) = body.iter().position(|&b| b == 0) {
            return Err(DecodeError::Binary { offset: base + pos });
        }
    }
    let text = match encoding {
        Encoding::Utf8 | Encoding::Utf8Bom => match std::str::from_utf8(body) {
            Ok(s) => s.to_owned(),
            // Plain text without a BOM that is not UTF-8: a legacy encoding, detected.
            // (UTF-8 characters before the first bad byte say the file is UTF-8, damaged.)
            Err(e)
                if encoding == Encoding::Utf8
                    && !body.starts_with(b"<")
                    && body[..e.valid_up_to()].is_ascii() =>
            {
                let mut detector =
                    chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
                detector.feed(body, true);
                let guess = detector.guess(None, chardetng::Utf8Detection::Allow);
                if guess == encoding_rs::UTF_8 {
                    return Err(DecodeError::Invalid {
                        encoding: "UTF-8",
                        offset: e.valid_up_to(),
                    });
                }
                return decode_legacy(body, guess, true);
            }
            Err(e) => {
                return Err(DecodeError::Invalid {
                    encoding: "UTF-8",
                    offset: base + e.valid_up_to(),
                })
            }
        },
        Encoding::Legacy { .. } => unreachable!("decoded above"),
        Encoding::Utf16Le | Encoding::Utf16Be => {
            let (codec, name) = if encoding == Encoding::Utf16Le {
                (UTF_16LE, "UTF-16LE")
            } else {
                (UTF_16BE, "UTF-16BE")
            };
            transcode(body, codec).map_err(|offset| DecodeError::Invalid {
                encoding: name,
                offset: base + offset,
            })?
        }
    };
    if let Some(pos) = text.find('\0') {
        let offset = match encoding {
            Encoding::Utf8 | Encoding::Utf8Bom => base + pos,
            // Report the UTF-16 code unit that holds the NUL.
            _ => base + 2 * text[..pos].encode_utf16().count(),
        };
        return Err(DecodeError::Binary { offset });
    }
    Ok(Decoded {
        text,
        encoding,
        offset_base: if matches!(encoding, Encoding::Utf8Bom) {
            3
        } else {
            0
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(s: &str, le: bool) -> Vec<u8> {
        let mut out = if le {
            vec![0xFF, 0xFE]
        } else {
            vec![0xFE, 0xFF]
        };
        for unit in s.encode_utf16() {
            let b = if le {
                unit.to_le_bytes()
            } else {
                unit.to_be_bytes()
            };
            out.extend_from_slice(&b);
        }
        out
    }

    #[test]
    fn utf8_with_and_without_bom() {
        let plain = decode("盟市\r\n".as_bytes()).unwrap();
        assert_eq!(
            (plain.text.as_str(), plain.encoding, plain.offset_base),
            ("盟市\r\n", Encoding::Utf8, 0)
        );
        let bom = decode("\u{feff}盟市".as_bytes()).unwrap();
        assert_eq!(
            (bom.text.as_str(), bom.encoding, bom.offset_base),
            ("盟市", Encoding::Utf8Bom, 3)
        );
    }

    #[test]
    fn utf16_both_orders() {
        for le in [true, false] {
            let d = decode(&utf16("嘎查 gacha\n", le)).unwrap();
            assert_eq!(d.text, "嘎查 gacha\n");
            assert_eq!(d.offset_base, 0);
        }
    }

    #[test]
    fn invalid_utf8_names_offset() {
        let mut bytes = "旗县".as_bytes().to_vec();
        bytes.push(0xFF);
        assert_eq!(
            decode(&bytes).unwrap_err(),
            DecodeError::Invalid {
                encoding: "UTF-8",
                offset: 6
            }
        );
        // GBK bytes in XML that declares no encoding are not UTF-8.
        assert_eq!(decode(&[b'<', 0xC6, 0xEC]).unwrap_err().offset(), 1);
    }

    #[test]
    fn legacy_encodings_declared_or_detected() {
        let (gbk, _, _) =
            encoding_rs::GBK.encode("内蒙古自治区鄂尔多斯市乌审旗，民族团结进步示范旗。");
        let d = decode(&gbk).unwrap();
        assert_eq!(d.text, "内蒙古自治区鄂尔多斯市乌审旗，民族团结进步示范旗。");
        assert!(d.encoding.is_guess(), "{}", d.encoding);
        assert!(d.encoding.to_string().contains("detected"));

        let (latin, _, _) = encoding_rs::WINDOWS_1254.encode(
            "<?xml version=\"1.0\" encoding=\"windows-1254\"?><martif>İstanbul ağ</martif>",
        );
        let d = decode(&latin).unwrap();
        assert!(d.text.contains("İstanbul ağ"));
        assert_eq!(d.encoding.to_string(), "windows-1254 (declared)");

        let d = decode_as(&gbk, "gb18030").unwrap();
        assert!(d.text.starts_with("内蒙古"));
        assert!(decode_as(&gbk, "klingon")
            .unwrap_err()
            .contains("unknown encoding"));
    }

    #[test]
    fn unpaired_surrogate_names_offset() {
        let mut bytes = utf16("ab", true);
        bytes.extend_from_slice(&[0x00, 0xD8, b'c', 0x00]);
        let err = decode(&bytes).unwrap_err();
        assert_eq!(err.offset(), 6, "{err}");
    }

    #[test]
    fn nul_is_binary() {
        assert_eq!(
            decode(b"ab\0c").unwrap_err(),
            DecodeError::Binary { offset: 2 }
        );
    }
}

/// A document read from a file (or standard input).
#[derive(Debug, Clone)]
pub struct Document {
    /// The name to show: the path as given, or `-` for standard input.
    pub name: String,
    pub decoded: Decoded,
}

/// Why a document could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{name}: {error}")]
    Io { name: String, error: std::io::Error },
    #[error("{name}: {error}")]
    Decode { name: String, error: DecodeError },
    /// The bytes are not in the encoding the user named, or the name is none.
    #[error("{name}: {message}")]
    Encoding { name: String, message: String },
}

impl Document {
    /// Decodes `bytes` read from `name`.
    pub fn from_bytes(name: impl Into<String>, bytes: &[u8]) -> Result<Self, ReadError> {
        let name = name.into();
        match decode(bytes) {
            Ok(decoded) => Ok(Document { name, decoded }),
            Err(error) => Err(ReadError::Decode { name, error }),
        }
    }

    /// Reads and decodes a file; `-` reads standard input.
    pub fn read(path: &std::path::Path) -> Result<Self, ReadError> {
        Self::read_as(path, None)
    }

    /// Reads a file in the encoding `label` names (`gbk`, `big5`, `windows-1252` …), whatever its
    /// bytes or declaration say; as [`Document::read`] when `None`.
    pub fn read_as(path: &std::path::Path, label: Option<&str>) -> Result<Self, ReadError> {
        use std::io::Read;
        let name = path.display().to_string();
        let mut bytes = Vec::new();
        let result = if name == "-" {
            std::io::stdin().read_to_end(&mut bytes).map(|_| ())
        } else {
            std::fs::File::open(path).and_then(|mut f| f.read_to_end(&mut bytes).map(|_| ()))
        };
        match (result, label) {
            (Ok(()), None) => Self::from_bytes(name, &bytes),
            (Ok(()), Some(label)) => match decode_as(&bytes, label) {
                Ok(decoded) => Ok(Document { name, decoded }),
                Err(message) => Err(ReadError::Encoding { name, message }),
            },
            (Err(error), _) => Err(ReadError::Io { name, error }),
        }
    }

    pub fn text(&self) -> &str {
        &self.decoded.text
    }
}
