//! Event coding for a whole article: the entities' mentions become actor mentions, and the
//! verb and noun patterns of `dyad-events` code them against the CAMEO codebook of [`cameo`].

use dyad_doc::{DateMention, Entity, Event, Quote, Span};
use dyad_events::{quad_from_root, ActorMention, Codebook, EventCoder, Inputs};
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

/// One actor mention per entity mention that carries an actor code, in text order.
pub fn actor_mentions(entities: &[Entity]) -> Vec<ActorMention> {
    let mut out: Vec<ActorMention> = entities
        .iter()
        .filter_map(|e| e.code.as_ref().map(|c| (e, c)))
        .flat_map(|(e, code)| {
            e.mentions.iter().map(move |m| ActorMention {
                start: m.start,
                end: m.end,
                code: code.clone(),
                entity: Some(e.id.clone()),
            })
        })
        .collect();
    out.sort_by_key(|a| (a.start, a.end));
    out
}

/// Everything the coder reads from an annotated article (byte offsets).
pub struct Article<'a> {
    pub text: &'a str,
    pub sentences: &'a [Span],
    pub tokens: &'a [Token],
    pub entities: &'a [Entity],
    pub quotes: &'a [Quote],
    pub dates: &'a [DateMention],
    pub published: Option<&'a str>,
}

/// Codes the article's events with the shipped verb and noun patterns.
pub fn events(article: &Article) -> Vec<Event> {
    let actors = actor_mentions(article.entities);
    let inputs = Inputs {
        text: article.text,
        sentences: article.sentences,
        tokens: article.tokens,
        actors: &actors,
        quotes: article.quotes,
        dates: article.dates,
        published: article.published,
    };
    EventCoder::shared().code(&inputs, &CameoBook)
}
