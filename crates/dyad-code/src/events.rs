//! Event coding for a whole article: the entities and agents become actor mentions
//! ([`crate::actors`]), and the
//! verb and noun patterns of `dyad-events` code them against the CAMEO codebook of [`cameo`].

use dyad_doc::{DateMention, Entity, Event, Quote, Span};
use dyad_events::{quad_from_root, Codebook, EventCoder, Inputs};
use dyad_nlp::Token;

use crate::cameo;

/// The CAMEO codebook shipped in `data/cameo`, as the event coder asks for it.
#[derive(Debug, Clone, Copy, Default)]
pub struct CameoBook;

impl Codebook for CameoBook {
    fn goldstein(&self, code: &str) -> Option<f64> {
        cameo::goldstein(code)
    }
    fn quad_class(&self, code: &str) -> Option<u8> {
        cameo::quad_class(code).or_else(|| quad_from_root(code))
    }
    fn plover(&self, code: &str) -> Option<String> {
        cameo::plover(code).map(|p| p.event.to_string())
    }
}

/// Everything the coder reads from an annotated article (byte offsets).
pub struct Article<'a> {
    pub text: &'a str,
    pub sentences: &'a [Span],
    pub tokens: &'a [Token],
    /// The finest pieces of `tokens` ([`dyad_nlp::fine_tokens`]).
    pub fine: &'a [Token],
    pub entities: &'a [Entity],
    pub quotes: &'a [Quote],
    pub dates: &'a [DateMention],
    pub published: Option<&'a str>,
}

/// Codes the article's events with the shipped verb and noun patterns.
pub fn events(article: &Article) -> Vec<Event> {
    let actors = crate::actors::actor_mentions(
        article.text,
        article.sentences,
        article.tokens,
        article.entities,
    );
    let inputs = Inputs {
        text: article.text,
        sentences: article.sentences,
        fine: article.fine,
        actors: &actors,
        quotes: article.quotes,
        dates: article.dates,
        published: article.published,
    };
    EventCoder::shared().code(&inputs, &CameoBook)
}
