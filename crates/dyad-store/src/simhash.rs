//! Near-duplicate fingerprints: a 64-bit simhash over word 3-shingles of the lower-cased text.
//! Two texts whose fingerprints differ in at most [`MAX_DISTANCE`] bits are the same story
//! (a syndicated copy or an updated version). Candidates are found by exact match on one of
//! four 16-bit bands: by the pigeonhole principle, fingerprints within three bits share a band.

/// Largest Hamming distance between fingerprints of near-duplicate texts.
pub(crate) const MAX_DISTANCE: u32 = 3;
/// Number of bands the fingerprint is split into for candidate look-up.
pub(crate) const BANDS: usize = 4;
/// Texts with fewer words get no fingerprint: too short to tell copies from lookalikes.
const MIN_WORDS: usize = 12;

/// The simhash fingerprint of `text`, or `None` when the text is too short.
pub(crate) fn fingerprint(text: &str) -> Option<u64> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.len() < MIN_WORDS {
        return None;
    }
    let mut votes = [0i64; 64];
    for shingle in words.windows(3) {
        let mut h = FNV_OFFSET;
        for w in shingle {
            h = fnv1a(h, w.as_bytes());
            h = fnv1a(h, b" ");
        }
        let h = mix(h);
        for (bit, vote) in votes.iter_mut().enumerate() {
            *vote += if h >> bit & 1 == 1 { 1 } else { -1 };
        }
    }
    Some(
        votes
            .iter()
            .enumerate()
            .filter(|(_, v)| **v > 0)
            .fold(0u64, |acc, (bit, _)| acc | 1 << bit),
    )
}

/// The 16-bit bands of a fingerprint, as stored (signed, as SQLite integers are).
pub(crate) fn bands(fp: u64) -> [i64; BANDS] {
    std::array::from_fn(|i| ((fp >> (16 * i)) & 0xffff) as i64)
}

/// Whether two fingerprints are near-duplicates.
pub(crate) fn near(a: u64, b: u64) -> bool {
    (a ^ b).count_ones() <= MAX_DISTANCE
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

fn fnv1a(mut h: u64, bytes: &[u8]) -> u64 {
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// A finaliser (splitmix64) so every bit of the shingle hash is well mixed.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str =
        "Israel and Azerbaijan signed an agreement on energy cooperation on Monday, \
        the two governments said in a joint statement. The deal covers gas supplies, pipeline \
        investment and technology transfer over the next ten years. Officials in Baku said the \
        agreement would deepen a partnership that began in the early 1990s. Analysts expect \
        further deals in the defence sector, where ties have grown steadily. Armenia criticised \
        the agreement and called for talks. Turkey welcomed the step.";

    #[test]
    fn copies_and_updates_are_near() {
        let a = fingerprint(STORY).unwrap();
        let copy = format!("{STORY}\n\nReporting by the wire desk.");
        let b = fingerprint(&copy).unwrap();
        assert!(near(a, b), "distance {}", (a ^ b).count_ones());
        let c = fingerprint(&STORY.to_uppercase()).unwrap();
        assert_eq!(a, c);
    }

    #[test]
    fn different_stories_are_far() {
        let other = "Heavy rain flooded the northern valleys overnight and closed several roads, \
            the emergency ministry reported. Rescue teams evacuated villages near the river and \
            schools will stay shut until Thursday while engineers inspect the bridges.";
        let a = fingerprint(STORY).unwrap();
        let b = fingerprint(other).unwrap();
        assert!(!near(a, b));
    }

    #[test]
    fn short_texts_have_no_fingerprint() {
        assert_eq!(fingerprint("Too short to tell."), None);
    }

    #[test]
    fn bands_cover_the_fingerprint() {
        let fp = 0x1234_5678_9abc_def0;
        let b = bands(fp);
        let back = b
            .iter()
            .enumerate()
            .fold(0u64, |acc, (i, v)| acc | (*v as u64) << (16 * i));
        assert_eq!(back, fp);
    }
}
