/// Maps byte offsets of a text to 1-based lines and columns.
///
/// Columns count Unicode scalar values (characters), not bytes, so that a
/// column in a Chinese line points at the right character (SARIF's
/// `unicodeCodePoints`). A line ends at `\n`, `\r\n` or a lone `\r`.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// (byte offset, characters before it) every few kilobytes, on character boundaries: a
    /// column in a very long line is counted from the nearest one, not from the line's start.
    /// Made on the first column asked in such a line; most texts never need them.
    marks: std::sync::OnceLock<Vec<(usize, usize)>>,
}

/// Bytes between two marks (about).
const MARK: usize = 4096;

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => starts.push(i + 1),
                b'\r' if bytes.get(i + 1) != Some(&b'\n') => starts.push(i + 1),
                _ => {}
            }
            i += 1;
        }
        LineIndex {
            starts,
            marks: std::sync::OnceLock::new(),
        }
    }

    fn marks(&self, text: &str) -> &[(usize, usize)] {
        self.marks.get_or_init(|| {
            let mut marks = vec![(0, 0)];
            let (mut at, mut chars) = (0, 0);
            while at + MARK < text.len() {
                let mut next = at + MARK;
                while !text.is_char_boundary(next) {
                    next += 1;
                }
                chars += text[at..next].chars().count();
                marks.push((next, chars));
                at = next;
            }
            marks
        })
    }

    /// Characters in `text[..offset]` (`offset` on a character boundary).
    fn chars_before(&self, text: &str, offset: usize) -> usize {
        let marks = self.marks(text);
        let k = match marks.binary_search_by_key(&offset, |m| m.0) {
            Ok(k) => k,
            Err(k) => k - 1,
        };
        let (at, chars) = marks[k];
        chars + text[at..offset].chars().count()
    }

    /// 0-based line that contains byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        match self.starts.binary_search(&offset) {
            Ok(line) => line,
            Err(next) => next - 1,
        }
    }

    /// 1-based (line, column) of byte `offset`; the column counts characters.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let line = self.line_of(offset);
        let start = self.starts[line];
        let offset = offset.min(text.len());
        let column = if offset - start <= MARK {
            text[start..offset].chars().count() + 1
        } else {
            self.chars_before(text, offset) - self.chars_before(text, start) + 1
        };
        (line + 1, column)
    }

    /// Byte range of 0-based line `line`, without its line terminator.
    pub fn line_span(&self, text: &str, line: usize) -> (usize, usize) {
        let start = self.starts[line];
        let mut end = self.starts.get(line + 1).copied().unwrap_or(text.len());
        let bytes = text.as_bytes();
        while end > start && matches!(bytes[end - 1], b'\n' | b'\r') {
            end -= 1;
        }
        (start, end)
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_in_a_long_line_count_characters() {
        let text = format!("{}x\n{}y", "旗a".repeat(5000), "b".repeat(9000));
        let index = LineIndex::new(&text);
        let x = text.find('x').unwrap();
        assert_eq!(index.line_col(&text, x), (1, 10001));
        let y = text.find('y').unwrap();
        assert_eq!(index.line_col(&text, y), (2, 9001));
    }

    #[test]
    fn lines_and_char_columns() {
        let text = "旗县\r\n盟市 banner\rlast";
        let index = LineIndex::new(text);
        assert_eq!(index.line_count(), 3);
        assert_eq!(index.line_col(text, 0), (1, 1));
        assert_eq!(index.line_col(text, "旗".len()), (1, 2));
        let b = text.find("banner").unwrap();
        assert_eq!(index.line_col(text, b), (2, 4));
        assert_eq!(index.line_col(text, text.find("last").unwrap()), (3, 1));
        assert_eq!(index.line_span(text, 1), (b - 7, b + 6));
    }
}
