//! The OpenAPI 3.1 description of the API, written out by hand with `serde_json`.

use std::sync::OnceLock;

use serde_json::{json, Map, Value};

use crate::api::{DEFAULT_LIMIT, MAX_LIMIT, MAX_OFFSET};

fn string() -> Value {
    json!({ "type": "string" })
}
fn nullable(kind: &str) -> Value {
    json!({ "type": [kind, "null"] })
}
fn integer() -> Value {
    json!({ "type": "integer" })
}
fn number() -> Value {
    json!({ "type": "number" })
}
fn array(items: Value) -> Value {
    json!({ "type": "array", "items": items })
}
fn schema_ref(name: &str) -> Value {
    json!({ "$ref": format!("#/components/schemas/{name}") })
}

/// An object schema whose listed properties are all required.
fn object(props: &[(&str, Value)]) -> Value {
    let properties: Map<String, Value> = props
        .iter()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect();
    let required: Vec<&str> = props.iter().map(|(k, _)| *k).collect();
    json!({ "type": "object", "properties": properties, "required": required })
}

/// A query parameter.
fn query(name: &str, required: bool, schema: Value, description: &str) -> Value {
    json!({
        "name": name, "in": "query", "required": required,
        "schema": schema, "description": description
    })
}

fn limit_param() -> Value {
    query(
        "limit",
        false,
        json!({ "type": "integer", "minimum": 1, "maximum": MAX_LIMIT, "default": DEFAULT_LIMIT }),
        "Largest number of items returned.",
    )
}

fn actor_param(description: &str) -> Value {
    query(
        "actor",
        false,
        json!({ "type": "string", "pattern": "^[A-Za-z]{1,30}$" }),
        description,
    )
}

fn date_param(name: &str, description: &str) -> Value {
    query(
        name,
        false,
        json!({ "type": "string", "format": "date" }),
        description,
    )
}

/// A `GET` operation answering `schema` with 200, and the errors every route may give.
fn get(summary: &str, params: Vec<Value>, ok: Value, not_found: Option<&str>) -> Value {
    let error = |d: &str| {
        json!({ "description": d, "content": { "application/json": {
            "schema": schema_ref("Error") } } })
    };
    let mut responses = json!({
        "200": { "description": "OK", "content": { "application/json": { "schema": ok } } },
        "400": error("A parameter is missing, unknown, repeated or invalid; the message names it."),
        "503": error("The server is busy or the request took too long; retry after the Retry-After seconds."),
    });
    if let Some(d) = not_found {
        responses["404"] = error(d);
    }
    json!({ "get": { "summary": summary, "parameters": params, "responses": responses } })
}

fn schemas() -> Value {
    let span = object(&[("start", integer()), ("end", integer())]);
    json!({
        "Error": object(&[("error", string())]),
        "Stats": object(&[
            ("articles", integer()), ("stories", integer()), ("duplicates", integer()),
            ("entities", integer()), ("quotes", integer()), ("events", integer()),
            ("amounts", integer()), ("failed", integer()),
        ]),
        "Graph": object(&[
            ("nodes", array(object(&[
                ("code", string()), ("events", integer()), ("bloc", integer()),
            ]))),
            ("edges", array(object(&[
                ("a", string()), ("b", string()), ("events", integer()), ("joint", integer()),
                ("cooperation", integer()), ("conflict", integer()), ("weight", number()),
            ]))),
            ("blocs", array(array(string()))),
            ("frustration", number()),
        ]),
        "Relation": object(&[
            ("a", object(&[("query", string()), ("codes", array(string()))])),
            ("b", object(&[("query", string()), ("codes", array(string()))])),
            ("events", integer()), ("a_to_b", integer()), ("b_to_a", integer()),
            ("cooperation", integer()), ("conflict", integer()),
            ("goldstein_mean", nullable("number")), ("articles", integer()),
            ("tone_mean", nullable("number")),
            ("months", array(object(&[
                ("month", nullable("string")), ("events", integer()),
                ("quad", json!({ "type": "array", "items": integer(), "minItems": 4, "maxItems": 4 })),
                ("goldstein_mean", number()),
                ("cameo_roots", json!({ "type": "object", "additionalProperties": integer() })),
                ("plover", json!({ "type": "object", "additionalProperties": integer() })),
            ]))),
            ("quotes", array(object(&[
                ("article", string()), ("title", nullable("string")),
                ("published", nullable("string")), ("speaker", nullable("string")),
                ("speaker_code", string()), ("about", string()), ("quote", string()),
            ]))),
            ("amounts", array(object(&[
                ("article", string()), ("value", number()), ("unit", string()),
                ("approximate", json!({ "type": "boolean" })), ("about", nullable("string")),
                ("text", string()),
            ]))),
            ("evidence", array(object(&[
                ("article", string()), ("title", nullable("string")), ("event", string()),
                ("source", nullable("string")), ("target", nullable("string")),
                ("cameo", string()), ("quad", integer()), ("goldstein", number()),
                ("plover", nullable("string")), ("date", nullable("string")),
                ("sentence", string()),
            ]))),
        ]),
        "SearchResults": object(&[
            ("query", string()), ("fts_query", string()),
            ("articles", array(object(&[
                ("article", string()), ("title", nullable("string")),
                ("published", nullable("string")), ("url", nullable("string")),
                ("sentence", nullable("string")),
                ("span", json!({ "oneOf": [span, { "type": "null" }] })),
                ("score", number()),
            ]))),
            ("quotes", array(object(&[
                ("article", string()), ("title", nullable("string")),
                ("published", nullable("string")), ("quote", string()),
                ("speaker", nullable("string")), ("sentence", nullable("string")),
                ("score", number()),
            ]))),
        ]),
        "ArticleList": object(&[
            ("total", integer()),
            ("articles", array(object(&[
                ("id", string()), ("title", nullable("string")),
                ("published", nullable("string")), ("site", nullable("string")),
                ("url", nullable("string")), ("events", integer()), ("entities", integer()),
                ("quotes", integer()), ("duplicate", json!({ "type": "boolean" })),
            ]))),
        ]),
        "Record": {
            "type": "object",
            "description": "A dyad.article/1 record: every start/end is a code-point offset into text.",
            "properties": {
                "schema": { "const": "dyad.article/1" },
                "id": string(), "source": { "type": "object" }, "meta": { "type": "object" },
                "text": string(), "blocks": array(json!({ "type": "object" })),
                "sentences": array(span),
                "entities": array(json!({ "type": "object" })),
                "quotes": array(json!({ "type": "object" })),
                "amounts": array(json!({ "type": "object" })),
                "dates": array(json!({ "type": "object" })),
                "events": array(json!({ "type": "object" })),
                "tone": { "type": ["object", "null"] },
                "themes": array(string()),
            },
            "required": ["schema", "id", "text"],
        },
        "ActorList": object(&[
            ("actors", array(object(&[
                ("code", string()), ("name", nullable("string")), ("events", integer()),
            ]))),
        ]),
    })
}

/// The description as a JSON value.
pub fn openapi() -> Value {
    let side = |name: &str| {
        query(
            name,
            true,
            json!({ "type": "string", "maxLength": 200 }),
            "One side of the dyad: a CAMEO actor code (ISR, ISRGOV) or a name in the store.",
        )
    };
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "dyad",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Read-only JSON API over a dyad corpus store. Only GET and HEAD; \
                            requests carry no body; unknown or repeated query parameters are \
                            refused with 400.",
        },
        "paths": {
            "/api/stats": get("Counts of what the store holds.", vec![], schema_ref("Stats"), None),
            "/api/graph": get(
                "The signed relations graph between actors, with alignment blocs.",
                vec![query("min_events", false,
                    json!({ "type": "integer", "minimum": 1, "default": 1 }),
                    "Keep only edges with at least this many events (blocs found anew).")],
                schema_ref("Graph"), None),
            "/api/relation": get(
                "The summary of one dyad: events by month, Goldstein, tone, quotes, amounts, evidence.",
                vec![side("a"), side("b")],
                schema_ref("Relation"), Some("No actor matches a or b.")),
            "/api/search": get(
                "Full-text search over articles and quotations, with the matching sentence.",
                vec![
                    query("q", true, json!({ "type": "string", "maxLength": 500 }),
                        "Words, \"quoted phrases\", word* prefixes, OR, NOT."),
                    actor_param("Only articles naming this actor code."),
                    date_param("from", "Only articles published on or after this day."),
                    date_param("to", "Only articles published on or before this day."),
                    limit_param(),
                ],
                schema_ref("SearchResults"), None),
            "/api/articles": get(
                "A page of articles, newest first, with the size of their layers.",
                vec![
                    limit_param(),
                    query("offset", false,
                        json!({ "type": "integer", "minimum": 0, "maximum": MAX_OFFSET, "default": 0 }),
                        "Articles to pass over first."),
                    actor_param("Only articles naming this actor code."),
                ],
                schema_ref("ArticleList"), None),
            "/api/articles/{id}": {
                "get": get("One stored article record.", vec![], schema_ref("Record"),
                    Some("No article has this id."))["get"].clone(),
                "parameters": [{ "name": "id", "in": "path", "required": true,
                                 "schema": { "type": "string", "maxLength": 200 } }],
            },
            "/api/actors": get(
                "Actors with their event counts, most events first.",
                vec![
                    query("q", false, json!({ "type": "string", "maxLength": 200 }),
                        "Keep actors whose code starts with, or whose name contains, this text."),
                    limit_param(),
                ],
                schema_ref("ActorList"), None),
            "/api/openapi.json": {
                "get": {
                    "summary": "This description.",
                    "parameters": [],
                    "responses": { "200": { "description": "OpenAPI 3.1 document",
                        "content": { "application/json": {} } } },
                },
            },
        },
        "components": { "schemas": schemas() },
    })
}

/// The description as JSON text, made once.
pub fn openapi_json() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| openapi().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::ROUTES;

    #[test]
    fn describes_every_api_route_and_resolves_its_refs() {
        let doc = openapi();
        let paths = doc["paths"].as_object().unwrap();
        for (route, _) in ROUTES.iter().filter(|(r, _)| r.starts_with("/api/")) {
            assert!(paths.contains_key(*route), "{route} not described");
        }
        assert_eq!(
            paths.len(),
            ROUTES
                .iter()
                .filter(|(r, _)| r.starts_with("/api/"))
                .count()
        );
        let text = openapi_json();
        let schemas = doc["components"]["schemas"].as_object().unwrap();
        for part in text.split("#/components/schemas/").skip(1) {
            let name: String = part.chars().take_while(|c| c.is_alphanumeric()).collect();
            assert!(schemas.contains_key(&name), "dangling $ref {name}");
        }
    }
}
