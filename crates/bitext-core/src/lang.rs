use serde::Serialize;
use std::fmt;
use std::str::FromStr;

/// A language bitext works with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Zh,
    En,
}

impl Lang {
    /// Guesses the language of a text by its script: Chinese when at least
    /// a fifth of its letters are CJK ideographs, English otherwise.
    ///
    /// ```
    /// use bitext_core::Lang;
    /// assert_eq!(Lang::detect("内蒙古自治区 (Inner Mongolia)"), Lang::Zh);
    /// assert_eq!(Lang::detect("Inner Mongolia Autonomous Region"), Lang::En);
    /// ```
    pub fn detect(text: &str) -> Lang {
        let (mut han, mut letters) = (0usize, 0usize);
        for c in text.chars().take(20_000) {
            if is_han(c) {
                han += 1;
                letters += 1;
            } else if c.is_alphabetic() {
                letters += 1;
            }
        }
        // A Chinese character carries about as much as a short English word,
        // so a fifth is already a Chinese document with Latin names in it.
        if han * 5 >= letters && han > 0 {
            Lang::Zh
        } else {
            Lang::En
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }
}

/// Whether `c` is a CJK ideograph (the unified blocks and compatibility ideographs).
pub fn is_han(c: char) -> bool {
    matches!(c,
        '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FA1F}'
        | '\u{3007}')
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Lang {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "zh" | "zh-cn" | "zh-hans" | "cmn" | "chinese" => Ok(Lang::Zh),
            "en" | "en-us" | "en-gb" | "english" => Ok(Lang::En),
            _ => Err(format!("unknown language `{s}` (expected zh or en)")),
        }
    }
}
