//! Text helpers shared by the segment rules: scripts, normalised keys, words.

/// Whether `c` is a Han character (CJK unified ideographs and their extensions, compatibility
/// ideographs).
pub(crate) fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2A6DF | 0x2A700..=0x2EBEF)
}

/// Whether a text has anything to translate: a Han character or a word of two letters.
pub(crate) fn has_words(s: &str) -> bool {
    s.chars().any(is_han)
        || words(s).any(|(_, w)| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
}

/// The words of a text (runs of letters, digits, apostrophes and hyphens inside a word), with
/// their byte offsets.
pub(crate) fn words(s: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut chars = s.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, first) = loop {
            let (i, c) = chars.next()?;
            if c.is_alphanumeric() && !is_han(c) {
                break (i, c);
            }
        };
        let mut end = start + first.len_utf8();
        while let Some(&(i, c)) = chars.peek() {
            let joiner = matches!(c, '\'' | '’' | '-' | '‐');
            if c.is_alphanumeric() && !is_han(c) {
                end = i + c.len_utf8();
                chars.next();
            } else if joiner {
                // Inside a word only when a letter or digit follows.
                let mut ahead = chars.clone();
                ahead.next();
                match ahead.peek() {
                    Some(&(_, n)) if n.is_alphanumeric() && !is_han(n) => {
                        chars.next();
                    }
                    _ => break,
                }
            } else {
                break;
            }
        }
        Some((start, &s[start..end]))
    })
}

/// A segment's text normalised for comparison: case folded, runs of digits as `#`, punctuation
/// and spaces dropped between Han characters and reduced to one space between words.
pub(crate) fn key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut gap = false;
    let mut digits = false;
    for c in s.chars() {
        if c.is_numeric() && !is_han(c) {
            if !digits {
                if gap && !out.is_empty() {
                    out.push(' ');
                }
                out.push('#');
            }
            digits = true;
            gap = false;
        } else if c.is_alphanumeric() {
            // A decimal point or a thousands separator keeps a number whole.
            if gap && !out.is_empty() && !is_han(c) {
                out.push(' ');
            }
            out.extend(c.to_lowercase());
            digits = false;
            gap = false;
        } else if digits && matches!(c, '.' | ',') {
            // stays in the number
        } else {
            gap = true;
            digits = false;
        }
    }
    out
}

/// At most `n` characters of `s` on one line, with an ellipsis when cut.
pub(crate) fn excerpt(s: &str, n: usize) -> String {
    let line = super::one_line(s);
    if line.chars().count() <= n {
        line
    } else {
        let cut: String = line.chars().take(n).collect();
        format!("{cut}…")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_ignore_case_spacing_punctuation_and_numbers() {
        assert_eq!(key("The 2,900 cadres,  trained."), "the # cadres trained");
        assert_eq!(key("the 29000 Cadres trained"), "the # cadres trained");
        assert_eq!(key("全区2.9万名干部，参加培训。"), "全区#万名干部参加培训");
    }

    #[test]
    fn words_keep_inner_apostrophes_and_hyphens() {
        let w: Vec<&str> = words("people's well-being - and 'so' O a")
            .map(|x| x.1)
            .collect();
        assert_eq!(w, ["people's", "well-being", "and", "so", "O", "a"]);
    }
}
