//! Bylines (`By Jane Doe`, `Jane Doe | Reuters`, `Written by …`, `(Reporting by …; Editing
//! by …)`) and author bios (`Jane Doe is a senior fellow at …`).

/// Labels that introduce the authors' names.
const BYLINE_LABELS: &[&str] = &[
    "written by",
    "posted by",
    "reported by",
    "reporting by",
    "story by",
    "words by",
    "text by",
    "article by",
    "compiled by",
    "authored by",
    "author:",
    "authors:",
    "by:",
    "by",
];

/// Name particles that may be lower case inside a name.
const PARTICLES: &[&str] = &[
    "de", "da", "di", "del", "della", "van", "von", "der", "den", "bin", "ibn", "al", "el", "la",
    "le", "du", "dos", "das", "ben", "abu", "st.",
];

/// Words that end a name in a byline (`By Jane Doe in Baku`, `By Jane Doe for …`).
const NAME_STOPS: &[&str] = &[
    "in",
    "for",
    "on",
    "at",
    "from",
    "with",
    "via",
    "updated",
    "published",
    "posted",
];

/// Role words that mark a closing paragraph as a description of the author.
pub const BIO_ROLES: &[&str] = &[
    "author",
    "journalist",
    "reporter",
    "correspondent",
    "editor",
    "columnist",
    "writer",
    "contributor",
    "fellow",
    "professor",
    "lecturer",
    "researcher",
    "analyst",
    "director",
    "ceo",
    "founder",
    "co-founder",
    "president",
    "chair",
    "chairman",
    "chairwoman",
    "head",
    "scholar",
    "economist",
    "historian",
    "commentator",
    "producer",
    "anchor",
    "blogger",
    "freelance",
    "consultant",
    "lawyer",
    "diplomat",
    "ambassador",
    "former",
    "veteran",
    "senior",
    "graduate",
    "holds",
    "student",
    "partner",
    "associate",
    "member",
    "expert",
    "specialist",
    "adviser",
    "advisor",
    "photographer",
    "novelist",
    "poet",
    "teaches",
    "writes",
    "covers",
    "based",
    "manager",
    "officer",
    "strategist",
    "campaigner",
    "activist",
];

/// Organisation-like words that end a `Name | Org` byline on the right-hand side.
const AUTHOR_TRAILERS: &[&str] = &[
    "staff",
    "writer",
    "reporter",
    "correspondent",
    "editor",
    "contributor",
    "desk",
];

/// The names in a byline line, or `None` when the line is not a byline.
pub fn byline(line: &str) -> Option<Vec<String>> {
    if line.len() > 200 {
        return None;
    }
    let trimmed = line
        .trim()
        .trim_matches(|c: char| matches!(c, '(' | ')' | '[' | ']'));
    let lower = trimmed.to_lowercase();
    for label in BYLINE_LABELS {
        if let Some(rest) = lower.strip_prefix(label) {
            let label_is_word = label.ends_with(':') || rest.starts_with([' ', ':']);
            if !label_is_word {
                continue;
            }
            let rest = trimmed.get(label.len()..).unwrap_or("");
            let names = names_in(rest.trim_start_matches([':', ' ']));
            let short = trimmed.split_whitespace().count() <= 4;
            let all_full = names.iter().all(|n| n.contains(' '));
            return (!names.is_empty() && (short || all_full)).then_some(names);
        }
    }
    // `Jane Doe | Reuters`, `Jane Doe, Staff Writer`
    for sep in [" | ", " — ", " – ", " - ", ", "] {
        if let Some((left, right)) = trimmed.split_once(sep) {
            let right_lower = right.to_lowercase();
            let right_is_source = super::lexicon::ends_with_agency(&right_lower)
                || AUTHOR_TRAILERS
                    .iter()
                    .any(|t| right_lower.split_whitespace().any(|w| w == *t))
                || right.split_whitespace().count() <= 3 && is_name(right.trim());
            if right_is_source && right.split_whitespace().count() <= 5 && is_name(left.trim()) {
                return Some(vec![left.trim().to_string()]);
            }
        }
    }
    None
}

/// The names in the text after a byline label: split at `and`, `&`, commas and semicolons,
/// cut at the first word that is not part of a name.
pub fn names_in(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let first_clause = s.split([';', '|', '(', '\n']).next().unwrap_or("");
    let commas: Vec<&str> = first_clause.split(',').collect();
    // Parts after a comma are names only in a list that ends with `and`/`&` (`A, B and C`).
    let listed = commas
        .iter()
        .rposition(|p| p.contains(" and ") || p.contains('&'))
        .unwrap_or(0);
    let mut kept = &commas[..=listed.min(commas.len().saturating_sub(1))];
    // A part naming a role or a source (`Staff Reporter`, `Associated Press`) ends the list.
    if let Some(k) = kept.iter().skip(1).position(|p| describes_role(p)) {
        kept = &kept[..=k];
    }
    for part in kept
        .iter()
        .flat_map(|p| p.split(['&']))
        .flat_map(|p| p.split(" and "))
    {
        let mut taken: Vec<&str> = Vec::new();
        for w in part.split_whitespace() {
            let lw = w.to_lowercase();
            if NAME_STOPS.contains(&lw.as_str()) || w.chars().any(|c| c.is_ascii_digit()) {
                break;
            }
            if !name_word(w) {
                break;
            }
            taken.push(w);
        }
        while taken
            .last()
            .is_some_and(|w| PARTICLES.contains(&w.to_lowercase().as_str()))
        {
            taken.pop();
        }
        if taken.is_empty() || taken.len() > 5 {
            if out.is_empty() && !part.trim().is_empty() && taken.is_empty() {
                break;
            }
            continue;
        }
        let name = taken.join(" ");
        let name = name.trim_end_matches(['.', ',', ':']).to_string();
        if name.chars().filter(|c| c.is_alphabetic()).count() >= 2 {
            out.push(name);
        }
        if part.split_whitespace().count() > taken.len() + 4 {
            break;
        }
    }
    out
}

fn describes_role(part: &str) -> bool {
    let lower = part.to_lowercase();
    super::lexicon::ends_with_agency(lower.trim())
        || lower.split(|c: char| !c.is_alphanumeric()).any(|w| {
            AUTHOR_TRAILERS.contains(&w) || BIO_ROLES.contains(&w) || w == "news" || w == "press"
        })
}

fn name_word(w: &str) -> bool {
    let lw = w.to_lowercase();
    if PARTICLES.contains(&lw.as_str()) {
        return true;
    }
    let mut chars = w.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let capitalised = first.is_uppercase()
        || w.split_once('-').is_some_and(|(head, tail)| {
            head.len() <= 3 && tail.chars().next().is_some_and(char::is_uppercase)
        });
    capitalised
        && w.chars()
            .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'))
}

/// True when `s` is shaped like a person's name: two to five words, each capitalised or a
/// particle.
pub fn is_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    (2..=5).contains(&words.len())
        && words.iter().all(|w| name_word(w))
        && words
            .first()
            .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// When `para` describes a person the way an author bio does (`Jane Doe is a senior fellow
/// at …`, `Jane Doe, a journalist, writes about …`), the person's name.
pub fn bio_subject(para: &str) -> Option<String> {
    let head: String = para.chars().take(400).collect();
    let (name, rest) = split_subject(&head)?;
    let rest_lower = rest.to_lowercase();
    let has_role = rest_lower
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .take(25)
        .any(|w| BIO_ROLES.contains(&w));
    has_role.then_some(name)
}

/// `Name is …` / `Name, a …, is …` / `Name writes …`: the leading name and what follows.
fn split_subject(s: &str) -> Option<(String, &str)> {
    let mut end = 0;
    let mut count = 0;
    for (i, w) in word_starts(s) {
        if count >= 5 || !name_word(w.trim_end_matches(',')) {
            break;
        }
        count += 1;
        end = i + w.len();
        if w.ends_with(',') {
            break;
        }
    }
    if count < 2 {
        return None;
    }
    let name = s[..end].trim_end_matches(',').to_string();
    let rest = s[end..].trim_start_matches([',', ' ']);
    let lower = rest.to_lowercase();
    let verb_follows = [
        "is ", "was ", "has ", "writes ", "covers ", "teaches ", "a ", "an ", "the ",
    ]
    .iter()
    .any(|v| lower.starts_with(v));
    verb_follows.then_some((name, rest))
}

fn word_starts(s: &str) -> impl Iterator<Item = (usize, &str)> {
    s.split(' ')
        .scan(0usize, |pos, w| {
            let start = *pos;
            *pos += w.len() + 1;
            Some((start, w))
        })
        .filter(|(_, w)| !w.is_empty())
}

/// True when a paragraph continues a bio in the third person (`She is the author of …`).
pub fn bio_continuation(para: &str) -> bool {
    let lower: String = para.chars().take(120).collect::<String>().to_lowercase();
    [
        "she is ",
        "he is ",
        "they are ",
        "she has ",
        "he has ",
        "she was ",
        "he was ",
        "her ",
        "his ",
    ]
    .iter()
    .any(|p| lower.starts_with(p))
        && lower
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| BIO_ROLES.contains(&w))
}

/// True when `a` and `b` name the same person (same last word, case-insensitive).
pub fn same_person(a: &str, b: &str) -> bool {
    let last = |s: &str| s.split_whitespace().last().map(str::to_lowercase);
    last(a).is_some() && last(a) == last(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines() {
        assert_eq!(byline("By Jane Doe"), Some(vec!["Jane Doe".to_string()]));
        assert_eq!(
            byline("By JANE DOE and Omar al-Rashid, Associated Press"),
            Some(vec!["JANE DOE".to_string(), "Omar al-Rashid".to_string()])
        );
        assert_eq!(
            byline("Jane Doe | Reuters"),
            Some(vec!["Jane Doe".to_string()])
        );
        assert_eq!(
            byline("Posted by Sam Lee on March 3, 2024"),
            Some(vec!["Sam Lee".to_string()])
        );
        assert_eq!(
            byline("(Reporting by Ana Ruiz in Lima; Editing by Tom Hale)"),
            Some(vec!["Ana Ruiz".to_string()])
        );
        assert_eq!(byline("By the end of the week, prices had fallen."), None);
        assert_eq!(byline("Bystanders watched."), None);
        assert_eq!(
            byline("By Kelly Brandt, Showbiz and News Reporter"),
            Some(vec!["Kelly Brandt".to_string()])
        );
        assert_eq!(
            byline("By Ann Lee, Bo Kim and Cy Ng"),
            Some(vec![
                "Ann Lee".to_string(),
                "Bo Kim".to_string(),
                "Cy Ng".to_string()
            ])
        );
    }

    #[test]
    fn bios() {
        assert_eq!(
            bio_subject("Jane Doe is the CEO of the Center for Things and a journalist.")
                .as_deref(),
            Some("Jane Doe")
        );
        assert_eq!(
            bio_subject("Omar Haddad, a senior fellow at the institute, writes on energy.")
                .as_deref(),
            Some("Omar Haddad")
        );
        assert_eq!(bio_subject("The talks ended without a deal."), None);
        assert!(bio_continuation(
            "She is the author of two books on the region."
        ));
        assert!(same_person("JANE DOE", "Jane Doe"));
    }
}
