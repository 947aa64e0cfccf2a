//! Card excerpts: an idea's body shortened to a preview that never cuts a word in half.

use std::borrow::Cow;

/// `text` with runs of whitespace collapsed, cut to at most `max_chars` characters at a word
/// boundary (or mid-word when one word is longer) and ending in `…` when anything was cut.
pub fn excerpt(text: &str, max_chars: usize) -> Cow<'_, str> {
    let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if collapsed.chars().count() <= max_chars {
        return if collapsed == text {
            Cow::Borrowed(text)
        } else {
            Cow::Owned(collapsed)
        };
    }
    // Leave room for the ellipsis.
    let keep = max_chars.saturating_sub(1);
    let cut = collapsed
        .char_indices()
        .nth(keep)
        .map_or(collapsed.len(), |(at, _)| at);
    let (head, rest) = collapsed.split_at(cut);
    let head = match head.rfind(' ') {
        Some(space) if !rest.starts_with(' ') => &head[..space],
        _ => head,
    };
    Cow::Owned(format!(
        "{}…",
        head.trim_end_matches(|c: char| c.is_ascii_punctuation())
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_text_is_untouched() {
        assert!(matches!(
            excerpt("Short body.", 20),
            Cow::Borrowed("Short body.")
        ));
        assert_eq!(excerpt("", 5), "");
    }

    #[test]
    fn whitespace_is_collapsed() {
        assert_eq!(excerpt("  Two\n\nlines\t here ", 40), "Two lines here");
    }

    #[test]
    fn long_text_is_cut_at_a_word_boundary() {
        assert_eq!(excerpt("The quick brown fox jumps", 16), "The quick brown…");
        assert_eq!(excerpt("Lace loops, please add them", 14), "Lace loops…");
        assert!(excerpt(&"word ".repeat(100), 50).chars().count() <= 50);
    }

    #[test]
    fn one_long_word_is_cut_mid_word() {
        assert_eq!(excerpt("Supercalifragilistic", 6), "Super…");
    }

    #[test]
    fn characters_are_counted_not_bytes() {
        assert_eq!(excerpt("ééééé ééééé", 8), "ééééé…");
        assert_eq!(excerpt("日本語のテキスト", 4), "日本語…");
    }
}
