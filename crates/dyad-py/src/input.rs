//! What Python hands the engine: a page as `str` or `bytes`, or an item `dict` (as
//! `read_items` yields them, or made by hand), turned into page bytes and their origin.

use dyad_pipeline::Origin;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyDict, PyString};

/// One input to analyse, or an item that already failed to be read.
pub enum Input {
    Page { bytes: Vec<u8>, origin: Origin },
    Unreadable(Failure),
}

/// Why an item yielded no record: where it came from, the kind and a message naming it.
pub struct Failure {
    pub path: Option<String>,
    pub kind: String,
    pub message: String,
}

/// Keys an item dict may carry, besides exactly one of the page keys.
const ORIGIN_KEYS: [&str; 6] = ["path", "url", "date", "published", "fetched", "charset"];
/// Keys that hold the page itself.
const PAGE_KEYS: [&str; 3] = ["bytes", "html", "text"];

/// The bytes of a `str`, `bytes` or `bytearray` page.
pub fn page_bytes(page: &Bound<'_, PyAny>) -> PyResult<Vec<u8>> {
    if let Ok(s) = page.cast::<PyString>() {
        return Ok(s.to_cow()?.as_bytes().to_vec());
    }
    if let Ok(b) = page.cast::<PyBytes>() {
        return Ok(b.as_bytes().to_vec());
    }
    if let Ok(b) = page.cast::<PyByteArray>() {
        return Ok(b.to_vec());
    }
    Err(PyTypeError::new_err(format!(
        "a page must be str or bytes, not {}",
        page.get_type().name()?
    )))
}

/// Reads one input of a batch: a `str`/`bytes` page or an item dict. `index` names it in
/// errors.
pub fn from_python(obj: &Bound<'_, PyAny>, index: usize) -> PyResult<Input> {
    let Ok(dict) = obj.cast::<PyDict>() else {
        return page_bytes(obj)
            .map(|bytes| Input::Page {
                bytes,
                origin: Origin::default(),
            })
            .map_err(|e| PyTypeError::new_err(format!("input {index}: {}", e.value(obj.py()))));
    };
    let text = |key: &str| -> PyResult<Option<String>> {
        match dict.get_item(key)? {
            Some(v) if !v.is_none() => v.extract::<String>().map(Some).map_err(|_| {
                PyTypeError::new_err(format!("input {index}: \"{key}\" must be a str or None"))
            }),
            _ => Ok(None),
        }
    };
    if let Some(message) = text("error")? {
        return Ok(Input::Unreadable(Failure {
            path: text("path")?,
            kind: text("kind")?.unwrap_or_else(|| "unreadable".into()),
            message,
        }));
    }
    for key in dict.keys() {
        let key: String = key.extract().unwrap_or_default();
        if !ORIGIN_KEYS.contains(&key.as_str()) && !PAGE_KEYS.contains(&key.as_str()) {
            return Err(PyValueError::new_err(format!(
                "input {index}: unknown key \"{key}\" (an item has one of {PAGE_KEYS:?} \
                 and any of {ORIGIN_KEYS:?})"
            )));
        }
    }
    let pages: Vec<Bound<'_, PyAny>> = PAGE_KEYS
        .iter()
        .filter_map(|k| dict.get_item(k).ok().flatten())
        .collect();
    let [page] = pages.as_slice() else {
        return Err(PyValueError::new_err(format!(
            "input {index}: an item needs exactly one of {PAGE_KEYS:?}, it has {}",
            pages.len()
        )));
    };
    let bytes = page_bytes(page)
        .map_err(|e| PyTypeError::new_err(format!("input {index}: {}", e.value(obj.py()))))?;
    let origin = Origin {
        path: text("path")?,
        url: text("url")?,
        published: text("published")?.or(text("date")?),
        fetched: text("fetched")?,
        charset: text("charset")?,
    };
    Ok(Input::Page { bytes, origin })
}
