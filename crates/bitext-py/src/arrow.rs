//! Batch functions over Arrow tables: a table in through the Arrow PyCapsule interface (no copy
//! of its buffers), every row worked on in parallel with the GIL released, a table out. A row
//! that fails gives one output row with its `error` set, never a lost batch.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Arc;

use arrow_array::builder::{
    Float32Builder, ListBuilder, StringBuilder, UInt32Builder, UInt64Builder,
};
use arrow_array::{Array, ArrayRef, RecordBatch, StringArray, UInt32Array};
use arrow_schema::{ArrowError, DataType, Field, Schema};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3_arrow::PyTable;
use rayon::prelude::*;

use crate::check::{aligned_pair, pair_doc, PyChecker};
use crate::{align_texts, sentences, AlignOptions};
use bitext_check::{Diagnostic, Doc};

fn arrow_error(e: ArrowError) -> PyErr {
    PyValueError::new_err(e.to_string())
}

/// A column of a batch by name, as UTF-8 strings (large strings and string views are cast).
fn strings(batch: &RecordBatch, name: &str) -> PyResult<StringArray> {
    let schema = batch.schema();
    let (k, _) = schema.column_with_name(name).ok_or_else(|| {
        let names: Vec<&str> = schema.fields().iter().map(|f| f.name().as_str()).collect();
        PyValueError::new_err(format!(
            "the table has no column {name:?} (its columns: {})",
            names.join(", ")
        ))
    })?;
    let col = batch.column(k);
    let cast = if col.data_type() == &DataType::Utf8 {
        col.clone()
    } else {
        arrow_cast::cast(col, &DataType::Utf8)
            .map_err(|e| PyValueError::new_err(format!("column {name:?} is not text: {e}")))?
    };
    Ok(cast
        .as_any()
        .downcast_ref::<StringArray>()
        .expect("cast to Utf8")
        .clone())
}

/// The id column of a batch (any type: it is taken row by row into the output as it is).
fn id_column(batch: &RecordBatch, name: &str) -> PyResult<(ArrayRef, Field)> {
    let schema = batch.schema();
    let (k, field) = schema.column_with_name(name).ok_or_else(|| {
        PyValueError::new_err(format!(
            "the table has no id column {name:?} (id=None numbers the rows)"
        ))
    })?;
    Ok((batch.column(k).clone(), field.clone()))
}

/// The ids of the output rows: the input's id column taken at `rows`, or the row numbers (from
/// `first`, the batch's first row in the table) when the table has none.
fn ids_at(
    id: &Option<(ArrayRef, Field)>,
    name: &str,
    rows: &[u32],
    first: u64,
) -> PyResult<(ArrayRef, Field)> {
    match id {
        Some((col, field)) => {
            let taken =
                arrow_select::take::take(col.as_ref(), &UInt32Array::from(rows.to_vec()), None)
                    .map_err(arrow_error)?;
            Ok((
                taken,
                Field::new(field.name(), field.data_type().clone(), true),
            ))
        }
        None => {
            let mut b = UInt64Builder::with_capacity(rows.len());
            for &r in rows {
                b.append_value(first + u64::from(r));
            }
            Ok((
                Arc::new(b.finish()),
                Field::new(name, DataType::UInt64, false),
            ))
        }
    }
}

/// What a row's work gave: its result, or why it failed (a panic is caught as an error).
fn guarded<T>(f: impl FnOnce() -> Result<T, String>) -> Result<T, String> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(r) => r,
        Err(p) => Err(format!(
            "internal error: {}",
            p.downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| p.downcast_ref::<String>().cloned())
                .unwrap_or_default()
        )),
    }
}

fn cell(a: &StringArray, i: usize) -> Option<&str> {
    (!a.is_null(i)).then(|| a.value(i))
}

/// A batch of the columns given, each named.
fn batch_of(columns: Vec<(Field, ArrayRef)>) -> PyResult<RecordBatch> {
    let (fields, arrays): (Vec<Field>, Vec<ArrayRef>) = columns.into_iter().unzip();
    RecordBatch::try_new(Arc::new(Schema::new(fields)), arrays).map_err(arrow_error)
}

fn list_field(name: &str, array: &ArrayRef) -> Field {
    Field::new(name, array.data_type().clone(), false)
}

/// The output of a batch function: its batches as one table (the schema of the first, or of an
/// empty batch built the same way).
fn table_out(
    py: Python<'_>,
    batches: Vec<RecordBatch>,
    empty: RecordBatch,
) -> PyResult<Bound<'_, PyAny>> {
    let schema = batches
        .first()
        .map_or_else(|| empty.schema(), |b| b.schema());
    let batches = if batches.is_empty() {
        vec![empty]
    } else {
        batches
    };
    PyTable::try_new(batches, schema)?.into_pyarrow(py)
}

/// The id column of an empty output: the input's id field with no rows, when it has one.
fn empty_ids(schema: &Schema, id: Option<&str>) -> Option<(ArrayRef, Field)> {
    let (_, field) = schema.column_with_name(id?)?;
    Some((
        arrow_array::new_empty_array(field.data_type()),
        field.clone(),
    ))
}

/// The rows of a table's batches, numbered across the table: (batch, first row of the batch).
fn numbered(batches: &[RecordBatch]) -> Vec<(&RecordBatch, u64)> {
    let mut first = 0u64;
    batches
        .iter()
        .map(|b| {
            let at = first;
            first += b.num_rows() as u64;
            (b, at)
        })
        .collect()
}

/// `bitext.arrow.align`: one output row per bead.
#[pyfunction]
#[pyo3(signature = (table, id=Some("doc_id"), zh="zh", en="en", presegmented=false, paragraphs=true))]
fn arrow_align<'py>(
    py: Python<'py>,
    table: PyTable,
    id: Option<&str>,
    zh: &str,
    en: &str,
    presegmented: bool,
    paragraphs: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let options = AlignOptions {
        presegmented,
        paragraphs,
    };
    let id_name = id.unwrap_or("row");
    let (batches, schema) = table.into_inner();
    let out = py.detach(|| -> PyResult<Vec<RecordBatch>> {
        numbered(&batches)
            .into_iter()
            .map(|(batch, first)| {
                let ids = id.map(|n| id_column(batch, n)).transpose()?;
                let (zh_col, en_col) = (strings(batch, zh)?, strings(batch, en)?);
                let results: Vec<Result<Vec<bitext_io::Unit>, String>> = (0..batch.num_rows())
                    .into_par_iter()
                    .map(|i| {
                        guarded(|| {
                            let (Some(z), Some(e)) = (cell(&zh_col, i), cell(&en_col, i)) else {
                                return Err(format!(
                                    "row {}: {zh} or {en} is null",
                                    first + i as u64
                                ));
                            };
                            align_texts("zh", z, "en", e, options).map(|a| a.units)
                        })
                    })
                    .collect();
                align_batch(&ids, id_name, first, &results)
            })
            .collect()
    })?;
    let empty = align_batch(&empty_ids(&schema, id), id_name, 0, &[])?;
    table_out(py, out, empty)
}

fn align_batch(
    ids: &Option<(ArrayRef, Field)>,
    id_name: &str,
    first: u64,
    results: &[Result<Vec<bitext_io::Unit>, String>],
) -> PyResult<RecordBatch> {
    let mut rows = Vec::new();
    let mut zh_ids = ListBuilder::new(UInt32Builder::new());
    let mut en_ids = ListBuilder::new(UInt32Builder::new());
    let (mut kind, mut zh, mut en, mut error) = (
        StringBuilder::new(),
        StringBuilder::new(),
        StringBuilder::new(),
        StringBuilder::new(),
    );
    let mut confidence = Float32Builder::new();
    for (row, result) in results.iter().enumerate() {
        match result {
            Ok(units) => {
                for u in units {
                    let (z, e) = u.zh_en();
                    rows.push(row as u32);
                    for (b, side) in [(&mut zh_ids, z), (&mut en_ids, e)] {
                        for &k in &side.ids {
                            b.values().append_value(k as u32);
                        }
                        b.append(true);
                    }
                    kind.append_value(u.kind());
                    confidence.append_option(u.confidence.map(|c| (c * 1000.0).round() / 1000.0));
                    zh.append_value(z.joined());
                    en.append_value(e.joined());
                    error.append_null();
                }
            }
            Err(why) => {
                rows.push(row as u32);
                zh_ids.append(true);
                en_ids.append(true);
                kind.append_null();
                confidence.append_null();
                zh.append_null();
                en.append_null();
                error.append_value(why);
            }
        }
    }
    let (id_array, id_field) = ids_at(ids, id_name, &rows, first)?;
    let zh_ids: ArrayRef = Arc::new(zh_ids.finish());
    let en_ids: ArrayRef = Arc::new(en_ids.finish());
    batch_of(vec![
        (id_field, id_array),
        (list_field("zh_ids", &zh_ids), zh_ids),
        (list_field("en_ids", &en_ids), en_ids),
        (
            Field::new("kind", DataType::Utf8, true),
            Arc::new(kind.finish()),
        ),
        (
            Field::new("confidence", DataType::Float32, true),
            Arc::new(confidence.finish()),
        ),
        (
            Field::new("zh", DataType::Utf8, true),
            Arc::new(zh.finish()),
        ),
        (
            Field::new("en", DataType::Utf8, true),
            Arc::new(en.finish()),
        ),
        (
            Field::new("error", DataType::Utf8, true),
            Arc::new(error.finish()),
        ),
    ])
}

/// `bitext.arrow.segment`: one output row per sentence.
#[pyfunction]
#[pyo3(signature = (table, id=Some("doc_id"), text="text", lang=None, presegmented=false))]
fn arrow_segment<'py>(
    py: Python<'py>,
    table: PyTable,
    id: Option<&str>,
    text: &str,
    lang: Option<&str>,
    presegmented: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let fixed = match lang {
        None | Some("auto") => None,
        Some(l) => Some(crate::language(Some(l), "")?),
    };
    let id_name = id.unwrap_or("row");
    let (batches, schema) = table.into_inner();
    type Row = Result<(Vec<crate::Sentence>, bitext_core::Lang), String>;
    let out = py.detach(|| -> PyResult<Vec<RecordBatch>> {
        numbered(&batches)
            .into_iter()
            .map(|(batch, first)| {
                let ids = id.map(|n| id_column(batch, n)).transpose()?;
                let col = strings(batch, text)?;
                let results: Vec<Row> = (0..batch.num_rows())
                    .into_par_iter()
                    .map(|i| {
                        guarded(|| {
                            let t = cell(&col, i).ok_or_else(|| {
                                format!("row {}: {text} is null", first + i as u64)
                            })?;
                            let l = fixed.unwrap_or_else(|| bitext_core::Lang::detect(t));
                            Ok((sentences(t, l, presegmented), l))
                        })
                    })
                    .collect();
                segment_batch(&ids, id_name, first, &col, &results)
            })
            .collect()
    })?;
    let empty = segment_batch(
        &empty_ids(&schema, id),
        id_name,
        0,
        &StringArray::from(Vec::<&str>::new()),
        &[],
    )?;
    table_out(py, out, empty)
}

fn segment_batch(
    ids: &Option<(ArrayRef, Field)>,
    id_name: &str,
    first: u64,
    col: &StringArray,
    results: &[Result<(Vec<crate::Sentence>, bitext_core::Lang), String>],
) -> PyResult<RecordBatch> {
    let mut rows = Vec::new();
    let mut ints: Vec<UInt64Builder> = (0..6).map(|_| UInt64Builder::new()).collect();
    let (mut lang, mut sentence, mut error) = (
        StringBuilder::new(),
        StringBuilder::new(),
        StringBuilder::new(),
    );
    for (row, result) in results.iter().enumerate() {
        match result {
            Ok((found, l)) => {
                let t = col.value(row);
                for s in found {
                    rows.push(row as u32);
                    let values = [
                        s.index,
                        s.paragraph,
                        s.start,
                        s.end,
                        s.char_start,
                        s.char_end,
                    ];
                    for (b, v) in ints.iter_mut().zip(values) {
                        b.append_value(v as u64);
                    }
                    lang.append_value(l.as_str());
                    sentence.append_value(&t[s.start..s.end]);
                    error.append_null();
                }
            }
            Err(why) => {
                rows.push(row as u32);
                for b in &mut ints {
                    b.append_null();
                }
                lang.append_null();
                sentence.append_null();
                error.append_value(why);
            }
        }
    }
    let (id_array, id_field) = ids_at(ids, id_name, &rows, first)?;
    let mut columns = vec![(id_field, id_array)];
    let names = [
        "index",
        "paragraph",
        "start",
        "end",
        "char_start",
        "char_end",
    ];
    for (name, mut b) in names.into_iter().zip(ints) {
        columns.push((
            Field::new(name, DataType::UInt64, true),
            Arc::new(b.finish()) as ArrayRef,
        ));
    }
    columns.push((
        Field::new("lang", DataType::Utf8, true),
        Arc::new(lang.finish()),
    ));
    columns.push((
        Field::new("text", DataType::Utf8, true),
        Arc::new(sentence.finish()),
    ));
    columns.push((
        Field::new("error", DataType::Utf8, true),
        Arc::new(error.finish()),
    ));
    batch_of(columns)
}

/// `bitext.arrow.check`: one output row per finding.
#[pyfunction]
#[pyo3(signature = (table, checker, id=Some("doc_id"), zh=Some("zh"), en="en"))]
fn arrow_check<'py>(
    py: Python<'py>,
    table: PyTable,
    checker: PyRef<'py, PyChecker>,
    id: Option<&str>,
    zh: Option<&str>,
    en: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let id_name = id.unwrap_or("row");
    let (batches, schema) = table.into_inner();
    let checker: &PyChecker = &checker;
    let out = py.detach(|| -> PyResult<Vec<RecordBatch>> {
        numbered(&batches)
            .into_iter()
            .map(|(batch, first)| {
                let ids = id.map(|n| id_column(batch, n)).transpose()?;
                let zh_col = zh.map(|z| strings(batch, z)).transpose()?;
                let en_col = strings(batch, en)?;
                let results: Vec<Result<Vec<Diagnostic>, String>> = (0..batch.num_rows())
                    .into_par_iter()
                    .map(|i| {
                        guarded(|| {
                            let e = cell(&en_col, i)
                                .ok_or_else(|| format!("row {}: {en} is null", first + i as u64))?;
                            match zh_col.as_ref().and_then(|z| cell(z, i)) {
                                Some(z) => {
                                    let (doc, units) = aligned_pair("zh", z, "en", e)?;
                                    Ok(checker.with(|c| c.check(&[pair_doc(&doc, &units)])))
                                }
                                None => Ok(checker.with(|c| c.check(&[Doc::english("en", e, 0)]))),
                            }
                        })
                    })
                    .collect();
                check_batch(&ids, id_name, first, &results)
            })
            .collect()
    })?;
    let empty = check_batch(&empty_ids(&schema, id), id_name, 0, &[])?;
    table_out(py, out, empty)
}

fn check_batch(
    ids: &Option<(ArrayRef, Field)>,
    id_name: &str,
    first: u64,
    results: &[Result<Vec<Diagnostic>, String>],
) -> PyResult<RecordBatch> {
    let mut rows = Vec::new();
    let mut texts: Vec<StringBuilder> = (0..7).map(|_| StringBuilder::new()).collect();
    let mut ints: Vec<UInt64Builder> = (0..4).map(|_| UInt64Builder::new()).collect();
    let mut confidence = Float32Builder::new();
    let mut error = StringBuilder::new();
    for (row, result) in results.iter().enumerate() {
        match result {
            Ok(found) => {
                for f in found {
                    rows.push(row as u32);
                    let json = serde_json::to_string(f)
                        .map_err(|e| PyValueError::new_err(e.to_string()))?;
                    let values = [
                        f.rule,
                        f.severity.as_str(),
                        &f.found,
                        &f.expected,
                        &f.term,
                        &f.message,
                        &json,
                    ];
                    for (b, v) in texts.iter_mut().zip(values) {
                        b.append_value(v);
                    }
                    for (b, v) in ints
                        .iter_mut()
                        .zip([f.line, f.column, f.span[0], f.span[1]])
                    {
                        b.append_value(v as u64);
                    }
                    confidence.append_option(f.confidence.map(|c| f32::from(c) / 100.0));
                    error.append_null();
                }
            }
            Err(why) => {
                rows.push(row as u32);
                for b in &mut texts {
                    b.append_null();
                }
                for b in &mut ints {
                    b.append_null();
                }
                confidence.append_null();
                error.append_value(why);
            }
        }
    }
    let (id_array, id_field) = ids_at(ids, id_name, &rows, first)?;
    let mut columns = vec![(id_field, id_array)];
    let mut texts = texts.into_iter();
    let mut text_col = |name: &str| {
        let mut b = texts.next().expect("seven text columns");
        (
            Field::new(name, DataType::Utf8, true),
            Arc::new(b.finish()) as ArrayRef,
        )
    };
    columns.push(text_col("rule"));
    columns.push(text_col("severity"));
    let mut ints = ints.into_iter();
    for name in ["line", "column", "start", "end"] {
        let mut b = ints.next().expect("four integer columns");
        columns.push((
            Field::new(name, DataType::UInt64, true),
            Arc::new(b.finish()),
        ));
    }
    for name in ["found", "expected", "term", "message", "json"] {
        columns.push(text_col(name));
    }
    columns.push((
        Field::new("confidence", DataType::Float32, true),
        Arc::new(confidence.finish()),
    ));
    columns.push((
        Field::new("error", DataType::Utf8, true),
        Arc::new(error.finish()),
    ));
    batch_of(columns)
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(arrow_align, m)?)?;
    m.add_function(wrap_pyfunction!(arrow_segment, m)?)?;
    m.add_function(wrap_pyfunction!(arrow_check, m)?)?;
    Ok(())
}
