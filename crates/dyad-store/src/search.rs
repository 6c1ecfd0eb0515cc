//! Full-text search (SQLite FTS5) over article titles and texts and over quotations, with the
//! sentence that holds the first hit. User queries are rewritten into safe FTS5 syntax first.

use dyad_doc::Span;
use rusqlite::params;
use serde::{Deserialize, Serialize};

use crate::{Result, Store, StoreError};

/// What to search for and how to narrow it.
#[derive(Debug, Clone, Default)]
pub struct SearchOptions {
    /// The user's query: words, "quoted phrases", `word*` prefixes, `OR`, `NOT`.
    pub query: String,
    /// Only articles that name this actor (a CAMEO code or its first three letters).
    pub actor: Option<String>,
    /// Only articles published on or after this ISO date.
    pub from: Option<String>,
    /// Only articles published on or before this ISO date.
    pub to: Option<String>,
    /// Largest number of hits of each kind.
    pub limit: usize,
}

/// An article that matches, with the sentence holding the first hit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArticleHit {
    pub article: String,
    pub title: Option<String>,
    pub published: Option<String>,
    pub url: Option<String>,
    /// The sentence that holds the first hit (none when only the title matched).
    pub sentence: Option<String>,
    /// Code-point span of that sentence in the article text.
    pub span: Option<Span>,
    /// BM25 rank (lower is better).
    pub score: f64,
}

/// A quotation that matches.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteHit {
    pub article: String,
    pub title: Option<String>,
    pub published: Option<String>,
    pub quote: String,
    pub speaker: Option<String>,
    /// The sentence the quotation is in.
    pub sentence: Option<String>,
    pub score: f64,
}

/// The answer to a search.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchResults {
    /// The query as given.
    pub query: String,
    /// The query as run by FTS5.
    pub fts_query: String,
    pub articles: Vec<ArticleHit>,
    pub quotes: Vec<QuoteHit>,
}

/// Rewrites a user's query into FTS5 syntax that cannot fail to parse: every word becomes a
/// quoted term, `"phrases"` stay phrases, a trailing `*` makes a prefix term, `OR` and `NOT`
/// between terms are kept, everything else (brackets, column filters, stray quotes) is dropped.
pub fn sanitize_query(query: &str) -> Result<String> {
    enum Tok {
        Term(String),
        Op(&'static str),
    }
    let words_of = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    };
    let mut toks: Vec<Tok> = Vec::new();
    let mut rest = query;
    while !rest.is_empty() {
        let Some(c) = rest.chars().next() else { break };
        if c == '"' {
            let body = &rest[1..];
            let (phrase, after) = match body.find('"') {
                Some(i) => (&body[..i], &body[i + 1..]),
                None => (body, ""),
            };
            let words = words_of(phrase);
            if !words.is_empty() {
                toks.push(Tok::Term(format!("\"{}\"", words.join(" "))));
            }
            rest = after;
            continue;
        }
        if c.is_alphanumeric() {
            let end = rest
                .find(|c: char| !c.is_alphanumeric())
                .unwrap_or(rest.len());
            let word = &rest[..end];
            let prefix = rest[end..].starts_with('*');
            rest = &rest[end + usize::from(prefix)..];
            match word {
                "OR" => toks.push(Tok::Op("OR")),
                "NOT" => toks.push(Tok::Op("NOT")),
                "AND" => {}
                _ => toks.push(Tok::Term(format!(
                    "\"{word}\"{}",
                    if prefix { "*" } else { "" }
                ))),
            }
            continue;
        }
        rest = &rest[c.len_utf8()..];
    }
    // Keep an operator only between two terms.
    let mut out: Vec<String> = Vec::new();
    let mut pending_op: Option<&str> = None;
    for t in toks {
        match t {
            Tok::Op(op) => {
                if !out.is_empty() {
                    pending_op = Some(op);
                }
            }
            Tok::Term(term) => {
                if let Some(op) = pending_op.take() {
                    out.push(op.to_string());
                }
                out.push(term);
            }
        }
    }
    if out.is_empty() {
        return Err(StoreError::EmptyQuery(query.to_string()));
    }
    Ok(out.join(" "))
}

#[derive(Deserialize)]
struct Sentences {
    #[serde(default)]
    sentences: Vec<Span>,
}

/// Searches articles and quotations.
pub fn search(store: &Store, opts: &SearchOptions) -> Result<SearchResults> {
    let fts = sanitize_query(&opts.query)?;
    let conn = store.connection();
    let limit = opts.limit.max(1) as i64;
    let actor = opts.actor.as_deref().map(str::to_ascii_uppercase);
    const FILTER: &str = "(?2 IS NULL OR a.published >= ?2)
        AND (?3 IS NULL OR substr(a.published, 1, length(?3)) <= ?3)
        AND (?4 IS NULL OR EXISTS (SELECT 1 FROM entities e WHERE e.article = a.rowid
                                   AND (e.actor = ?4 OR e.code = ?4)))";

    // Rank on the full-text index alone (reading an article row only when a filter needs
    // it), then fetch the rows and highlights of the few best: a common word matches most of
    // the corpus, and highlighting or sorting whole rows for every match would cost many times
    // more than the ranking.
    let mut st = conn.prepare(&format!(
        "WITH top AS (
             SELECT f.rowid AS rid, bm25(articles_fts) AS score FROM articles_fts f
             WHERE articles_fts MATCH ?1
               AND ((?2 IS NULL AND ?3 IS NULL AND ?4 IS NULL)
                    OR EXISTS (SELECT 1 FROM articles a WHERE a.rowid = f.rowid AND {FILTER}))
             ORDER BY score, f.rowid LIMIT ?5)
         SELECT a.id, a.title, a.published, a.url, a.text, a.record,
                (SELECT highlight(articles_fts, 1, char(1), char(2)) FROM articles_fts
                 WHERE articles_fts MATCH ?1 AND rowid = top.rid),
                top.score
         FROM top JOIN articles a ON a.rowid = top.rid ORDER BY top.score, top.rid"
    ))?;
    let mut articles = Vec::new();
    let mut rows = st.query(params![fts, opts.from, opts.to, actor, limit])?;
    while let Some(r) = rows.next()? {
        let text: String = r.get(4)?;
        let record: String = r.get(5)?;
        let marked: String = r.get(6)?;
        let hit = marked.find('\u{1}').map(|b| marked[..b].chars().count());
        let sentences: Vec<Span> = serde_json::from_str::<Sentences>(&record)
            .map(|s| s.sentences)
            .unwrap_or_default();
        let span = hit.and_then(|at| {
            sentences
                .iter()
                .find(|s| s.start <= at && at < s.end)
                .copied()
        });
        let sentence = span.map(|s| text.chars().skip(s.start).take(s.end - s.start).collect());
        articles.push(ArticleHit {
            article: r.get(0)?,
            title: r.get(1)?,
            published: r.get(2)?,
            url: r.get(3)?,
            sentence,
            span,
            score: r.get(7)?,
        });
    }

    let mut st = conn.prepare(&format!(
        "SELECT a.id, a.title, a.published, q.text, q.speaker_name, q.sentence,
                bm25(quotes_fts) AS score
         FROM quotes_fts JOIN quotes q ON q.rowid = quotes_fts.rowid
         JOIN articles a ON a.rowid = q.article
         WHERE quotes_fts MATCH ?1 AND {FILTER}
         ORDER BY score, q.rowid LIMIT ?5"
    ))?;
    let quotes = st
        .query_map(params![fts, opts.from, opts.to, actor, limit], |r| {
            Ok(QuoteHit {
                article: r.get(0)?,
                title: r.get(1)?,
                published: r.get(2)?,
                quote: r.get(3)?,
                speaker: r.get(4)?,
                sentence: r.get(5)?,
                score: r.get(6)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(SearchResults {
        query: opts.query.clone(),
        fts_query: fts,
        articles,
        quotes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_become_safe_fts() {
        assert_eq!(
            sanitize_query("Israel Azerbaijan").unwrap(),
            r#""Israel" "Azerbaijan""#
        );
        assert_eq!(
            sanitize_query(r#""energy deal" OR gas*"#).unwrap(),
            r#""energy deal" OR "gas"*"#
        );
        assert_eq!(sanitize_query("AND (oil) NOT").unwrap(), r#""oil""#);
        assert_eq!(
            sanitize_query("title:Baku \"unclosed").unwrap(),
            r#""title" "Baku" "unclosed""#
        );
        assert!(matches!(
            sanitize_query("*** ( ) \"\" :"),
            Err(StoreError::EmptyQuery(_))
        ));
    }
}
