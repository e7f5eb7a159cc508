//! "Did you mean …?": the closest allowed name to a mistyped one, by edit distance.

/// The candidate closest to `word`, if it is close enough to be a likely typo.
///
/// Case is ignored, so `Royalty_Rate` finds `royalty_rate`. Ties go to the first candidate,
/// so suggestions are stable from run to run.
pub(crate) fn closest<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let word = word.to_lowercase();
    // A third of the word, at least 1 and at most 3 edits: "mker" → "maker", but "x" ↛ "name".
    let limit = (word.chars().count() / 3).clamp(1, 3);
    let mut best: Option<(usize, &'a str)> = None;
    for candidate in candidates {
        let lower = candidate.to_lowercase();
        let distance = edit_distance(&word, &lower);
        // A shortened or lengthened name ("discount" for "discount_rate") is a likely slip too.
        let truncated =
            word.chars().count() >= 4 && (lower.starts_with(&word) || word.starts_with(&lower));
        if (distance <= limit || truncated) && best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, candidate)| candidate)
}

/// Levenshtein distance in characters (insertions, deletions, substitutions).
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        current[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distance_counts_edits() {
        assert_eq!(edit_distance("royalty_rat", "royalty_rate"), 1);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
    }

    #[test]
    fn suggests_only_close_names() {
        let names = ["royalty_rate", "licensor", "technical_fee"];
        assert_eq!(closest("royalty_rat", names), Some("royalty_rate"));
        assert_eq!(closest("Licenser", names), Some("licensor"));
        assert_eq!(closest("colour", names), None);
        assert_eq!(closest("mker", ["maker", "dealer"]), Some("maker"));
        assert_eq!(
            closest("discount", ["growth", "discount_rate"]),
            Some("discount_rate")
        );
        assert_eq!(closest("the", ["theme"]), None);
    }
}
