//! Hostile HTML: deep nesting, huge attributes, broken markup, scripts everywhere. None may
//! panic or overflow the stack; the big versions are `#[ignore]`d benches
//! (`cargo test --release -p dyad-extract --test html_hostile -- --ignored --nocapture`).

use std::time::Instant;

use dyad_extract::html::extract;

fn nested(depth: usize, tag: &str) -> String {
    let mut s = String::with_capacity(depth * (tag.len() * 2 + 5) + 100);
    s.push_str("<html><body>");
    for _ in 0..depth {
        s.push_str(&format!("<{tag}>"));
    }
    s.push_str("<p>Deep inside there is a sentence of article text that should survive.</p>");
    for _ in 0..depth {
        s.push_str(&format!("</{tag}>"));
    }
    s.push_str("</body></html>");
    s
}

fn article(paragraphs: usize) -> String {
    let mut s = String::from("<html><head><title>T</title></head><body><article>");
    for i in 0..paragraphs {
        s.push_str(&format!(
            "<p>Paragraph {i} tells the story of the council vote, with quotes, names and numbers enough to look like prose.</p>"
        ));
    }
    s.push_str("</article></body></html>");
    s
}

#[test]
fn deep_nesting_does_not_overflow() {
    for tag in ["div", "span", "b", "table"] {
        let out = extract(&nested(20_000, tag), None);
        assert!(out.text.len() < 1_000, "{tag}");
    }
}

#[test]
fn unclosed_tags_and_broken_markup() {
    let mut s = String::from("<html><body>");
    for _ in 0..5_000 {
        s.push_str("<div><p>text <b>bold <i>both</b> after</i> <a href='x'>link");
    }
    s.push_str("<<<>>> </div></div></p> <!-- never closed comment");
    let _ = extract(&s, None);
    let _ = extract("<", None);
    let _ = extract("</p></p></div>", None);
    let _ = extract("<html><head><script>", None);
}

#[test]
fn large_attributes_and_scripts_everywhere() {
    let big = "x".repeat(1_000_000);
    let mut s = format!("<html><body><div class=\"{big}\" data-x=\"{big}\"><article>");
    for i in 0..200 {
        s.push_str(&format!(
            "<script>var a{i} = '<p>not text</p>';</script><style>.c{i}{{}}</style><p>Paragraph {i} of real article text, long enough to count as prose in the body.</p>"
        ));
    }
    s.push_str("</article></div></body></html>");
    let out = extract(&s, None);
    assert!(out.text.contains("Paragraph 199 of real article text"));
    assert!(!out.text.contains("not text"));
}

#[test]
#[ignore = "bench: 100,000 nested elements"]
fn bench_nesting_100k() {
    for tag in ["div", "span", "b"] {
        let page = nested(100_000, tag);
        let t = Instant::now();
        let out = extract(&page, None);
        println!(
            "nesting 100k <{tag}>: {} bytes, {:.2}s, {} blocks",
            page.len(),
            t.elapsed().as_secs_f64(),
            out.blocks.len()
        );
    }
}

#[test]
#[ignore = "bench: a 50 MB page"]
fn bench_50mb_page() {
    let page = article(450_000);
    let t = Instant::now();
    let out = extract(&page, None);
    println!(
        "50 MB page: {} bytes, {:.2}s, {} blocks",
        page.len(),
        t.elapsed().as_secs_f64(),
        out.blocks.len()
    );
}

#[test]
#[ignore = "bench: megabyte attributes"]
fn bench_megabyte_attributes() {
    let big = "y".repeat(8_000_000);
    let page = format!(
        "<html><body><div title=\"{big}\">{}</div></body></html>",
        article(50)
    );
    let t = Instant::now();
    let out = extract(&page, None);
    println!(
        "8 MB attribute: {} bytes, {:.2}s, {} blocks",
        page.len(),
        t.elapsed().as_secs_f64(),
        out.blocks.len()
    );
}
