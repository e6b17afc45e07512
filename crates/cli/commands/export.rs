use bitext_core::Document;

use crate::args::{AlignFormat, ExportArgs};
use crate::ExitStatus;

pub fn exec(args: ExportArgs) -> anyhow::Result<ExitStatus> {
    let format = args.out.resolve(AlignFormat::Tmx)?;
    let doc = Document::read(&args.input)?;
    let units = bitext_io::read(doc.text())
        .map_err(|e| anyhow::anyhow!("{}:{}:{}: {}", doc.name, e.line, e.column, e.message))?;
    if format == AlignFormat::Beads
        && units
            .iter()
            .any(|u| u.a.ids.is_empty() && u.b.ids.is_empty())
    {
        anyhow::bail!(
            "{}: the beads format needs sentence ids, which these units do not carry",
            doc.name
        );
    }
    args.out.emit(format, &units, &args.units)?;
    Ok(ExitStatus::Success)
}
