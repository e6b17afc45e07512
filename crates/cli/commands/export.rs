use crate::args::{AlignFormat, ExportArgs};
use crate::ExitStatus;

pub fn exec(args: ExportArgs) -> anyhow::Result<ExitStatus> {
    let format = args.out.resolve(AlignFormat::Tmx)?;
    let doc = crate::input::read_document(&args.input)?;
    let langs = bitext_io::Langs {
        a: args.source_lang.clone(),
        b: args.target_lang.clone(),
    };
    let ext = args.input.extension().and_then(|e| e.to_str());
    let units = bitext_io::read_file_text(ext, doc.text(), &langs)
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
