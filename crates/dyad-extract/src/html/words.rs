//! Class and id words, as the content scorer and the furniture roles read them: split on
//! anything but ASCII letters and digits, and lowered without allocating.

/// Room for the longest word any reader looks for ("recirculation", "advertisement"); a
/// longer word matches none of them.
pub const LONGEST: usize = 24;

/// The non-empty runs of ASCII letters and digits of a class or id value.
pub fn class_words(value: &str) -> impl Iterator<Item = &str> {
    value
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// `word` (ASCII letters and digits) in lower case, in `buf`; `None` when it is longer
/// than [`LONGEST`].
pub fn lower<'b>(word: &str, buf: &'b mut [u8; LONGEST]) -> Option<&'b str> {
    let out = buf.get_mut(..word.len())?;
    for (d, s) in out.iter_mut().zip(word.bytes()) {
        *d = s.to_ascii_lowercase();
    }
    std::str::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_split_and_lowered() {
        let words: Vec<&str> = class_words("-Story__Body  x-1").collect();
        assert_eq!(words, ["Story", "Body", "x", "1"]);
        let mut buf = [0u8; LONGEST];
        assert_eq!(lower("StoryBody", &mut buf), Some("storybody"));
        assert_eq!(lower(&"a".repeat(LONGEST + 1), &mut buf), None);
    }
}
