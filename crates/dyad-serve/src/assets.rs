//! The web UI's static files, embedded at compile time: the server never reads the file system
//! to answer a request, so no path can reach outside this fixed list.

/// One embedded file: its name under `/static/`, its media type and its bytes.
pub struct Asset {
    /// File name as requested under `/static/`.
    pub name: &'static str,
    /// Media type sent as `Content-Type`.
    pub content_type: &'static str,
    /// The file's contents.
    pub body: &'static str,
}

/// Every file the UI consists of.
pub const ASSETS: &[Asset] = &[
    Asset {
        name: "index.html",
        content_type: "text/html; charset=utf-8",
        body: include_str!("../ui/index.html"),
    },
    Asset {
        name: "app.js",
        content_type: "text/javascript; charset=utf-8",
        body: include_str!("../ui/app.js"),
    },
    Asset {
        name: "style.css",
        content_type: "text/css; charset=utf-8",
        body: include_str!("../ui/style.css"),
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
}
