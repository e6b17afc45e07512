//! Shared types of bitext.
//!
//! Every other bitext crate speaks in these terms:
//!
//! - [`Lang`]: the two languages bitext knows, and script-based detection.
//! - [`Span`]: a byte range into a document's text.
//! - [`Segment`]: one sentence of a document, with its paragraph and byte span.
//! - [`LineIndex`]: byte offset → 1-based line and character column.
//! - [`decode`]: raw file bytes → text, for UTF-8 (with or without BOM), UTF-16 with a BOM, XML in
//!   its declared encoding and legacy plain text (detected); [`decode_as`] when the user names it,
//!   with a precise error for anything else.
//!
//! ```
//! use bitext_core::{decode, LineIndex, Span};
//!
//! let doc = decode("\u{feff}第一行\n第二行".as_bytes()).unwrap();
//! assert_eq!(doc.text, "第一行\n第二行");
//! // Offsets in the text, plus `doc.offset_base`, are offsets in the file.
//! assert_eq!(doc.offset_base, 3);
//! let index = LineIndex::new(&doc.text);
//! let span = Span::new(doc.text.find("二").unwrap(), doc.text.len());
//! assert_eq!(index.line_col(&doc.text, span.start), (2, 2));
//! ```

mod decode;
mod lang;
mod line_index;

pub use decode::{decode, decode_as, DecodeError, Decoded, Document, Encoding, ReadError};
pub use lang::{is_han, Lang};
pub use line_index::LineIndex;

use serde::Serialize;

/// A half-open byte range `[start, end)` into a document's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The text this span covers.
    ///
    /// # Panics
    /// If the span is out of range or not on char boundaries of `text`.
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}

/// One sentence (or heading, caption, list item) of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Segment {
    /// 0-based paragraph index: paragraphs are separated by blank lines.
    pub paragraph: usize,
    /// 0-based sentence index within the document.
    pub index: usize,
    /// Byte span in the document's text, trimmed of surrounding white space.
    pub span: Span,
}
