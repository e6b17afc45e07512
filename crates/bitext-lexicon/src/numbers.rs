//! Numbers in Chinese and English text, as values, so that 2.9万, 29,000 and twenty-nine thousand meet.
//!
//! Chinese: Arabic digits (half or full width) with an optional 万/亿/千/百 multiplier, Chinese numerals
//! (二十一, 一百三十, 三亿五千万, 二〇二一), 百分之九十 and 90% as percentages.
//! English: digits with thousands separators and decimals, an optional million/billion/thousand, number
//! words (twenty-one, an hundred and thirty, fourteenth), percent/per cent/%.

/// A number found in text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Number {
    pub value: f64,
    /// Written as a percentage (90%, 百分之九十, 90 per cent).
    pub percent: bool,
    /// Byte range in the text.
    pub start: usize,
    pub end: usize,
}

impl Number {
    /// A key that is equal for equal values: `29000`, `2.9`, `90%`.
    pub fn key(&self) -> String {
        let v = (self.value * 10_000.0).round() / 10_000.0;
        let mut s = if v.fract() == 0.0 && v.abs() < 1e15 {
            format!("{}", v as i64)
        } else {
            format!("{v}")
        };
        if self.percent {
            s.push('%');
        }
        s
    }
}

fn zh_digit(c: char) -> Option<u32> {
    Some(match c {
        '零' | '〇' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

fn zh_unit(c: char) -> Option<f64> {
    Some(match c {
        '十' => 10.0,
        '百' => 100.0,
        '千' => 1_000.0,
        '万' => 10_000.0,
        '亿' => 100_000_000.0,
        _ => return None,
    })
}

fn ascii_digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// The value of a run of Chinese numerals (characters accepted by `zh_digit`/`zh_unit`).
fn zh_value(run: &[char]) -> f64 {
    if run.len() > 1 && run.iter().all(|&c| zh_digit(c).is_some()) {
        // 二〇二一: read digit by digit.
        return run.iter().fold(0.0, |acc, &c| {
            acc * 10.0 + f64::from(zh_digit(c).unwrap_or(0))
        });
    }
    let (mut total, mut section, mut number) = (0.0f64, 0.0f64, 0.0f64);
    for &c in run {
        if let Some(d) = zh_digit(c) {
            number = f64::from(d);
        } else if let Some(unit) = zh_unit(c) {
            if unit >= 100_000_000.0 {
                total = (total + section + number) * unit;
                section = 0.0;
            } else if unit >= 10_000.0 {
                total += (section + number) * unit;
                section = 0.0;
            } else {
                let n = if number == 0.0 { 1.0 } else { number };
                section += n * unit;
            }
            number = 0.0;
        }
    }
    total + section + number
}

/// Numbers in Chinese text.
pub fn chinese(text: &str) -> Vec<Number> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let end_of = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let start = chars[i].0;
        let percent_prefix = text[start..].starts_with("百分之");
        let body = if percent_prefix { i + 3 } else { i };
        let Some(&(_, first)) = chars.get(body) else {
            break;
        };
        if ascii_digit(first).is_some() {
            // Arabic digits, separators, a decimal point, then an optional multiplier.
            let mut j = body;
            let mut digits = String::new();
            while let Some(&(_, c)) = chars.get(j) {
                if let Some(d) = ascii_digit(c) {
                    digits.push(char::from_digit(d, 10).unwrap_or('0'));
                } else if c == ','
                    && chars
                        .get(j + 1)
                        .is_some_and(|&(_, n)| ascii_digit(n).is_some())
                {
                    // A thousands separator.
                } else if (c == '.' || c == '．')
                    && chars
                        .get(j + 1)
                        .is_some_and(|&(_, n)| ascii_digit(n).is_some())
                {
                    digits.push('.');
                } else {
                    break;
                }
                j += 1;
            }
            let mut value: f64 = digits.parse().unwrap_or(0.0);
            while let Some(unit) = chars.get(j).and_then(|&(_, c)| zh_unit(c)) {
                if unit < 100.0 {
                    break;
                }
                value *= unit;
                j += 1;
            }
            let mut percent = percent_prefix;
            if matches!(chars.get(j), Some(&(_, '%' | '％'))) {
                percent = true;
                j += 1;
            }
            out.push(Number {
                value,
                percent,
                start,
                end: end_of(j),
            });
            i = j;
        } else if zh_digit(first).is_some() || first == '十' || percent_prefix {
            let mut j = body;
            while chars
                .get(j)
                .is_some_and(|&(_, c)| zh_digit(c).is_some() || zh_unit(c).is_some())
            {
                j += 1;
            }
            let run: Vec<char> = chars[body..j].iter().map(|&(_, c)| c).collect();
            let lone_unit = run.len() == 1 && zh_unit(run[0]).is_some_and(|u| u > 10.0);
            if !run.is_empty() && !lone_unit {
                out.push(Number {
                    value: zh_value(&run),
                    percent: percent_prefix,
                    start,
                    end: end_of(j),
                });
                i = j;
            } else {
                i += 1;
            }
        } else {
            i += 1;
        }
    }
    out
}

fn en_small(word: &str) -> Option<(f64, bool)> {
    const UNITS: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const ORDINALS: [&str; 20] = [
        "zeroth",
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
    ];
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    const TENTHS: [&str; 8] = [
        "twentieth",
        "thirtieth",
        "fortieth",
        "fiftieth",
        "sixtieth",
        "seventieth",
        "eightieth",
        "ninetieth",
    ];
    if let Some(i) = UNITS.iter().position(|&u| u == word) {
        return Some((i as f64, false));
    }
    if let Some(i) = ORDINALS.iter().position(|&u| u == word) {
        return Some((i as f64, true));
    }
    if let Some(i) = TENS.iter().position(|&u| u == word) {
        return Some((20.0 + 10.0 * i as f64, false));
    }
    if let Some(i) = TENTHS.iter().position(|&u| u == word) {
        return Some((20.0 + 10.0 * i as f64, true));
    }
    None
}

fn en_scale(word: &str) -> Option<f64> {
    Some(match word {
        "hundred" | "hundredth" => 100.0,
        "thousand" | "thousandth" => 1_000.0,
        "million" | "millionth" => 1_000_000.0,
        "billion" | "billionth" => 1_000_000_000.0,
        _ => return None,
    })
}

/// Numbers in English text.
pub fn english(text: &str) -> Vec<Number> {
    // Tokens: letter runs (hyphen splits twenty-one), digit runs with , and . inside, and % signs.
    #[derive(Clone, Copy)]
    enum Tok<'a> {
        Word(&'a str),
        Digits(f64),
        Percent,
        Other,
    }
    let mut toks: Vec<(Tok, usize, usize)> = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < text.len() {
        let c = text[i..].chars().next().unwrap_or(' ');
        let len = c.len_utf8();
        if c.is_ascii_alphabetic() {
            let mut j = i;
            while j < bytes.len() && bytes[j].is_ascii_alphabetic() {
                j += 1;
            }
            toks.push((Tok::Word(&text[i..j]), i, j));
            i = j;
        } else if c.is_ascii_digit() {
            let mut j = i;
            let mut s = String::new();
            while j < bytes.len() {
                let b = bytes[j];
                if b.is_ascii_digit() {
                    s.push(b as char);
                } else if (b == b',' || b == b'.')
                    && bytes.get(j + 1).is_some_and(u8::is_ascii_digit)
                {
                    if b == b'.' {
                        s.push('.');
                    }
                } else {
                    break;
                }
                j += 1;
            }
            // Ordinal suffixes: 21st, 3rd.
            let rest = &text[j..];
            for suffix in ["st", "nd", "rd", "th"] {
                if rest.starts_with(suffix)
                    && !rest[2..].starts_with(|c: char| c.is_ascii_alphabetic())
                {
                    j += 2;
                    break;
                }
            }
            toks.push((Tok::Digits(s.parse().unwrap_or(0.0)), i, j));
            i = j;
        } else if c == '%' || c == '％' {
            toks.push((Tok::Percent, i, i + len));
            i += len;
        } else if c == '-' || c == ' ' {
            i += len;
        } else {
            toks.push((Tok::Other, i, i + len));
            i += len;
        }
    }

    let lower = |w: &str| w.to_ascii_lowercase();
    let mut out = Vec::new();
    let mut k = 0;
    while k < toks.len() {
        let (tok, start, mut end) = toks[k];
        let mut value;
        let mut next = k + 1;
        match tok {
            Tok::Digits(v) => {
                value = v;
                if let Some(&(Tok::Word(w), _, e)) = toks.get(next) {
                    if let Some(scale) = en_scale(&lower(w)) {
                        value *= scale;
                        end = e;
                        next += 1;
                    }
                }
            }
            Tok::Word(w) => {
                let w0 = lower(w);
                let starts_number = en_small(&w0).is_some()
                    || (en_scale(&w0).is_some() && k > 0)
                    || ((w0 == "a" || w0 == "an")
                        && matches!(toks.get(k + 1), Some(&(Tok::Word(n), _, _)) if en_scale(&lower(n)).is_some_and(|s| s >= 100.0)));
                if !starts_number {
                    k += 1;
                    continue;
                }
                // Accumulate a run of number words: "an hundred and thirty", "twenty-one".
                let (mut total, mut current) = (0.0f64, 0.0f64);
                let mut j = k;
                let mut any = false;
                while let Some(&(Tok::Word(w), _, e)) = toks.get(j) {
                    let w = lower(w);
                    if let Some((v, _)) = en_small(&w) {
                        current += v;
                    } else if let Some(scale) = en_scale(&w) {
                        if current == 0.0 {
                            current = 1.0;
                        }
                        if scale >= 1000.0 {
                            total += current * scale;
                            current = 0.0;
                        } else {
                            current *= scale;
                        }
                    } else if (w == "a" || w == "an") && j == k {
                        current = 0.0;
                    } else if w == "and"
                        && any
                        && matches!(toks.get(j + 1), Some(&(Tok::Word(n), _, _)) if en_small(&lower(n)).is_some())
                    {
                    } else {
                        break;
                    }
                    any = any || w != "a" && w != "an";
                    end = e;
                    j += 1;
                }
                if !any {
                    k += 1;
                    continue;
                }
                value = total + current;
                next = j;
            }
            _ => {
                k += 1;
                continue;
            }
        }
        let mut percent = false;
        match toks.get(next) {
            Some(&(Tok::Percent, _, e)) => {
                percent = true;
                end = e;
                next += 1;
            }
            Some(&(Tok::Word(w), _, e)) if lower(w) == "percent" => {
                percent = true;
                end = e;
                next += 1;
            }
            Some(&(Tok::Word(w), _, _)) if lower(w) == "per" => {
                if let Some(&(Tok::Word(c), _, e)) = toks.get(next + 1) {
                    if lower(c) == "cent" {
                        percent = true;
                        end = e;
                        next += 2;
                    }
                }
            }
            _ => {}
        }
        out.push(Number {
            value,
            percent,
            start,
            end,
        });
        k = next;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zh(text: &str) -> Vec<String> {
        chinese(text).iter().map(Number::key).collect()
    }
    fn en(text: &str) -> Vec<String> {
        english(text).iter().map(Number::key).collect()
    }

    #[test]
    fn chinese_numbers() {
        assert_eq!(zh("我二十一岁时"), ["21"]);
        assert_eq!(zh("我在山下十四队，她在山上十五队。"), ["14", "15"]);
        assert_eq!(zh("亚伯拉罕一百七十五岁"), ["175"]);
        assert_eq!(zh("共2.9万人"), ["29000"]);
        assert_eq!(zh("三亿五千万"), ["350000000"]);
        assert_eq!(zh("一万二千"), ["12000"]);
        assert_eq!(zh("二〇二一年"), ["2021"]);
        assert_eq!(zh("百分之九十"), ["90%"]);
        assert_eq!(zh("增长１２.５%"), ["12.5%"]);
        assert_eq!(zh("1,000余名"), ["1000"]);
    }

    #[test]
    fn english_numbers() {
        assert_eq!(en("At twenty-one, I was"), ["21"]);
        assert_eq!(en("an hundred and thirty years"), ["130"]);
        assert_eq!(en("the fourteenth production team"), ["14"]);
        assert_eq!(en("29,000 people; 2.9 million"), ["29000", "2900000"]);
        assert_eq!(en("90 per cent and 12.5%"), ["90%", "12.5%"]);
        assert_eq!(en("on the 21st day"), ["21"]);
        assert!(en("a man and a house").is_empty());
    }
}
