//! English inflection for dictionary verbs (-s, -ed, -ing) and a light plural stem for the
//! other words of patterns.

use dyad_nlp::Lower;

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Ends consonant–vowel–consonant (the final consonant may double: stop → stopped).
fn ends_cvc(w: &[u8]) -> bool {
    let n = w.len();
    n >= 3
        && !is_vowel(w[n - 1])
        && !matches!(w[n - 1], b'w' | b'x' | b'y')
        && is_vowel(w[n - 2])
        && !is_vowel(w[n - 3])
}

/// `a` then `b`, in one allocation.
fn cat(a: &str, b: &str) -> String {
    let mut s = String::with_capacity(a.len() + b.len());
    s.push_str(a);
    s.push_str(b);
    s
}

/// `base`, its last letter `last` again, then `suffix` (stop → stopped).
fn doubled(base: &str, last: u8, suffix: &str) -> String {
    let mut s = String::with_capacity(base.len() + 1 + suffix.len());
    s.push_str(base);
    s.push(char::from(last));
    s.push_str(suffix);
    s
}

/// The regular forms of a verb: base, third person, past/participle and -ing (both with and
/// without a doubled final consonant where English allows either).
pub fn verb_forms(base: &str) -> Vec<String> {
    let b = base.as_bytes();
    let mut out = Vec::with_capacity(6);
    out.push(base.to_string());
    if b.is_empty() || !base.is_ascii() {
        return out;
    }
    let last = b[b.len() - 1];
    let before_last = if b.len() >= 2 { b[b.len() - 2] } else { b'a' };
    let stem_y = &base[..base.len() - 1];
    // third person
    if base.ends_with('s')
        || base.ends_with('x')
        || base.ends_with('z')
        || base.ends_with("ch")
        || base.ends_with("sh")
        || base.ends_with('o')
    {
        out.push(cat(base, "es"));
    } else if last == b'y' && !is_vowel(before_last) {
        out.push(cat(stem_y, "ies"));
    } else {
        out.push(cat(base, "s"));
    }
    // past
    if last == b'e' {
        out.push(cat(base, "d"));
    } else if last == b'y' && !is_vowel(before_last) {
        out.push(cat(stem_y, "ied"));
    } else {
        out.push(cat(base, "ed"));
        if ends_cvc(b) {
            out.push(doubled(base, last, "ed"));
        }
    }
    // -ing
    if let Some(stem) = base.strip_suffix("ie") {
        out.push(cat(stem, "ying"));
    } else if last == b'e' && before_last != b'e' && b.len() > 2 {
        out.push(cat(stem_y, "ing"));
    } else {
        out.push(cat(base, "ing"));
        if ends_cvc(b) {
            out.push(doubled(base, last, "ing"));
        }
    }
    out
}

/// A light stem for matching pattern words: lower case, simple plurals removed
/// (`sanctions` → `sanction`, `allies` → `ally`); short words are left alone.
pub fn stem(word: &str) -> String {
    let lower;
    let w = if !word.is_ascii() || word.bytes().any(|b| b.is_ascii_uppercase()) {
        lower = word.to_lowercase();
        lower.as_str()
    } else {
        word
    };
    stem_lower(w)
}

/// How a plural a light stem removes ends.
enum Plural {
    /// "-ies", for "-y".
    Ies,
    /// A final "-s".
    S,
}

/// The plural ending of a word in lower case, if it has one [`stem_lower`] removes.
fn plural(w: &str) -> Option<Plural> {
    let n = w.len();
    if n > 4 && w.ends_with("ies") {
        return Some(Plural::Ies);
    }
    (n > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
        && !w.ends_with("'s"))
    .then_some(Plural::S)
}

/// [`stem`] of a word already in lower case.
pub fn stem_lower(w: &str) -> String {
    let n = w.len();
    match plural(w) {
        Some(Plural::Ies) => format!("{}y", &w[..n - 3]),
        Some(Plural::S) => w[..n - 1].to_string(),
        None => w.to_string(),
    }
}

/// [`stem_lower`] keeping a borrowed word borrowed where the stem is a prefix of it.
pub(crate) fn stem_of<'a>(w: &Lower<'a>) -> Lower<'a> {
    match plural(w) {
        Some(Plural::Ies) => Lower::from(format!("{}y", &w[..w.len() - 3])),
        Some(Plural::S) => w.cut_end(1),
        None => w.clone(),
    }
}

/// Whether `form` looks like a past participle of a regular verb (for passive detection).
pub fn looks_past(form: &str) -> bool {
    form.len() > 3 && form.ends_with("ed")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regular_forms() {
        let f = verb_forms("attack");
        for w in ["attack", "attacks", "attacked", "attacking"] {
            assert!(f.contains(&w.to_string()), "{w}");
        }
        let f = verb_forms("agree");
        assert!(f.contains(&"agreed".to_string()) && f.contains(&"agreeing".to_string()));
        let f = verb_forms("carry");
        assert!(f.contains(&"carries".to_string()) && f.contains(&"carried".to_string()));
        let f = verb_forms("ban");
        assert!(f.contains(&"banned".to_string()) && f.contains(&"banning".to_string()));
        let f = verb_forms("accuse");
        assert!(f.contains(&"accusing".to_string()) && f.contains(&"accused".to_string()));
        let f = verb_forms("push");
        assert!(f.contains(&"pushes".to_string()));
    }

    #[test]
    fn stems() {
        assert_eq!(stem("Sanctions"), "sanction");
        assert_eq!(stem("allies"), "ally");
        assert_eq!(stem("press"), "press");
        assert_eq!(stem("us"), "us");
    }
}
