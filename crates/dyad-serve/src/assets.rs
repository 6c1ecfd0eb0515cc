//! The web UI's static files, embedded at compile time: the server never reads the file system
//! to answer a request, so no path can reach outside this fixed list. `index.html` is served at
//! `/`, every file at `/assets/NAME`.

/// One embedded file: its name under `/assets/`, its media type and its bytes.
pub struct Asset {
    /// File name as requested under `/assets/`.
    pub name: &'static str,
    /// Media type sent as `Content-Type`.
    pub content_type: &'static str,
    /// The file's contents.
    pub body: &'static str,
}

const HTML: &str = "text/html; charset=utf-8";
const JS: &str = "text/javascript; charset=utf-8";
const CSS: &str = "text/css; charset=utf-8";
const SVG: &str = "image/svg+xml";
const TSV: &str = "text/tab-separated-values; charset=utf-8";

/// Every file the UI consists of: the page, its icon and style sheet, its ES modules (one per
/// concern), and the CAMEO tables the engine codes with, so event labels in the UI match the coder's.
pub const ASSETS: &[Asset] = &[
    Asset {
        name: "index.html",
        content_type: HTML,
        body: include_str!("../ui/index.html"),
    },
    Asset {
        name: "style.css",
        content_type: CSS,
        body: include_str!("../ui/style.css"),
    },
    Asset {
        name: "icon.svg",
        content_type: SVG,
        body: include_str!("../ui/icon.svg"),
    },
    Asset {
        name: "app.js",
        content_type: JS,
        body: include_str!("../ui/app.js"),
    },
    Asset {
        name: "api.js",
        content_type: JS,
        body: include_str!("../ui/api.js"),
    },
    Asset {
        name: "dom.js",
        content_type: JS,
        body: include_str!("../ui/dom.js"),
    },
    Asset {
        name: "cameo.js",
        content_type: JS,
        body: include_str!("../ui/cameo.js"),
    },
    Asset {
        name: "layout.js",
        content_type: JS,
        body: include_str!("../ui/layout.js"),
    },
    Asset {
        name: "graph.js",
        content_type: JS,
        body: include_str!("../ui/graph.js"),
    },
    Asset {
        name: "timeline.js",
        content_type: JS,
        body: include_str!("../ui/timeline.js"),
    },
    Asset {
        name: "dyad.js",
        content_type: JS,
        body: include_str!("../ui/dyad.js"),
    },
    Asset {
        name: "spans.js",
        content_type: JS,
        body: include_str!("../ui/spans.js"),
    },
    Asset {
        name: "article.js",
        content_type: JS,
        body: include_str!("../ui/article.js"),
    },
    Asset {
        name: "search.js",
        content_type: JS,
        body: include_str!("../ui/search.js"),
    },
    Asset {
        name: "cameo-eventcodes.tsv",
        content_type: TSV,
        body: include_str!("../../../data/cameo/eventcodes.tsv"),
    },
    Asset {
        name: "cameo-plover.tsv",
        content_type: TSV,
        body: include_str!("../../../data/cameo/plover.tsv"),
    },
];

/// The embedded file called `name`, if there is one.
pub fn asset(name: &str) -> Option<&'static Asset> {
    ASSETS.iter().find(|a| a.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_listed_names_resolve() {
        assert!(asset("index.html").is_some());
        assert!(asset("../Cargo.toml").is_none());
        assert!(asset("").is_none());
    }

    /// Every module the page or another module imports is in the list, so no import 404s.
    #[test]
    fn every_imported_module_is_embedded() {
        let mut missing = Vec::new();
        for a in ASSETS {
            for line in a.body.lines() {
                let target = line
                    .split_once(" from \"./")
                    .map(|(_, rest)| rest)
                    .or_else(|| line.split_once("src=\"/assets/").map(|(_, rest)| rest))
                    .or_else(|| line.split_once("href=\"/assets/").map(|(_, rest)| rest))
                    .or_else(|| {
                        line.split_once("fetchText(\"/assets/")
                            .map(|(_, rest)| rest)
                    });
                if let Some(rest) = target {
                    let name = rest.split('"').next().unwrap_or_default();
                    if asset(name).is_none() {
                        missing.push(format!("{} -> {name}", a.name));
                    }
                }
            }
        }
        assert!(missing.is_empty(), "not embedded: {missing:?}");
    }

    /// The UI never hands data to an HTML parser: no innerHTML, outerHTML,
    /// insertAdjacentHTML or document.write in any script.
    #[test]
    fn no_script_parses_html() {
        for a in ASSETS.iter().filter(|a| a.content_type == JS) {
            for sink in [
                "innerHTML",
                "outerHTML",
                "insertAdjacentHTML",
                "document.write",
                "eval(",
            ] {
                assert!(!a.body.contains(sink), "{} uses {sink}", a.name);
            }
        }
    }
}
