//! The routes: the JSON API over the store and the embedded UI files.

use axum::extract::{Path, RawQuery, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use dyad_store::{ArticleOptions, RelationOptions, SearchOptions};
use serde::Serialize;

use std::sync::Arc;

use crate::assets;
use crate::cache::{Cached, Caches};
use crate::error::{json_body, ApiError};
use crate::params::Params;
use crate::AppState;

/// Largest `limit` of any listing.
pub const MAX_LIMIT: i64 = 200;
/// `limit` when none is given.
pub const DEFAULT_LIMIT: i64 = 50;
/// Largest `offset` into the article list.
pub const MAX_OFFSET: i64 = 10_000_000;
/// Longest actor name or code a dyad side may be given as.
const MAX_ACTOR_CHARS: usize = 200;
/// Longest search query.
const MAX_QUERY_CHARS: usize = 500;
/// Longest article id.
const MAX_ID_CHARS: usize = 200;

/// Every route of the server, as `(path, what it answers)`; the OpenAPI description and the
/// tests check themselves against this list.
pub const ROUTES: [(&str, &str); 10] = [
    ("/", "the web UI's page"),
    ("/assets/{name}", "one embedded UI file"),
    ("/api/stats", "counts of what the store holds"),
    (
        "/api/graph",
        "the signed relations graph with alignment blocs",
    ),
    ("/api/relation", "the summary of one dyad"),
    (
        "/api/search",
        "full-text search over articles and quotations",
    ),
    ("/api/articles", "a page of articles, newest first"),
    ("/api/articles/{id}", "one stored article record"),
    ("/api/actors", "actors with their event counts"),
    ("/api/openapi.json", "this API's OpenAPI 3.1 description"),
];

/// The routes, before the guard and the state are added.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(index))
        .route("/assets/{name}", get(asset))
        .route("/api/stats", get(stats))
        .route("/api/graph", get(graph))
        .route("/api/relation", get(relation))
        .route("/api/search", get(search))
        .route("/api/articles", get(articles))
        .route("/api/articles/{id}", get(article))
        .route("/api/actors", get(actors))
        .route("/api/openapi.json", get(openapi))
        .fallback(not_found)
}

type Answer = Result<Response, ApiError>;

fn json<T: Serialize>(value: &T) -> Answer {
    serde_json::to_vec(value)
        .map(json_body)
        .map_err(ApiError::internal)
}

/// A whole-store answer from its cache: served at once while recently checked, else checked
/// (and computed when the store has changed) on a pooled connection.
async fn cached<T: Send + Sync + 'static>(
    app: &AppState,
    slot: fn(&Caches) -> &Cached<T>,
    compute: fn(&dyad_store::Store) -> dyad_store::Result<T>,
) -> Result<Arc<T>, ApiError> {
    if let Some(v) = slot(&app.cache).recent() {
        return Ok(v);
    }
    let app2 = app.clone();
    app.pool
        .run(move |store| slot(&app2.cache).get(store, compute))
        .await
}

async fn not_found() -> ApiError {
    ApiError::not_found("no such path (the API is described at /api/openapi.json)")
}

async fn index(RawQuery(q): RawQuery) -> Answer {
    Params::parse(q.as_deref(), &[])?;
    serve_asset("index.html")
}

async fn asset(
    name: Result<Path<String>, axum::extract::rejection::PathRejection>,
    RawQuery(q): RawQuery,
) -> Answer {
    Params::parse(q.as_deref(), &[])?;
    serve_asset(&path_param(name)?)
}

/// A path parameter, or a 400 when it is not valid percent-encoded UTF-8.
fn path_param(
    value: Result<Path<String>, axum::extract::rejection::PathRejection>,
) -> Result<String, ApiError> {
    value
        .map(|Path(v)| v)
        .map_err(|_| ApiError::bad_request("path: not valid percent-encoded UTF-8"))
}

fn serve_asset(name: &str) -> Answer {
    let a = assets::asset(name)
        .ok_or_else(|| ApiError::not_found(format!("no UI file named {name:?}")))?;
    Ok((
        [
            (header::CONTENT_TYPE, a.content_type),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        a.body,
    )
        .into_response())
}

async fn openapi(RawQuery(q): RawQuery) -> Answer {
    Params::parse(q.as_deref(), &[])?;
    Ok(json_body(crate::openapi::openapi_json()))
}

async fn stats(State(app): State<AppState>, RawQuery(q): RawQuery) -> Answer {
    Params::parse(q.as_deref(), &[])?;
    let stats = cached(&app, |c| &c.stats, dyad_store::stats).await?;
    json(&*stats)
}

async fn graph(State(app): State<AppState>, RawQuery(q): RawQuery) -> Answer {
    let p = Params::parse(q.as_deref(), &["min_events"])?;
    let min_events = p.int("min_events", 1..=1_000_000_000, 1)?;
    let graph = cached(&app, |c| &c.graph, dyad_store::graph).await?;
    if min_events <= 1 {
        json(&*graph)
    } else {
        json(&graph.with_min_events(min_events))
    }
}

async fn relation(State(app): State<AppState>, RawQuery(q): RawQuery) -> Answer {
    let p = Params::parse(q.as_deref(), &["a", "b"])?;
    let a = p.required("a", MAX_ACTOR_CHARS)?.to_string();
    let b = p.required("b", MAX_ACTOR_CHARS)?.to_string();
    let rel = app
        .pool
        .run(move |store| {
            Ok(dyad_store::relation(
                store,
                &a,
                &b,
                &RelationOptions::default(),
            )?)
        })
        .await?;
    json(&rel)
}

async fn search(State(app): State<AppState>, RawQuery(q): RawQuery) -> Answer {
    let p = Params::parse(q.as_deref(), &["q", "actor", "from", "to", "limit"])?;
    let from = p.date("from")?.map(str::to_string);
    let to = p.date("to")?.map(str::to_string);
    if let (Some(f), Some(t)) = (&from, &to) {
        if f > t {
            return Err(ApiError::bad_request(
                "parameters from, to: from is after to",
            ));
        }
    }
    let opts = SearchOptions {
        query: p.required("q", MAX_QUERY_CHARS)?.to_string(),
        actor: p.actor_code("actor")?,
        from,
        to,
        limit: p.int("limit", 1..=MAX_LIMIT, DEFAULT_LIMIT)? as usize,
    };
    // Refuse a query with nothing to search for before taking a connection.
    dyad_store::sanitize_query(&opts.query)?;
    let hits = app
        .pool
        .run(move |store| Ok(dyad_store::search(store, &opts)?))
        .await?;
    json(&hits)
}

async fn articles(State(app): State<AppState>, RawQuery(q): RawQuery) -> Answer {
    let p = Params::parse(q.as_deref(), &["limit", "offset", "actor"])?;
    let opts = ArticleOptions {
        limit: p.int("limit", 1..=MAX_LIMIT, DEFAULT_LIMIT)? as usize,
        offset: p.int("offset", 0..=MAX_OFFSET, 0)? as usize,
        actor: p.actor_code("actor")?,
    };
    let list = app
        .pool
        .run(move |store| Ok(dyad_store::articles(store, &opts)?))
        .await?;
    json(&list)
}

async fn article(
    State(app): State<AppState>,
    id: Result<Path<String>, axum::extract::rejection::PathRejection>,
    RawQuery(q): RawQuery,
) -> Answer {
    Params::parse(q.as_deref(), &[])?;
    let id = path_param(id)?;
    if id.is_empty() || id.chars().count() > MAX_ID_CHARS {
        return Err(ApiError::bad_request(format!(
            "id: must have 1 to {MAX_ID_CHARS} characters"
        )));
    }
    let lookup = id.clone();
    let record = app
        .pool
        .run(move |store| Ok(dyad_store::article_record(store, &lookup)?))
        .await?;
    match record {
        Some(json) => Ok(json_body(json)),
        None => Err(ApiError::not_found(format!("no article with id {id:?}"))),
    }
}

async fn actors(State(app): State<AppState>, RawQuery(q): RawQuery) -> Answer {
    let p = Params::parse(q.as_deref(), &["q", "limit"])?;
    let query = p.text("q", MAX_ACTOR_CHARS)?.unwrap_or("").to_string();
    let limit = p.int("limit", 1..=MAX_LIMIT, DEFAULT_LIMIT)? as usize;
    let all = cached(&app, |c| &c.actors, dyad_store::actors).await?;
    json(&all.matching(&query, limit))
}
