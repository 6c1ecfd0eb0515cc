//! Every endpoint of the API, through the router, over a synthetic store.

mod common;

use common::{get, runtime, ARTICLES};
use dyad_serve::Limits;

#[test]
fn stats_match_the_store() {
    let rt = runtime();
    let app = common::app("stats", Limits::default());
    let a = get(&rt, &app, "/api/stats");
    assert_eq!(a.status, 200);
    let s = a.json();
    assert_eq!(s["articles"], ARTICLES);
    assert_eq!(s["events"], ARTICLES * 5);
    assert_eq!(a.header("cache-control"), "no-store");
    // Answered again from the cache, the same.
    assert_eq!(get(&rt, &app, "/api/stats").json(), s);
    let e = get(&rt, &app, "/api/stats?x=1");
    assert_eq!(e.status, 400);
    assert!(e.error().contains("\"x\""), "{}", e.error());
}

#[test]
fn graph_and_its_min_events() {
    let rt = runtime();
    let app = common::app("graph", Limits::default());
    let g = get(&rt, &app, "/api/graph").json();
    let edges = g["edges"].as_array().unwrap();
    let nodes = g["nodes"].as_array().unwrap();
    assert!(nodes.len() > 10 && !edges.is_empty());
    assert!(!g["blocs"].as_array().unwrap().is_empty());
    let most = edges
        .iter()
        .map(|e| e["events"].as_i64().unwrap())
        .max()
        .unwrap();
    let thick = get(&rt, &app, &format!("/api/graph?min_events={most}")).json();
    let thick_edges = thick["edges"].as_array().unwrap();
    assert!(!thick_edges.is_empty() && thick_edges.len() < edges.len());
    assert!(thick_edges
        .iter()
        .all(|e| e["events"].as_i64().unwrap() >= most));
    for bad in ["0", "-3", "x", "1.5", ""] {
        get(&rt, &app, &format!("/api/graph?min_events={bad}"))
            .assert_bad_parameter("min_events", bad);
    }
}

#[test]
fn relation_by_codes_and_names() {
    let rt = runtime();
    let app = common::app("relation", Limits::default());
    let g = get(&rt, &app, "/api/graph").json();
    let edge = &g["edges"][0];
    let (a, b) = (edge["a"].as_str().unwrap(), edge["b"].as_str().unwrap());
    let r = get(&rt, &app, &format!("/api/relation?a={a}&b={b}"));
    assert_eq!(r.status, 200);
    let r = r.json();
    assert_eq!(r["events"], edge["events"]);
    assert!(!r["months"].as_array().unwrap().is_empty());
    assert!(!r["evidence"].as_array().unwrap().is_empty());
    // Names resolve too (percent-encoded spaces and plus signs alike).
    let by_name = get(
        &rt,
        &app,
        "/api/relation?a=United+States&b=United%20Kingdom",
    );
    assert_eq!(
        by_name.status,
        200,
        "{}",
        String::from_utf8_lossy(&by_name.body)
    );
    assert_eq!(by_name.json()["a"]["codes"][0], "USA");
    let e = get(&rt, &app, "/api/relation?a=ISR");
    assert_eq!(e.status, 400);
    assert_eq!(e.error(), "parameter b: required");
    let e = get(&rt, &app, "/api/relation?a=ISR&b=Atlantis");
    assert_eq!(e.status, 404);
    assert!(e.error().contains("Atlantis"), "{}", e.error());
    let long = "x".repeat(201);
    get(&rt, &app, &format!("/api/relation?a={long}&b=ISR")).assert_bad_parameter("a", "long a");
}

#[test]
fn search_and_its_parameters() {
    let rt = runtime();
    let app = common::app("search", Limits::default());
    let s = get(&rt, &app, "/api/search?q=minister&limit=5");
    assert_eq!(s.status, 200);
    let s = s.json();
    assert_eq!(s["query"], "minister");
    let hits = s["articles"].as_array().unwrap();
    assert_eq!(hits.len(), 5);
    assert!(hits
        .iter()
        .all(|h| h["sentence"].as_str().unwrap().contains("minister")));
    let narrowed = get(
        &rt,
        &app,
        "/api/search?q=minister&actor=isr&from=2018-01-01&to=2020-12-31&limit=200",
    )
    .json();
    for h in narrowed["articles"].as_array().unwrap() {
        let day = h["published"].as_str().unwrap();
        assert!(("2018-01-01"..="2020-12-31").contains(&day), "{day}");
    }
    let cases = [
        ("", "parameter q: required"),
        ("q=%20%20", "parameter q: required"),
        ("q=***", "parameter q:"),
        ("q=a&limit=0", "parameter limit:"),
        ("q=a&limit=201", "parameter limit:"),
        ("q=a&from=2024-02-30", "parameter from:"),
        ("q=a&to=yesterday", "parameter to:"),
        ("q=a&from=2024-02-01&to=2024-01-01", "parameters from, to:"),
        ("q=a&actor=IS%3BR", "parameter actor:"),
        ("q=a&q=b", "parameter q:"),
        ("q=%C3%28", "parameter q:"),
        ("q=a&limt=3", "unknown parameter \"limt\""),
    ];
    for (query, message) in cases {
        let e = get(&rt, &app, &format!("/api/search?{query}"));
        assert_eq!(e.status, 400, "{query}");
        assert!(e.error().starts_with(message), "{query}: {}", e.error());
    }
}

#[test]
fn article_pages_and_records() {
    let rt = runtime();
    let app = common::app("articles", Limits::default());
    let all = get(&rt, &app, "/api/articles?limit=200").json();
    assert_eq!(all["total"], ARTICLES);
    let list = all["articles"].as_array().unwrap();
    assert_eq!(list.len(), ARTICLES);
    let page = get(&rt, &app, "/api/articles?limit=10&offset=20").json();
    assert_eq!(page["articles"].as_array().unwrap()[..], list[20..30]);
    let first = &list[0];
    for key in [
        "id",
        "title",
        "published",
        "site",
        "url",
        "events",
        "entities",
        "quotes",
    ] {
        assert!(first.get(key).is_some(), "{key}");
    }
    let isr = get(&rt, &app, "/api/articles?actor=ISR&limit=200").json();
    let n = isr["total"].as_i64().unwrap();
    assert!(n > 0 && n < ARTICLES as i64);
    let id = first["id"].as_str().unwrap();
    let rec = get(&rt, &app, &format!("/api/articles/{id}"));
    assert_eq!(rec.status, 200);
    let rec = rec.json();
    assert_eq!(rec["id"], id);
    assert_eq!(rec["schema"], "dyad.article/1");
    assert!(rec["events"].as_array().is_some_and(|e| !e.is_empty()));
    // Markup in a record is data: it comes back as a JSON string, never as a page.
    let hostile = get(&rt, &app, "/api/articles/hostile");
    assert_eq!(
        hostile.json()["meta"]["title"],
        "<script>alert(1)</script>\" onmouseover=\"x"
    );
    let e = get(&rt, &app, "/api/articles/nothing-here");
    assert_eq!(e.status, 404);
    assert!(e.error().contains("nothing-here"));
    let e = get(&rt, &app, &format!("/api/articles/{}", "a".repeat(201)));
    assert_eq!(e.status, 400);
    let e = get(&rt, &app, "/api/articles/%FF");
    assert_eq!(e.status, 400);
    for query in ["offset=-1", "limit=1000", "offset=x", "actor=1"] {
        let name = query.split('=').next().unwrap();
        get(&rt, &app, &format!("/api/articles?{query}")).assert_bad_parameter(name, query);
    }
}

#[test]
fn actors_with_filter_and_limit() {
    let rt = runtime();
    let app = common::app("actors", Limits::default());
    let all = get(&rt, &app, "/api/actors?limit=200").json();
    let actors = all["actors"].as_array().unwrap();
    assert!(actors.len() > 10);
    let events: Vec<i64> = actors
        .iter()
        .map(|a| a["events"].as_i64().unwrap())
        .collect();
    assert!(events.windows(2).all(|w| w[0] >= w[1]));
    let two = get(&rt, &app, "/api/actors?limit=2").json();
    assert_eq!(two["actors"].as_array().unwrap()[..], actors[..2]);
    let isr = get(&rt, &app, "/api/actors?q=isr").json();
    assert_eq!(isr["actors"][0]["code"], "ISR");
    assert_eq!(isr["actors"][0]["name"], "Israel");
    let by_name = get(&rt, &app, "/api/actors?q=kingdom").json();
    assert_eq!(by_name["actors"][0]["code"], "GBR");
    let e = get(&rt, &app, "/api/actors?limit=0");
    assert_eq!(e.status, 400);
}

#[test]
fn openapi_describes_the_routes() {
    let rt = runtime();
    let app = common::app("openapi", Limits::default());
    let doc = get(&rt, &app, "/api/openapi.json");
    assert_eq!(doc.status, 200);
    let doc = doc.json();
    assert_eq!(doc["openapi"], "3.1.0");
    for (route, _) in dyad_serve::ROUTES {
        if route.starts_with("/api/") {
            assert!(doc["paths"].get(route).is_some(), "{route}");
        }
    }
}

#[test]
fn ui_files_come_from_the_embedded_list_only() {
    let rt = runtime();
    let app = common::app("ui", Limits::default());
    let page = get(&rt, &app, "/");
    assert_eq!(page.status, 200);
    assert_eq!(page.header("content-type"), "text/html; charset=utf-8");
    assert!(String::from_utf8_lossy(&page.body).contains("<html"));
    for asset in dyad_serve::assets::ASSETS {
        let a = get(&rt, &app, &format!("/assets/{}", asset.name));
        assert_eq!(a.status, 200, "{}", asset.name);
        assert_eq!(a.header("content-type"), asset.content_type);
        assert_eq!(a.body, asset.body.as_bytes());
    }
    for path in [
        "/assets/../Cargo.toml",
        "/assets/..%2FCargo.toml",
        "/assets/%2e%2e%2f%2e%2e%2fsrc%2flib.rs",
        "/assets/",
        "/assets/lib.rs",
        "/static/index.html",
        "/etc/passwd",
        "/api",
        "/api/nothing",
    ] {
        let a = get(&rt, &app, path);
        assert_eq!(a.status, 404, "{path}");
        assert!(!a.error().is_empty());
    }
}

#[test]
fn every_documented_parameter_is_accepted_and_no_other() {
    let rt = runtime();
    let app = common::app("documented", Limits::default());
    let doc = dyad_serve::openapi();
    for (path, item) in doc["paths"].as_object().unwrap() {
        if path.contains('{') {
            continue;
        }
        let params = item["get"]["parameters"].as_array().unwrap();
        let query: Vec<String> = params
            .iter()
            .map(|p| {
                let schema = &p["schema"];
                let value = if schema["type"] == "integer" {
                    "1"
                } else if schema["format"] == "date" {
                    "2020-01-01"
                } else {
                    "ISR"
                };
                format!("{}={value}", p["name"].as_str().unwrap())
            })
            .collect();
        let a = get(&rt, &app, &format!("{path}?{}", query.join("&")));
        assert_eq!(
            a.status,
            200,
            "{path}?{}: {}",
            query.join("&"),
            String::from_utf8_lossy(&a.body)
        );
        let e = get(
            &rt,
            &app,
            &format!("{path}?{}&undocumented=1", query.join("&")),
        );
        assert_eq!(e.status, 400, "{path}");
        assert!(
            e.error().starts_with("unknown parameter \"undocumented\""),
            "{}",
            e.error()
        );
    }
}
