//! Glossaries and the checker: the findings of `bitext check --format json`, as dicts.

use std::path::PathBuf;
use std::sync::Arc;

use bitext_check::{Checker, Diagnostic, Doc};
use bitext_glossary::Glossary;
use pyo3::exceptions::{PyOSError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyList, PyTuple};

use crate::{align_texts, AlignOptions, PyUnit};

/// A term base: TOML glossary files (`bitext glossary` reads and writes them).
///
/// `Glossary.load(path)` reads a file or every `*.toml` of a directory; `Glossary.from_toml`
/// parses a text. A glossary pickles as the texts of its files.
#[pyclass(module = "bitext", name = "Glossary", frozen)]
pub(crate) struct PyGlossary {
    files: Vec<(PathBuf, String)>,
    pub(crate) inner: Arc<Glossary>,
}

fn glossary_error(e: bitext_glossary::Error) -> PyErr {
    match e {
        bitext_glossary::Error::Io { .. } => PyOSError::new_err(e.to_string()),
        _ => PyValueError::new_err(e.to_string()),
    }
}

impl PyGlossary {
    fn from_files(files: Vec<(PathBuf, String)>) -> PyResult<PyGlossary> {
        let inner = Arc::new(Glossary::from_texts(&files).map_err(glossary_error)?);
        Ok(PyGlossary { files, inner })
    }
}

#[pymethods]
impl PyGlossary {
    /// Reads a glossary file, or every `*.toml` file of a directory.
    #[staticmethod]
    fn load(path: PathBuf) -> PyResult<PyGlossary> {
        PyGlossary::from_files(Glossary::read_files(&path).map_err(glossary_error)?)
    }

    /// Parses the text of a glossary file (`name` is used in error messages).
    #[staticmethod]
    #[pyo3(signature = (text, name="glossary.toml"))]
    fn from_toml(text: String, name: &str) -> PyResult<PyGlossary> {
        PyGlossary::from_files(vec![(PathBuf::from(name), text)])
    }

    /// How many concepts the glossary has.
    fn __len__(&self) -> usize {
        self.inner.concepts.len()
    }

    /// The concepts' ids, in the order of the files.
    fn ids(&self) -> Vec<String> {
        self.inner.concepts.iter().map(|c| c.id.clone()).collect()
    }

    fn __repr__(&self) -> String {
        format!("Glossary({} concepts)", self.inner.concepts.len())
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let files: Vec<(String, String)> = slf
            .get()
            .files
            .iter()
            .map(|(p, t)| (p.display().to_string(), t.clone()))
            .collect();
        let f = py.import("bitext")?.getattr("_glossary")?;
        (f, (files,)).into_pyobject(py)
    }
}

/// A glossary from its files' texts (what pickling a `PyGlossary` stores).
#[pyfunction]
fn _glossary(files: Vec<(String, String)>) -> PyResult<PyGlossary> {
    PyGlossary::from_files(
        files
            .into_iter()
            .map(|(p, t)| (PathBuf::from(p), t))
            .collect(),
    )
}

self_cell::self_cell!(
    /// A checker and the glossary it compiled, held together.
    struct OwnedChecker {
        owner: Arc<Glossary>,
        #[not_covariant]
        dependent: Checker,
    }
);

/// How a checker was made: what pickling stores.
#[derive(Clone)]
struct Settings {
    select: Option<Vec<String>>,
    ignore: Vec<String>,
    min_confidence: Option<f64>,
    each_empty_target: bool,
}

/// Checks English texts, translations and bilingual files with the rules of `bitext check`.
///
/// `select` names the rules to run (default: every rule on by default), `ignore` rules to leave
/// out, `min_confidence` (0 to 1, default 0.5) the threshold of the bilingual rules,
/// `each_empty_target=True` lists every untranslated unit (by default a file with more than ten
/// gets one finding that counts them). Every
/// method returns findings as dicts: the objects of `bitext check --format json`'s `findings`
/// (`rule`, `severity`, `path`, `line`, `column`, `span`, `found`, `expected`, `message`,
/// `confidence` …), sorted by place.
#[pyclass(module = "bitext", name = "Checker", frozen)]
pub(crate) struct PyChecker {
    glossary: Py<PyGlossary>,
    settings: Settings,
    checker: OwnedChecker,
}

impl PyChecker {
    fn build(glossary: Py<PyGlossary>, settings: Settings, py: Python<'_>) -> PyResult<PyChecker> {
        let ignore: Vec<&str> = settings.ignore.iter().map(String::as_str).collect();
        let rules =
            bitext_check::rules::enabled(settings.select.as_deref(), &ignore).map_err(|id| {
                PyValueError::new_err(format!("unknown rule `{id}` (bitext.rules() lists them)"))
            })?;
        let min = match settings.min_confidence {
            None => None,
            Some(c) if (0.0..=1.0).contains(&c) => Some((c * 100.0).round() as u8),
            Some(c) => {
                return Err(PyValueError::new_err(format!(
                    "min_confidence must be between 0 and 1, not {c}"
                )))
            }
        };
        let owner = glossary.get().inner.clone();
        let each_empty = settings.each_empty_target;
        let checker = py.detach(|| {
            OwnedChecker::new(owner, |g| {
                let mut c = Checker::new(g);
                c.select(&rules).expect("rule ids checked above");
                if let Some(m) = min {
                    c.min_confidence(m);
                }
                c.each_empty_target(each_empty);
                c
            })
        });
        Ok(PyChecker {
            glossary,
            settings,
            checker,
        })
    }

    /// Runs the checker on documents made by `docs` (whose texts it borrows), the GIL released.
    pub(crate) fn run<T: Send + Sync>(
        &self,
        py: Python<'_>,
        inputs: &T,
        docs: impl Fn(&T) -> Vec<Doc<'_>> + Send + Sync,
    ) -> Vec<Diagnostic> {
        py.detach(|| {
            self.checker
                .with_dependent(|_, checker| checker.check(&docs(inputs)))
        })
    }

    /// Checks with the checker, outside any Python call (the Arrow functions, on their threads).
    pub(crate) fn with<R>(&self, f: impl FnOnce(&Checker) -> R) -> R {
        self.checker.with_dependent(|_, checker| f(checker))
    }
}

/// Findings as the dicts of the command line's JSON.
pub(crate) fn dicts<'py>(py: Python<'py>, findings: &[Diagnostic]) -> PyResult<Bound<'py, PyList>> {
    let loads = py.import("json")?.getattr("loads")?;
    let out = PyList::empty(py);
    for f in findings {
        let json = serde_json::to_string(f).map_err(|e| PyValueError::new_err(e.to_string()))?;
        out.append(loads.call1((json,))?)?;
    }
    Ok(out)
}

/// The document a checked file gives, as `bitext check FILE` reads it: a bilingual file's units,
/// or an English text; `None` for a Chinese text alone.
pub(crate) enum Read {
    Units {
        doc: bitext_core::Document,
        units: Vec<bitext_io::Unit>,
        format: &'static str,
    },
    English(bitext_core::Document),
    Chinese,
}

pub(crate) fn read_checked(doc: bitext_core::Document, ext: Option<&str>) -> Result<Read, String> {
    let langs = bitext_io::Langs::zh_en();
    let format = bitext_io::detect(ext, doc.text()).filter(|_| ext != Some("txt"));
    Ok(match format {
        Some(format) => {
            let units = (format.read)(doc.text(), &langs)
                .map_err(|e| format!("{}:{}:{}: {}", doc.name, e.line, e.column, e.message))?;
            Read::Units {
                doc,
                units,
                format: format.name,
            }
        }
        None if bitext_core::Lang::detect(doc.text()) == bitext_core::Lang::En => {
            Read::English(doc)
        }
        None => Read::Chinese,
    })
}

pub(crate) fn read_doc(read: &Read) -> Option<Doc<'_>> {
    match read {
        Read::Units { doc, units, format } => Some(bitext_check::units::file_doc(
            &doc.name,
            doc.text(),
            doc.decoded.offset_base,
            units,
            format,
        )),
        Read::English(doc) => Some(Doc::english(&doc.name, doc.text(), doc.decoded.offset_base)),
        Read::Chinese => None,
    }
}

/// Aligns a pair and returns what its check needs: the English document and the units.
pub(crate) fn aligned_pair(
    zh_name: &str,
    zh: &str,
    en_name: &str,
    en: &str,
) -> Result<(bitext_core::Document, Vec<bitext_io::Unit>), String> {
    let options = AlignOptions {
        presegmented: false,
        paragraphs: true,
    };
    let aligned = align_texts(zh_name, zh, en_name, en, options)?;
    let doc =
        bitext_core::Document::from_bytes(en_name, en.as_bytes()).map_err(|e| e.to_string())?;
    Ok((doc, aligned.units))
}

pub(crate) fn pair_doc<'a>(doc: &'a bitext_core::Document, units: &[bitext_io::Unit]) -> Doc<'a> {
    bitext_check::units::pair_doc(&doc.name, doc.text(), doc.decoded.offset_base, units)
}

#[pymethods]
impl PyChecker {
    #[new]
    #[pyo3(signature = (glossary=None, *, select=None, ignore=None, min_confidence=None, each_empty_target=false))]
    fn new(
        py: Python<'_>,
        glossary: Option<Py<PyGlossary>>,
        select: Option<Vec<String>>,
        ignore: Option<Vec<String>>,
        min_confidence: Option<f64>,
        each_empty_target: bool,
    ) -> PyResult<PyChecker> {
        let glossary = match glossary {
            Some(g) => g,
            None => Py::new(py, PyGlossary::from_files(Vec::new())?)?,
        };
        let settings = Settings {
            select,
            ignore: ignore.unwrap_or_default(),
            min_confidence,
            each_empty_target,
        };
        PyChecker::build(glossary, settings, py)
    }

    /// Checks an English text (`path` names it in the findings).
    #[pyo3(signature = (text, path="<text>"))]
    fn check_text<'py>(
        &self,
        py: Python<'py>,
        text: &str,
        path: &str,
    ) -> PyResult<Bound<'py, PyList>> {
        let doc = bitext_core::Document::from_bytes(path, text.as_bytes())
            .map_err(|e| PyValueError::new_err(e.to_string()))?;
        let found = self.run(py, &doc, |d| {
            vec![Doc::english(&d.name, d.text(), d.decoded.offset_base)]
        });
        dicts(py, &found)
    }

    /// Checks an English translation with its Chinese source: aligned first, as
    /// `bitext check --pair ZH EN` does; findings are placed in the English (`en_path`).
    #[pyo3(signature = (zh, en, zh_path="zh", en_path="en"))]
    fn check_pair<'py>(
        &self,
        py: Python<'py>,
        zh: &str,
        en: &str,
        zh_path: &str,
        en_path: &str,
    ) -> PyResult<Bound<'py, PyList>> {
        let (doc, units) = py
            .detach(|| aligned_pair(zh_path, zh, en_path, en))
            .map_err(PyValueError::new_err)?;
        let inputs = (doc, units);
        let found = self.run(py, &inputs, |(d, u)| vec![pair_doc(d, u)]);
        dicts(py, &found)
    }

    /// Checks units (from `bitext.read` or `Aligner.align`) as `bitext check` checks their
    /// JSONL file: findings are placed in that JSONL text (named `path`).
    #[pyo3(signature = (units, path="<units>"))]
    fn check_units<'py>(
        &self,
        py: Python<'py>,
        units: Vec<PyRef<'_, PyUnit>>,
        path: &str,
    ) -> PyResult<Bound<'py, PyList>> {
        let units: Vec<bitext_io::Unit> = units.iter().map(|u| u.inner.clone()).collect();
        let text = bitext_io::jsonl::write(&units);
        let doc = bitext_core::Document::from_bytes(path, text.as_bytes())
            .map_err(|e| PyValueError::new_err(e.to_string()))?;
        let read = read_checked(doc, Some("jsonl")).map_err(PyValueError::new_err)?;
        let found = self.run(py, &read, |r| read_doc(r).into_iter().collect());
        dicts(py, &found)
    }

    /// Checks a file as `bitext check FILE` does: a bilingual file (TMX, XLIFF, PO, JSONL,
    /// TSV) or an English text. A Chinese text alone has nothing to be checked against.
    fn check_file<'py>(&self, py: Python<'py>, path: PathBuf) -> PyResult<Bound<'py, PyList>> {
        let read = py.detach(|| -> PyResult<Read> {
            let doc = bitext_core::Document::read(&path)
                .map_err(|e| PyOSError::new_err(e.to_string()))?;
            read_checked(doc, path.extension().and_then(|e| e.to_str()))
                .map_err(PyValueError::new_err)
        })?;
        if matches!(read, Read::Chinese) {
            return Err(PyValueError::new_err(format!(
                "{}: a Chinese document alone: check_pair(zh, en) checks a translation of it",
                path.display()
            )));
        }
        let found = self.run(py, &read, |r| read_doc(r).into_iter().collect());
        dicts(py, &found)
    }

    #[getter]
    fn glossary(&self, py: Python<'_>) -> Py<PyGlossary> {
        self.glossary.clone_ref(py)
    }

    fn __repr__(&self) -> String {
        format!(
            "Checker({} concepts, select={:?}, ignore={:?})",
            self.glossary.get().inner.concepts.len(),
            self.settings.select,
            self.settings.ignore
        )
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let me = slf.get();
        let f = py.import("bitext")?.getattr("_checker")?;
        (
            f,
            (
                me.glossary.clone_ref(py),
                me.settings.select.clone(),
                me.settings.ignore.clone(),
                me.settings.min_confidence,
                me.settings.each_empty_target,
            ),
        )
            .into_pyobject(py)
    }
}

/// A checker from its settings (what pickling a `PyChecker` stores).
#[pyfunction]
#[pyo3(signature = (glossary, select, ignore, min_confidence, each_empty_target=false))]
fn _checker(
    py: Python<'_>,
    glossary: Py<PyGlossary>,
    select: Option<Vec<String>>,
    ignore: Vec<String>,
    min_confidence: Option<f64>,
    each_empty_target: bool,
) -> PyResult<PyChecker> {
    let settings = Settings {
        select,
        ignore,
        min_confidence,
        each_empty_target,
    };
    PyChecker::build(glossary, settings, py)
}

/// The rules, as `(id, severity, on_by_default, summary)`.
#[pyfunction]
fn rules() -> Vec<(&'static str, String, bool, &'static str)> {
    bitext_check::rules::all()
        .map(|r| {
            (
                r.id,
                r.severity.as_str().to_owned(),
                r.on_by_default(),
                r.summary,
            )
        })
        .collect()
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(_glossary, m)?)?;
    m.add_function(wrap_pyfunction!(_checker, m)?)?;
    m.add_function(wrap_pyfunction!(rules, m)?)?;
    Ok(())
}
