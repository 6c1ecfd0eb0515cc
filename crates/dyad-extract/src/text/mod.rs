//! Scraped plain-text pages: a news page saved as text, article and page furniture mixed.
//!
//! The page is read line by line. Each line is first classified on its own ([`classify`]):
//! by the furniture [`lexicon`], as a photo [`credit`], a byline or bio ([`people`]), a date
//! line ([`dates`]), or by its [`shape`]. Then position decides the rest ([`layout`]): the
//! body starts at the first prose paragraph (title, credit, caption, byline and date sit
//! above it; the headline and a bare date under it stay in the body as headings), and a run
//! of closing furniture (share bar, previous/next-article links, tags) after most of the prose
//! ends it; what follows is furniture or the author's bio. Captions of pictures inside the
//! article stay as caption blocks; the lead picture's go to `meta`.

pub mod classify;
pub mod credit;
pub mod dates;
pub mod layout;
pub mod lexicon;
pub mod people;
pub mod shape;

use crate::Extracted;

/// Extracts the article body, metadata and removed furniture of a plain-text page.
pub fn extract(text: &str) -> Extracted {
    let lines = classify::lines(text);
    layout::assemble(&lines)
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_doc::{BlockKind, RemovedKind};

    const PAGE: &str = "Photo Credit: Jane Roe/FLASH90\nThe old harbour of Valletta at dawn, May 2, 2021.\n\n\
VALLETTA, May 3 (Reuters) - Malta and Tunisia signed a fisheries accord on Friday, officials said, ending a dispute that had lasted two seasons.\n\n\
Advertisement\n\n\
The deal sets quotas for the next five years and creates a joint patrol.\n\n\
WHAT THE DEAL CHANGES\n\n\
Boats from both countries may fish the shared banks, which lie between the two coasts.\n\n\
Share this article on WhatsApp:\nSHARE\nPrevious articleFerry Strike Ends in Sicily\nNext articleStorms Close Ports\n\
Jane Roe is a correspondent covering the Mediterranean. She is the author of a book on fishing towns.";

    #[test]
    fn a_small_page() {
        let ex = extract(PAGE);
        assert_eq!(ex.meta.photo_credit.as_deref(), Some("Jane Roe/FLASH90"));
        assert!(ex
            .meta
            .caption
            .as_deref()
            .unwrap_or("")
            .contains("Valletta"));
        assert_eq!(ex.meta.byline, vec!["Jane Roe".to_string()]);
        assert!(ex
            .meta
            .author_bio
            .as_deref()
            .unwrap_or("")
            .contains("correspondent"));
        assert!(ex.text.starts_with("VALLETTA, May 3 (Reuters) - Malta"));
        assert!(ex.text.ends_with("between the two coasts."));
        assert!(!ex.text.contains("Advertisement"));
        let heads: Vec<&str> = ex
            .blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Heading)
            .map(|b| &ex.text[b.start..b.end])
            .collect();
        assert_eq!(heads, vec!["WHAT THE DEAL CHANGES"]);
        let kinds: Vec<RemovedKind> = ex.removed.iter().map(|r| r.kind).collect();
        assert!(kinds.contains(&RemovedKind::Advertisement));
        assert!(kinds.contains(&RemovedKind::Share));
        assert!(kinds.contains(&RemovedKind::Related));
        assert!(kinds.contains(&RemovedKind::AuthorBio));
        assert!(kinds.contains(&RemovedKind::PhotoCredit));
        assert!(kinds.contains(&RemovedKind::Caption));
    }

    #[test]
    fn hostile_inputs_do_not_panic() {
        let huge = "word ".repeat(200_000);
        let furniture = "Advertisement\nSHARE\nTweet\nPrint\n";
        let binaryish: String = (0u8..=255).map(|b| b as char).collect();
        for input in [
            "",
            "\n\n\n",
            " ",
            huge.as_str(),
            furniture,
            binaryish.as_str(),
            "By",
            "Photo:",
            "(",
            "1. ",
            "•",
        ] {
            let ex = extract(input);
            for b in &ex.blocks {
                assert!(ex.text.get(b.start..b.end).is_some());
            }
        }
        assert!(extract(furniture).text.is_empty());
    }
}
