use crate::{Diagnostic, Severity};
use std::io::{self, Write};

/// `--format github`: one GitHub Actions workflow command a finding
/// (`::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`), which the
/// workflow's log shows as an annotation on the pull request's diff.
pub fn github(w: &mut dyn Write, findings: &[Diagnostic]) -> io::Result<()> {
    for d in findings {
        let level = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        writeln!(
            w,
            "::{level} title={},file={},line={},col={},endLine={},endColumn={}::{}",
            property(&format!("bitext ({})", d.rule)),
            property(&d.path),
            d.line,
            d.column,
            d.end_line,
            d.end_column,
            data(&format!("{}: {}", d.rule, d.message)),
        )?;
    }
    Ok(())
}

/// A command's message: `%`, CR and LF escaped.
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A command's property value: also `:` and `,`.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    #[test]
    fn annotations_escape_what_the_runner_reads() {
        assert_eq!(super::data("50% of\nit"), "50%25 of%0Ait");
        assert_eq!(super::property("a,b:c"), "a%2Cb%3Ac");
    }
}
