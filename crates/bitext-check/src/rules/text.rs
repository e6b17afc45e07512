//! Text helpers shared by the segment rules: scripts, normalised keys, words.

pub(crate) use bitext_core::is_han;

/// The characters of `text` beyond ASCII, with their byte offsets: the rules that look for
/// Han characters and full-width marks skip the ASCII bytes of an English text without decoding.
pub(crate) fn non_ascii(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    text.as_bytes()
        .iter()
        .enumerate()
        // A lead byte starts a character of two bytes or more.
        .filter(|&(_, &b)| b >= 0xC0)
        .filter_map(move |(i, _)| text[i..].chars().next().map(|c| (i, c)))
}

/// Whether a text has anything to translate: a Han character or a word of two letters.
pub(crate) fn has_words(s: &str) -> bool {
    s.chars().any(is_han)
        || words(s).any(|(_, w)| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
}

/// The words of a text (runs of letters, digits, apostrophes and hyphens inside a word), with
/// their byte offsets.
pub(crate) fn words(s: &str) -> impl Iterator<Item = (usize, &str)> {
    // Bytes, with characters decoded only beyond ASCII: this runs over every English text.
    let b = s.as_bytes();
    let char_at = move |i: usize| -> Option<char> {
        match b.get(i) {
            Some(&x) if x < 0x80 => Some(x as char),
            Some(_) => s.get(i..).and_then(|t| t.chars().next()),
            None => None,
        }
    };
    let word_char = |c: char| {
        if c.is_ascii() {
            c.is_ascii_alphanumeric()
        } else {
            c.is_alphanumeric() && !is_han(c)
        }
    };
    let mut i = 0;
    std::iter::from_fn(move || {
        let start = loop {
            let c = char_at(i)?;
            if word_char(c) {
                break i;
            }
            i += c.len_utf8();
        };
        while let Some(c) = char_at(i) {
            if word_char(c) {
                i += c.len_utf8();
            } else if matches!(c, '\'' | '’' | '-' | '‐')
                && char_at(i + c.len_utf8()).is_some_and(word_char)
            {
                // Inside a word only when a letter or digit follows.
                i += c.len_utf8();
            } else {
                break;
            }
        }
        Some((start, &s[start..i]))
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
