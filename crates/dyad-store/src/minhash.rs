//! Near-duplicate detection: a MinHash signature over word 3-shingles of the lower-cased text.
//! The share of equal signature values estimates the Jaccard similarity of two texts' shingle
//! sets; at [`MIN_SIMILARITY`] or more they are the same story (a syndicated copy or an updated
//! version). Candidates come from locality-sensitive hashing: the signature is cut into
//! [`BANDS`] bands of [`ROWS`] values and texts sharing any whole band are compared.

/// Values in a signature.
pub(crate) const SIGNATURE: usize = 64;
/// Bands the signature is cut into for candidate look-up.
pub(crate) const BANDS: usize = 16;
/// Values per band.
const ROWS: usize = SIGNATURE / BANDS;
/// Estimated Jaccard similarity from which two texts are near-duplicates.
pub(crate) const MIN_SIMILARITY: f64 = 0.7;
/// Texts with fewer words get no signature: too short to tell copies from lookalikes.
const MIN_WORDS: usize = 12;

/// A MinHash signature.
pub(crate) type Signature = [u32; SIGNATURE];

/// The signature of `text`, or `None` when the text is too short.
pub(crate) fn signature(text: &str) -> Option<Signature> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.len() < MIN_WORDS {
        return None;
    }
    let mut shingles: Vec<u64> = words
        .windows(3)
        .map(|w| {
            let mut h = FNV_OFFSET;
            for word in w {
                h = fnv1a(h, word.as_bytes());
                h = fnv1a(h, b" ");
            }
            h
        })
        .collect();
    shingles.sort_unstable();
    shingles.dedup();
    let mut sig = [u32::MAX; SIGNATURE];
    for s in shingles {
        for (i, slot) in sig.iter_mut().enumerate() {
            let h = (mix(s ^ SEEDS[i]) >> 32) as u32;
            if h < *slot {
                *slot = h;
            }
        }
    }
    Some(sig)
}

/// The band keys of a signature, as stored (SQLite integers are signed).
pub(crate) fn bands(sig: &Signature) -> [i64; BANDS] {
    std::array::from_fn(|b| {
        let mut h = FNV_OFFSET ^ b as u64;
        for v in &sig[b * ROWS..(b + 1) * ROWS] {
            h = fnv1a(h, &v.to_le_bytes());
        }
        mix(h) as i64
    })
}

/// The estimated Jaccard similarity of two signatures.
pub(crate) fn similarity(a: &Signature, b: &Signature) -> f64 {
    a.iter().zip(b).filter(|(x, y)| x == y).count() as f64 / SIGNATURE as f64
}

/// A signature as stored (little-endian bytes).
pub(crate) fn to_bytes(sig: &Signature) -> Vec<u8> {
    sig.iter().flat_map(|v| v.to_le_bytes()).collect()
}

/// A stored signature; `None` when the bytes are not one.
pub(crate) fn from_bytes(bytes: &[u8]) -> Option<Signature> {
    (bytes.len() == SIGNATURE * 4).then(|| {
        std::array::from_fn(|i| {
            let c = &bytes[i * 4..i * 4 + 4];
            u32::from_le_bytes([c[0], c[1], c[2], c[3]])
        })
    })
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

fn fnv1a(mut h: u64, bytes: &[u8]) -> u64 {
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// A finaliser (splitmix64) so every bit of a hash is well mixed.
const fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// One seed per hash function, fixed so signatures are stable across runs and versions.
const SEEDS: [u64; SIGNATURE] = {
    let mut s = [0u64; SIGNATURE];
    let mut i = 0;
    while i < SIGNATURE {
        s[i] = mix(0x9e37_79b9_7f4a_7c15u64.wrapping_mul(i as u64 + 1));
        i += 1;
    }
    s
};

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str =
        "Israel and Azerbaijan signed an agreement on energy cooperation on Monday, \
        the two governments said in a joint statement. The deal covers gas supplies, pipeline \
        investment and technology transfer over the next ten years. Officials in Baku said the \
        agreement would deepen a partnership that began in the early 1990s.";

    #[test]
    fn copies_and_updates_are_similar() {
        let a = signature(STORY).unwrap();
        let copy = format!("{STORY}\n\nReporting by the wire desk.");
        let b = signature(&copy).unwrap();
        assert!(
            similarity(&a, &b) >= MIN_SIMILARITY,
            "{}",
            similarity(&a, &b)
        );
        assert!(bands(&a).iter().zip(bands(&b)).any(|(x, y)| *x == y));
        assert_eq!(signature(&STORY.to_uppercase()), Some(a));
    }

    #[test]
    fn different_stories_are_dissimilar() {
        let other = "Heavy rain flooded the northern valleys overnight and closed several roads, \
            the emergency ministry reported. Rescue teams evacuated villages near the river and \
            schools will stay shut until Thursday while engineers inspect the bridges.";
        let a = signature(STORY).unwrap();
        let b = signature(other).unwrap();
        assert!(similarity(&a, &b) < 0.1);
    }

    #[test]
    fn short_texts_have_no_signature_and_bytes_round_trip() {
        assert_eq!(signature("Too short to tell."), None);
        let a = signature(STORY).unwrap();
        assert_eq!(from_bytes(&to_bytes(&a)), Some(a));
        assert_eq!(from_bytes(b"xx"), None);
    }
}
