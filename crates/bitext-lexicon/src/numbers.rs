//! Numbers in Chinese and English text, as values, so that 2.9万, 29,000 and twenty-nine thousand
//! meet.
//!
//! Chinese: Arabic digits (half or full width) with 万/亿/千 multipliers, also after a space
//! (`10 万`) or 多/余 (`9000多万`, more than 90 million); Chinese numerals (二十一, 一百三十, 三亿五千万,
//! 二〇二一, 百万); 百分之九十, 90% and 三成 as percentages; N分之M as a fraction; N月 as a month;
//! N世纪M年代 as a decade (20 世纪 30 年代 = the 1930s); ranges that share a multiplier (2.6 至
//! 3.2 万). Approximations (几十, 上百, 四五 "four or five", 十五六) are kept as approximate: they
//! match, but nothing requires them. Words that contain a numeral but are no number (十分 "very",
//! 一致, 一成不变, 三心二意, 千方百计) and list labels (十、) are left out, as are digits inside a code
//! (COVID-19, SARS-CoV-2, IL-6, B814).
//!
//! English: digits with thousands separators and decimals (`.08`), scales (million, bn,
//! trillion), number words (twenty-one, an hundred and thirty, fourteenth), fractions (one tenth,
//! two thirds, half a million), dozens, percent/per cent/%/percentage points, month names and
//! abbreviations (Aug. 29, Oct 27), year ranges (2019–20 = 2019 and 2020), decades (the 1930s,
//! mid-1960s); "dozens", "hundreds of", "a decade", "a century" as approximate.

use std::sync::OnceLock;

/// A number found in text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Number {
    pub value: f64,
    /// Another value the text may mean: the other of "four or five" (四五), the years of "two
    /// decades" (20), the full year of a decade written `80 年代` (1980).
    pub alt: Option<f64>,
    /// A third value: the end of a decade of age (in their 50s: up to 60).
    pub alt2: Option<f64>,
    /// Written as a percentage (90%, 百分之九十, 90 per cent, 三成).
    pub percent: bool,
    /// A month (8月, August, Aug.).
    pub month: bool,
    /// Approximate, idiomatic or a label (几十, 上百, dozens, a decade, 十、): it matches a number
    /// of the other side, but nothing requires it.
    pub approx: bool,
    /// Byte range in the text.
    pub start: usize,
    pub end: usize,
}

impl Number {
    fn new(value: f64, start: usize, end: usize) -> Number {
        Number {
            value,
            alt: None,
            alt2: None,
            percent: false,
            month: false,
            approx: false,
            start,
            end,
        }
    }

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

    /// Whether `self` and `other` can be the same quantity: equal values, or one's other value
    /// equal to the other's value.
    pub fn meets(&self, other: &Number) -> bool {
        let eq = |a: f64, b: f64| (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1.0);
        let mine = [Some(self.value), self.alt, self.alt2];
        let theirs = [Some(other.value), other.alt, other.alt2];
        mine.iter()
            .flatten()
            .any(|&a| theirs.iter().flatten().any(|&b| eq(a, b)))
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

fn is_numeral(c: char) -> bool {
    zh_digit(c).is_some() || zh_unit(c).is_some()
}

/// Words with a numeral that are no number, and set phrases whose numerals no translation keeps.
const ZH_NOT_NUMBERS: &[&str] = &[
    "十分",
    "十足",
    "十全十美",
    "一致",
    "一些",
    "一样",
    "一直",
    "一定",
    "一般",
    "一起",
    "一切",
    "一旦",
    "一体",
    "一带一路",
    "统一",
    "唯一",
    "万一",
    "千万不",
    "千万要",
    "千万别",
    "一成不变",
    "三心二意",
    "一心一意",
    "千方百计",
    "百姓",
    "四面八方",
    "五湖四海",
    "乱七八糟",
    "七嘴八舌",
    "一举两得",
    "三三两两",
    "两岸",
    "一流",
    "一线",
    "一方面",
    "进一步",
    "一道",
    "一同",
    "同一",
    "单一",
    "一律",
    "一贯",
    "一向",
    "一番",
    "一手",
    "一系列",
    "一点",
    "一下",
    "一边",
    "一时",
    "一再",
    "一味",
    "万物",
    "万众一心",
    "千家万户",
    "千秋万代",
    "百花齐放",
    "百家争鸣",
    "千里",
    "万里",
    "十字",
    "百货",
    "百般",
    "九州",
    "一把手",
    "一揽子",
    "一站式",
    "一盘棋",
    "一张蓝图",
    "一以贯之",
    "一马当先",
    "一心",
    "一家",
    "一家亲",
    "千古",
    "万象",
    "千差万别",
    "成千上万",
    "数以万计",
    "数以千计",
    "数以百计",
    "三番五次",
    "接二连三",
    "独一无二",
    "一五一十",
    "一分为二",
    "百年大计",
    "万事",
    "万能",
    "不二",
    "一应",
    "三农",
    "一国两制",
    "十六进制",
    "十六进位",
    "十六進位",
    "十六進制",
    "十进制",
    "八进制",
    "二进制",
];

fn zh_not_numbers() -> &'static aho_corasick::AhoCorasick {
    static AC: OnceLock<aho_corasick::AhoCorasick> = OnceLock::new();
    AC.get_or_init(|| {
        aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(ZH_NOT_NUMBERS)
            .expect("fixed patterns")
    })
}

/// The value of a run of Chinese numerals (characters accepted by `zh_digit`/`zh_unit`).
fn zh_value(run: &[char]) -> f64 {
    let digit_by_digit = run.len() > 1
        && run.iter().all(|&c| zh_digit(c).is_some())
        && (run.len() >= 3 || run.iter().any(|&c| c == '〇' || c == '零'));
    if digit_by_digit {
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
                total = (total + section + number).max(1.0) * unit;
                section = 0.0;
            } else if unit >= 10_000.0 {
                total += (section + number).max(1.0) * unit;
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
    let ch = |i: usize| chars.get(i).map(|&(_, c)| c);
    // Character index of each byte offset where a phrase that is no number starts, and its end.
    let mut skip: Vec<(usize, usize)> = Vec::new();
    if text.chars().any(is_numeral) {
        for m in zh_not_numbers().find_iter(text) {
            // 十分之一 is a fraction, not 十分 "very"; after a numeral the phrase goes on a
            // number (四万一千五百, not 万一 "in case"; 五十分钟).
            if text[m.end()..].starts_with('之')
                || text[..m.start()]
                    .chars()
                    .next_back()
                    .is_some_and(is_numeral)
            {
                continue;
            }
            let s = chars.partition_point(|&(b, _)| b < m.start());
            let e = chars.partition_point(|&(b, _)| b < m.end());
            skip.push((s, e));
        }
    }
    let skip_at = |i: usize| skip.iter().find(|&&(s, _)| s == i).map(|&(_, e)| e);
    let space = |c: Option<char>| matches!(c, Some(' ' | '\u{3000}' | '\u{a0}'));
    // Skips one space: `10 万`, `2020 年`.
    let after_space = |j: usize| if space(ch(j)) { j + 1 } else { j };

    let mut out: Vec<Number> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if let Some(e) = skip_at(i) {
            i = e;
            continue;
        }
        let start = chars[i].0;
        let c = chars[i].1;
        if let Some(e) = url_end(text, start) {
            i = chars.partition_point(|&(b, _)| b < e);
            continue;
        }
        // 几十, 数百, 上百, 成百: approximate.
        if matches!(c, '几' | '数' | '上' | '成')
            && ch(i + 1)
                .and_then(zh_unit)
                .is_some_and(|u| u >= 10.0 && (c != '上' && c != '成' || u >= 100.0))
        {
            let mut j = i + 1;
            let mut value = 1.0;
            while let Some(u) = ch(j).and_then(zh_unit) {
                value *= u;
                j += 1;
            }
            let mut n = Number::new(value, start, end_of(j));
            n.approx = true;
            out.push(n);
            i = j;
            continue;
        }
        let percent_prefix = text[start..].starts_with("百分之");
        let body = if percent_prefix { i + 3 } else { i };
        let Some(first) = ch(body) else {
            break;
        };
        if ascii_digit(first).is_some() {
            // Digits inside a code (COVID-19, SARS-CoV-2, B814, IL-6) are no quantity.
            let before = (i > 0).then(|| chars[i - 1].1);
            let before2 = (i > 1).then(|| chars[i - 2].1);
            // 疾病-19 names a disease too.
            let code_before = before.is_some_and(|b| b.is_ascii_alphabetic())
                || (matches!(before, Some('-' | '_' | '/' | '.'))
                    && before2.is_some_and(|b| b.is_ascii_alphabetic()))
                || (before == Some('-')
                    && before2.is_some_and(|b| b.is_alphabetic() && !b.is_ascii()));
            // A figure or table number (图 1, 表 1.1) is a label, not a quantity.
            let label_before = {
                let mut b = i;
                while b > 0 && matches!(chars[b - 1].1, ' ' | '\u{3000}') {
                    b -= 1;
                }
                b > 0
                    && matches!(chars[b - 1].1, '图' | '表' | '第' | '号')
                    && !(b > 1 && chars[b - 2].1 == '代')
            };
            let mut j = body;
            let mut digits = String::new();
            while let Some(c) = ch(j) {
                if let Some(d) = ascii_digit(c) {
                    digits.push(char::from_digit(d, 10).unwrap_or('0'));
                } else if c == ','
                    && ch(j + 1).and_then(ascii_digit).is_some()
                    && ch(j + 2).and_then(ascii_digit).is_some()
                    && ch(j + 3).and_then(ascii_digit).is_some()
                {
                    // A thousands separator.
                } else if (c == '.' || c == '．') && ch(j + 1).and_then(ascii_digit).is_some() {
                    digits.push('.');
                } else {
                    break;
                }
                j += 1;
            }
            let code_after = ch(j).is_some_and(|c| c.is_ascii_alphabetic())
                && !english_unit_after(text, end_of(j));
            if code_before || code_after {
                // The whole code, with its joints: Hipposideros/GhanaKwam/19/2008. Its digits
                // match the other side's, but nothing requires them.
                let mut n = Number::new(digits.parse().unwrap_or(0.0), start, end_of(j));
                n.approx = true;
                out.push(n);
                i = j.max(i + 1);
                while ch(i).is_some_and(|c| c.is_ascii_alphanumeric())
                    || (matches!(ch(i), Some('-' | '_' | '/' | '.'))
                        && ch(i + 1).is_some_and(|c| c.is_ascii_alphanumeric()))
                {
                    i += 1;
                }
                continue;
            }
            let mut value: f64 = digits.parse().unwrap_or(0.0);
            let mut n_end = j;
            // 多/余 between the digits and a multiplier: 9000多万 is more than 90 million.
            let mut k = after_space(j);
            if matches!(ch(k), Some('多' | '余')) && ch(k + 1).and_then(zh_unit).is_some() {
                k += 1;
            }
            let mut multiplied = false;
            while let Some(unit) = ch(k).and_then(zh_unit) {
                // 十 and 百 after digits are not multipliers (3十 is no number); 百万 and 千万 are.
                if unit < 1000.0 && !ch(k + 1).and_then(zh_unit).is_some_and(|u| u >= 10_000.0) {
                    break;
                }
                value *= unit;
                k += 1;
                n_end = k;
                multiplied = true;
            }
            let mut n = Number::new(value, start, end_of(n_end));
            n.percent = percent_prefix;
            n.approx = label_before && chars[body..j].iter().all(|&(_, c)| c != ',');
            // The second year of a range written short: 2010-11, 1968/69.
            let int_digits = digits.split('.').next().map_or(0, str::len);
            if int_digits == 2
                && !digits.contains('.')
                && i >= 5
                && matches!(before, Some('-' | '–' | '—' | '/'))
            {
                let prev: String = chars[i - 5..i - 1].iter().map(|&(_, c)| c).collect();
                if let Ok(year) = prev.parse::<f64>() {
                    if prev.len() == 4
                        && value > year % 100.0
                        && (i < 6 || ascii_digit(chars[i - 6].1).is_none())
                    {
                        n.value = (year / 100.0).floor() * 100.0 + value;
                    }
                }
            }
            let mut next = n_end;
            let at = after_space(n_end);
            match ch(at) {
                Some('%' | '％') => {
                    n.percent = true;
                    next = at + 1;
                    n.end = end_of(next);
                }
                Some('月')
                    if !multiplied && (1.0..=12.0).contains(&value) && value.fract() == 0.0 =>
                {
                    n.month = true;
                }
                Some('世') if ch(at + 1) == Some('纪') => {
                    if let Some((decade, e)) = decade_after(&chars, at + 2, value) {
                        n = Number::new(decade, start, end_of(e));
                        next = e;
                    }
                }
                Some('年') if ch(at + 1) == Some('代') => {
                    // 80 年代: the 80s, the 1980s.
                    n.alt = Some(1900.0 + value);
                }
                _ => {}
            }
            if !multiplied {
                shared_multiplier(&chars, next, &mut n);
            }
            out.push(n);
            i = next.max(i + 1);
            continue;
        }
        if zh_digit(first).is_some()
            || first == '十'
            || percent_prefix
            || first == '百'
            || first == '千'
        {
            let mut j = body;
            while ch(j).is_some_and(is_numeral) {
                if skip_at(j).is_some() && j > body {
                    break;
                }
                // 五十两 "fifty taels": 两 after a numeral and before no unit is the measure
                // word (一万两千 = 12,000 keeps it as two).
                // 一两天 "a day or two" stays approximate.
                if j > body
                    && ch(j) == Some('两')
                    && ch(j - 1) != Some('一')
                    && ch(j + 1).is_none_or(|c| zh_unit(c).is_none())
                {
                    break;
                }
                j += 1;
            }
            let run: Vec<char> = chars[body..j].iter().map(|&(_, c)| c).collect();
            // A lone 百, 千, 万 or 亿 is a word (百姓, 千里), not a number; 百万 and 千万 are.
            let lone_unit = !percent_prefix
                && (run.is_empty()
                    || (zh_digit(run[0]).is_none()
                        && run[0] != '十'
                        && !(run.len() >= 2 && zh_unit(run[1]).is_some_and(|u| u >= 10_000.0))));
            if lone_unit {
                i += 1;
                continue;
            }
            let mut n = Number::new(zh_value(&run), start, end_of(j));
            n.percent = percent_prefix;
            let digits: Vec<u32> = run.iter().filter_map(|&c| zh_digit(c)).collect();
            // 四五岁 (four or five), 十五六 (fifteen or sixteen), 三四十 (thirty or forty).
            if run.len() == 2 && digits.len() == 2 && digits[1] > digits[0] {
                n.value = f64::from(digits[0]);
                n.alt = Some(f64::from(digits[1]));
                n.approx = true;
            } else if run.len() == 3
                && run[0] == '十'
                && digits.len() == 2
                && digits[1] == digits[0] + 1
            {
                n.value = 10.0 + f64::from(digits[0]);
                n.alt = Some(10.0 + f64::from(digits[1]));
                n.approx = true;
            } else if run.len() == 3
                && digits.len() == 2
                && digits[1] > digits[0]
                && zh_unit(run[2]).is_some()
            {
                // 三四十, 一二百: thirty or forty, one or two hundred.
                let unit = zh_unit(run[2]).unwrap_or(1.0);
                n.value = unit * f64::from(digits[0]);
                n.alt = Some(unit * f64::from(digits[1]));
                n.approx = true;
            }
            // 十四五: the 14th Five-Year Plan, 14 and 5.
            if run.len() == 3 && run[0] == '十' && run[2] == '五' && digits.len() == 2 {
                let plan = Number::new(10.0 + f64::from(digits[0]), start, end_of(j));
                out.push(plan);
                n = Number::new(5.0, start, end_of(j));
                n.approx = true;
            }
            let mut next = j;
            match ch(j) {
                // 十几, 二十几: approximate; 十多, 二十余 "ten-odd" too.
                Some('几') => {
                    n.approx = true;
                    next = j + 1;
                }
                Some('多' | '余') if n.value < 100.0 => {
                    n.approx = true;
                    next = j + 1;
                }
                // 十二届全国人大: the term of a body, which translations often leave out ("the
                // annual session of the NPC").
                Some('届') => n.approx = true,
                // A list label: 十、
                Some('、') if out.is_empty() || start == 0 || text[..start].ends_with('\n') => {
                    n.approx = true;
                }
                Some('、') => n.approx = true,
                Some('月')
                    if ch(j.wrapping_sub(run.len() + 1)) != Some('个')
                        && (1.0..=12.0).contains(&n.value)
                        && !percent_prefix =>
                {
                    n.month = true;
                }
                Some('分') if ch(j + 1) == Some('之') => {
                    // N分之M: a fraction.
                    let mut k = j + 2;
                    while ch(k).is_some_and(is_numeral) {
                        k += 1;
                    }
                    let top: Vec<char> = chars[j + 2..k].iter().map(|&(_, c)| c).collect();
                    if !top.is_empty() && n.value > 0.0 {
                        n = Number::new(zh_value(&top) / n.value, start, end_of(k));
                        next = k;
                    }
                }
                Some('成')
                    if run.len() == 1
                        && digits.len() == 1
                        && !ch(j + 1)
                            .is_some_and(|c| "员为立功就果本绩熟长效品型年人都不".contains(c)) =>
                {
                    // 三成 = 30 %.
                    n.value *= 10.0;
                    n.percent = true;
                    next = j + 1;
                    n.end = end_of(next);
                }
                Some('世') if ch(j + 1) == Some('纪') => {
                    if let Some((decade, e)) = decade_after(&chars, j + 2, n.value) {
                        n = Number::new(decade, start, end_of(e));
                        next = e;
                    }
                }
                // The tael of 五十两 is the unit, not another number.
                Some('两') if j > body => next = j + 1,
                _ => {}
            }
            shared_multiplier(&chars, next, &mut n);
            out.push(n);
            i = next.max(i + 1);
            continue;
        }
        // 一半, 半数: half, approximate.
        if c == '半' && (ch(i + 1) == Some('数') || (i > 0 && chars[i - 1].1 == '一')) {
            let s = if i > 0 && chars[i - 1].1 == '一' {
                chars[i - 1].0
            } else {
                start
            };
            let mut n = Number::new(0.5, s, end_of(i + 1));
            n.approx = true;
            out.push(n);
        }
        i += 1;
    }
    out
}

/// `N世纪M年代` after 世纪 at `k` (N given): the first year of the decade and where it ends.
fn decade_after(chars: &[(usize, char)], k: usize, century: f64) -> Option<(f64, usize)> {
    let ch = |i: usize| chars.get(i).map(|&(_, c)| c);
    let mut j = k;
    if matches!(ch(j), Some(' ' | '\u{3000}')) {
        j += 1;
    }
    let s = j;
    let mut value = 0.0;
    if ch(j).and_then(ascii_digit).is_some() {
        while let Some(d) = ch(j).and_then(ascii_digit) {
            value = value * 10.0 + f64::from(d);
            j += 1;
        }
    } else {
        while ch(j).is_some_and(is_numeral) {
            j += 1;
        }
        let run: Vec<char> = chars[s..j].iter().map(|&(_, c)| c).collect();
        value = zh_value(&run);
    }
    if j == s {
        return None;
    }
    let mut e = j;
    if matches!(ch(e), Some(' ' | '\u{3000}')) {
        e += 1;
    }
    (ch(e) == Some('年') && ch(e + 1) == Some('代'))
        .then(|| ((century - 1.0) * 100.0 + value, e + 2))
}

/// A range whose multiplier is written once (2.6 至 3.2 万): the first number gets it too.
fn shared_multiplier(chars: &[(usize, char)], next: usize, n: &mut Number) {
    let ch = |i: usize| chars.get(i).map(|&(_, c)| c);
    let mut j = next;
    if matches!(ch(j), Some(' ')) {
        j += 1;
    }
    if !matches!(ch(j), Some('至' | '到' | '-' | '–' | '—' | '~' | '～')) {
        return;
    }
    j += 1;
    if matches!(ch(j), Some(' ')) {
        j += 1;
    }
    let s = j;
    while ch(j).is_some_and(|c| ascii_digit(c).is_some() || c == '.' || is_numeral(c)) {
        j += 1;
    }
    if j == s {
        return;
    }
    if matches!(ch(j), Some(' ')) {
        j += 1;
    }
    if let Some(u) = ch(j).and_then(zh_unit).filter(|&u| u >= 10_000.0) {
        let digits_only = chars[s..j]
            .iter()
            .all(|&(_, c)| ascii_digit(c).is_some() || c == '.' || c == ' ');
        if digits_only {
            n.value *= u;
        }
    }
}

/// Whether the letters at byte `at` are a unit written onto the digits (10km, 5kg, 3h) or an
/// ordinal or decade ending (21st, 1930s), which make the digits a quantity, not a code.
fn english_unit_after(text: &str, at: usize) -> bool {
    let letters: String = text[at..]
        .chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect();
    matches!(
        letters.as_str(),
        "st" | "nd"
            | "rd"
            | "th"
            | "s"
            | "km"
            | "kg"
            | "mg"
            | "ml"
            | "cm"
            | "mm"
            | "m"
            | "g"
            | "t"
            | "h"
            | "min"
            | "kW"
            | "kWh"
            | "MW"
            | "GW"
            | "GB"
            | "MB"
            | "bn"
            | "mn"
            | "tn"
            | "pm"
            | "am"
            | "mu"
    )
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
    // sixtyfold, an hundredfold: so many times (the scale words are read by en_scale).
    if let Some(base) = word
        .strip_suffix("fold")
        .filter(|b| !b.is_empty() && *b != "mani")
    {
        if let Some((v, _)) = en_small(base) {
            return Some((v, false));
        }
    }
    // threescore, fourscore: so many twenties.
    if let Some(units) = word.strip_suffix("score") {
        if let Some(i) = UNITS[2..10].iter().position(|&u| u == units) {
            return Some((20.0 * (i as f64 + 2.0), false));
        }
    }
    // twentyone: tens and units written as one word.
    for (i, tens) in TENS.iter().enumerate() {
        if let Some(rest) = word.strip_prefix(tens) {
            let unit = UNITS[1..10]
                .iter()
                .position(|&u| u == rest)
                .map(|p| (p + 1, false));
            let unit = unit.or(ORDINALS[1..10]
                .iter()
                .position(|&u| u == rest)
                .map(|p| (p + 1, true)));
            if let Some((u, ordinal)) = unit {
                return Some((20.0 + 10.0 * i as f64 + u as f64, ordinal));
            }
        }
    }
    None
}

fn en_scale(word: &str) -> Option<f64> {
    Some(match word {
        "hundred" | "hundredth" | "hundredfold" => 100.0,
        "thousand" | "thousandth" => 1_000.0,
        "million" | "millionth" | "mn" => 1_000_000.0,
        "billion" | "billionth" | "bn" => 1_000_000_000.0,
        "trillion" | "trillionth" | "tn" => 1_000_000_000_000.0,
        _ => return None,
    })
}

/// The denominator a fraction word names: third(s) 3, quarter(s) 4, fifth(s) 5, tenth(s) 10 …
fn en_fraction(word: &str) -> Option<f64> {
    let w = word.strip_suffix('s').unwrap_or(word);
    Some(match w {
        "half" | "halve" => 2.0,
        "third" => 3.0,
        "quarter" => 4.0,
        "fifth" => 5.0,
        "sixth" => 6.0,
        "seventh" => 7.0,
        "eighth" => 8.0,
        "ninth" => 9.0,
        "tenth" => 10.0,
        "hundredth" => 100.0,
        "thousandth" => 1000.0,
        _ => return None,
    })
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The month a capitalised word names: a full name or an abbreviation (Aug, Sept).
fn en_month(word: &str) -> Option<u32> {
    let lower = word.to_ascii_lowercase();
    if let Some(m) = MONTHS.iter().position(|&x| x == lower) {
        return Some(m as u32 + 1);
    }
    let m = match lower.as_str() {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" | "sept" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some(m)
}

/// Numbers in English text.
pub fn english(text: &str) -> Vec<Number> {
    // Tokens: letter runs (hyphen splits twenty-one), digit runs with , and . inside, % signs.
    #[derive(Clone, Copy, PartialEq)]
    enum Tok<'a> {
        Word(&'a str),
        /// A number in digits; whether it has a decimal point; how many digits before it.
        Digits(f64, bool, usize),
        Percent,
        /// A dash or slash between two tokens with no space (2019–20, 24/7).
        Joint(char),
        Other,
    }
    let mut toks: Vec<(Tok, usize, usize)> = Vec::new();
    // Digits inside codes (NASDAQ-100, COVID-19): matched by the other side, never required.
    let mut codes: Vec<Number> = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < text.len() {
        let c = text[i..].chars().next().unwrap_or(' ');
        let len = c.len_utf8();
        if let Some(e) = url_end(text, i) {
            toks.push((Tok::Other, i, e));
            i = e;
            continue;
        }
        let digit_start = c.is_ascii_digit()
            || (c == '.'
                && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)
                && (i == 0 || matches!(bytes[i - 1], b' ' | b'\t' | b'\n' | b'(' | b'$')));
        if c.is_ascii_alphabetic() {
            let mut j = i;
            while j < bytes.len() && bytes[j].is_ascii_alphabetic() {
                j += 1;
            }
            // Digits right after letters, or after letters and a hyphen, are a code (COVID-19,
            // SARS-CoV-2, B814, G20): skip the whole code.
            // Lowercase words before a hyphen are prefixes (mid-1960s, pre-2020), not codes.
            let code = bytes.get(j).is_some_and(u8::is_ascii_digit)
                || (bytes.get(j) == Some(&b'.')
                    && bytes.get(j + 1).is_some_and(u8::is_ascii_digit)
                    && j - i <= 4)
                || (matches!(bytes.get(j), Some(b'_' | b'/'))
                    && bytes.get(j + 1).is_some_and(u8::is_ascii_digit))
                || (bytes.get(j) == Some(&b'-')
                    && bytes.get(j + 1).is_some_and(u8::is_ascii_digit)
                    && bytes[i..j].iter().any(u8::is_ascii_uppercase));
            if code {
                // Letters, digits and the joints between them: SARS-CoV-2, nsp1.
                let joint = |j: usize| {
                    matches!(bytes[j], b'-' | b'_' | b'/' | b'.')
                        && bytes.get(j + 1).is_some_and(u8::is_ascii_alphanumeric)
                };
                while j < bytes.len() && (bytes[j].is_ascii_alphanumeric() || joint(j)) {
                    j += 1;
                }
                code_numbers(text, i, j, &mut codes);
                toks.push((Tok::Other, i, j));
                i = j;
                continue;
            }
            toks.push((Tok::Word(&text[i..j]), i, j));
            i = j;
        } else if digit_start {
            let mut j = i;
            let mut s = String::new();
            let mut decimal = false;
            let mut int_digits = 0;
            if c == '.' {
                s.push('0');
            }
            while j < bytes.len() {
                let b = bytes[j];
                if b.is_ascii_digit() {
                    s.push(b as char);
                    if !decimal {
                        int_digits += 1;
                    }
                } else if b == b',' && bytes.get(j + 1).is_some_and(u8::is_ascii_digit) && !decimal
                {
                } else if b == b'.' && bytes.get(j + 1).is_some_and(u8::is_ascii_digit) && !decimal
                {
                    s.push('.');
                    decimal = true;
                } else {
                    break;
                }
                j += 1;
            }
            // Letters right after the digits: an ordinal or decade ending or a unit keeps it a
            // number; anything else makes it a code (3D, 5G, 229E).
            if bytes.get(j).is_some_and(u8::is_ascii_alphabetic) {
                if !english_unit_after(text, j) {
                    while j < bytes.len() && bytes[j].is_ascii_alphanumeric() {
                        j += 1;
                    }
                    code_numbers(text, i, j, &mut codes);
                    toks.push((Tok::Other, i, j));
                    i = j;
                    continue;
                }
                let rest = &text[j..];
                let letters = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
                let suffix = &rest[..letters];
                if matches!(suffix, "st" | "nd" | "rd" | "th" | "s") {
                    toks.push((
                        Tok::Digits(s.parse().unwrap_or(0.0), decimal, int_digits),
                        i,
                        j + letters,
                    ));
                    if suffix == "s" {
                        // A decade: 1930s, 80s.
                        toks.push((Tok::Word("s"), j, j + 1));
                        let last = toks.len() - 2;
                        toks[last].2 = j;
                    }
                    i = j + letters;
                    continue;
                }
                toks.push((
                    Tok::Digits(s.parse().unwrap_or(0.0), decimal, int_digits),
                    i,
                    j,
                ));
                toks.push((Tok::Word(&text[j..j + letters]), j, j + letters));
                i = j + letters;
                continue;
            }
            toks.push((
                Tok::Digits(s.parse().unwrap_or(0.0), decimal, int_digits),
                i,
                j,
            ));
            // 300+ billion
            if bytes.get(j) == Some(&b'+') {
                j += 1;
            }
            i = j;
        } else if c == '%' || c == '％' {
            toks.push((Tok::Percent, i, i + len));
            i += len;
        } else if c == '-'
            && i > 0
            && bytes[i - 1].is_ascii_digit()
            && text[i + 1..]
                .split(|c: char| !c.is_ascii_alphabetic())
                .next()
                .and_then(|w| en_scale(&w.to_ascii_lowercase()))
                .is_some()
        {
            // A scale joined by a hyphen: 1.3-billion-plus, a 10-million-strong.
            i += len;
        } else if matches!(c, '-' | '–' | '—' | '/' | '~')
            && i > 0
            && bytes[i - 1].is_ascii_digit()
            && text[i + len..].starts_with(|n: char| n.is_ascii_alphanumeric())
        {
            toks.push((Tok::Joint(c), i, i + len));
            i += len;
        } else if c == ' ' || c == '-' || c == '\u{a0}' {
            i += len;
        } else {
            toks.push((Tok::Other, i, i + len));
            i += len;
        }
    }

    let lower = |w: &str| w.to_ascii_lowercase();
    let word_at = |k: usize| match toks.get(k) {
        Some(&(Tok::Word(w), _, _)) => Some(lower(w)),
        _ => None,
    };
    let mut out: Vec<Number> = Vec::new();
    let mut k = 0;
    while k < toks.len() {
        let (tok, start, mut end) = toks[k];
        let mut next = k + 1;
        let mut n;
        match tok {
            Tok::Digits(v, decimal, int_digits) => {
                // "24/7" is all the time.
                if v == 24.0
                    && matches!(toks.get(k + 1), Some(&(Tok::Joint('/'), _, _)))
                    && matches!(toks.get(k + 2), Some(&(Tok::Digits(d, _, _), _, _)) if d == 7.0)
                {
                    k += 3;
                    continue;
                }
                n = Number::new(v, start, end);
                // 42.000 is 42,000 in much of Europe.
                let written = &text[start..end];
                if decimal
                    && written.split('.').nth(1).is_some_and(|f| f.len() == 3)
                    && int_digits <= 3
                {
                    n.alt = Some(v * 1000.0);
                }
                // Figure 2, Table 1.1: labels.
                if k > 0
                    && matches!(
                        word_at(k - 1).as_deref(),
                        Some(
                            "figure"
                                | "figures"
                                | "fig"
                                | "table"
                                | "tables"
                                | "no"
                                | "number"
                                | "chapter"
                                | "article"
                                | "section"
                                | "page"
                                | "pages"
                                | "item"
                                | "step"
                                | "phase"
                                | "version"
                                | "level"
                        )
                    )
                {
                    n.approx = true;
                }
                // Joined by a dash or slash to the previous number: a range (2019–20).
                if k >= 2 {
                    if let (Some(&(Tok::Joint(_), _, _)), Some(&(Tok::Digits(prev, _, pd), _, _))) =
                        (toks.get(k - 1), toks.get(k - 2))
                    {
                        if pd == 4 && int_digits == 2 && !decimal && v > prev % 100.0 {
                            n.value = (prev / 100.0).floor() * 100.0 + v;
                        }
                    }
                }
                let _ = decimal;
                if let Some(w) = word_at(next) {
                    if let Some(scale) = en_scale(&w) {
                        n.value *= scale;
                        end = toks[next].2;
                        next += 1;
                    } else if w == "s" {
                        // A decade (1930s, 80s): 80s is also 1980, and an age (in their 50s)
                        // runs to 60.
                        if int_digits == 2 {
                            n.alt = Some(1900.0 + v);
                            n.alt2 = Some(v + 10.0);
                        }
                        end = toks[next].2;
                        next += 1;
                    } else if w == "decades" || w == "decade" {
                        n.alt = Some(v * 10.0);
                    } else if matches!(w.as_str(), "and" | "to" | "or") {
                        // 14 and 22 million: the first shares the scale.
                        let unit = word_at(next + 2).and_then(|x| {
                            en_scale(&x).or_else(|| x.starts_with("kilo").then_some(1000.0))
                        });
                        if let (Some(&(Tok::Digits(..), _, _)), Some(s)) =
                            (toks.get(next + 1), unit)
                        {
                            n.alt = Some(v * s);
                        }
                    } else if w.starts_with("kilo") {
                        // 26 kilobases: 2.6 万 bases.
                        n.alt = Some(v * 1000.0);
                    }
                }
            }
            Tok::Word(w) => {
                let w0 = lower(w);
                // Months: capitalised names and abbreviations; "May" only next to a number.
                if let Some(m) =
                    en_month(w).filter(|_| w.starts_with(|c: char| c.is_ascii_uppercase()))
                {
                    let digit_near = matches!(toks.get(k + 1), Some(&(Tok::Digits(..), _, _)))
                        || (k > 0 && matches!(toks.get(k - 1), Some(&(Tok::Digits(..), _, _))))
                        || (matches!(toks.get(k + 1), Some(&(Tok::Other, s, e)) if &text[s..e] == ".")
                            && matches!(toks.get(k + 2), Some(&(Tok::Digits(..), _, _))));
                    let prep = k > 0
                        && matches!(
                            word_at(k - 1).as_deref(),
                            Some(
                                "in" | "on"
                                    | "since"
                                    | "until"
                                    | "by"
                                    | "from"
                                    | "to"
                                    | "early"
                                    | "late"
                                    | "mid"
                                    | "of"
                                    | "last"
                                    | "this"
                                    | "next"
                                    | "before"
                                    | "after"
                                    | "through"
                                    | "till"
                                    | "between"
                                    | "and"
                            )
                        );
                    let full = MONTHS.contains(&w0.as_str());
                    // Capitalised in mid-sentence, a month name is the month (the modal "may"
                    // is lowercase there); at a sentence start it needs a number or a preposition.
                    let sentence_start = text[..start]
                        .trim_end_matches([' ', '"', '“', '(', '\''])
                        .chars()
                        .last()
                        .is_none_or(|c| matches!(c, '.' | '!' | '?' | '\n' | ':'));
                    if digit_near || (prep && (full || w0 != "may")) || (full && !sentence_start) {
                        let mut n = Number::new(f64::from(m), start, end);
                        n.month = true;
                        // Followed by a capitalised word, it may be a name (June Almeida).
                        let name_after = !digit_near
                            && matches!(toks.get(k + 1), Some(&(Tok::Word(x), _, _))
                                if x.starts_with(|c: char| c.is_ascii_uppercase()) && en_month(x).is_none());
                        n.approx = name_after;
                        out.push(n);
                    }
                    k += 1;
                    continue;
                }
                // Approximate: dozens, hundreds of, a decade, a century.
                match w0.as_str() {
                    "dozens" | "scores" => {
                        let mut n = Number::new(12.0, start, end);
                        n.approx = true;
                        out.push(n);
                        k += 1;
                        continue;
                    }
                    "hundreds" | "thousands" | "millions" | "billions" | "tens" => {
                        let scale = en_scale(w0.trim_end_matches('s')).unwrap_or(10.0);
                        let mut n = Number::new(scale, start, end);
                        n.approx = true;
                        out.push(n);
                        k += 1;
                        continue;
                    }
                    // the nineties: a decade, also 1990
                    "twenties" | "thirties" | "forties" | "fifties" | "sixties" | "seventies"
                    | "eighties" | "nineties" => {
                        let tens = en_small(&format!("{}y", w0.trim_end_matches("ies")))
                            .map_or(0.0, |(v, _)| v);
                        let mut n = Number::new(tens, start, end);
                        n.alt = Some(1900.0 + tens);
                        n.alt2 = Some(tens + 10.0);
                        out.push(n);
                        k += 1;
                        continue;
                    }
                    "decade" | "century" | "centenary" | "centennial" | "millennium" => {
                        let v = match w0.as_str() {
                            "decade" => 10.0,
                            "millennium" => 1000.0,
                            _ => 100.0,
                        };
                        let mut n = Number::new(v, start, end);
                        n.approx = true;
                        out.push(n);
                        k += 1;
                        continue;
                    }
                    // A dozen is seldom exact: 十多 is "more than a dozen".
                    "dozen"
                        if k == 0
                            || !matches!(
                                word_at(k - 1).as_deref(),
                                Some("a" | "one" | "two" | "three" | "four" | "five" | "six")
                            ) =>
                    {
                        let mut n = Number::new(12.0, start, end);
                        n.approx = true;
                        out.push(n);
                        k += 1;
                        continue;
                    }
                    _ => {}
                }
                let article = w0 == "a" || w0 == "an";
                let starts_number = en_small(&w0).is_some()
                    || (en_scale(&w0).is_some()
                        && k > 0
                        && (!matches!(word_at(k - 1).as_deref(), Some("the"))
                            || (word_at(k + 1).as_deref() == Some("and")
                                && word_at(k + 2).is_some_and(|w| en_small(&w).is_some()))
                            || (en_scale(&w0).is_some_and(|s| s >= 1000.0)
                                && word_at(k + 1).is_some_and(|w| en_small(&w).is_some()))))
                    || (article
                        && word_at(k + 1).is_some_and(|n| {
                            en_scale(&n).is_some_and(|s| s >= 100.0)
                                || en_fraction(&n).is_some()
                                || n == "dozen"
                        }))
                    || (w0 == "half" && matches!(word_at(k + 1).as_deref(), Some("a" | "an")));
                if !starts_number {
                    k += 1;
                    continue;
                }
                if w0 == "half" {
                    // half a million
                    let mut j = k + 2;
                    let mut v = 0.5;
                    if let Some(s) = word_at(j).and_then(|w| en_scale(&w)) {
                        v *= s;
                        j += 1;
                    }
                    let mut n = Number::new(v, start, toks[j - 1].2);
                    n.approx = v == 0.5;
                    out.push(n);
                    k = j;
                    continue;
                }
                // Accumulate a run of number words: "an hundred and thirty", "twenty-one".
                let (mut total, mut current) = (0.0f64, 0.0f64);
                let mut j = k;
                let mut any = false;
                let mut fraction = None;
                let mut ordinal_seen = false;
                while let Some(&(Tok::Word(w), _, e)) = toks.get(j) {
                    let w = lower(w);
                    // one tenth of, two thirds, three quarters; but "a third character" and
                    // "third-rate" are ordinals.
                    let fraction_word = en_fraction(&w).is_some()
                        && !matches!(w.as_str(), "hundredth" | "thousandth")
                        && (w.ends_with('s')
                            || w == "quarter"
                            || w == "half"
                            || !matches!(toks.get(j + 1), Some(&(Tok::Word(x), _, _)) if lower(x) != "of"));
                    if any && fraction_word {
                        if let Some(d) = en_fraction(&w) {
                            fraction = Some((total + current) / d);
                            end = e;
                            j += 1;
                        }
                        break;
                    }
                    if ordinal_seen {
                        break;
                    }
                    if let Some((v, ordinal)) = en_small(&w) {
                        // "seven and twenty" (27), as older English writes it: units, and,
                        // then tens.
                        let units_first = current % 100.0 < 10.0
                            && v >= 20.0
                            && v % 10.0 == 0.0
                            && j > k
                            && word_at(j - 1).as_deref() == Some("and")
                            // "between two and twenty" is two numbers.
                            && !(k > 0
                                && matches!(word_at(k - 1).as_deref(), Some("between" | "from")));
                        if any && current % 10.0 != 0.0 && !units_first {
                            break;
                        }
                        current += v;
                        ordinal_seen = ordinal;
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
                    } else if article && j == k {
                        current = 0.0;
                        let fraction_next = word_at(k + 1).is_some_and(|n| {
                            en_fraction(&n).is_some()
                                && en_scale(&n).is_none()
                                && (n.ends_with('s')
                                    || n == "quarter"
                                    || !matches!(toks.get(k + 2), Some(&(Tok::Word(x), _, _)) if lower(x) != "of"))
                        });
                        if fraction_next {
                            any = true;
                            current = 1.0;
                            j += 1;
                            continue;
                        }
                    } else if (w == "a" || w == "an")
                        && any
                        && current == 0.0
                        && word_at(j + 1).is_some_and(|n| en_scale(&n).is_some())
                    {
                        // "two thousand an hundred", "six hundred thousand and a thousand": the
                        // article counts one of the scale that follows.
                    } else if w == "dozen" {
                        current = current.max(1.0) * 12.0;
                    } else if w == "and"
                        && any
                        && (matches!(toks.get(j + 1), Some(&(Tok::Word(n), _, _)) if en_small(&lower(n)).is_some())
                            || (matches!(word_at(j + 1).as_deref(), Some("a" | "an"))
                                && current == 0.0
                                && word_at(j + 2).is_some_and(|n| en_scale(&n).is_some())))
                    {
                    } else {
                        break;
                    }
                    any = any || !article || j != k;
                    end = e;
                    j += 1;
                    // "thirty-six thousand, five hundred and one": a comma after a scale of
                    // thousands, then more number words, goes on with the number.
                    if en_scale(&w).is_some_and(|s| s >= 1000.0)
                        && matches!(toks.get(j), Some(&(Tok::Other, s, e)) if &text[s..e] == ",")
                        && matches!(toks.get(j + 1), Some(&(Tok::Word(x), _, _))
                            if en_small(&lower(x)).is_some() || lower(x) == "a" || lower(x) == "an")
                        && matches!(toks.get(j + 2), Some(&(Tok::Word(x), _, _)) if en_scale(&lower(x)) == Some(100.0))
                    {
                        j += 1;
                    }
                }
                if !any {
                    k += 1;
                    continue;
                }
                n = Number::new(fraction.unwrap_or(total + current), start, end);
                n.approx = (j > k && word_at(j - 1).as_deref() == Some("dozen"))
                    && word_at(k).as_deref().is_some_and(|w| w == "a" || w == "an");
                next = j;
                if matches!(word_at(next).as_deref(), Some("decades")) {
                    n.alt = Some(n.value * 10.0);
                }
            }
            _ => {
                k += 1;
                continue;
            }
        }
        match toks.get(next) {
            Some(&(Tok::Percent, _, e)) => {
                n.percent = true;
                n.end = e;
                next += 1;
            }
            Some(&(Tok::Word(w), _, e))
                if matches!(lower(w).as_str(), "percent" | "percentage") =>
            {
                n.percent = true;
                n.end = e;
                next += 1;
                if matches!(word_at(next).as_deref(), Some("point" | "points")) {
                    n.end = toks[next].2;
                    next += 1;
                }
            }
            Some(&(Tok::Word(w), _, _)) if lower(w) == "per" => {
                if let Some(&(Tok::Word(c), _, e)) = toks.get(next + 1) {
                    if lower(c) == "cent" {
                        n.percent = true;
                        n.end = e;
                        next += 2;
                    }
                }
            }
            _ => n.end = n.end.max(end),
        }
        out.push(n);
        k = next;
    }
    out.extend(codes);
    out.sort_by_key(|n| n.start);
    out
}

/// Where a web address starting at byte `i` ends (http://…, https://…, www.…).
fn url_end(text: &str, i: usize) -> Option<usize> {
    let rest = &text[i..];
    let starts =
        rest.starts_with("http://") || rest.starts_with("https://") || rest.starts_with("www.");
    if !starts || (i > 0 && text.as_bytes()[i - 1].is_ascii_alphanumeric()) {
        return None;
    }
    let len = rest
        .find(|c: char| c.is_whitespace() || !c.is_ascii() || matches!(c, ')' | '"' | '>' | '<'))
        .unwrap_or(rest.len());
    Some(i + len)
}

/// The digit runs of a code between bytes `s` and `e`, as approximate numbers.
fn code_numbers(text: &str, s: usize, e: usize, out: &mut Vec<Number>) {
    let b = text.as_bytes();
    let mut i = s;
    while i < e {
        if b[i].is_ascii_digit() {
            let mut j = i;
            while j < e && b[j].is_ascii_digit() {
                j += 1;
            }
            if let Ok(v) = text[i..j].parse::<f64>() {
                let mut n = Number::new(v, i, j);
                n.approx = true;
                out.push(n);
            }
            i = j;
        } else {
            i += 1;
        }
    }
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
    fn zh_firm(text: &str) -> Vec<String> {
        chinese(text)
            .iter()
            .filter(|n| !n.approx)
            .map(Number::key)
            .collect()
    }
    fn en_firm(text: &str) -> Vec<String> {
        english(text)
            .iter()
            .filter(|n| !n.approx)
            .map(Number::key)
            .collect()
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
        assert_eq!(zh("三成以上"), ["30%"]);
        assert_eq!(zh("三成员"), ["3"]);
        assert_eq!(zh("全区2.9万名干部"), ["29000"]);
        // Taels (mac-dev): 两 after a numeral is the measure word, before a unit a digit.
        assert_eq!(zh("赏银五十两"), ["50"]);
        assert_eq!(zh("四十五万两银子"), ["450000"]);
        assert_eq!(zh("一万两千人"), ["12000"]);
        assert!(zh_firm("一两天").is_empty());
        assert!(zh("三三两两地走来").is_empty());
    }

    #[test]
    fn a_phrase_that_is_no_number_goes_on_a_number_after_a_numeral() {
        // 万一 "in case" and 十分 "very" inside numbers.
        assert_eq!(zh("共有四万一千五百名"), ["41500"]);
        assert_eq!(zh("用了五十分钟"), ["50"]);
        assert!(zh("万一下雨").is_empty());
    }

    #[test]
    fn chinese_words_with_numerals_that_are_no_number() {
        // Real sentences: TICO-19, official speeches.
        assert!(zh("但她的症状与我的症状十分相似").is_empty());
        assert!(zh_firm("坚持一成不变的做法，三心二意，思想认识高度一致").is_empty());
        assert!(zh("千方百计增加农牧民收入").is_empty());
    }

    #[test]
    fn chinese_months_dates_and_decades() {
        let n = chinese("2020 年 1 月 9 日");
        assert_eq!(
            n.iter().map(Number::key).collect::<Vec<_>>(),
            ["2020", "1", "9"]
        );
        assert!(n[1].month && !n[0].month);
        assert!(chinese("十月革命")[0].month);
        assert!(!chinese("3 个月")[0].month);
        assert!(chinese("3 月份")[0].month);
        assert_eq!(zh("自 20 世纪 30 年代末以来"), ["1930"]);
        assert_eq!(zh("二十世纪六十年代"), ["1960"]);
        let eighties = chinese("80 年代");
        assert!(eighties[0].meets(&Number::new(1980.0, 0, 0)));
    }

    #[test]
    fn chinese_multipliers_after_a_space_and_ranges() {
        assert_eq!(zh("每 10 万人"), ["100000"]);
        assert_eq!(zh_firm("约 161 万 COVID-19 病例"), ["1610000"]);
        assert_eq!(zh("9000多万人"), ["90000000"]);
        assert_eq!(zh("超过百万"), ["1000000"]);
        assert_eq!(zh("含 2.6 至 3.2 万个碱基"), ["26000", "32000"]);
        assert_eq!(zh("10万亿美元"), ["10000000000000"]);
        assert_eq!(zh("1.1379亿"), ["113790000"]);
    }

    #[test]
    fn chinese_approximations_fractions_codes_and_labels() {
        let n = chinese("四五岁的孩子");
        assert!(n[0].approx && n[0].meets(&Number::new(5.0, 0, 0)));
        assert!(chinese("十五六岁")[0].approx);
        assert!(chinese("几十年")[0].approx);
        assert!(chinese("上百人")[0].approx);
        assert!(chinese("十几年")[0].approx);
        assert_eq!(zh("十分之一"), ["0.1"]);
        assert_eq!(
            zh("三分之二"),
            [format!(
                "{}",
                ((2.0f64 / 3.0) * 10_000.0).round() / 10_000.0
            )]
        );
        assert!(zh_firm("COVID-19 病例和 SARS-CoV-2、IL-6、B814").is_empty());
        assert!(chinese("十、坚持党的领导")[0].approx);
        assert_eq!(zh_firm("“十四五”规划"), ["14"]);
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
        assert_eq!(
            en("from 13.04% in Algeria to .08% in New Zealand"),
            ["13.04%", "0.08%"]
        );
        assert_eq!(en("US$ 10 trillion-worth of goods"), ["10000000000000"]);
        assert_eq!(en("1.1379 billion"), ["1137900000"]);
    }

    #[test]
    fn english_numbers_of_older_and_looser_writing() {
        // The King James Bible and translated fiction (mac-dev, Bible 006).
        assert_eq!(en("And Abram was fourscore and six years old"), ["86"]);
        assert_eq!(
            en("the days of Sarah were an hundred and seven and twenty years"),
            ["127"]
        );
        assert_eq!(en("on the seven and twentieth day of the month"), ["27"]);
        assert_eq!(
            en("threescore and fourteen thousand and six hundred"),
            ["74600"]
        );
        assert_eq!(en("after the end of the hundred and fifty days"), ["150"]);
        assert_eq!(en("between two and twenty people"), ["2", "20"]);
        assert_eq!(
            en("thirty-six thousand, five hundred and one blocks"),
            ["36501"]
        );
        assert_eq!(en("That day I was twentyone"), ["21"]);
        assert_eq!(en("it was already the nineties"), ["90"]);
        assert_eq!(en("some an hundredfold, some sixtyfold"), ["100", "60"]);
        assert_eq!(
            en("The children of Parosh, two thousand an hundred seventy and two."),
            ["2172"]
        );
        assert_eq!(
            en("six hundred thousand and a thousand seven hundred and thirty"),
            ["601730"]
        );
        assert_eq!(
            en("cometh to the thousand three hundred and five and thirty days"),
            ["1335"]
        );
    }

    #[test]
    fn english_fractions_dozens_and_approximations() {
        assert_eq!(en_firm("one tenth of the land"), ["0.1"]);
        assert_eq!(
            en_firm("two thirds of the herders"),
            [format!(
                "{}",
                ((2.0f64 / 3.0) * 10_000.0).round() / 10_000.0
            )]
        );
        assert_eq!(en_firm("with half a million deaths"), ["500000"]);
        assert_eq!(en_firm("two dozen"), ["24"]);
        assert!(en_firm("dozens of villages and hundreds of herders").is_empty());
        let decades = english("in the past two decades");
        assert!(decades[0].meets(&Number::new(20.0, 0, 0)));
        assert!(english("over the past decade")[0].approx);
    }

    #[test]
    fn english_months_ranges_decades_and_codes() {
        let n = english("On Oct 27 and Aug. 29, in January");
        let months: Vec<_> = n.iter().filter(|n| n.month).map(Number::key).collect();
        assert_eq!(months, ["10", "8", "1"]);
        assert!(english("They may go in May.")
            .iter()
            .all(|n| n.value == 5.0));
        assert!(english("They may go.").is_empty());
        assert_eq!(en("The 2019–20 coronavirus pandemic"), ["2019", "2020"]);
        assert_eq!(en("in 2010-11"), ["2010", "2011"]);
        assert_eq!(en("since late 1930s, mid-1960s"), ["1930", "1960"]);
        assert!(english("the '80s")[0].meets(&Number::new(1980.0, 0, 0)));
        assert!(en_firm("COVID-19, SARS-CoV-2, IL-6, HCoV-229E, B814, R0, G20 and 5G").is_empty());
        assert!(en_firm("see https://www.cdc.gov/coronavirus/2019-ncov/index.html").is_empty());
        assert!(en("working 24/7").is_empty());
        assert_eq!(en("a 71-year-old man, 10km"), ["71", "10"]);
    }
}
