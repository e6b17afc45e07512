//! `bitext` in Python: the library code of the command line behind a small API.
//!
//! - `segment`: sentences with byte and character offsets;
//! - `Aligner`: two documents (or two lists of sentences) to beads, as `bitext align`;
//! - `read` and `write`: every bilingual format the command line reads, TMX/XLIFF/JSONL/TSV
//!   out, byte for byte what `bitext export` writes;
//! - `PyGlossary` and `PyChecker`: the findings of `bitext check --format json`, as dicts;
//! - `arrow`: the same over Arrow tables, many rows at once, the GIL released.
//!
//! Nothing here is a second implementation: reading, segmenting, aligning and checking are the
//! workspace crates' functions, called as the binary calls them.

use std::path::{Path, PathBuf};

use pyo3::exceptions::{PyFileExistsError, PyOSError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyList, PyTuple};

mod arrow;
mod check;

#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

pub(crate) use check::{PyChecker, PyGlossary};

/// A bead of an alignment, or a unit of a bilingual file: two sides (`a`, the source or the
/// Chinese; `b`), with what the reader or the aligner knows of them.
#[pyclass(module = "bitext", name = "Unit", frozen)]
#[derive(Clone)]
pub(crate) struct PyUnit {
    pub(crate) inner: bitext_io::Unit,
}

#[pymethods]
impl PyUnit {
    /// `"1-2"`: how many sentences each side has, the Chinese side first.
    #[getter]
    fn kind(&self) -> String {
        self.inner.kind()
    }

    /// The aligner's confidence in [0, 1]; `None` for units read from a file that gives none.
    #[getter]
    fn confidence(&self) -> Option<f32> {
        self.inner.confidence
    }

    /// 0-based ids of the Chinese sentences in their document.
    #[getter]
    fn zh_ids(&self) -> Vec<usize> {
        self.inner.zh_en().0.ids.clone()
    }

    /// 0-based ids of the English (other language's) sentences in their document.
    #[getter]
    fn en_ids(&self) -> Vec<usize> {
        self.inner.zh_en().1.ids.clone()
    }

    /// The Chinese side's text, its sentences joined.
    #[getter]
    fn zh(&self) -> String {
        self.inner.zh_en().0.joined()
    }

    /// The other side's text, its sentences joined by spaces.
    #[getter]
    fn en(&self) -> String {
        self.inner.zh_en().1.joined()
    }

    /// The Chinese side's sentences.
    #[getter]
    fn zh_sentences(&self) -> Vec<String> {
        self.inner.zh_en().0.text.clone()
    }

    /// The other side's sentences.
    #[getter]
    fn en_sentences(&self) -> Vec<String> {
        self.inner.zh_en().1.text.clone()
    }

    /// The unit's id in its file (`<trans-unit id>`, `tuid`, a PO entry's context), if any.
    #[getter]
    fn id(&self) -> Option<String> {
        self.inner.id.clone()
    }

    /// The target's state in its file (XLIFF `state`, PO `fuzzy`), if any.
    #[getter]
    fn state(&self) -> Option<String> {
        self.inner.state.clone()
    }

    /// Notes and comments of the unit in its file.
    #[getter]
    fn notes(&self) -> Vec<String> {
        self.inner.notes.clone()
    }

    /// The unit as one line of `bitext align --format jsonl` / `bitext export --format jsonl`.
    fn to_json(&self) -> String {
        bitext_io::jsonl::write(std::slice::from_ref(&self.inner))
            .trim_end()
            .to_owned()
    }

    /// The unit as the dict of its JSONL line (`a`, `b`: `lang`, `ids`, `spans`, `text`;
    /// `kind`, `confidence`).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py.import("json")?.call_method1("loads", (self.to_json(),))
    }

    fn __repr__(&self) -> String {
        let conf = self
            .inner
            .confidence
            .map_or(String::new(), |c| format!(", confidence={c:.3}"));
        format!(
            "Unit(kind={:?}, zh={:?}, en={:?}{conf})",
            self.kind(),
            self.zh(),
            self.en()
        )
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let from_json = py.import("bitext")?.getattr("_unit_from_json")?;
        (from_json, (slf.get().to_json(),)).into_pyobject(py)
    }
}

/// A unit from its JSONL line (what pickling a `PyUnit` stores).
#[pyfunction]
fn _unit_from_json(line: &str) -> PyResult<PyUnit> {
    let units = bitext_io::jsonl::read(line).map_err(|e| PyValueError::new_err(e.to_string()))?;
    units
        .into_iter()
        .next()
        .map(|inner| PyUnit { inner })
        .ok_or_else(|| PyValueError::new_err("no unit in this JSON line"))
}

/// A language argument: `"zh"`, `"en"` or `None` (told from the text).
fn language(lang: Option<&str>, text: &str) -> PyResult<bitext_core::Lang> {
    match lang {
        None | Some("auto") => Ok(bitext_core::Lang::detect(text)),
        Some("zh") => Ok(bitext_core::Lang::Zh),
        Some("en") => Ok(bitext_core::Lang::En),
        Some(other) => Err(PyValueError::new_err(format!(
            "lang must be \"zh\", \"en\" or None, not {other:?}"
        ))),
    }
}

/// One sentence of `segment`.
pub(crate) struct Sentence {
    pub index: usize,
    pub paragraph: usize,
    pub start: usize,
    pub end: usize,
    pub char_start: usize,
    pub char_end: usize,
}

/// The sentences of `text` in `lang` (`bitext segment`), with character offsets beside the byte
/// offsets (the segments come in order, so the characters are counted once).
pub(crate) fn sentences(text: &str, lang: bitext_core::Lang, presegmented: bool) -> Vec<Sentence> {
    let segs = if presegmented {
        bitext_segment::one_per_line(text)
    } else {
        bitext_segment::segment(text, lang)
    };
    let (mut byte, mut chars) = (0usize, 0usize);
    let mut count_to = |at: usize| {
        chars += text[byte..at].chars().count();
        byte = at;
        chars
    };
    segs.iter()
        .map(|s| {
            let char_start = count_to(s.span.start);
            let char_end = count_to(s.span.end);
            Sentence {
                index: s.index,
                paragraph: s.paragraph,
                start: s.span.start,
                end: s.span.end,
                char_start,
                char_end,
            }
        })
        .collect()
}

/// Cuts `text` into sentences, as `bitext segment` does.
///
/// Returns a list of dicts: `index`, `paragraph`, `start` and `end` (byte offsets in the UTF-8
/// text), `char_start` and `char_end` (offsets in the Python string), `text`. `lang` is `"zh"`,
/// `"en"` or `None` to tell from the text; `presegmented=True` takes each line as a sentence.
#[pyfunction]
#[pyo3(signature = (text, lang=None, presegmented=false))]
fn segment<'py>(
    py: Python<'py>,
    text: &str,
    lang: Option<&str>,
    presegmented: bool,
) -> PyResult<Bound<'py, PyList>> {
    let lang = language(lang, text)?;
    let found = py.detach(|| sentences(text, lang, presegmented));
    let rows = PyList::empty(py);
    for s in found {
        let d = pyo3::types::PyDict::new(py);
        d.set_item("index", s.index)?;
        d.set_item("paragraph", s.paragraph)?;
        d.set_item("start", s.start)?;
        d.set_item("end", s.end)?;
        d.set_item("char_start", s.char_start)?;
        d.set_item("char_end", s.char_end)?;
        d.set_item("text", &text[s.start..s.end])?;
        rows.append(d)?;
    }
    Ok(rows)
}

/// How a pair is aligned: the options of `bitext align`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct AlignOptions {
    pub presegmented: bool,
    pub paragraphs: bool,
}

/// Aligns two texts as `bitext align ZH EN` aligns two files named `zh_name` and `en_name`.
pub(crate) fn align_texts(
    zh_name: &str,
    zh: &str,
    en_name: &str,
    en: &str,
    options: AlignOptions,
) -> Result<bitext_align::pair::AlignedPair, String> {
    let a = bitext_core::Document::from_bytes(zh_name, zh.as_bytes()).map_err(|e| e.to_string())?;
    let b = bitext_core::Document::from_bytes(en_name, en.as_bytes()).map_err(|e| e.to_string())?;
    let options = bitext_align::pair::PairOptions {
        presegmented: options.presegmented,
        paragraphs: options.paragraphs,
    };
    Ok(bitext_align::pair::align_documents(&a, &b, &options))
}

/// A text argument: a string, or a list of sentences (then one a line, presegmented).
fn text_or_sentences(value: &Bound<'_, PyAny>) -> PyResult<(String, bool)> {
    if let Ok(s) = value.extract::<String>() {
        return Ok((s, false));
    }
    let lines: Vec<String> = value.extract().map_err(|_| {
        PyValueError::new_err("expected a string, or a list of sentences (strings)")
    })?;
    if let Some(l) = lines.iter().find(|l| l.contains('\n')) {
        return Err(PyValueError::new_err(format!(
            "a sentence of the list holds a line break: {:?}",
            l.chars().take(60).collect::<String>()
        )));
    }
    Ok((lines.join("\n"), true))
}

/// Aligns Chinese documents with their English translations, as `bitext align` does: CC-CEDICT
/// and jieba (loaded once per process, the first time), numbers, names and punctuation.
///
/// `presegmented=True` takes each line as one sentence; `paragraphs=False` ignores blank lines.
/// An `Aligner` pickles as its options: Ray actors, Spark executors and Dask workers rebuild it.
#[pyclass(module = "bitext", name = "Aligner", frozen)]
#[derive(Clone)]
pub(crate) struct Aligner {
    options: AlignOptions,
}

#[pymethods]
impl Aligner {
    #[new]
    #[pyo3(signature = (*, presegmented=false, paragraphs=true))]
    fn new(presegmented: bool, paragraphs: bool) -> Self {
        Aligner {
            options: AlignOptions {
                presegmented,
                paragraphs,
            },
        }
    }

    /// Aligns `zh` with `en` (each a string, or a list of sentences) and returns the beads, each
    /// a `Unit` (`zh_ids`, `en_ids`, `kind`, `confidence`, `zh`, `en`). `zh_name` and `en_name`
    /// name the documents in the beads (`bitext align`'s JSONL gives the paths).
    #[pyo3(signature = (zh, en, presegmented=None, zh_name="zh", en_name="en"))]
    fn align(
        &self,
        py: Python<'_>,
        zh: &Bound<'_, PyAny>,
        en: &Bound<'_, PyAny>,
        presegmented: Option<bool>,
        zh_name: &str,
        en_name: &str,
    ) -> PyResult<Vec<PyUnit>> {
        let (zh, zh_list) = text_or_sentences(zh)?;
        let (en, en_list) = text_or_sentences(en)?;
        let mut options = self.options;
        options.presegmented = presegmented.unwrap_or(options.presegmented) || zh_list || en_list;
        let aligned = py
            .detach(|| align_texts(zh_name, &zh, en_name, &en, options))
            .map_err(PyValueError::new_err)?;
        Ok(aligned
            .units
            .into_iter()
            .map(|inner| PyUnit { inner })
            .collect())
    }

    #[getter]
    fn presegmented(&self) -> bool {
        self.options.presegmented
    }

    #[getter]
    fn paragraphs(&self) -> bool {
        self.options.paragraphs
    }

    fn __repr__(&self) -> String {
        format!(
            "Aligner(presegmented={}, paragraphs={})",
            py_bool(self.options.presegmented),
            py_bool(self.options.paragraphs)
        )
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let o = slf.get().options;
        let cls = py.import("bitext")?.getattr("_aligner")?;
        (cls, (o.presegmented, o.paragraphs)).into_pyobject(py)
    }
}

fn py_bool(b: bool) -> &'static str {
    if b {
        "True"
    } else {
        "False"
    }
}

/// An aligner from its options (what pickling an `Aligner` stores).
#[pyfunction]
fn _aligner(presegmented: bool, paragraphs: bool) -> Aligner {
    Aligner::new(presegmented, paragraphs)
}

/// The language pair asked for.
fn langs(source_lang: Option<String>, target_lang: Option<String>) -> bitext_io::Langs {
    bitext_io::Langs {
        a: source_lang,
        b: target_lang,
    }
}

/// An error of a reader, placed in its file.
fn reader_error(path: &Path, e: &bitext_io::Error) -> PyErr {
    PyValueError::new_err(format!(
        "{}:{}:{}: {}",
        path.display(),
        e.line,
        e.column,
        e.message
    ))
}

/// Reads a bilingual file (TMX, XLIFF 1.2/2.x, PO, bitext's JSONL or TSV; the format from its
/// content, then its extension) as `bitext export` does, and returns its units.
///
/// `source_lang` and `target_lang` choose the languages of a multilingual file (`zh` matches
/// `zh-CN`, `zh-Hans` …); by default the file's source and target.
#[pyfunction]
#[pyo3(signature = (path, source_lang=None, target_lang=None))]
fn read(
    py: Python<'_>,
    path: PathBuf,
    source_lang: Option<String>,
    target_lang: Option<String>,
) -> PyResult<Vec<PyUnit>> {
    let langs = langs(source_lang, target_lang);
    let units = py.detach(|| -> PyResult<Vec<bitext_io::Unit>> {
        let doc =
            bitext_core::Document::read(&path).map_err(|e| PyOSError::new_err(e.to_string()))?;
        let ext = path.extension().and_then(|e| e.to_str());
        let mut units = bitext_io::read_file_text(ext, doc.text(), &langs)
            .map_err(|e| reader_error(&path, &e))?;
        langs.orient(&mut units);
        Ok(units)
    })?;
    Ok(units.into_iter().map(|inner| PyUnit { inner }).collect())
}

/// Writes units (from `read` or `Aligner.align`) in `format`: `"tmx"`, `"xliff"`
/// (1.2), `"xliff2"`, `"jsonl"` or `"tsv"`; the bytes `bitext export`/`bitext align` write.
/// Returns the text, or writes it to `path` (never over an existing file unless
/// `overwrite=True`). TMX leaves out beads with an empty side unless `keep_unmatched=True`;
/// its languages are `zh_lang` and `en_lang`; its date is now or `SOURCE_DATE_EPOCH`.
#[pyfunction]
#[pyo3(signature = (units, format="jsonl", path=None, *, overwrite=false, keep_unmatched=false, zh_lang="zh-CN", en_lang="en"))]
#[allow(clippy::too_many_arguments)]
fn write(
    py: Python<'_>,
    units: Vec<PyRef<'_, PyUnit>>,
    format: &str,
    path: Option<PathBuf>,
    overwrite: bool,
    keep_unmatched: bool,
    zh_lang: &str,
    en_lang: &str,
) -> PyResult<Option<String>> {
    let units: Vec<bitext_io::Unit> = units.iter().map(|u| u.inner.clone()).collect();
    let text = py.detach(|| -> PyResult<String> {
        let original = || {
            units
                .iter()
                .find_map(|u| u.a.doc.clone())
                .unwrap_or_else(|| "bitext".into())
        };
        Ok(match format {
            "jsonl" => bitext_io::jsonl::write(&units),
            "tsv" => bitext_io::tsv::write(&units),
            "xliff" => bitext_io::xliff::write(&units, &original()).xml,
            "xliff2" => bitext_io::xliff::write2(&units, &original()).xml,
            "tmx" => {
                let mut o = bitext_io::tmx::WriteOptions::new(&bitext_io::tmx::creation_date());
                o.zh_lang = zh_lang.to_owned();
                o.en_lang = en_lang.to_owned();
                o.keep_unmatched = keep_unmatched;
                bitext_io::tmx::write(&units, &o).xml
            }
            other => {
                return Err(PyValueError::new_err(format!(
                    "format must be tmx, xliff, xliff2, jsonl or tsv, not {other:?}"
                )))
            }
        })
    })?;
    match path {
        None => Ok(Some(text)),
        Some(path) => {
            write_new(&path, text.as_bytes(), overwrite)?;
            Ok(None)
        }
    }
}

/// Writes a file whole (a temporary file renamed over it), refusing to replace one that exists
/// unless `overwrite`.
pub(crate) fn write_new(path: &Path, bytes: &[u8], overwrite: bool) -> PyResult<()> {
    if !overwrite && path.exists() {
        return Err(PyFileExistsError::new_err(format!(
            "{} exists (overwrite=True replaces it)",
            path.display()
        )));
    }
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    std::fs::write(&tmp, bytes)
        .and_then(|()| std::fs::rename(&tmp, path))
        .map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            PyOSError::new_err(format!("cannot write {}: {e}", path.display()))
        })
}

/// The formats `read` takes, as `(name, extensions)`.
#[pyfunction]
fn formats() -> Vec<(&'static str, Vec<&'static str>)> {
    bitext_io::FORMATS
        .iter()
        .map(|f| (f.name, f.extensions.to_vec()))
        .collect()
}

#[pymodule]
fn _bitext(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_class::<PyUnit>()?;
    m.add_class::<Aligner>()?;
    m.add_class::<PyGlossary>()?;
    m.add_class::<PyChecker>()?;
    m.add_function(wrap_pyfunction!(segment, m)?)?;
    m.add_function(wrap_pyfunction!(read, m)?)?;
    m.add_function(wrap_pyfunction!(write, m)?)?;
    m.add_function(wrap_pyfunction!(formats, m)?)?;
    m.add_function(wrap_pyfunction!(_unit_from_json, m)?)?;
    m.add_function(wrap_pyfunction!(_aligner, m)?)?;
    check::register(m)?;
    arrow::register(m)?;
    Ok(())
}
