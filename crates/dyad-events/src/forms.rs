//! The verb form index: every surface form of every verb of a dictionary, looked up by its
//! first word. The forms' words and the verbs' base forms live in one string and a form is a
//! few offsets into it, so building the index makes one allocation per first word rather
//! than several per form (the shipped dictionary has some 8,000 forms, and the index is
//! built at every start).

use crate::dictionary::VerbDictionary;
use crate::fasthash::{word_hash, ByHash};
use crate::inflect::verb_forms;

/// One surface form of a verb.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Form {
    /// The form's words: `FormIndex::words[words.0..words.1]`.
    words: (u32, u32),
    /// The verb's base form, words joined by `_`: a span of `FormIndex::text`.
    lemma: (u32, u32),
    /// The verb's block, and its place there.
    block: u32,
    verb: u32,
    /// A past form (`-ed` or irregular): a passive is possible.
    pub past: bool,
}

impl Form {
    /// The number of words.
    pub fn len(&self) -> usize {
        (self.words.1 - self.words.0) as usize
    }

    /// The verb's block.
    pub fn block(&self) -> usize {
        self.block as usize
    }

    /// The verb's place in its block.
    pub fn verb(&self) -> usize {
        self.verb as usize
    }
}

/// The surface forms of a dictionary's verbs by first word.
#[derive(Debug, Clone, Default)]
pub(crate) struct FormIndex {
    /// Every form's words and every verb's base form, one after another.
    text: String,
    /// Spans of `text`, one per word of each form.
    words: Vec<(u32, u32)>,
    /// The [`word_hash`] of a first word → the forms starting with it (or with another word
    /// of that hash), longer forms first (so multi-word verbs win), then in dictionary order.
    groups: ByHash<Vec<Form>>,
    /// Number of forms.
    count: usize,
}

impl FormIndex {
    /// Inflects every verb of `dict` and indexes its forms. A form repeating one of its
    /// first word's forms (the same words, block and code) is left out.
    pub fn new(dict: &VerbDictionary) -> Self {
        let mut ix = FormIndex::default();
        let verbs: usize = dict.blocks.iter().map(|b| b.verbs.len()).sum();
        // Most verbs have four or five forms, a few of which start alike.
        ix.groups.reserve(verbs * 4);
        let code = |f: &Form| &dict.blocks[f.block()].verbs[f.verb()].code;
        for (bi, b) in dict.blocks.iter().enumerate() {
            for (vi, v) in b.verbs.iter().enumerate() {
                let start = ix.text.len();
                for (k, w) in v.words.iter().enumerate() {
                    if k > 0 {
                        ix.text.push('_');
                    }
                    ix.text.push_str(w);
                }
                let lemma = (to_u32(start), to_u32(ix.text.len()));
                let add = |ix: &mut FormIndex, words: &mut dyn Iterator<Item = &str>, past| {
                    let (first, text) = (ix.words.len(), ix.text.len());
                    for w in words {
                        let s = ix.text.len();
                        ix.text.push_str(w);
                        ix.words.push((to_u32(s), to_u32(ix.text.len())));
                    }
                    if ix.words.len() == first {
                        return;
                    }
                    let form = Form {
                        words: (to_u32(first), to_u32(ix.words.len())),
                        lemma,
                        block: to_u32(bi),
                        verb: to_u32(vi),
                        past,
                    };
                    let key = word_hash(ix.word(first));
                    let group = ix.groups.get(&key).map_or(&[][..], Vec::as_slice);
                    let repeat = group.iter().any(|e| {
                        e.block == form.block
                            && e.len() == form.len()
                            && ix.words_of(e).eq(ix.words_of(&form))
                            && code(e) == code(&form)
                    });
                    if repeat {
                        ix.words.truncate(first);
                        ix.text.truncate(text);
                        return;
                    }
                    ix.groups.entry(key).or_default().push(form);
                    ix.count += 1;
                };
                match &v.forms {
                    Some(listed) => {
                        add(&mut ix, &mut v.words.iter().map(String::as_str), false);
                        for f in listed {
                            add(&mut ix, &mut f.iter().map(String::as_str), true);
                        }
                    }
                    None => {
                        for (k, f) in verb_forms(&v.words[v.head]).iter().enumerate() {
                            let past = k > 0 && f.ends_with("ed");
                            let mut words = v.words.iter().enumerate().map(|(j, w)| {
                                if j == v.head {
                                    f.as_str()
                                } else {
                                    w.as_str()
                                }
                            });
                            add(&mut ix, &mut words, past);
                        }
                    }
                }
            }
        }
        // Longer forms first (stable: dictionary order among forms of one length).
        for forms in ix.groups.values_mut() {
            forms.sort_by_key(|f| std::cmp::Reverse(f.len()));
        }
        ix
    }

    fn word(&self, k: usize) -> &str {
        let (s, e) = self.words[k];
        &self.text[s as usize..e as usize]
    }

    /// The words of a form.
    pub fn words_of<'a>(&'a self, f: &Form) -> impl Iterator<Item = &'a str> + 'a {
        (f.words.0 as usize..f.words.1 as usize).map(|k| self.word(k))
    }

    /// The base form of a form's verb, words joined by `_`.
    pub fn lemma(&self, f: &Form) -> &str {
        &self.text[f.lemma.0 as usize..f.lemma.1 as usize]
    }

    /// The forms whose first word may be `word`, longest first: their words are still to be
    /// compared (two words may share a hash).
    pub fn starting_with(&self, word: &str) -> &[Form] {
        self.groups.get(&word_hash(word)).map_or(&[], Vec::as_slice)
    }

    /// Number of indexed forms.
    pub fn len(&self) -> usize {
        self.count
    }
}

/// An offset into the index's string or lists: the shipped data is far below 4 GB, and so
/// is any dictionary a user could load.
fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dictionary::read_petrarch;

    #[test]
    fn forms_by_first_word_longest_first_without_repeats() {
        let dict = read_petrarch(
            "--- GIVE [070] ---\nGIVE\nGIVE_UP [060]\nGIVE\nSHOOT {SHOT SHOOTING SHOOTS} [180]\n\
             --- OFFER [030] ---\nGIVE\n",
        );
        let ix = FormIndex::new(&dict);
        let words = |f: &Form| ix.words_of(f).collect::<Vec<_>>().join(" ");
        let give: Vec<String> = ix.starting_with("give").iter().map(words).collect();
        // the repeated GIVE of the first block is left out; the other block's stays
        assert_eq!(give, ["give up", "give", "give"]);
        let up = &ix.starting_with("give")[0];
        assert_eq!((ix.lemma(up), up.block(), up.past), ("give_up", 0, false));
        let shot = &ix.starting_with("shot")[0];
        assert_eq!((ix.lemma(shot), shot.past), ("shoot", true));
        assert!(ix.starting_with("offer").is_empty());
        let grouped: usize = ix.groups.values().map(Vec::len).sum();
        assert_eq!(ix.len(), grouped, "every form in one group");
    }
}
