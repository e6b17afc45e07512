use crate::args::{LangArg, SegmentArgs, SegmentFormat};
use crate::output;
use crate::ExitStatus;
use bitext_core::Lang;
use serde::Serialize;
use std::io::Write;
use std::path::PathBuf;

#[derive(Serialize)]
struct Row<'a> {
    doc: &'a str,
    lang: Lang,
    paragraph: usize,
    index: usize,
    start: usize,
    end: usize,
    text: &'a str,
}

pub fn exec(args: SegmentArgs) -> anyhow::Result<ExitStatus> {
    let files = if args.files.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        args.files
    };
    // Read everything first: a bad file means no output at all.
    let docs = files
        .iter()
        .map(|path| crate::input::read_document(path))
        .collect::<Result<Vec<_>, _>>()?;
    let mut out = output::stdout();
    for doc in &docs {
        let text = doc.text();
        let lang = match args.lang {
            LangArg::Zh => Lang::Zh,
            LangArg::En => Lang::En,
            LangArg::Auto => Lang::detect(text),
        };
        let base = doc.decoded.offset_base;
        for seg in bitext_segment::segment(text, lang) {
            let sentence = seg.span.slice(text);
            match args.format {
                SegmentFormat::Text => writeln!(out, "{sentence}")?,
                SegmentFormat::Tsv => writeln!(
                    out,
                    "{}\t{lang}\t{}\t{}\t{}\t{}\t{}",
                    bitext_io::tsv::escape(&doc.name),
                    seg.paragraph,
                    seg.index,
                    base + seg.span.start,
                    base + seg.span.end,
                    bitext_io::tsv::escape(sentence)
                )?,
                SegmentFormat::Jsonl => {
                    let row = Row {
                        doc: &doc.name,
                        lang,
                        paragraph: seg.paragraph,
                        index: seg.index,
                        start: base + seg.span.start,
                        end: base + seg.span.end,
                        text: sentence,
                    };
                    serde_json::to_writer(&mut out, &row)?;
                    writeln!(out)?;
                }
            }
        }
    }
    out.flush()?;
    Ok(ExitStatus::Success)
}
