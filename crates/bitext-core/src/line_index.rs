/// Maps byte offsets of a text to 1-based lines and columns.
///
/// Columns count Unicode scalar values (characters), not bytes, so that a
/// column in a Chinese line points at the right character (SARIF's
/// `unicodeCodePoints`). A line ends at `\n`, `\r\n` or a lone `\r`.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

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
        LineIndex { starts }
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
        let column = text[start..offset].chars().count() + 1;
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
