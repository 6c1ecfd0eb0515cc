//! Pre-parse pruning: removes `<script>` (except JSON-LD), `<style>`, `<svg>` and comments
//! from the raw markup in one linear pass. They hold no article text, yet are most of the
//! bytes of a typical news page, so the parser has far less to do without them.

/// Elements dropped whole, with their content.
const DROPPED: &[&[u8]] = &[b"script", b"style", b"svg"];

/// The markup without scripts (JSON-LD scripts are kept), styles, SVG and comments. An
/// unclosed one runs to the end of the input, as a browser reads it.
pub fn prune(html: &str) -> String {
    let bytes = html.as_bytes();
    let mut out = String::with_capacity(html.len() / 2);
    let mut kept_from = 0usize;
    let mut i = 0usize;
    while let Some(off) = memchr::memchr(b'<', &bytes[i..]) {
        let lt = i + off;
        let rest = &bytes[lt + 1..];
        if rest.starts_with(b"!--") {
            let end = find(bytes, lt + 4, b"-->").map_or(bytes.len(), |e| e + 3);
            out.push_str(&html[kept_from..lt]);
            kept_from = end;
            i = end;
            continue;
        }
        let mut dropped = None;
        for name in DROPPED {
            if starts_with_ignore_case(rest, name)
                && rest
                    .get(name.len())
                    .is_none_or(|&b| b == b'>' || b == b'/' || b.is_ascii_whitespace())
            {
                dropped = Some(*name);
                break;
            }
        }
        let Some(name) = dropped else {
            i = lt + 1;
            continue;
        };
        let open_end = memchr::memchr(b'>', &bytes[lt..])
            .map_or(bytes.len(), |p| lt + p + 1);
        let open_tag = &bytes[lt..open_end];
        if name == b"script" && contains_ignore_case(open_tag, b"ld+json") {
            i = open_end;
            continue;
        }
        let end = find_close(bytes, open_end, name).unwrap_or(bytes.len());
        out.push_str(&html[kept_from..lt]);
        kept_from = end;
        i = end;
    }
    out.push_str(&html[kept_from..]);
    out
}

/// The end of the closing tag `</name ...>` at or after `from`.
fn find_close(bytes: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    let mut i = from;
    while let Some(p) = find(bytes, i, b"</") {
        let rest = &bytes[p + 2..];
        if starts_with_ignore_case(rest, name) {
            let close = memchr::memchr(b'>', &bytes[p..])?;
            return Some(p + close + 1);
        }
        i = p + 2;
    }
    None
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let hay = bytes.get(from..)?;
    memchr::memmem::find(hay, needle).map(|p| from + p)
}

fn starts_with_ignore_case(hay: &[u8], needle: &[u8]) -> bool {
    hay.len() >= needle.len() && hay[..needle.len()].eq_ignore_ascii_case(needle)
}

fn contains_ignore_case(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::prune;

    #[test]
    fn drops_scripts_styles_comments_keeps_json_ld() {
        let html = r#"<p>a<SCRIPT src=x>var s = "</p>";</script >b</p><style>p{}</style><!-- c --><script type="application/ld+json">{"x":1}</script><svg><text>t</text></svg><p>d</p>"#;
        assert_eq!(
            prune(html),
            r#"<p>ab</p><script type="application/ld+json">{"x":1}</script><p>d</p>"#
        );
    }

    #[test]
    fn unclosed_runs_to_end_and_lookalikes_stay() {
        assert_eq!(prune("<p>x</p><script>never closed <p>y</p>"), "<p>x</p>");
        assert_eq!(prune("<p>x</p><!-- open"), "<p>x</p>");
        assert_eq!(prune("<scripture>z</scripture>"), "<scripture>z</scripture>");
        assert_eq!(prune("a < b"), "a < b");
    }
}
