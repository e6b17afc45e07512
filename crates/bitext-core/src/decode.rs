use encoding_rs::{DecoderResult, UTF_16BE, UTF_16LE};
use std::fmt;

/// How a file's bytes were encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Bom => "UTF-8 with BOM",
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
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

/// Decodes a file: UTF-8 with or without BOM, or UTF-16 LE/BE with a BOM.
///
/// Errors name the byte offset in the file of the first invalid sequence.
/// Text containing NUL characters is rejected as binary.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
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
            Err(e) => {
                return Err(DecodeError::Invalid {
                    encoding: "UTF-8",
                    offset: base + e.valid_up_to(),
                })
            }
        },
        Encoding::Utf16Le | Encoding::Utf16Be => {
            let (codec, name) = if encoding == Encoding::Utf16Le {
                (UTF_16LE, "UTF-16LE")
            } else {
                (UTF_16BE, "UTF-16BE")
            };
            let mut decoder = codec.new_decoder_without_bom_handling();
            let cap = decoder
                .max_utf8_buffer_length_without_replacement(body.len())
                .unwrap_or(body.len() * 3 + 16);
            let mut out = String::with_capacity(cap);
            let (result, read) = decoder.decode_to_string_without_replacement(body, &mut out, true);
            match result {
                DecoderResult::InputEmpty => out,
                DecoderResult::Malformed(bad, after) => {
                    let offset = base + read - bad as usize - after as usize;
                    return Err(DecodeError::Invalid {
                        encoding: name,
                        offset,
                    });
                }
                DecoderResult::OutputFull => unreachable!("buffer sized by encoding_rs"),
            }
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
        // GBK bytes are not UTF-8.
        assert_eq!(decode(&[b'a', 0xC6, 0xEC]).unwrap_err().offset(), 1);
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
        use std::io::Read;
        let name = path.display().to_string();
        let mut bytes = Vec::new();
        let result = if name == "-" {
            std::io::stdin().read_to_end(&mut bytes).map(|_| ())
        } else {
            std::fs::File::open(path).and_then(|mut f| f.read_to_end(&mut bytes).map(|_| ()))
        };
        match result {
            Ok(()) => Self::from_bytes(name, &bytes),
            Err(error) => Err(ReadError::Io { name, error }),
        }
    }

    pub fn text(&self) -> &str {
        &self.decoded.text
    }
}
