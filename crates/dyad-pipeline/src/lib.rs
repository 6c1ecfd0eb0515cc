//! The analysis of one article: page bytes in, a finished `dyad.article/1` record out.
//! Each stage is a plain function of what the stages before it produced. The CLI, the store
//! and the language bindings all analyse through [`analyze`].

use std::time::{Duration, Instant};

use dyad_doc::{Record, Source, Span};
use dyad_extract::ExtractError;
use sha2::{Digest, Sha256};

pub mod parallel;

/// Why one article could not be analysed.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum AnalyzeError {
    #[error(transparent)]
    Extract(#[from] ExtractError),
    /// The clean text is longer than [`Options::max_text_chars`].
    #[error(
        "article text has {chars} characters, over the limit of {limit} (see --max-text-chars)"
    )]
    TextTooLong { chars: usize, limit: usize },
    /// The analysis ran past [`Options::doc_timeout`]; `stage` is the stage it was stopped
    /// after.
    #[error(
        "analysis took over the time budget of {} ms (stopped after {stage}; see --doc-timeout-ms)",
        budget.as_millis()
    )]
    Timeout {
        budget: Duration,
        stage: &'static str,
    },
}

impl AnalyzeError {
    /// A short name for the kind of failure, for summaries: `empty`, `binary`, `no-text`,
    /// `too-long`, `timeout`.
    pub fn kind(&self) -> &'static str {
        match self {
            AnalyzeError::Extract(ExtractError::Empty) => "empty",
            AnalyzeError::Extract(ExtractError::Binary(_)) => "binary",
            AnalyzeError::Extract(ExtractError::NoText) => "no-text",
            AnalyzeError::TextTooLong { .. } => "too-long",
            AnalyzeError::Timeout { .. } => "timeout",
        }
    }
}

/// Where the bytes came from, as the record's `source` names it.
#[derive(Debug, Clone, Default)]
pub struct Origin {
    pub path: Option<String>,
    pub url: Option<String>,
    /// Publication date given by the container (feed entry, JSONL line); used when the page
    /// itself states none.
    pub published: Option<String>,
    /// When the page was fetched (WARC record date).
    pub fetched: Option<String>,
    /// Character set declared outside the page (HTTP header); a BOM or valid UTF-8 still wins.
    pub charset: Option<String>,
}

/// The record id: the first 128 bits of the SHA-256 of the input bytes, in hex.
pub fn record_id(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest[..16].iter().map(|b| format!("{b:02x}")).collect()
}

/// The default longest clean text analysed, in characters: some 300 times a long news
/// article, so only dumps and pathological pages reach it.
pub const DEFAULT_MAX_TEXT_CHARS: usize = 5_000_000;

/// The default time budget of one document: far beyond what any article takes (milliseconds),
/// so that only pathological input reaches it.
pub const DEFAULT_DOC_TIMEOUT: Duration = Duration::from_secs(60);

/// Choices that change what a record holds, and the per-document limits.
#[derive(Debug, Clone)]
pub struct Options {
    /// Include the token layer in the record (off by default: it is large).
    pub tokens: bool,
    /// Longest clean text analysed, in characters; a longer article is an error
    /// ([`AnalyzeError::TextTooLong`]). `None`: no limit.
    pub max_text_chars: Option<usize>,
    /// Time budget of one document, checked after each stage; a document over it is an error
    /// ([`AnalyzeError::Timeout`]). `None`: no budget. Every stage is linear in the text, so a
    /// document stops at most one stage's time past the budget.
    pub doc_timeout: Option<Duration>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            tokens: false,
            max_text_chars: Some(DEFAULT_MAX_TEXT_CHARS),
            doc_timeout: Some(DEFAULT_DOC_TIMEOUT),
        }
    }
}

/// The time budget of one analysis: names the stage that overran it.
struct Budget {
    started: Instant,
    limit: Option<Duration>,
}

impl Budget {
    fn check(&self, stage: &'static str) -> Result<(), AnalyzeError> {
        match self.limit {
            Some(budget) if self.started.elapsed() > budget => {
                Err(AnalyzeError::Timeout { budget, stage })
            }
            _ => Ok(()),
        }
    }
}

/// Analyses one page (HTML or plain text, any supported encoding).
pub fn analyze(bytes: &[u8], origin: Origin, opts: &Options) -> Result<Record, AnalyzeError> {
    let budget = Budget {
        started: Instant::now(),
        limit: opts.doc_timeout,
    };
    let hints = dyad_extract::Hints {
        url: origin.url.as_deref(),
        charset: origin.charset.as_deref(),
    };
    let (format, mut ex) = dyad_extract::extract(bytes, &hints)?;
    if let Some(limit) = opts.max_text_chars {
        let chars = ex.text.chars().count();
        if chars > limit {
            return Err(AnalyzeError::TextTooLong { chars, limit });
        }
    }
    budget.check("extraction")?;
    if ex.meta.published.is_none() {
        ex.meta.published = origin.published;
    }
    let source = Source {
        path: origin.path,
        url: origin.url.or_else(|| ex.meta.canonical_url.clone()),
        format: format.name().to_string(),
        fetched: origin.fetched,
    };
    let mut rec = Record::new(record_id(bytes), source);
    rec.text = ex.text;
    rec.blocks = ex.blocks;
    rec.removed = ex.removed;
    rec.meta = ex.meta;
    let tokens = dyad_nlp::tokenize(&rec.text);
    rec.sentences = dyad_nlp::sentences_with_tokens(&rec.text, &rec.blocks, Some(&tokens));
    budget.check("sentences and tokens")?;
    // Entities, quotations and events read the tokens piece by piece: split them once.
    let fine = dyad_nlp::fine_tokens(&rec.text, &tokens);
    rec.entities = dyad_nlp::entities::entities_with_fine(
        dyad_nlp::entities::lexicon::Lexicon::shipped(),
        &rec.text,
        &rec.sentences,
        &fine,
        rec.meta.published.as_deref(),
    );
    budget.check("entities")?;
    rec.quotes = dyad_nlp::quotes_fine(&rec.text, &rec.sentences, &fine, &rec.entities);
    budget.check("quotes")?;
    (rec.amounts, rec.dates) =
        dyad_nlp::amounts_and_dates(&rec.text, &rec.sentences, rec.meta.published.as_deref());
    let text_dates = rec.dates.len();
    if let Some(caption) = rec.meta.caption.as_deref() {
        rec.dates
            .extend(caption_dates(caption, rec.meta.published.as_deref()));
    }
    budget.check("amounts and dates")?;
    rec.events = dyad_code::events(&dyad_code::Article {
        text: &rec.text,
        sentences: &rec.sentences,
        tokens: &tokens,
        fine: &fine,
        entities: &rec.entities,
        quotes: &rec.quotes,
        dates: &rec.dates[..text_dates],
        published: rec.meta.published.as_deref(),
    });
    budget.check("events")?;
    rec.tone = dyad_code::tone(&rec.text, &tokens);
    rec.themes = dyad_code::themes(&rec.text, &tokens);
    if opts.tokens {
        rec.tokens = tokens.iter().map(|t| t.span).collect::<Vec<Span>>();
    }
    Ok(rec.into_char_offsets())
}

/// The dates in the lead picture's caption (it often says when the picture was taken), with
/// byte spans into the caption. They date no event: the caption is not the article's text.
fn caption_dates(caption: &str, published: Option<&str>) -> Vec<dyad_doc::DateMention> {
    let whole = [Span::new(0, caption.len())];
    let (_, mut dates) = dyad_nlp::amounts_and_dates(caption, &whole, published);
    for d in &mut dates {
        d.within = Some(dyad_doc::MetaField::Caption);
    }
    dates
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_caption_dates_its_picture_but_no_event() {
        let page = "Photo Credit: Jane Roe/Agency\n\
                    Délégués at the talks in Geneva, March 3, 2021.\n\n\
                    Egypt strongly condemned the government of Libya over the attacks, and \
                    the talks in Switzerland went on for a week.";
        let r = analyze(page.as_bytes(), Origin::default(), &Options::default()).unwrap();
        let caption = r.meta.caption.as_deref().expect("the caption is read");
        let d = r
            .dates
            .iter()
            .find(|d| d.within == Some(dyad_doc::MetaField::Caption))
            .expect("the caption's date is read");
        assert_eq!(d.value, "2021-03-03");
        // Code-point spans into the caption, past its accented letter.
        let spanned: String = caption
            .chars()
            .skip(d.start)
            .take(d.end - d.start)
            .collect();
        assert_eq!(spanned, d.text);
        assert!(!r.text.contains("Geneva"), "{}", r.text);
        // The first sentence spans the caption date's offsets, yet its event is undated.
        assert!(!r.events.is_empty());
        assert!(r.events.iter().all(|e| e.date.is_none()), "{:?}", r.events);
    }

    #[test]
    fn same_bytes_same_record() {
        let page = "Israel recognised Azerbaijan in 1991. Ties grew.\n\nA second paragraph.";
        let a = analyze(page.as_bytes(), Origin::default(), &Options::default()).unwrap();
        let b = analyze(page.as_bytes(), Origin::default(), &Options::default()).unwrap();
        assert_eq!(a, b);
        assert_eq!(a.id.len(), 32);
        assert_eq!(a.source.format, "text");
    }

    #[test]
    fn measures_are_filled_in() {
        let page = "Israel recognised Azerbaijan in 1991. Azerbaijan provides 40% of Israel's oil, \
                    and its army bought nearly $5 billion worth of weapons and drones for its troops \
                    and soldiers.";
        let r = analyze(page.as_bytes(), Origin::default(), &Options::default()).unwrap();
        assert_eq!(r.dates.first().map(|d| d.value.as_str()), Some("1991"));
        assert_eq!(r.amounts.len(), 2);
        assert_eq!(r.amounts[1].unit, "USD");
        // Spans are code points once the record is finished.
        let a = &r.amounts[0];
        let spanned: String = r.text.chars().skip(a.start).take(a.end - a.start).collect();
        assert_eq!(spanned, "40%");
        assert!(r.tone.is_some_and(|t| t.words > 20));
        assert!(r.themes.contains(&"MILITARY".to_string()));
    }

    #[test]
    fn entities_are_found_and_offsets_are_code_points() {
        let page = "“Ties grew,” said Israel’s envoy. Israel recognised Azerbaijan in 1991.";
        let r = analyze(page.as_bytes(), Origin::default(), &Options::default()).unwrap();
        let codes: Vec<_> = r
            .entities
            .iter()
            .filter_map(|e| e.code.as_deref())
            .collect();
        assert!(
            codes.contains(&"ISR") && codes.contains(&"AZE"),
            "{codes:?}"
        );
        let chars: Vec<char> = r.text.chars().collect();
        for m in r.entities.iter().flat_map(|e| &e.mentions) {
            let s: String = chars[m.start..m.end].iter().collect();
            assert_eq!(s, m.text);
        }
    }

    #[test]
    fn text_over_the_limit_is_an_error_naming_both_lengths() {
        let opts = Options {
            max_text_chars: Some(20),
            ..Options::default()
        };
        let page = "Israel recognised Azerbaijan in 1991. Ties grew.";
        let err = analyze(page.as_bytes(), Origin::default(), &opts).unwrap_err();
        assert_eq!(
            err,
            AnalyzeError::TextTooLong {
                chars: page.chars().count(),
                limit: 20
            }
        );
        assert!(err.to_string().contains("--max-text-chars"), "{err}");
        let unlimited = Options {
            max_text_chars: None,
            ..Options::default()
        };
        assert!(analyze(page.as_bytes(), Origin::default(), &unlimited).is_ok());
    }

    #[test]
    fn a_document_over_its_time_budget_is_an_error() {
        let opts = Options {
            doc_timeout: Some(Duration::ZERO),
            ..Options::default()
        };
        let page = "Israel recognised Azerbaijan in 1991. Ties grew.";
        let err = analyze(page.as_bytes(), Origin::default(), &opts).unwrap_err();
        assert!(
            matches!(
                err,
                AnalyzeError::Timeout {
                    stage: "extraction",
                    ..
                }
            ),
            "{err:?}"
        );
        assert!(err.to_string().contains("--doc-timeout-ms"), "{err}");
    }

    #[test]
    fn empty_input_is_an_error() {
        assert!(analyze(b"", Origin::default(), &Options::default()).is_err());
    }
}
