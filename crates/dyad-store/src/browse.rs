//! Browsing the store: pages of articles, one stored record, the actors with their event
//! counts, and a cheap revision marker that tells a cache when the store has changed.

use std::collections::BTreeMap;

use rusqlite::{params, OptionalExtension};
use serde::Serialize;

use crate::{Result, Store};

/// A marker that changes whenever records are added to the store or failures recorded: the
/// highest row ids of the growing tables and the number of failures. Reading it costs a few
/// index look-ups.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Revision {
    pub articles: i64,
    pub events: i64,
    pub quotes: i64,
    pub failures: i64,
}

impl Store {
    /// The store's current [`Revision`].
    pub fn revision(&self) -> Result<Revision> {
        Ok(self.conn.query_row(
            "SELECT (SELECT coalesce(max(rowid), 0) FROM articles),
                    (SELECT coalesce(max(rowid), 0) FROM events),
                    (SELECT coalesce(max(rowid), 0) FROM quotes),
                    (SELECT count(*) FROM failures)",
            [],
            |r| {
                Ok(Revision {
                    articles: r.get(0)?,
                    events: r.get(1)?,
                    quotes: r.get(2)?,
                    failures: r.get(3)?,
                })
            },
        )?)
    }
}

/// Which page of articles to list.
#[derive(Debug, Clone)]
pub struct ArticleOptions {
    /// Largest number of articles.
    pub limit: usize,
    /// Articles to pass over first.
    pub offset: usize,
    /// Only articles that name this actor (a CAMEO code or its first three letters).
    pub actor: Option<String>,
}

impl Default for ArticleOptions {
    fn default() -> Self {
        ArticleOptions {
            limit: 50,
            offset: 0,
            actor: None,
        }
    }
}

/// One stored article with the size of its layers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ArticleRow {
    pub id: String,
    pub title: Option<String>,
    pub published: Option<String>,
    pub site: Option<String>,
    pub url: Option<String>,
    pub events: i64,
    pub entities: i64,
    pub quotes: i64,
    /// Stored as a near-duplicate of an earlier story (its layers are not counted again).
    pub duplicate: bool,
}

/// A page of articles, newest first, and how many match in all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ArticleList {
    pub total: i64,
    pub articles: Vec<ArticleRow>,
}

/// Lists articles, newest publication date first (undated last, then newest stored first).
pub fn articles(store: &Store, opts: &ArticleOptions) -> Result<ArticleList> {
    let conn = store.connection();
    let actor = opts.actor.as_deref().map(str::to_ascii_uppercase);
    // The articles naming the actor, gathered once from the two entity indexes.
    const NAMING: &str = "SELECT article FROM entities WHERE actor = ?1
                          UNION SELECT article FROM entities WHERE code = ?1";

    let total: i64 = match &actor {
        None => conn
            .prepare_cached("SELECT count(*) FROM articles")?
            .query_row([], |r| r.get(0))?,
        Some(a) => conn
            .prepare_cached(&format!("SELECT count(*) FROM ({NAMING})"))?
            .query_row([a], |r| r.get(0))?,
    };
    let mut st = conn.prepare_cached(&format!(
        "SELECT a.id, a.title, a.published, a.site, a.url,
                (SELECT count(*) FROM events v WHERE v.article = a.rowid),
                (SELECT count(*) FROM entities e WHERE e.article = a.rowid),
                (SELECT count(*) FROM quotes q WHERE q.article = a.rowid),
                a.duplicate
         FROM articles a WHERE ?1 IS NULL OR a.rowid IN ({NAMING})
         ORDER BY a.published DESC, a.rowid DESC LIMIT ?2 OFFSET ?3"
    ))?;
    let articles = st
        .query_map(params![actor, opts.limit as i64, opts.offset as i64], |r| {
            Ok(ArticleRow {
                id: r.get(0)?,
                title: r.get(1)?,
                published: r.get(2)?,
                site: r.get(3)?,
                url: r.get(4)?,
                events: r.get(5)?,
                entities: r.get(6)?,
                quotes: r.get(7)?,
                duplicate: r.get(8)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(ArticleList { total, articles })
}

/// The stored `dyad.article/1` record of an article, as the JSON text it was stored as
/// (spans in code points); `None` for an unknown id.
pub fn article_record(store: &Store, id: &str) -> Result<Option<String>> {
    Ok(store
        .connection()
        .prepare_cached("SELECT record FROM articles WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?)
}

/// An actor (the first three letters of its codes) with a display name and the events it
/// took part in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActorRow {
    pub code: String,
    /// The name the store most often gives the actor itself (else any of its members).
    pub name: Option<String>,
    /// Events with the actor as source or target, neither negated nor hypothetical.
    pub events: i64,
}

/// Actors, most events first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActorList {
    pub actors: Vec<ActorRow>,
}

impl ActorList {
    /// The first `limit` actors whose code starts with `query` or whose name contains it
    /// (ignoring case); every actor when `query` is empty.
    pub fn matching(&self, query: &str, limit: usize) -> ActorList {
        let q = query.trim().to_lowercase();
        let actors = self
            .actors
            .iter()
            .filter(|a| {
                q.is_empty()
                    || a.code.to_lowercase().starts_with(&q)
                    || a.name
                        .as_ref()
                        .is_some_and(|n| n.to_lowercase().contains(&q))
            })
            .take(limit)
            .cloned()
            .collect();
        ActorList { actors }
    }
}

/// Every actor named in the store or taking part in an event, most events first, then by code.
pub fn actors(store: &Store) -> Result<ActorList> {
    let conn = store.connection();
    let mut events: BTreeMap<String, i64> = BTreeMap::new();
    {
        let mut st = conn.prepare(
            "SELECT actor, count(*) FROM (
                 SELECT source_actor AS actor FROM events
                 WHERE source_actor IS NOT NULL AND negated = 0 AND hypothetical = 0
                 UNION ALL
                 SELECT target_actor FROM events
                 WHERE target_actor IS NOT NULL AND negated = 0 AND hypothetical = 0
                   AND target_actor IS NOT source_actor)
             GROUP BY actor",
        )?;
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            events.insert(r.get(0)?, r.get(1)?);
        }
    }
    // Per actor, the best name: one that stands for the actor itself (its code is the actor's
    // code) before one of its members, then the most mentioned, then the first in order.
    let mut names: BTreeMap<String, (bool, i64, String)> = BTreeMap::new();
    {
        let mut st = conn.prepare(
            "SELECT actor, name, max(code = actor), sum(mentions) FROM entities
             WHERE actor IS NOT NULL GROUP BY actor, name ORDER BY actor, name",
        )?;
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            let actor: String = r.get(0)?;
            let candidate = (r.get::<_, bool>(2)?, r.get::<_, i64>(3)?, r.get(1)?);
            let better = |old: &(bool, i64, String)| (candidate.0, candidate.1) > (old.0, old.1);
            match names.get(&actor) {
                Some(old) if !better(old) => {}
                _ => {
                    names.insert(actor, candidate);
                }
            }
        }
    }
    let mut actors: Vec<ActorRow> = names
        .keys()
        .chain(events.keys())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .map(|code| ActorRow {
            code: code.clone(),
            name: names.get(code).map(|n| n.2.clone()),
            events: events.get(code).copied().unwrap_or(0),
        })
        .collect();
    actors.sort_by(|x, y| y.events.cmp(&x.events).then_with(|| x.code.cmp(&y.code)));
    Ok(ActorList { actors })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synth;

    fn store_of(articles: usize) -> Store {
        let store = Store::open_in_memory().unwrap();
        let mut ing = store.ingester(100);
        for r in synth::records(articles, 5, 7) {
            ing.add(&r).unwrap();
        }
        ing.finish().unwrap();
        store
    }

    #[test]
    fn pages_are_ordered_and_counted() {
        let store = store_of(30);
        let all = articles(
            &store,
            &ArticleOptions {
                limit: 100,
                ..ArticleOptions::default()
            },
        )
        .unwrap();
        assert_eq!(all.total, 30);
        assert_eq!(all.articles.len(), 30);
        let dates: Vec<&str> = all
            .articles
            .iter()
            .map(|a| a.published.as_deref().unwrap())
            .collect();
        assert!(dates.windows(2).all(|w| w[0] >= w[1]), "{dates:?}");
        assert!(all
            .articles
            .iter()
            .all(|a| a.events == 5 && a.entities == 4));
        let page = articles(
            &store,
            &ArticleOptions {
                limit: 7,
                offset: 10,
                actor: None,
            },
        )
        .unwrap();
        assert_eq!(page.total, 30);
        assert_eq!(page.articles, all.articles[10..17]);
    }

    #[test]
    fn actor_filter_keeps_only_articles_naming_it() {
        let store = store_of(30);
        let isr = articles(
            &store,
            &ArticleOptions {
                actor: Some("isr".into()),
                limit: 100,
                offset: 0,
            },
        )
        .unwrap();
        assert!(isr.total > 0 && isr.total < 30, "{}", isr.total);
        assert_eq!(isr.articles.len() as i64, isr.total);
        for a in &isr.articles {
            let rec = article_record(&store, &a.id).unwrap().unwrap();
            assert!(rec.contains("Israel"), "{}", a.id);
        }
    }

    #[test]
    fn records_by_id() {
        let store = store_of(3);
        let rec = article_record(&store, "synth0000000001").unwrap().unwrap();
        let v: serde_json::Value = serde_json::from_str(&rec).unwrap();
        assert_eq!(v["id"], "synth0000000001");
        assert!(article_record(&store, "nope").unwrap().is_none());
    }

    #[test]
    fn actors_have_names_counts_and_filters() {
        let store = store_of(40);
        let list = actors(&store).unwrap();
        assert!(list.actors.len() > 5);
        assert!(list
            .actors
            .windows(2)
            .all(|w| w[0].events > w[1].events
                || (w[0].events == w[1].events && w[0].code < w[1].code)));
        let total: i64 = list.actors.iter().map(|a| a.events).sum();
        // Every synthetic event joins two different actors.
        assert_eq!(total, 2 * 40 * 5);
        let isr = list.actors.iter().find(|a| a.code == "ISR").unwrap();
        assert_eq!(isr.name.as_deref(), Some("Israel"));
        let found = list.matching("isr", 10);
        assert_eq!(found.actors[0].code, "ISR");
        let by_name = list.matching("united", 10);
        let codes: Vec<&str> = by_name.actors.iter().map(|a| a.code.as_str()).collect();
        assert!(
            codes.iter().all(|c| ["USA", "GBR", "ARE"].contains(c)),
            "{codes:?}"
        );
        assert_eq!(list.matching("", 3).actors.len(), 3);
    }

    #[test]
    fn revision_moves_when_records_arrive() {
        let store = store_of(2);
        let before = store.revision().unwrap();
        assert_eq!(before, store.revision().unwrap());
        let mut ing = store.ingester(10);
        for r in synth::records(3, 5, 99).skip(2) {
            // Different content under a new id and URL.
            let mut r = r;
            r.id = "extra".into();
            r.source.url = Some("https://news.example/extra".into());
            ing.add(&r).unwrap();
        }
        ing.finish().unwrap();
        assert_ne!(before, store.revision().unwrap());
    }
}
