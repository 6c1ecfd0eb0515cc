//! Letter tests with the answers of `char::is_alphabetic` and `char::is_alphanumeric`, but
//! settled without the standard library's table search for the characters news text is made
//! of besides ASCII: typographic quotes and dashes, Latin letters with accents, Cyrillic and
//! Hangul. That search costs a few hundred instructions a character, and the tokenizer and
//! the quotation and word rules ask about each character several times.

/// Whether `c` is alphabetic, as [`char::is_alphabetic`] answers.
#[inline]
pub fn is_letter(c: char) -> bool {
    match quick(c) {
        Some(letter) => letter,
        None => c.is_alphabetic(),
    }
}

/// Whether `c` is alphabetic or numeric, as [`char::is_alphanumeric`] answers.
#[inline]
pub fn is_letter_or_digit(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    // None of the characters `quick` settles is numeric.
    match quick(c) {
        Some(letter) => letter,
        None => c.is_alphanumeric(),
    }
}

/// The answer for ASCII and the blocks whose letters are known without a table (none of
/// their characters numeric but ASCII digits); `None` elsewhere.
#[inline]
fn quick(c: char) -> Option<bool> {
    match c as u32 {
        0..=0x7F => Some(c.is_ascii_alphabetic()),
        // Latin-1 letters, but for the multiplication and division signs.
        0xC0..=0xFF => Some(c != '×' && c != '÷'),
        // Latin Extended-A and -B.
        0x100..=0x24F => Some(true),
        // Cyrillic and its supplement, but for the thousands sign and combining marks.
        0x400..=0x481 | 0x48A..=0x52F => Some(true),
        // General Punctuation: quotes, dashes, spaces, bullets, joiners.
        0x2000..=0x206F => Some(false),
        // Hangul syllables.
        0xAC00..=0xD7A3 => Some(true),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::{is_letter, is_letter_or_digit};

    #[test]
    fn agrees_with_the_standard_library_on_every_character() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{:#x}", c as u32);
            assert_eq!(
                is_letter_or_digit(c),
                c.is_alphanumeric(),
                "{:#x}",
                c as u32
            );
        }
    }
}
