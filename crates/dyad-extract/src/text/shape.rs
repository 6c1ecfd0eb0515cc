//! The shape of one line: length, case, final punctuation, list markers. Shapes decide what
//! a line can be (heading, list item, prose) without looking at what it says.

/// Whether `word` (in any case) is a word that stays lower case inside a title-case line.
/// Every word of every line is tested, so it is lower-cased on the stack and matched.
fn is_minor(word: &str) -> bool {
    let mut buf = [0u8; 6];
    if word.is_empty() || word.len() > buf.len() || !word.is_ascii() {
        return false;
    }
    let lower = &mut buf[..word.len()];
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    matches!(
        &*lower,
        b"a" | b"after"
            | b"amid"
            | b"an"
            | b"and"
            | b"are"
            | b"as"
            | b"at"
            | b"before"
            | b"but"
            | b"by"
            | b"for"
            | b"from"
            | b"in"
            | b"into"
            | b"is"
            | b"its"
            | b"nor"
            | b"of"
            | b"off"
            | b"on"
            | b"or"
            | b"out"
            | b"over"
            | b"per"
            | b"than"
            | b"that"
            | b"the"
            | b"to"
            | b"up"
            | b"via"
            | b"vs"
            | b"with"
    )
}

/// Measured features of a trimmed line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Shape {
    pub words: usize,
    /// Letters, and upper-case letters among them.
    pub letters: usize,
    pub upper: usize,
    /// Words starting with an upper-case letter or a digit, and words that could be
    /// capitalised (not minor words).
    pub capitalised: usize,
    pub content_words: usize,
    /// The last character is `.`, `!`, `?`, `:` `;` `,` or a closing quote after one.
    pub ends_sentence: bool,
    pub ends_question: bool,
    pub ends_colon: bool,
    pub ends_comma: bool,
    pub bullet: bool,
}

/// List markers at the start of a line.
const BULLETS: &[char] = &[
    '•', '·', '▪', '■', '◦', '‣', '●', '○', '–', '-', '*', '►', '▶',
];

impl Shape {
    /// Measures `line` (already trimmed).
    pub fn of(line: &str) -> Shape {
        let mut s = Shape::default();
        for word in line.split_whitespace() {
            s.words += 1;
            let first = word.chars().find(|c| c.is_alphanumeric());
            let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
            let minor = is_minor(bare);
            if !minor || s.words == 1 {
                s.content_words += 1;
                if first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()) {
                    s.capitalised += 1;
                }
            }
        }
        for c in line.chars() {
            if c.is_alphabetic() {
                s.letters += 1;
                if c.is_uppercase() {
                    s.upper += 1;
                }
            }
        }
        let tail = line.trim_end_matches(['"', '\'', '”', '’', ')', '»', ']']);
        let last = tail.chars().last();
        s.ends_question = last == Some('?');
        s.ends_colon = last == Some(':');
        s.ends_comma = matches!(last, Some(',' | ';'));
        s.ends_sentence = matches!(last, Some('.' | '!' | '?' | '…'));
        s.bullet = bullet_text(line).is_some();
        s
    }

    /// Mostly upper-case letters (an all-caps title or label).
    pub fn all_caps(&self) -> bool {
        self.letters >= 4 && self.upper * 10 >= self.letters * 9
    }

    /// Most content words capitalised (`Talks Resume in Geneva`).
    pub fn title_case(&self) -> bool {
        self.content_words >= 2 && self.capitalised * 10 >= self.content_words * 8
    }

    /// Could stand as a heading: short, lettered, no sentence-final full stop or comma.
    pub fn heading_like(&self) -> bool {
        self.words >= 1
            && self.words <= 16
            && self.letters >= 3
            && !self.ends_comma
            && !self.ends_colon
            && (!self.ends_sentence || self.ends_question)
            && !self.bullet
    }

    /// Sentence-like prose: long enough and ending like a sentence.
    pub fn prose_like(&self) -> bool {
        (self.words >= 8 && self.ends_sentence) || self.words >= 20
    }
}

/// The text of a bulleted or numbered line without its marker (`• Text`, `- Text`,
/// `1. Text`, `2) Text`); `None` when the line has no marker.
pub fn bullet_text(line: &str) -> Option<&str> {
    let mut chars = line.char_indices();
    let (_, first) = chars.next()?;
    if BULLETS.contains(&first) {
        let rest = &line[first.len_utf8()..];
        if rest.starts_with(' ')
            && rest
                .trim()
                .chars()
                .next()
                .is_some_and(|c| c.is_alphanumeric() || c == '"' || c == '“')
        {
            return Some(rest.trim());
        }
        return None;
    }
    let digits = line.bytes().take_while(|b| b.is_ascii_digit()).count();
    if (1..=2).contains(&digits) {
        let rest = &line[digits..];
        if let Some(r) = rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")) {
            if r.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c == '"' || c == '“')
            {
                return Some(r.trim());
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minor_words_are_found_in_any_case() {
        assert!(is_minor("THE") && is_minor("Of") && is_minor("amid"));
        assert!(!is_minor("") && !is_minor("Geneva") && !is_minor("théé"));
    }

    #[test]
    fn caps_and_title_case() {
        assert!(Shape::of("AZERBAIJAN AND ISRAEL: A BOND FORGED").all_caps());
        assert!(Shape::of("Talks Resume in Geneva After Long Pause").title_case());
        assert!(!Shape::of("Talks resume in Geneva after a long pause").title_case());
        assert!(Shape::of("What Happens Next?").heading_like());
        assert!(!Shape::of("It rained.").heading_like());
    }

    #[test]
    fn bullets() {
        assert_eq!(bullet_text("• Prices rose"), Some("Prices rose"));
        assert_eq!(bullet_text("2. Second point"), Some("Second point"));
        assert_eq!(bullet_text("-5 degrees outside"), None);
        assert_eq!(bullet_text("2024. A year"), None);
        assert_eq!(bullet_text("— Jane Doe"), None);
    }

    #[test]
    fn prose() {
        assert!(
            Shape::of("The minister said the talks would resume in Geneva next week.").prose_like()
        );
        assert!(Shape::of("Ends with a period.").ends_sentence);
        assert!(Shape::of("He said: “It is over.”").ends_sentence);
    }
}
