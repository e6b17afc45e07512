//! Findings.

use crate::rules::Severity;
use serde::Serialize;

/// The two sides of the segment a finding is in.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct SegmentText {
    pub zh: String,
    pub en: String,
    /// The finding's byte span in `en` (empty for a finding about the Chinese side).
    pub span: [usize; 2],
}

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
/// A finding in a translation also has `"segment": {"zh": "...", "en": "...", "span": [a, b]}`:
/// both sides of its segment or bead and its span in that English.
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
    /// The segment or bead the finding is in, when the document is a translation: both sides,
    /// and the finding's span in its English (the HTML report shows them side by side).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub segment: Option<SegmentText>,
    /// How sure the rule is that this is a fault a reviser wants reported, in hundredths (`85`
    /// is written `0.85` in JSON and SARIF): set by the bilingual rules, which weigh what the
    /// English does with the Chinese; `None` for rules whose findings are certain by construction.
    /// Findings below the checker's threshold ([`crate::Checker::min_confidence`]) are left out.
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "hundredths")]
    pub confidence: Option<u8>,
    /// Stable fingerprint for baselines; see [`crate::baseline`].
    pub fingerprint: String,
}

/// A confidence in hundredths, written as a number from 0 to 1.
fn hundredths<S: serde::Serializer>(c: &Option<u8>, s: S) -> Result<S::Ok, S::Error> {
    match c {
        Some(c) => s.serialize_f64(f64::from(*c) / 100.0),
        None => s.serialize_none(),
    }
}
