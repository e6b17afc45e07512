//! Spreadsheets (XLSX, XLS, ODS) as term lists: the first sheet, read with calamine, becomes CSV
//! text for [`crate::csv::read_mapped`] (one CSV line a row, so that its line numbers are the
//! sheet's row numbers).

use std::path::Path;

use calamine::{Data, Reader};

use crate::{Error, Origin};

/// Whether a path names a spreadsheet bitext reads.
pub fn is_sheet(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        matches!(
            e.to_ascii_lowercase().as_str(),
            "xlsx" | "xlsm" | "xls" | "ods"
        )
    })
}

/// The first sheet of a workbook as CSV text. Line breaks inside a cell become spaces.
pub fn to_csv(path: &Path) -> Result<String, Error> {
    let fail = |message: String| Error::Invalid {
        origin: Origin {
            path: path.to_owned(),
            line: 1,
            column: 1,
        },
        message,
    };
    let mut workbook = calamine::open_workbook_auto(path)
        .map_err(|e| fail(format!("not a spreadsheet bitext can read: {e}")))?;
    let range = workbook
        .worksheet_range_at(0)
        .ok_or_else(|| fail("the workbook has no sheet".into()))?
        .map_err(|e| fail(format!("cannot read the first sheet: {e}")))?;
    let mut out = ::csv::Writer::from_writer(Vec::new());
    for row in range.rows() {
        let cells: Vec<String> = row
            .iter()
            .map(|c| match c {
                Data::Empty => String::new(),
                Data::String(s) => s.replace(['\r', '\n'], " "),
                other => other.to_string(),
            })
            .collect();
        out.write_record(&cells)
            .map_err(|e| fail(format!("cannot convert the sheet: {e}")))?;
    }
    let bytes = out
        .into_inner()
        .map_err(|e| fail(format!("cannot convert the sheet: {e}")))?;
    String::from_utf8(bytes).map_err(|e| fail(format!("cannot convert the sheet: {e}")))
}
