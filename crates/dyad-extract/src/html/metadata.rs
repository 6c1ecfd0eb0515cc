//! Page metadata from four sources, in order of trust: JSON-LD, OpenGraph/`<meta>` tags,
//! microdata (`itemprop`) and the DOM. Each source yields [`Candidates`]; [`resolve`] picks
//! one value per field and settles conflicts between sources.

use dom_query::{Document, NodeRef};
use serde_json::Value;

use super::assemble::{fold, same_text};
use super::dates;

/// Where a candidate value came from, most trusted first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Source {
    JsonLd,
    Meta,
    Microdata,
    Dom,
}

/// Values found for each field, each with its source, in the order found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Candidates {
    pub title: Vec<(Source, String)>,
    pub authors: Vec<(Source, Vec<String>)>,
    pub published: Vec<(Source, String)>,
    pub site: Vec<(Source, String)>,
    pub language: Vec<(Source, String)>,
    pub canonical: Vec<(Source, String)>,
    pub caption: Vec<(Source, String)>,
    pub credit: Vec<(Source, String)>,
    pub description: Vec<(Source, String)>,
}

/// The chosen metadata.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Resolved {
    pub title: Option<String>,
    pub byline: Vec<String>,
    pub published: Option<String>,
    pub site: Option<String>,
    pub language: Option<String>,
    pub canonical_url: Option<String>,
    pub caption: Option<String>,
    pub credit: Option<String>,
    /// The page's own summary of the article (not part of the record; used to tell a
    /// standfirst from the body).
    pub description: Option<String>,
}

/// Longest value kept from any metadata field; longer ones are not metadata.
const MAX_FIELD: usize = 2_000;
/// Largest JSON-LD script parsed.
const MAX_JSON_LD: usize = 2_000_000;

/// Collects candidates from every source of `doc`.
pub fn collect(doc: &Document) -> Candidates {
    let scan = Scan::of(doc);
    let mut c = Candidates::default();
    json_ld(&scan, &mut c);
    meta_tags(&scan, &mut c);
    microdata(&scan, &mut c);
    dom(&scan, &mut c);
    c
}

/// The elements metadata is read from, gathered in one pass over the document.
#[derive(Default)]
struct Scan<'a> {
    json_ld: Vec<NodeRef<'a>>,
    metas: Vec<NodeRef<'a>>,
    headlines: Vec<NodeRef<'a>>,
    authors: Vec<NodeRef<'a>>,
    dates: Vec<NodeRef<'a>>,
    h1: Option<NodeRef<'a>>,
    title: Option<NodeRef<'a>>,
    html: Option<NodeRef<'a>>,
    canonical: Vec<NodeRef<'a>>,
    times: Vec<NodeRef<'a>>,
    bylines: Vec<NodeRef<'a>>,
}

/// Class words that mark a byline element.
const BYLINE_CLASSES: &[&str] = &["byline", "author-name", "byline__name", "article-author"];

impl<'a> Scan<'a> {
    fn of(doc: &'a Document) -> Scan<'a> {
        let mut s = Scan::default();
        for n in doc.root().descendants_it() {
            // One look at each element: its name and the attributes read here, without
            // copying them.
            let Some(el) = n.element_ref() else { continue };
            let (mut kind, mut rel, mut itemprop, mut class) = (None, None, None, None);
            for a in &el.attrs {
                match a.name.local.as_ref() {
                    "type" if kind.is_none() => kind = Some(a.value.as_ref()),
                    "rel" if rel.is_none() => rel = Some(a.value.as_ref()),
                    "itemprop" if itemprop.is_none() => itemprop = Some(a.value.as_ref()),
                    "class" if class.is_none() => class = Some(a.value.as_ref()),
                    _ => {}
                }
            }
            match el.name.local.as_ref() {
                "script" => {
                    if kind.is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json")) {
                        s.json_ld.push(n);
                    }
                    continue;
                }
                "meta" => {
                    s.metas.push(n);
                    continue;
                }
                "h1" if s.h1.is_none() => s.h1 = Some(n),
                "title" if s.title.is_none() => s.title = Some(n),
                "html" if s.html.is_none() => s.html = Some(n),
                "link" => s.canonical.push(n),
                "time" => s.times.push(n),
                "a" if rel.is_some_and(|r| r.split_whitespace().any(|w| w == "author")) => {
                    s.bylines.push(n)
                }
                _ => {}
            }
            if let Some(prop) = itemprop {
                for p in prop.split_whitespace() {
                    match p {
                        "headline" => s.headlines.push(n),
                        "author" => s.authors.push(n),
                        "datePublished" => s.dates.push(n),
                        _ => {}
                    }
                }
            }
            if let Some(class) = class {
                if class.len() < 500
                    && class
                        .split_whitespace()
                        .any(|w| BYLINE_CLASSES.contains(&w))
                {
                    s.bylines.push(n);
                }
            }
        }
        s
    }
}

fn push(list: &mut Vec<(Source, String)>, source: Source, value: &str) {
    let v = fold(value);
    if !v.is_empty() && v.len() <= MAX_FIELD {
        list.push((source, v));
    }
}

// ---------------------------------------------------------------- JSON-LD

/// schema.org types that describe an article page.
const ARTICLE_TYPES: &[&str] = &[
    "Article",
    "NewsArticle",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "Report",
    "ScholarlyArticle",
    "SocialMediaPosting",
    "TechArticle",
    "WebPage",
];

fn json_ld(scan: &Scan<'_>, c: &mut Candidates) {
    let mut objects = Vec::new();
    for script in &scan.json_ld {
        let raw = script.text();
        if raw.len() > MAX_JSON_LD {
            continue;
        }
        let trimmed = raw
            .trim()
            .trim_start_matches("<![CDATA[")
            .trim_end_matches("]]>")
            .trim()
            .trim_start_matches("<!--")
            .trim_end_matches("-->")
            .trim()
            .trim_end_matches(';');
        if let Ok(v) = serde_json::from_str::<Value>(trimmed) {
            flatten(v, &mut objects, 0);
        }
    }
    // Articles first (most specific type first), then other web pages.
    let rank = |o: &Value| -> usize {
        let types = types_of(o);
        ARTICLE_TYPES
            .iter()
            .position(|t| types.iter().any(|x| x == t))
            .unwrap_or(usize::MAX)
    };
    objects.retain(|o| rank(o) != usize::MAX);
    objects.sort_by_key(|o| rank(o));
    for o in &objects {
        for key in ["headline", "name"] {
            if let Some(s) = o.get(key).and_then(Value::as_str) {
                push(&mut c.title, Source::JsonLd, s);
                break;
            }
        }
        if let Some(a) = o.get("author").or_else(|| o.get("creator")) {
            let names = person_names(a);
            if !names.is_empty() {
                c.authors.push((Source::JsonLd, names));
            }
        }
        if let Some(s) = o.get("datePublished").and_then(Value::as_str) {
            push(&mut c.published, Source::JsonLd, s);
        }
        if let Some(s) = o.get("description").and_then(Value::as_str) {
            push(&mut c.description, Source::JsonLd, s);
        }
        if let Some(p) = o.get("publisher") {
            if let Some(s) = p.get("name").and_then(Value::as_str) {
                push(&mut c.site, Source::JsonLd, s);
            }
        }
        if let Some(s) = o.get("inLanguage").and_then(Value::as_str) {
            push(&mut c.language, Source::JsonLd, s);
        }
        if let Some(s) = o.get("mainEntityOfPage").and_then(id_or_str) {
            push(&mut c.canonical, Source::JsonLd, &s);
        }
        if let Some(img) = o.get("image") {
            let img = match img {
                Value::Array(a) => a.first().unwrap_or(img),
                other => other,
            };
            if let Some(s) = img.get("caption").and_then(Value::as_str) {
                push(&mut c.caption, Source::JsonLd, s);
            }
            for key in ["creditText", "copyrightHolder", "author"] {
                if let Some(v) = img.get(key) {
                    let names = person_names(v);
                    if let Some(first) = names.first() {
                        push(&mut c.credit, Source::JsonLd, first);
                        break;
                    }
                }
            }
        }
    }
}

/// Spreads arrays and `@graph` lists into single objects (bounded depth).
fn flatten(v: Value, out: &mut Vec<Value>, depth: usize) {
    if depth > 4 || out.len() > 200 {
        return;
    }
    match v {
        Value::Array(items) => {
            for it in items {
                flatten(it, out, depth + 1);
            }
        }
        Value::Object(mut map) => {
            if let Some(graph) = map.remove("@graph") {
                flatten(graph, out, depth + 1);
            }
            out.push(Value::Object(map));
        }
        _ => {}
    }
}

fn types_of(o: &Value) -> Vec<String> {
    match o.get("@type") {
        Some(Value::String(s)) => vec![s.clone()],
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_string)
            .collect(),
        _ => Vec::new(),
    }
}

fn id_or_str(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Object(_) => v
            .get("@id")
            .or_else(|| v.get("url"))
            .and_then(Value::as_str)
            .map(str::to_string),
        _ => None,
    }
}

/// Names of people or organisations given as a string, an object with `name`, or a list.
fn person_names(v: &Value) -> Vec<String> {
    let mut out = Vec::new();
    let mut add = |s: &str| {
        for name in split_names(s) {
            if !out.contains(&name) {
                out.push(name);
            }
        }
    };
    match v {
        Value::String(s) => add(s),
        Value::Object(_) => {
            if let Some(s) = v.get("name").and_then(Value::as_str) {
                add(s);
            }
        }
        Value::Array(items) => {
            for it in items.iter().take(20) {
                match it {
                    Value::String(s) => add(s),
                    _ => {
                        if let Some(s) = it.get("name").and_then(Value::as_str) {
                            add(s);
                        }
                    }
                }
            }
        }
        _ => {}
    }
    out
}

// ---------------------------------------------------------------- meta tags

const META_TITLE: &[&str] = &["og:title", "twitter:title", "dc.title", "sailthru.title"];
const META_AUTHOR: &[&str] = &[
    "author",
    "article:author",
    "dc.creator",
    "byl",
    "sailthru.author",
    "parsely-author",
    "cxenseparse:author",
];
const META_PUBLISHED: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "article:published",
    "published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "article.published",
    "original-publish-date",
    "dc.date.issued",
    "dcterms.issued",
    "dcterms.created",
    "dc.date",
    "date",
    "sailthru.date",
    "parsely-pub-date",
    "cxenseparse:recs:publishtime",
];
const META_SITE: &[&str] = &["og:site_name", "application-name", "twitter:site"];

fn meta_tags(scan: &Scan<'_>, c: &mut Candidates) {
    // Gather (name, content) pairs once; then read them in each field's priority order.
    let mut pairs: Vec<(String, String)> = Vec::new();
    for m in &scan.metas {
        let key = m
            .attr("property")
            .or_else(|| m.attr("name"))
            .or_else(|| m.attr("itemprop"))
            .or_else(|| m.attr("http-equiv"));
        let (Some(key), Some(content)) = (key, m.attr("content")) else {
            continue;
        };
        if content.len() > MAX_FIELD {
            continue;
        }
        pairs.push((key.to_ascii_lowercase(), content.to_string()));
    }
    let find = |names: &[&str]| -> Vec<String> {
        let mut out = Vec::new();
        for n in names {
            for (k, v) in &pairs {
                if k == n {
                    out.push(v.clone());
                }
            }
        }
        out
    };
    for v in find(META_TITLE) {
        push(&mut c.title, Source::Meta, &v);
    }
    let mut names = Vec::new();
    for v in find(META_AUTHOR) {
        if looks_like_url(&v) {
            continue;
        }
        for n in split_names(&v) {
            if !names.contains(&n) {
                names.push(n);
            }
        }
    }
    if !names.is_empty() {
        c.authors.push((Source::Meta, names));
    }
    for v in find(META_PUBLISHED) {
        push(&mut c.published, Source::Meta, &v);
    }
    for v in find(META_SITE) {
        if !v.starts_with('@') {
            push(&mut c.site, Source::Meta, &v);
        }
    }
    for v in find(&["og:locale", "content-language", "language", "dc.language"]) {
        push(&mut c.language, Source::Meta, &v);
    }
    for v in find(&["og:description", "description", "twitter:description"]) {
        push(&mut c.description, Source::Meta, &v);
    }
    for v in find(&["og:url"]) {
        push(&mut c.canonical, Source::Meta, &v);
    }
}

fn looks_like_url(s: &str) -> bool {
    let s = s.trim();
    s.starts_with("http://") || s.starts_with("https://") || s.starts_with("www.")
}

// ---------------------------------------------------------------- microdata

fn microdata(scan: &Scan<'_>, c: &mut Candidates) {
    for n in scan.headlines.iter().take(3) {
        if n.node_name().as_deref() != Some("meta") {
            push(&mut c.title, Source::Microdata, &n.text());
        }
    }
    let mut names = Vec::new();
    for n in scan.authors.iter().take(10) {
        if n.node_name().as_deref() == Some("meta") {
            continue;
        }
        let inner = n.select_single_name();
        let text = inner.unwrap_or_else(|| n.text().to_string());
        for name in split_names(&text) {
            if !names.contains(&name) {
                names.push(name);
            }
        }
    }
    if !names.is_empty() {
        c.authors.push((Source::Microdata, names));
    }
    for n in scan.dates.iter().take(3) {
        if n.node_name().as_deref() == Some("meta") {
            continue;
        }
        let v = n
            .attr("datetime")
            .or_else(|| n.attr("content"))
            .map(|s| s.to_string())
            .unwrap_or_else(|| n.text().to_string());
        push(&mut c.published, Source::Microdata, &v);
    }
}

/// Helper on nodes: the text of a nested `itemprop="name"`, if any.
trait NameInside {
    fn select_single_name(&self) -> Option<String>;
}

impl NameInside for NodeRef<'_> {
    fn select_single_name(&self) -> Option<String> {
        if let Some(c) = self.attr("content") {
            return Some(c.to_string());
        }
        self.find_descendant_itemprop("name")
    }
}

trait FindItemprop {
    fn find_descendant_itemprop(&self, prop: &str) -> Option<String>;
}

impl FindItemprop for NodeRef<'_> {
    fn find_descendant_itemprop(&self, prop: &str) -> Option<String> {
        for d in self.descendants_it().take(200) {
            if d.attr("itemprop").is_some_and(|v| v.as_ref() == prop) {
                return Some(
                    d.attr("content")
                        .map(|s| s.to_string())
                        .unwrap_or_else(|| d.text().to_string()),
                );
            }
        }
        None
    }
}

// ---------------------------------------------------------------- DOM

fn dom(scan: &Scan<'_>, c: &mut Candidates) {
    if let Some(h1) = &scan.h1 {
        push(&mut c.title, Source::Dom, &h1.text());
    }
    if let Some(t) = &scan.title {
        push(&mut c.title, Source::Dom, &t.text());
    }
    if let Some(html) = &scan.html {
        if let Some(l) = html.attr("lang").or_else(|| html.attr("xml:lang")) {
            push(&mut c.language, Source::Dom, &l);
        }
    }
    for l in &scan.canonical {
        let is_canonical = l.attr("rel").is_some_and(|r| {
            r.split_whitespace()
                .any(|w| w.eq_ignore_ascii_case("canonical"))
        });
        if is_canonical {
            if let Some(h) = l.attr("href") {
                // The page's own statement of its address outranks og:url.
                c.canonical.insert(0, (Source::Dom, fold(&h)));
            }
        }
    }
    let mut names = Vec::new();
    for n in scan.bylines.iter().take(10) {
        let text = n.text();
        if text.len() > 200 {
            continue;
        }
        for name in split_names(&text) {
            if !names.contains(&name) {
                names.push(name);
            }
        }
    }
    if !names.is_empty() {
        c.authors.push((Source::Dom, names));
    }
    for t in scan.times.iter().filter(|t| t.has_attr("datetime")).take(3) {
        let is_pub = t.has_attr("pubdate")
            || t.attr("class")
                .is_some_and(|c| c.contains("publish") || c.contains("posted"));
        if is_pub {
            if let Some(d) = t.attr("datetime") {
                push(&mut c.published, Source::Dom, &d);
            }
        }
    }
}

// ---------------------------------------------------------------- names

/// Splits a byline into person names: drops a leading "By", roles after a comma or pipe
/// ("Jane Doe, Staff Writer"), and splits on "and", "&", commas between names.
pub fn split_names(s: &str) -> Vec<String> {
    let s = fold(s);
    let s = s.trim();
    let lower = s.to_lowercase();
    let s = if lower.starts_with("by ") || lower.starts_with("by:") {
        s.get(3..).unwrap_or(s)
    } else {
        s
    };
    let s = s.split(['|', '\n']).next().unwrap_or("");
    let mut out = Vec::new();
    for part in s
        .split(" and ")
        .flat_map(|p| p.split(" & "))
        .flat_map(|p| p.split(','))
    {
        let name = part
            .trim()
            .trim_matches(|c: char| !c.is_alphanumeric() && c != '.')
            .to_string();
        if name.is_empty() || looks_like_url(&name) {
            continue;
        }
        let words = name.split_whitespace().count();
        // A part without a capital letter, or too long for a name, is a role or a phrase
        // ("staff writer", "contributing to this report").
        if words > 5 || !name.chars().next().is_some_and(char::is_uppercase) {
            continue;
        }
        if is_role(&name) {
            continue;
        }
        out.push(name);
    }
    out
}

fn is_role(s: &str) -> bool {
    let l = s.to_lowercase();
    const ROLES: &[&str] = &[
        "staff",
        "writer",
        "reporter",
        "correspondent",
        "editor",
        "contributor",
        "columnist",
        "updated",
        "published",
    ];
    ROLES.iter().any(|r| l.contains(r))
}

// ---------------------------------------------------------------- resolution

/// Picks one value per field. Rules:
/// - the most trusted source wins, except that a title confirmed by the page's own `<h1>`
///   is preferred, and a truncated title ("…") yields to a longer one it starts;
/// - the title loses a site-name suffix or prefix (" | Site", "Site - ");
/// - a published date must parse as a date; unparseable values fall through to the next
///   source, and no date is made up when none is stated;
/// - bylines come from the most trusted source that names people.
pub fn resolve(c: &Candidates) -> Resolved {
    let mut r = Resolved::default();
    let mut sorted_site = c.site.clone();
    sorted_site.sort_by_key(|(s, _)| *s);
    r.site = sorted_site.first().map(|(_, v)| v.clone());
    r.title = resolve_title(c, r.site.as_deref());
    let mut authors = c.authors.clone();
    authors.sort_by_key(|(s, _)| *s);
    r.byline = authors
        .into_iter()
        .map(|(_, v)| v)
        .find(|v| !v.is_empty())
        .unwrap_or_default();
    let mut published = c.published.clone();
    published.sort_by_key(|(s, _)| *s);
    r.published = published.iter().find_map(|(_, v)| dates::normalize(v));
    let mut lang = c.language.clone();
    lang.sort_by_key(|(s, _)| match s {
        // The document's own `lang` attribute states the language of the text itself.
        Source::Dom => 0,
        other => *other as u8 + 1,
    });
    r.language = lang.iter().find_map(|(_, v)| normalize_language(v));
    r.canonical_url = c
        .canonical
        .iter()
        .find(|(_, v)| v.starts_with("http://") || v.starts_with("https://"))
        .map(|(_, v)| v.clone());
    r.caption = c.caption.first().map(|(_, v)| v.clone());
    r.credit = c.credit.first().map(|(_, v)| v.clone());
    r.description = c.description.first().map(|(_, v)| v.clone());
    r
}

fn resolve_title(c: &Candidates, site: Option<&str>) -> Option<String> {
    let mut titles = c.title.clone();
    titles.sort_by_key(|(s, _)| *s);
    let h1 = c
        .title
        .iter()
        .find(|(s, _)| *s == Source::Dom)
        .map(|(_, v)| v.clone());
    let cleaned: Vec<String> = titles
        .iter()
        .map(|(_, v)| strip_site(v, site))
        .filter(|v| !v.is_empty())
        .collect();
    if let Some(h1) = &h1 {
        if let Some(t) = cleaned.iter().find(|t| same_text(t, h1)) {
            return Some(t.clone());
        }
    }
    let first = cleaned.first()?.clone();
    if let Some(stem) = first
        .strip_suffix('…')
        .or_else(|| first.strip_suffix("..."))
    {
        let stem = stem.trim_end();
        if let Some(longer) = cleaned
            .iter()
            .find(|t| t.len() > first.len() && t.starts_with(stem))
        {
            return Some(longer.clone());
        }
    }
    Some(first)
}

/// Removes a site name joined to a title by a separator (" | ", " - ", " — ", " :: ").
pub fn strip_site(title: &str, site: Option<&str>) -> String {
    const SEPS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " » ", " · ", " / "];
    let title = title.trim();
    for sep in SEPS {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            if site.is_some_and(|s| similar_site(tail, s)) {
                return head.trim().to_string();
            }
        }
        if let Some((head, tail)) = title.split_once(sep) {
            if site.is_some_and(|s| similar_site(head, s)) {
                return tail.trim().to_string();
            }
        }
    }
    // Without a known site name, a short last segment after a pipe is the site.
    if let Some((head, tail)) = title.rsplit_once(" | ") {
        if tail.split_whitespace().count() <= 4 && head.split_whitespace().count() >= 3 {
            return head.trim().to_string();
        }
    }
    title.to_string()
}

fn similar_site(segment: &str, site: &str) -> bool {
    let norm = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let (a, b) = (norm(segment), norm(site));
    !a.is_empty() && !b.is_empty() && (a == b || a.contains(&b) || b.contains(&a))
}

/// `en_US` → `en-US`; rejects values that are not language tags.
fn normalize_language(v: &str) -> Option<String> {
    let v = v.trim().replace('_', "-");
    let primary = v.split('-').next().unwrap_or("");
    if !(2..=3).contains(&primary.len()) || !primary.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    if v.len() > 20 || !v.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        return None;
    }
    let mut parts = v.split('-');
    let mut out = parts.next().unwrap_or("").to_ascii_lowercase();
    for p in parts {
        out.push('-');
        if p.len() == 2 {
            out.push_str(&p.to_ascii_uppercase());
        } else {
            out.push_str(p);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &str) -> String {
        v.to_string()
    }

    #[test]
    fn json_ld_outranks_meta_and_dom_for_dates_and_bylines() {
        let c = Candidates {
            published: vec![
                (Source::Dom, s("2020-01-03")),
                (Source::Meta, s("2020-01-02T10:00:00Z")),
                (Source::JsonLd, s("2020-01-01T09:00:00+02:00")),
            ],
            authors: vec![
                (Source::Dom, vec![s("Someone Else")]),
                (Source::JsonLd, vec![s("Jane Doe")]),
            ],
            ..Default::default()
        };
        let r = resolve(&c);
        assert_eq!(r.published.as_deref(), Some("2020-01-01T09:00:00+02:00"));
        assert_eq!(r.byline, vec![s("Jane Doe")]);
    }

    #[test]
    fn unparseable_date_falls_through_and_none_is_invented() {
        let c = Candidates {
            published: vec![
                (Source::JsonLd, s("yesterday-ish")),
                (Source::Meta, s("2019-11-19")),
            ],
            ..Default::default()
        };
        assert_eq!(resolve(&c).published.as_deref(), Some("2019-11-19"));
        assert_eq!(resolve(&Candidates::default()).published, None);
    }

    #[test]
    fn title_confirmed_by_h1_wins_and_loses_site_suffix() {
        let c = Candidates {
            title: vec![
                (Source::JsonLd, s("Short SEO headline")),
                (Source::Meta, s("Storm hits the coast | Daily Planet")),
                (Source::Dom, s("Storm hits the coast")),
            ],
            site: vec![(Source::Meta, s("Daily Planet"))],
            ..Default::default()
        };
        assert_eq!(resolve(&c).title.as_deref(), Some("Storm hits the coast"));
    }

    #[test]
    fn truncated_title_yields_to_longer() {
        let c = Candidates {
            title: vec![
                (Source::JsonLd, s("A very long headline that was…")),
                (
                    Source::Meta,
                    s("A very long headline that was cut by the CMS"),
                ),
            ],
            ..Default::default()
        };
        assert_eq!(
            resolve(&c).title.as_deref(),
            Some("A very long headline that was cut by the CMS")
        );
    }

    #[test]
    fn site_prefix_and_suffix_are_stripped() {
        assert_eq!(
            strip_site("Daily Planet - Storm hits", Some("Daily Planet")),
            "Storm hits"
        );
        assert_eq!(
            strip_site("Storm hits — The Daily Planet", Some("Daily Planet")),
            "Storm hits"
        );
        assert_eq!(
            strip_site("Left - right debate", Some("Planet")),
            "Left - right debate"
        );
    }

    #[test]
    fn language_from_lang_attribute_first() {
        let c = Candidates {
            language: vec![(Source::Meta, s("en_GB")), (Source::Dom, s("en-us"))],
            ..Default::default()
        };
        assert_eq!(resolve(&c).language.as_deref(), Some("en-US"));
    }

    #[test]
    fn names_split_and_roles_dropped() {
        assert_eq!(
            split_names("By Jane Doe and John Roe, Staff Writers"),
            vec![s("Jane Doe"), s("John Roe")]
        );
        assert_eq!(split_names("Jane Doe | Reuters"), vec![s("Jane Doe")]);
    }

    #[test]
    fn collects_from_markup() {
        let html = r#"<html lang="en"><head>
            <title>Storm hits | Planet</title>
            <meta property="og:site_name" content="Planet">
            <meta property="article:published_time" content="2021-05-06T07:08:09Z">
            <link rel="canonical" href="https://planet.example/storm">
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"NewsArticle","headline":"Storm hits","author":[{"@type":"Person","name":"Jane Doe"}],
               "datePublished":"2021-05-06T07:00:00Z"}]}</script>
            </head><body><h1>Storm hits</h1></body></html>"#;
        let doc = Document::from(html);
        let r = resolve(&collect(&doc));
        assert_eq!(r.title.as_deref(), Some("Storm hits"));
        assert_eq!(r.byline, vec![s("Jane Doe")]);
        assert_eq!(r.published.as_deref(), Some("2021-05-06T07:00:00Z"));
        assert_eq!(r.site.as_deref(), Some("Planet"));
        assert_eq!(r.language.as_deref(), Some("en"));
        assert_eq!(
            r.canonical_url.as_deref(),
            Some("https://planet.example/storm")
        );
    }
}
