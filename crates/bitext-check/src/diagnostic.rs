//! Findings.

use crate::rules::Severity;
use serde::Serialize;

/// One finding.
///
/// JSON wire format (one object in `findings`; `--format json` writes one finding a line):
///
/// ```json
/// {"rule": "deprecated-term", "severity": "error", "path": "corpus/en/a.txt",
///  "line": 11, "column": 42, "end_line": 11, "end_column": 55, "span": [1200, 1213],
///  "found": "flag counties", "expected": "banner", "term": "banner",
///  "message": "...", "fingerprint": "9f2c..."}
/// ```
///
/// `line` and `column` are 1-based, columns count characters (Unicode code
/// points); `span` is a byte range in the file as read (after a UTF-8 BOM;
/// in the UTF-8 text for UTF-16 input).
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Diagnostic {
    pub rule: &'static str,
    pub severity: Severity,
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub span: [usize; 2],
    pub found: String,
    pub expected: String,
    pub term: String,
    pub message: String,
    /// Stable fingerprint for baselines; see [`crate::baseline`].
    pub fingerprint: String,
}
