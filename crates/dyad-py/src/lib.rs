//! The native half of the `dyad` Python package (`dyad._dyad`): analysis of one page into a
//! `dyad.article/1` record, batches analysed off the GIL into Arrow-layout columns, and
//! items read from containers (WARC, feeds, JSONL). `python/dyad/__init__.py` wraps these in
//! the public API.

mod columns;
mod input;
mod tables;

use std::path::Path;
use std::sync::Mutex;

use dyad_pipeline::{analyze, Options, Origin};
use dyad_source::{Item, Items, SourceError};
use pyo3::create_exception;
use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyTuple};

use columns::Exported;
use input::{Failure, Input};
use tables::{Articles, Events};

/// The module's Rust allocations go through mimalloc, as in the `dyad` binary: the analysis
/// allocates many small, short-lived strings and vectors.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

create_exception!(
    _dyad,
    AnalyzeError,
    PyValueError,
    "A page that could not be analysed: empty, binary, or without article text."
);

/// Analyses one page (HTML or text, `str` or `bytes`) and returns its record as JSON.
#[pyfunction]
#[pyo3(signature = (page, url=None, date=None, path=None))]
fn analyze_json(
    py: Python<'_>,
    page: &Bound<'_, PyAny>,
    url: Option<String>,
    date: Option<String>,
    path: Option<String>,
) -> PyResult<String> {
    let bytes = input::page_bytes(page)?;
    let origin = Origin {
        path,
        url,
        published: date,
        ..Origin::default()
    };
    let rec = py
        .detach(|| analyze(&bytes, origin, &Options::default()))
        .map_err(|e| AnalyzeError::new_err(e.to_string()))?;
    serde_json::to_string(&rec).map_err(|e| PyRuntimeError::new_err(e.to_string()))
}

/// Analyses a list of inputs on `threads` threads (0: one per core) without holding the GIL.
/// Returns the article columns, the event columns and one dict per input that yielded no
/// record (`index`, `path`, `kind`, `error`).
#[pyfunction]
#[pyo3(signature = (inputs, threads=1, record_json=true))]
fn analyze_columns<'py>(
    py: Python<'py>,
    inputs: &Bound<'py, PyList>,
    threads: usize,
    record_json: bool,
) -> PyResult<Bound<'py, PyTuple>> {
    let given = inputs
        .iter()
        .enumerate()
        .map(|(i, obj)| input::from_python(&obj, i))
        .collect::<PyResult<Vec<Input>>>()?;
    let threads = if threads == 0 {
        std::thread::available_parallelism().map_or(1, |n| n.get())
    } else {
        threads
    };
    let built = py.detach(|| build_tables(given, threads, record_json));
    let (articles, events, failures) = built.map_err(PyValueError::new_err)?;
    let errors = PyList::empty(py);
    for (index, f) in failures {
        let d = PyDict::new(py);
        d.set_item("index", index)?;
        d.set_item("path", f.path)?;
        d.set_item("kind", f.kind)?;
        d.set_item("error", f.message)?;
        errors.append(d)?;
    }
    let articles = columns_to_python(py, articles)?;
    let events = columns_to_python(py, events)?;
    PyTuple::new(
        py,
        [articles.into_any(), events.into_any(), errors.into_any()],
    )
}

type Tables = (Vec<Exported>, Vec<Exported>, Vec<(usize, Failure)>);

/// Analyses the inputs in order and lays the records out as the two tables.
fn build_tables(given: Vec<Input>, threads: usize, record_json: bool) -> Result<Tables, String> {
    let outcomes = dyad_pipeline::parallel::map_ordered(given, threads, |input| match input {
        Input::Page { bytes, origin } => {
            let path = origin.path.clone();
            analyze(&bytes, origin, &Options::default()).map_err(|e| Failure {
                message: match &path {
                    Some(p) => format!("{p}: {e}"),
                    None => e.to_string(),
                },
                kind: e.kind().to_string(),
                path,
            })
        }
        Input::Unreadable(f) => Err(f),
    });
    let mut articles = Articles::new(record_json);
    let mut events = Events::default();
    let mut failures = Vec::new();
    for (index, outcome) in outcomes.into_iter().enumerate() {
        match outcome {
            Ok(rec) => {
                articles.push(&rec)?;
                events.push_all(&rec);
            }
            Err(f) => failures.push((index, f)),
        }
    }
    Ok((articles.finish()?, events.finish()?, failures))
}

/// A column as a Python tuple `(name, kind, len, nulls, validity, buffers, child)`, its
/// buffers as `bytes`.
fn column_to_python<'py>(py: Python<'py>, col: Exported) -> PyResult<Bound<'py, PyTuple>> {
    let validity = col.validity.map(|v| PyBytes::new(py, &v));
    let buffers = PyList::new(py, col.buffers.iter().map(|b| PyBytes::new(py, b)))?;
    let child = col.child.map(|c| column_to_python(py, *c)).transpose()?;
    (
        col.name, col.kind, col.len, col.nulls, validity, buffers, child,
    )
        .into_pyobject(py)
}

fn columns_to_python<'py>(py: Python<'py>, cols: Vec<Exported>) -> PyResult<Bound<'py, PyList>> {
    let cols = cols
        .into_iter()
        .map(|c| column_to_python(py, c))
        .collect::<PyResult<Vec<_>>>()?;
    PyList::new(py, cols)
}

/// The items of a container (a WARC archive, an RSS/Atom feed, JSON lines) or of a single
/// page, read as a stream: each is a dict with `path`, `url`, `published`, `fetched`,
/// `charset` and `bytes`, or, for a record that could not be read, `path`, `kind` and `error`.
#[pyclass(module = "dyad._dyad")]
struct ItemReader {
    items: Mutex<Items>,
}

#[pymethods]
impl ItemReader {
    /// Reads the file at `path` (gzip undone), each item at most `max_bytes`.
    #[staticmethod]
    fn from_path(path: &str, max_bytes: u64) -> Self {
        ItemReader {
            items: Mutex::new(dyad_source::items(Path::new(path), max_bytes)),
        }
    }

    /// Reads bytes held in memory; `name` stands for the path in items and errors.
    #[staticmethod]
    fn from_bytes(data: Vec<u8>, name: String, max_bytes: u64) -> Self {
        let reader = Box::new(std::io::Cursor::new(data));
        ItemReader {
            items: Mutex::new(dyad_source::items_from_reader(reader, name, max_bytes)),
        }
    }

    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyDict>>> {
        let next = py.detach(|| match self.items.lock() {
            Ok(mut items) => Ok(items.next()),
            Err(_) => Err(PyRuntimeError::new_err("the item reader failed earlier")),
        })?;
        next.map(|item| item_to_python(py, item)).transpose()
    }
}

fn item_to_python(py: Python<'_>, item: Result<Item, SourceError>) -> PyResult<Bound<'_, PyDict>> {
    let d = PyDict::new(py);
    match item {
        Ok(it) => {
            d.set_item("path", it.path)?;
            d.set_item("url", it.url)?;
            d.set_item("published", it.published)?;
            d.set_item("fetched", it.fetched)?;
            d.set_item("charset", it.charset)?;
            d.set_item("bytes", PyBytes::new(py, &it.bytes))?;
        }
        Err(e) => {
            d.set_item("path", e.path())?;
            d.set_item("kind", e.kind())?;
            d.set_item("error", e.to_string())?;
        }
    }
    Ok(d)
}

/// dyad's engine: news pages in, `dyad.article/1` records out.
#[pymodule]
fn _dyad(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(analyze_json, m)?)?;
    m.add_function(wrap_pyfunction!(analyze_columns, m)?)?;
    m.add_class::<ItemReader>()?;
    m.add("AnalyzeError", m.py().get_type::<AnalyzeError>())?;
    m.add("DEFAULT_MAX_BYTES", dyad_source::DEFAULT_MAX_BYTES)?;
    m.add("SCHEMA", dyad_doc::SCHEMA)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
