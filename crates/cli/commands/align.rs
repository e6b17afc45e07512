use std::io::Write;

use anyhow::Context;
use bitext_core::{Document, Lang, Segment};
use serde::Serialize;

use crate::args::{AlignArgs, AlignFormat};
use crate::output;
use crate::ExitStatus;

struct Side {
    doc: Document,
    segments: Vec<Segment>,
}

impl Side {
    fn sentence(&self, k: usize) -> &str {
        self.segments[k].span.slice(self.doc.text())
    }
    /// Byte span of sentence `k` in the file.
    fn file_span(&self, k: usize) -> [usize; 2] {
        let base = self.doc.decoded.offset_base;
        let s = self.segments[k].span;
        [base + s.start, base + s.end]
    }
}

#[derive(Serialize)]
struct JsonSide<'a> {
    doc: &'a str,
    lang: Lang,
    ids: Vec<usize>,
    spans: Vec<[usize; 2]>,
    text: Vec<&'a str>,
}

#[derive(Serialize)]
struct JsonBead<'a> {
    a: JsonSide<'a>,
    b: JsonSide<'a>,
    kind: String,
    confidence: f32,
}

fn json_side<'a>(s: &'a Side, lang: Lang, r: &std::ops::Range<usize>) -> JsonSide<'a> {
    JsonSide {
        doc: &s.doc.name,
        lang,
        ids: r.clone().collect(),
        spans: r.clone().map(|k| s.file_span(k)).collect(),
        text: r.clone().map(|k| s.sentence(k)).collect(),
    }
}

fn ids(range: &std::ops::Range<usize>) -> String {
    let list: Vec<String> = range.clone().map(|k| k.to_string()).collect();
    format!("[{}]", list.join(","))
}

pub fn exec(args: AlignArgs) -> anyhow::Result<ExitStatus> {
    let read = |path: &std::path::Path| -> anyhow::Result<Side> {
        let doc = Document::read(path)?;
        let text = doc.text();
        let segments = if args.presegmented {
            bitext_segment::one_per_line(text)
        } else {
            bitext_segment::segment(text, Lang::detect(text))
        };
        Ok(Side { doc, segments })
    };
    let a = read(&args.a)?;
    let b = read(&args.b)?;
    let a_lang = Lang::detect(a.doc.text());
    let b_lang = Lang::detect(b.doc.text());
    // Chinese first inside; `swap` restores the order given.
    let swap = a_lang == Lang::En && b_lang == Lang::Zh;
    if a_lang == b_lang {
        output::warn(&format!(
            "both documents look {}: aligning {} as Chinese and {} as English",
            a_lang, a.doc.name, b.doc.name
        ));
    }
    let (zh, en) = if swap { (&b, &a) } else { (&a, &b) };
    let options = bitext_align::Options {
        paragraphs: !args.no_paragraphs,
        ..Default::default()
    };
    let alignment = bitext_align::align(
        zh.doc.text(),
        &zh.segments,
        en.doc.text(),
        &en.segments,
        &options,
    );
    for w in &alignment.warnings {
        output::warn(&w.to_string());
    }

    let mut buf: Vec<u8> = Vec::new();
    if args.format == AlignFormat::Tsv {
        writeln!(buf, "a_ids\tb_ids\tkind\tconfidence\ta_text\tb_text")?;
    }
    for bead in &alignment.beads {
        let (ra, rb) = if swap {
            (&bead.en, &bead.zh)
        } else {
            (&bead.zh, &bead.en)
        };
        let join = |side: &Side, r: &std::ops::Range<usize>| -> String {
            // Chinese sentences join without a space, English ones with one.
            let sep = if Lang::detect(side.doc.text()) == Lang::Zh {
                ""
            } else {
                " "
            };
            r.clone()
                .map(|k| side.sentence(k))
                .collect::<Vec<_>>()
                .join(sep)
        };
        match args.format {
            AlignFormat::Beads => writeln!(buf, "{}:{}", ids(ra), ids(rb))?,
            AlignFormat::Tsv => writeln!(
                buf,
                "{}\t{}\t{}\t{:.3}\t{}\t{}",
                ids(ra),
                ids(rb),
                bead.kind(),
                bead.confidence,
                output::tsv_escape(&join(&a, ra)),
                output::tsv_escape(&join(&b, rb)),
            )?,
            AlignFormat::Jsonl => {
                let row = JsonBead {
                    a: json_side(&a, if swap { Lang::En } else { Lang::Zh }, ra),
                    b: json_side(&b, if swap { Lang::Zh } else { Lang::En }, rb),
                    kind: bead.kind(),
                    confidence: (bead.confidence * 1000.0).round() / 1000.0,
                };
                serde_json::to_writer(&mut buf, &row)?;
                writeln!(buf)?;
            }
        }
    }
    match &args.output {
        Some(path) => output::write_atomic(path, &buf, args.force)
            .with_context(|| format!("cannot write {}", path.display()))?,
        None => {
            let mut out = output::stdout();
            out.write_all(&buf)?;
            out.flush()?;
        }
    }
    Ok(ExitStatus::Success)
}
