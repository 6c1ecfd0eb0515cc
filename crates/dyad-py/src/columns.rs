//! Column builders that lay values out as Arrow arrays are in memory (validity bitmap,
//! offsets, values), so the Python side wraps the buffers in `pyarrow` arrays without
//! touching each value.

/// One finished column in Arrow's layout.
pub struct Exported {
    pub name: &'static str,
    /// Arrow type name: `string`, `int64`, `float64`, `bool` or `list<string>`.
    pub kind: &'static str,
    pub len: usize,
    pub nulls: usize,
    /// Validity bitmap; absent when nothing is null.
    pub validity: Option<Vec<u8>>,
    /// The other buffers, in Arrow's order (offsets before data).
    pub buffers: Vec<Vec<u8>>,
    /// The item array of a list.
    pub child: Option<Box<Exported>>,
}

/// A bitmap, least significant bit first, as Arrow packs validity and `bool` values.
#[derive(Default)]
struct Bitmap {
    bytes: Vec<u8>,
    len: usize,
    unset: usize,
}

impl Bitmap {
    fn push(&mut self, on: bool) {
        if self.len.is_multiple_of(8) {
            self.bytes.push(0);
        }
        if on {
            self.bytes[self.len / 8] |= 1 << (self.len % 8);
        } else {
            self.unset += 1;
        }
        self.len += 1;
    }

    /// Null count and validity buffer; no buffer when every row is valid.
    fn into_validity(self) -> (usize, Option<Vec<u8>>) {
        if self.unset == 0 {
            (0, None)
        } else {
            (self.unset, Some(self.bytes))
        }
    }
}

fn le_bytes<const N: usize, T: Copy>(values: &[T], to_le: impl Fn(T) -> [u8; N]) -> Vec<u8> {
    values.iter().flat_map(|v| to_le(*v)).collect()
}

/// Largest text buffer one `string` array can address with 32-bit offsets.
const MAX_TEXT_BYTES: usize = i32::MAX as usize;

/// Nullable text: Arrow's `string` (32-bit offsets into one UTF-8 buffer).
pub struct Utf8 {
    offsets: Vec<i32>,
    data: Vec<u8>,
    valid: Bitmap,
    overflow: bool,
}

impl Default for Utf8 {
    fn default() -> Self {
        Utf8 {
            offsets: vec![0],
            data: Vec::new(),
            valid: Bitmap::default(),
            overflow: false,
        }
    }
}

impl Utf8 {
    pub fn push(&mut self, value: Option<&str>) {
        self.data.extend_from_slice(value.unwrap_or("").as_bytes());
        self.overflow |= self.data.len() > MAX_TEXT_BYTES;
        self.offsets
            .push(self.data.len().min(MAX_TEXT_BYTES) as i32);
        self.valid.push(value.is_some());
    }

    fn len(&self) -> usize {
        self.valid.len
    }

    /// The finished array, or an error when its text outgrew 32-bit offsets.
    pub fn finish(self, name: &'static str) -> Result<Exported, String> {
        if self.overflow {
            return Err(format!(
                "column {name} holds more than 2 GiB of text, more than one Arrow batch can; \
                 analyse fewer items per batch"
            ));
        }
        let len = self.len();
        let (nulls, validity) = self.valid.into_validity();
        let offsets = le_bytes(&self.offsets, i32::to_le_bytes);
        Ok(Exported {
            name,
            kind: "string",
            len,
            nulls,
            validity,
            buffers: vec![offsets, self.data],
            child: None,
        })
    }
}

/// A fixed-width number type as Arrow stores it.
pub trait Number: Copy + Default {
    /// Arrow's name for the type.
    const KIND: &'static str;
    fn le_bytes(self) -> [u8; 8];
}

impl Number for i64 {
    const KIND: &'static str = "int64";
    fn le_bytes(self) -> [u8; 8] {
        self.to_le_bytes()
    }
}

impl Number for f64 {
    const KIND: &'static str = "float64";
    fn le_bytes(self) -> [u8; 8] {
        self.to_le_bytes()
    }
}

/// Nullable numbers of one type.
#[derive(Default)]
pub struct Numbers<T> {
    values: Vec<T>,
    valid: Bitmap,
}

/// Nullable 64-bit integers.
pub type Int64 = Numbers<i64>;
/// Nullable 64-bit floats.
pub type Float64 = Numbers<f64>;

impl<T: Number> Numbers<T> {
    pub fn push(&mut self, value: Option<T>) {
        self.values.push(value.unwrap_or_default());
        self.valid.push(value.is_some());
    }

    pub fn finish(self, name: &'static str) -> Exported {
        let len = self.values.len();
        let (nulls, validity) = self.valid.into_validity();
        Exported {
            name,
            kind: T::KIND,
            len,
            nulls,
            validity,
            buffers: vec![le_bytes(&self.values, T::le_bytes)],
            child: None,
        }
    }
}

/// Booleans (never null).
#[derive(Default)]
pub struct Bool {
    values: Bitmap,
}

impl Bool {
    pub fn push(&mut self, value: bool) {
        self.values.push(value);
    }

    pub fn finish(self, name: &'static str) -> Exported {
        let len = self.values.len;
        Exported {
            name,
            kind: "bool",
            len,
            nulls: 0,
            validity: None,
            buffers: vec![self.values.bytes],
            child: None,
        }
    }
}

/// Lists of text (never null; an empty list for none): Arrow's `list<string>`.
pub struct Utf8List {
    offsets: Vec<i32>,
    items: Utf8,
}

impl Default for Utf8List {
    fn default() -> Self {
        Utf8List {
            offsets: vec![0],
            items: Utf8::default(),
        }
    }
}

impl Utf8List {
    pub fn push<'a>(&mut self, values: impl IntoIterator<Item = &'a str>) {
        for v in values {
            self.items.push(Some(v));
        }
        self.offsets
            .push(self.items.len().min(MAX_TEXT_BYTES) as i32);
    }

    pub fn finish(self, name: &'static str) -> Result<Exported, String> {
        let len = self.offsets.len() - 1;
        let offsets = le_bytes(&self.offsets, i32::to_le_bytes);
        let items = self.items.finish("item")?;
        Ok(Exported {
            name,
            kind: "list<string>",
            len,
            nulls: 0,
            validity: None,
            buffers: vec![offsets],
            child: Some(Box::new(items)),
        })
    }
}
