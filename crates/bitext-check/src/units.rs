//! Documents to check made from the units of `bitext_io`: a bilingual file's units (TMX, XLIFF,
//! PO, JSONL, TSV) and the beads of an aligned document pair. The command line and the Python
//! package build their [`Doc`]s here, so that both check the same thing.

use crate::{AlignedUnit, Bead, Doc};
use bitext_io::{Side, Unit};

/// A bilingual file's units as a document: findings placed at the English in `file` (its text,
/// decoded; `offset_base` is the length of its BOM). `format` is the reader's name: TMX numbers
/// a unit's inline codes per language (`i`), the others link them across by id. Units the file
/// marks not to translate are not checked; a file whose units have English as their source is
/// checked as an en→zh translation.
pub fn file_doc<'a>(
    path: &'a str,
    file: &'a str,
    offset_base: usize,
    units: &[Unit],
    format: &str,
) -> Doc<'a> {
    let linked = format != "tmx";
    let codes = |side: &Side| -> Vec<String> {
        side.codes
            .iter()
            .map(|c| match (&c.id, linked) {
                (Some(id), true) => format!("{}#{id}", c.kind),
                _ => c.kind.clone(),
            })
            .collect()
    };
    let english_source = units.first().is_some_and(Unit::chinese_is_target);
    let aligned = units
        .iter()
        .enumerate()
        .filter(|(_, u)| u.translate)
        .map(|(k, u)| {
            let (z, e) = u.zh_en();
            let runs = |side: &Side| {
                side.pieces
                    .iter()
                    .filter(|p| p.exact())
                    .map(|p| [p.text, p.file, p.text_len])
                    .collect()
            };
            AlignedUnit {
                zh: z.joined(),
                en: e.joined(),
                at: u.at,
                end: units.get(k + 1).map_or(file.len(), |n| n.at.max(u.at)),
                runs: runs(e),
                zh_codes: codes(z),
                en_codes: codes(e),
                zh_runs: runs(z),
                flags: u.flags.clone(),
            }
        });
    let mut doc = Doc::aligned(path, file, offset_base, aligned);
    if format == "po" {
        doc = doc.from_po();
    }
    if english_source {
        doc.with_english_source()
    } else {
        doc
    }
}

/// An English document and the units that aligning it with its Chinese gave
/// (`bitext_align::pair`): the beads with both sides, their English placed by the spans the
/// aligner recorded (file offsets, `offset_base` the BOM's length).
pub fn pair_doc<'a>(
    path: &'a str,
    english: &'a str,
    offset_base: usize,
    units: &[Unit],
) -> Doc<'a> {
    let beads: Vec<Bead> = units
        .iter()
        .filter(|u| !u.is_unmatched())
        .filter_map(|u| {
            let (z, e) = u.zh_en();
            let first = e.spans.first()?;
            let last = e.spans.last()?;
            Some(Bead {
                zh: z.joined(),
                en: first[0].saturating_sub(offset_base)..last[1].saturating_sub(offset_base),
            })
        })
        .collect();
    Doc::pair(path, english, offset_base, beads)
}
