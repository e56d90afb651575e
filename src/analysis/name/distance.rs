//! A weighted, bounded edit distance over translit keys that knows which
//! symbols romanisations confuse.
//!
//! Substituting within a confusable group costs 0.5–0.7, inserting or deleting
//! a glide `i` or an `h` costs 0.5, swapping two neighbours 0.8, anything else
//! 1.0. A non-confusable change to the first symbol costs 0.5 more: first
//! letters are rarely misspelled, and Nazarbayev/Bazarbayev are two people.

/// Cost of replacing `a` by `b` (symmetric; 0 for equal symbols).
pub(crate) fn sub_cost(a: char, b: char) -> f32 {
    if a == b {
        return 0.0;
    }
    let (x, y) = if a < b { (a, b) } else { (b, a) };
    match (x, y) {
        // ж/ш (German sch), ж/з (ASCII-folded ž), ш/с (folded ş), ч/ш (French ch).
        ('j', 'x') | ('j', 's') | ('s', 'x') | ('c', 'x') => 0.5,
        // ch = ч or х; қ/х (Бақыт/Бахыт); г/х (Ibragim/Ibrahim); в/ф (-ov/-off).
        ('c', 'h') | ('h', 'k') | ('g', 'h') | ('f', 'v') => 0.5,
        // қ/ғ, е/и, о/у (French ou), voicing pairs; ы/у: Kazakh reduced high
        // vowels (ы, ұ) are written у or ы in Russian renderings (Жақып/Жакуп).
        ('g', 'k') | ('e', 'i') | ('o', 'u') | ('i', 'u') | ('b', 'p') | ('d', 't') => 0.7,
        _ => 1.0,
    }
}

/// Cost of inserting or deleting `c`.
pub(crate) fn indel_cost(c: char) -> f32 {
    match c {
        'i' | 'h' => 0.5,
        _ => 1.0,
    }
}

/// Cost of swapping two neighbouring symbols.
pub(crate) const TRANSPOSE: f32 = 0.8;
const FIRST_PENALTY: f32 = 0.5;

/// Weighted optimal-string-alignment distance between two keys, or `None` if
/// it exceeds `bound`.
///
/// ```
/// use whereas::name::key_distance;
/// // ж vs ш (German sch): a confusable pair, cheap.
/// assert_eq!(key_distance("xakixev", "jakixev", 1.0), Some(0.5));
/// // A different first letter: two people.
/// assert_eq!(key_distance("nasarbaev", "basarbaev", 1.0), None);
/// ```
pub fn key_distance(a: &str, b: &str, bound: f32) -> Option<f32> {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let (n, m) = (a.len(), b.len());
    if n.abs_diff(m) as f32 * 0.5 > bound {
        return None;
    }
    let w = m + 1;
    let mut d = vec![0f32; (n + 1) * w];
    for j in 1..=m {
        d[j] = d[j - 1] + indel_cost(b[j - 1]) + if j == 1 { FIRST_PENALTY } else { 0.0 };
    }
    for i in 1..=n {
        d[i * w] = d[(i - 1) * w] + indel_cost(a[i - 1]) + if i == 1 { FIRST_PENALTY } else { 0.0 };
        let mut row_min = d[i * w];
        for j in 1..=m {
            let mut sub = sub_cost(a[i - 1], b[j - 1]);
            if i == 1 && j == 1 && sub >= 1.0 {
                sub += FIRST_PENALTY;
            }
            let mut v = (d[(i - 1) * w + j - 1] + sub)
                .min(d[(i - 1) * w + j] + indel_cost(a[i - 1]))
                .min(d[i * w + j - 1] + indel_cost(b[j - 1]));
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[(i - 2) * w + j - 2] + TRANSPOSE);
            }
            d[i * w + j] = v;
            row_min = row_min.min(v);
        }
        if row_min > bound {
            return None;
        }
    }
    let dist = d[n * w + m];
    (dist <= bound).then_some(dist)
}

/// How far apart two keys of this length may be and still match fuzzily: none
/// below four symbols, a cheap confusion (0.5) up to five, one confusable
/// change (0.7) up to eight, one full edit from nine.
pub(crate) fn fuzzy_bound(len: usize) -> f32 {
    match len {
        0..=3 => 0.0,
        4..=5 => 0.5,
        6..=8 => 0.7,
        _ => 1.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn confusables_are_cheaper_than_other_edits() {
        assert_eq!(key_distance("jumagulov", "jumagulov", 1.0), Some(0.0));
        assert_eq!(key_distance("hasenov", "hasanov", 0.7), None);
        assert_eq!(key_distance("tokaev", "tokarev", 0.7), None);
        assert_eq!(key_distance("bahitjan", "bakitjan", 0.7), Some(0.5));
        let t = key_distance("ahemdiarov", "ahmediarov", 1.0).unwrap();
        assert!((t - 0.8).abs() < 1e-6, "{t}");
    }

    #[test]
    fn symmetric_and_bounded() {
        for (a, b) in [("abc", "abd"), ("jumagulov", "jumabekov"), ("", "abc")] {
            assert_eq!(key_distance(a, b, 9.0), key_distance(b, a, 9.0));
        }
        assert_eq!(key_distance("jumagulov", "jumabekov", 1.0), None);
    }
}
