//! `number-mismatch`: a number of one side of a bead missing from the other.

use super::{Check, Rule, Severity};
use crate::context::{DocCtx, Scored};
use bitext_lexicon::numbers::{self, Number};

pub(crate) const RULE: Rule = Rule {
    id: "number-mismatch",
    severity: Severity::Error,
    summary: "A number of one side of a bead is missing from the other.",
    what: "Bilingual: compares the numbers of each bead after normalisation: 2.9万 = 29,000, \
           10 万 = 100,000, 百分之九十 = 90 %, 三成 = 30 %, 9000多万 = more than 90 million, \
           2021年8月11日 = 11 August 2021 (Aug. 11), 20世纪30年代 = the 1930s, 2019–20 = 2019 \
           and 2020, 十分之一 = one tenth, 50 万 = half a million. Numbers of ten or more, \
           fractions, percentages and months must be on the other side; approximations (几十, \
           四五 \"four or five\", dozens, a decade), small whole numbers, codes (COVID-19, IL-6), \
           numerals inside words (十分 \"very\", 一致) and list labels (十、) are not required. \
           A number missing on each side is one finding naming both. Beads from automatic \
           alignment are compared with their neighbours too.",
    why: "A wrong figure is the most damaging error a translation can make, and the easiest to \
          miss in review: 2.9万 rendered 2,900 reads naturally.",
    example: "zh:       全区2.9万名干部参加培训。\n\
              en:       \"2,900 cadres in the region took part in training.\"\n\
              finding:  number-mismatch: the Chinese has 2.9万 (29000), the English does not; \
              number-mismatch: the English has 2,900 (2900), the Chinese does not",
};

pub(crate) struct NumberMismatch;

impl Check for NumberMismatch {
    fn rule(&self) -> &'static Rule {
        &RULE
    }

    /// Each way, as sets: a number of one side must be somewhere on the other side of the bead
    /// (of the bead or its neighbours, when the beads come from automatic alignment, so that an
    /// alignment error is not reported as a translation error). A number missing on each side is
    /// reported once, as a pair. A finding's `term` is the number's value, so that baselines
    /// know it; its confidence says how a reviser reads it (see [`confidence`]).
    fn document(&self, ctx: &mut DocCtx) {
        let text = ctx.text();
        let beads = &ctx.doc.beads;
        // Per bead: its Chinese numbers, its English span, its English numbers.
        type Side = (Vec<Number>, (usize, usize), Vec<Number>);
        let sides: Vec<Side> = beads
            .iter()
            .map(|b| {
                let (s, e) = (b.en.start.min(text.len()), b.en.end.min(text.len()));
                (
                    numbers::chinese(&mask(&b.zh)),
                    (s, e),
                    numbers::english(&mask(&text[s..e])),
                )
            })
            .collect();
        let reach = if ctx.doc.automatic { 1 } else { 0 };
        let mut found = Vec::new();
        for (k, (zn, (s, e), en_nums)) in sides.iter().enumerate() {
            let around = k.saturating_sub(reach)..(k + reach + 1).min(sides.len());
            let zh_near = || sides[around.clone()].iter().flat_map(|x| x.0.iter());
            let en_near = || sides[around.clone()].iter().flat_map(|x| x.2.iter());
            let zh_text = &beads[k].zh;
            let en_text = &text[*s..*e];
            let zh_met: Vec<bool> = zn
                .iter()
                .map(|z| {
                    en_near().any(|x| z.meets(x))
                        || en_nums.iter().any(|x| converted(zh_text, z, en_text, x))
                        || in_hours(zh_text, z, en_text)
                })
                .collect();
            let en_met: Vec<bool> = en_nums
                .iter()
                .map(|x| {
                    zh_near().any(|z| z.meets(x))
                        || zn.iter().any(|z| converted(zh_text, z, en_text, x))
                        || numeral_written(zh_text, en_text, x)
                        || in_clock(en_text, x) && zn.iter().any(|z| in_hours(zh_text, z, en_text))
                })
                .collect();
            let missing_zh: Vec<&Number> = zn
                .iter()
                .zip(&zh_met)
                .filter(|&(z, met)| !met && required(zh_text, z))
                .map(|(z, _)| z)
                .collect();
            let missing_en: Vec<&Number> = en_nums
                .iter()
                .zip(&en_met)
                .filter(|&(x, met)| !met && required(en_text, x))
                .map(|(x, _)| x)
                .collect();
            let zh_list = || list(zh_text, zn);
            let en_list = || list(en_text, en_nums);
            // A number missing on each side is one finding: years with years, other numbers
            // with other numbers (a year is no substitute for a session number).
            let (zh_years, zh_other): (Vec<&Number>, Vec<&Number>) =
                missing_zh.into_iter().partition(|n| is_year(zh_text, n));
            let (en_years, en_other): (Vec<&Number>, Vec<&Number>) =
                missing_en.into_iter().partition(|n| is_year(en_text, n));
            for (zs, xs, year) in [(zh_years, en_years, true), (zh_other, en_other, false)] {
                let pairs = zs.len().min(xs.len());
                for (z, x) in zs.iter().zip(&xs) {
                    let message = format!(
                        "the Chinese has {} ({}), the English has {} ({}) instead",
                        &zh_text[z.start..z.end],
                        z.key(),
                        &en_text[x.start..x.end],
                        x.key()
                    );
                    let what = Scored {
                        expected: z.key(),
                        term: x.key(),
                        message,
                        confidence: confidence(Missing::Pair, zh_text, en_text, z),
                    };
                    found.push(((s + x.start, s + x.end), what));
                }
                for z in &zs[pairs..] {
                    let message = format!(
                        "the Chinese has {} ({}), the English does not (its numbers: {})",
                        &zh_text[z.start..z.end],
                        z.key(),
                        en_list()
                    );
                    let what = Scored {
                        expected: z.key(),
                        term: z.key(),
                        message,
                        confidence: confidence(Missing::InEnglish, zh_text, en_text, z),
                    };
                    found.push(((*s, *e), what));
                }
                // A year the English adds where the Chinese has none (新中国成立以来: since the
                // founding of the PRC in 1949) is explicitation, not an error.
                if year && !zn.iter().any(|z| is_year(zh_text, z)) {
                    continue;
                }
                for x in &xs[pairs..] {
                    let message = format!(
                        "the English has {} ({}), the Chinese does not (its numbers: {})",
                        &en_text[x.start..x.end],
                        x.key(),
                        zh_list()
                    );
                    let expected = format!("one of the Chinese numbers: {}", zh_list());
                    let kind = if zn.iter().any(|z| required(zh_text, z)) {
                        Missing::InChinese
                    } else {
                        Missing::Added
                    };
                    let what = Scored {
                        expected,
                        term: x.key(),
                        message,
                        confidence: confidence(kind, zh_text, en_text, x),
                    };
                    found.push(((s + x.start, s + x.end), what));
                }
            }
        }
        for (span, what) in found {
            ctx.report_scored(&RULE, span, what);
        }
    }
}

/// How a number is missing.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Missing {
    /// The Chinese has it, the English has another number instead: the surest fault.
    Pair,
    /// The Chinese has it, the English has no number for it.
    InEnglish,
    /// The English has it, the Chinese has required numbers, none of them this.
    InChinese,
    /// The English has it, the Chinese has no number it requires: mostly explicitation (a span
    /// of years, "30 years" for 改革开放以来, an ordinal the reader needs).
    Added,
}

/// A finding's confidence, in hundredths, as a reviser reads the number (`n` is of the Chinese
/// for `Pair` and `InEnglish`, of the English otherwise).
fn confidence(kind: Missing, zh: &str, en: &str, n: &Number) -> u8 {
    // Whether the Chinese number is written with digits (for the kinds where it is Chinese).
    let digits = || {
        zh[n.start..n.end]
            .chars()
            .any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
    };
    match kind {
        // A name or a set phrase paired with another number by chance.
        Missing::Pair if !digits() && idiomatic(zh, n) => 45,
        Missing::Pair => 90,
        Missing::InEnglish => {
            let digits = digits();
            if (n.month || is_year(zh, n)) && relative_date(en) {
                // 2019年7月 as "last month": the document's date says which.
                25
            } else if n.month && n.value == 1.0 && zh[n.start..].starts_with('一') && {
                let lower = en.to_lowercase();
                lower.contains("a month") || lower.contains("one month")
            } {
                // 一月 is January, or one month.
                25
            } else if in_brackets(en, zh, n) {
                // A note in brackets of the Chinese (a cross-reference, an editor's gloss),
                // which a translation may leave out.
                40
            } else if !digits && idiomatic(zh, n) {
                // 说一千道一万, 行百里者半九十, 茅十八: a numeral no unit counts is a figure of
                // speech or a name, which translators render by its sense.
                25
            } else if digits {
                85
            } else {
                75
            }
        }
        Missing::InChinese => {
            if in_brackets(zh, en, n) {
                30
            } else {
                70
            }
        }
        Missing::Added => {
            if in_brackets(zh, en, n) {
                15
            } else {
                35
            }
        }
    }
}

/// Whether the English speaks of a date relative to the text's own ("last month", "this year").
fn relative_date(en: &str) -> bool {
    let lower = en.to_lowercase();
    [
        "last", "this", "next", "previous", "past", "same", "that", "coming",
    ]
    .iter()
    .any(|w| {
        ["year", "month"]
            .iter()
            .any(|u| lower.contains(&format!("{w} {u}")))
    })
}

/// Whether a Chinese number written in numerals has no measure word or unit after it: a count
/// in Chinese takes one (二十一岁, 六十六人, 二十公里), so a bare numeral is a set phrase
/// (说一千道一万, 行百里者半九十) or a name (茅十八).
fn idiomatic(zh: &str, n: &Number) -> bool {
    if n.value < 10.0 || n.percent || n.month {
        return false;
    }
    let next = zh[n.end..].chars().next();
    const MEASURES: &str = "个名人年元岁次项件位家所座条种亩吨米天月日倍户村届周期批号度分秒\
                            里斤台辆架艘本篇部场支只头匹颗张份套股层级类章节款公平立英厘毫克\
                            升丈尺寸两肘代世遍回步句字首行段班组队轮幅棵株粒片块间栋楼";
    !next.is_some_and(|c| MEASURES.contains(c) || c == '%' || c == '％')
}

/// Whether a Chinese quantity with a metric or Chinese unit and an English one with an imperial
/// unit are the same, converted (二十公里 as "twelve miles", 五百亩 as "eighty acres"), within
/// a tenth. Both numbers are of the one bead whose texts are given.
fn converted(zh: &str, z: &Number, en: &str, x: &Number) -> bool {
    const UNITS: &[(&str, &[&str], f64)] = &[
        ("公里", &["mile"], 0.621),
        ("千米", &["mile"], 0.621),
        ("米", &["feet", "foot"], 3.281),
        ("公斤", &["pound", "lb"], 2.205),
        ("千克", &["pound", "lb"], 2.205),
        ("斤", &["pound", "lb"], 1.102),
        ("亩", &["acre"], 0.1647),
        ("里", &["furlong"], 2.486),
    ];
    let after_zh = zh[z.end..].trim_start();
    let after_en = en[x.end..].trim_start().to_ascii_lowercase();
    UNITS.iter().any(|(zu, eus, factor)| {
        after_zh.starts_with(zu)
            && eus.iter().any(|u| after_en.starts_with(u))
            && (x.value - z.value * factor).abs() <= 0.1 * z.value * factor
    })
}

/// Whether a number of `text` stands in brackets that the other side has none of: a span of
/// years the translator added after a name (Wang Fu of the Eastern Han Dynasty (25-220)), or a
/// note of the Chinese (a cross-reference) the translation leaves out.
fn in_brackets(other: &str, text: &str, n: &Number) -> bool {
    if other.contains(['(', '（']) {
        return false;
    }
    let before = &text[..n.start];
    let open = before.rfind(['(', '（']);
    let close = before.rfind([')', '）']);
    open.is_some_and(|o| close.is_none_or(|c| c < o)) && text[n.end..].contains([')', '）'])
}

/// Whether an English number written in words is a power of ten whose Chinese numeral the
/// Chinese has (`one thousand miles` for 千里之行, `a hundred` for 百): the figure is there, in
/// a word the number reader leaves alone.
fn numeral_written(zh: &str, en: &str, x: &Number) -> bool {
    let written = &en[x.start..x.end];
    if written.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    let numeral = [
        (10.0, '十'),
        (100.0, '百'),
        (1_000.0, '千'),
        (10_000.0, '万'),
        (100_000_000.0, '亿'),
    ]
    .iter()
    .find(|(v, _)| *v == x.value)
    .map(|(_, c)| *c);
    let Some(numeral) = numeral else {
        return false;
    };
    zh.contains(numeral)
}

/// Whether a Chinese count of minutes (150分钟) is in the English as hours and minutes (2h30,
/// 2 h 30 min).
fn in_hours(zh: &str, z: &Number, en: &str) -> bool {
    if !zh[z.end..].starts_with('分') {
        return false;
    }
    let b = en.as_bytes();
    let number = |i: &mut usize| -> Option<u32> {
        let start = *i;
        while *i < b.len() && b[*i].is_ascii_digit() {
            *i += 1;
        }
        en[start..*i].parse().ok()
    };
    (0..b.len()).any(|start| {
        if !b[start].is_ascii_digit() || (start > 0 && b[start - 1].is_ascii_digit()) {
            return false;
        }
        let mut i = start;
        let Some(h) = number(&mut i) else {
            return false;
        };
        while i < b.len() && b[i] == b' ' {
            i += 1;
        }
        if i >= b.len() || b[i] != b'h' {
            return false;
        }
        i += 1;
        while i < b.len() && (b[i].is_ascii_alphabetic() || b[i] == b' ') && b[i] != b'm' {
            if b[i].is_ascii_digit() {
                break;
            }
            i += 1;
        }
        let m = number(&mut i).unwrap_or(0);
        f64::from(h * 60 + m) == z.value
    })
}

/// Whether an English number is the hours or the minutes of `2h30`.
fn in_clock(en: &str, x: &Number) -> bool {
    en[x.end..].starts_with('h') || en[..x.start].ends_with('h')
}

/// The text with what is no quantity blanked out, byte for byte (offsets stay): placeholders of
/// software strings (`{thousand}`, `{0}`, `%1$03d`, `%(count)s`, `${n}`) and dotted version
/// numbers and addresses (3.6.0.0, 192.168.0.1), which are compared as codes, not values.
fn mask(text: &str) -> std::borrow::Cow<'_, str> {
    let bytes = text.as_bytes();
    if !bytes.iter().any(|b| matches!(b, b'{' | b'%' | b'.')) {
        return std::borrow::Cow::Borrowed(text);
    }
    // The copy is made at the first blank: most texts have nothing to blank.
    let mut out: Option<Vec<u8>> = None;
    let blank = |a: usize, b: usize, out: &mut Option<Vec<u8>>| {
        let out = out.get_or_insert_with(|| bytes.to_vec());
        for x in &mut out[a..b] {
            *x = b' ';
        }
    };
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'{' {
            // {name}, {0}, {{ mustache }}: letters, digits, _ . : and spaces up to a }.
            let end = bytes[i + 1..]
                .iter()
                .take(64)
                .position(|&c| c == b'}')
                .map(|p| i + 1 + p);
            if let Some(e) = end {
                if bytes[i + 1..e]
                    .iter()
                    .all(|c| c.is_ascii_alphanumeric() || b"_.:, {$#".contains(c))
                {
                    let e = if bytes.get(e + 1) == Some(&b'}') {
                        e + 1
                    } else {
                        e
                    };
                    blank(i, e + 1, &mut out);
                    i = e + 1;
                    continue;
                }
            }
        } else if b == b'%' && !(i > 0 && bytes[i - 1].is_ascii_digit()) {
            // printf: %s, %d, %1$s, %03d, %.2f, %(name)s, %1$@.
            let mut j = i + 1;
            if bytes.get(j) == Some(&b'(') {
                if let Some(p) = bytes[j..].iter().take(40).position(|&c| c == b')') {
                    j += p + 1;
                }
            }
            while j < bytes.len() && (bytes[j].is_ascii_digit() || b"$-+ #.".contains(&bytes[j])) {
                if bytes[j] == b' ' && j > i + 1 {
                    break;
                }
                j += 1;
            }
            if j < bytes.len() && b"sdifuxXeEgGcpo@".contains(&bytes[j]) && j > i {
                let next_alpha = bytes.get(j + 1).is_some_and(u8::is_ascii_alphabetic);
                if !next_alpha || j > i + 1 {
                    blank(i, j + 1, &mut out);
                    i = j + 1;
                    continue;
                }
            }
        } else if b.is_ascii_digit()
            && !(i > 0 && (bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'.'))
        {
            // Three or more dotted groups of digits: a version or an address.
            let mut j = i;
            let mut dots = 0;
            while j < bytes.len() {
                if bytes[j].is_ascii_digit() {
                    j += 1;
                } else if bytes[j] == b'.' && bytes.get(j + 1).is_some_and(u8::is_ascii_digit) {
                    dots += 1;
                    j += 1;
                } else {
                    break;
                }
            }
            if dots >= 2 {
                blank(i, j, &mut out);
            }
            i = j.max(i + 1);
            continue;
        }
        i += 1;
    }
    match out {
        // Only ASCII bytes were blanked, so the text is still UTF-8.
        Some(out) => {
            std::borrow::Cow::Owned(String::from_utf8(out).unwrap_or_else(|_| text.to_owned()))
        }
        None => std::borrow::Cow::Borrowed(text),
    }
}

/// A number written as a year: four digits from 1000 to 2100 (not 2,000, not 2千).
fn is_year(text: &str, n: &Number) -> bool {
    let written = &text[n.start..n.end];
    !n.percent
        && !n.month
        && (1000.0..=2100.0).contains(&n.value)
        && written.bytes().take_while(u8::is_ascii_digit).count() == 4
}

/// The numbers of a side as written, with their values: `2.9万 = 29000, 8月 = 8`, or `none`.
fn list(text: &str, numbers: &[Number]) -> String {
    if numbers.is_empty() {
        return "none".to_owned();
    }
    numbers
        .iter()
        .map(|n| format!("{} = {}", &text[n.start..n.end], n.key()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Numbers the other side must have (a year the English adds excepted, see above): not approximate, and written in digits with a value of ten
/// or more or a fraction, or a percentage, a month, or a numeral of ten or more. Small whole
/// numbers (一, 3, two) are too often rendered by a word (both, a pair, 头号 "number one") or
/// left implicit. Digits inside a code (GB/T 2260-2007) are not required either: code-mismatch
/// compares codes whole (they still meet a number of the other side).
fn required(text: &str, n: &Number) -> bool {
    if n.approx {
        return false;
    }
    if text[n.start..n.end].bytes().all(|c| c.is_ascii_digit())
        && super::code_mismatch::codes(text)
            .iter()
            .any(|c| c.0 <= n.start && n.end <= c.1)
    {
        return false;
    }
    let written = &text[n.start..n.end];
    let digits = written
        .chars()
        .any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c));
    n.percent || n.month || n.value >= 10.0 || (digits && n.value.fract() != 0.0)
}

#[cfg(test)]
mod tests {
    use bitext_glossary::Glossary;

    /// The messages of the number-mismatch findings of one aligned bead.
    fn check(zh: &str, en: &str) -> Vec<String> {
        let g = Glossary::from_str(
            "[[term]]\nid = \"x\"\nzh = \"旗\"\nen.preferred = \"banner\"\n",
            "g.toml",
        )
        .unwrap();
        crate::rules::findings_on_unit(&g, "number-mismatch", zh, en)
            .into_iter()
            .map(|d| d.message)
            .collect()
    }

    #[test]
    fn true_faults_are_found() {
        let f = check(
            "全区2.9万名干部参加培训。",
            "2,900 cadres in the region took part.",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(
            f[0].contains("2.9万 (29000)") && f[0].contains("2,900 (2900)"),
            "{f:?}"
        );
        // 1.1379亿 is 113.79 million.
        let f = check("总人口1.1379亿", "a population of 1.1379 billion");
        assert_eq!(f.len(), 1, "{f:?}");
    }

    #[test]
    fn a_year_the_english_adds_is_explicitation_unless_the_chinese_has_years() {
        let zh = "新中国成立以来，中国共产党和中国政府";
        let en = "Since the founding of the People's Republic of China in 1949, the Communist Party of China";
        assert!(check(zh, en).is_empty());
        // TICO-19 with 2020 changed to 2090 in the English: the Chinese has its years.
        let zh = "第四版（2020 年 1 月 27 日）和第五版（2020 年 2 月 8 日）";
        let en = "the fourth (27 January 2090) and fifth (8 February 2020) editions";
        assert_eq!(check(zh, en).len(), 1);
    }

    #[test]
    fn what_a_reviser_reads_as_no_missing_number_passes() {
        for (zh, en) in [
            // A set phrase whose numerals no translation keeps.
            (
                "说一千道一万，关键在落实。",
                "In essence, the key lies in implementation.",
            ),
            // A hyphenated scale.
            ("13亿多人", "1.3-billion-plus people"),
            // Years in brackets after a name, added for the foreign reader.
            (
                "汉代王符说",
                "Wang Fu of the Eastern Han Dynasty (25-220) said",
            ),
            // The numeral of 千里 in words.
            (
                "千里之行，始于足下。",
                "A journey of one thousand miles begins with a single step.",
            ),
            // Software strings: hex, versions and addresses, placeholders, hours and minutes.
            (
                "在十六进制与代码值之间切换。",
                "Switch between hexadecimal and code values.",
            ),
            (
                "需要 3.6.0.0 或更高版本",
                "Requires version 3.6.0.0 or later",
            ),
            ("连接到 192.168.0.1", "Connect to 192.168.0.1"),
            ("共 {thousand} 项", "{thousand} items in all"),
            ("打开150分钟空白音频", "Open 2h30 Blank Audio"),
            // A relative date.
            (
                "2019年7月，代表团访问了北京。",
                "Last month, the delegation visited Beijing.",
            ),
            // Translated fiction and scripture (mac-dev, Bible 006): a unit converted, a name
            // with a numeral, a note in brackets of the Chinese, 一月 as one month.
            (
                "已经走了二十公里，上了南面的山。",
                "we had walked twelve miles and went up the mountain.",
            ),
            ("茅十八摇头道：“不！”", "But Whiskers shook his head."),
            (
                "后来又娶玛迦（十三章二节作米该雅），生了亚比雅。",
                "And he took Maachah, which bare him Abijah.",
            ),
            (
                "若是从一月到五岁",
                "if it be from a month old even unto five years old",
            ),
        ] {
            assert_eq!(check(zh, en), Vec::<String>::new(), "{zh} / {en}");
        }
    }

    #[test]
    fn real_translations_pass() {
        // TICO-19 units, official English.
        for (zh, en) in [
            ("但她的症状与我的症状十分相似", "however she has symptoms quite similar to mine"),
            (
                "2020 年 1 月 9 日，中国疾病预防控制中心报告称，病原体是一种新型冠状病毒，现在称为严重急性呼吸综合征冠状病毒 2 (Severe Acute Respiratory Syndrome Coronavirus 2, SARS-CoV-2)。",
                "On 9 January 2020, the China Center for Disease Control and Prevention reported the causative agent as being a novel coronavirus now referred to as severe acute respiratory syndrome coronavirus 2 (SARS-CoV-2).",
            ),
            (
                "这意味着各国拥有的资源可能多于或少于意大利（2010-2011 年每 10 万人拥有 12.5 张重症监护和中期照护床位）。",
                "This means that countries may have more or less resources than Italy (12.5 intensive care and intermediate care beds per 100,000 population in 2010–11).",
            ),
            ("埃博拉病毒曾被预测会导致 100 万起病例并造成 50 万人死亡。", "Ebola was originally predicted to cause up to a million cases with half a million deaths."),
            ("自 20 世纪 30 年代末以来，动物 CoV 就已广为人知。", "Animal CoVs have been known since late 1930s."),
            ("因此，在过去二十年中出现了三种新型 HCoV 并非偶然。", "Thus, it is not by chance that three novel HCoVs have emerged in the past two decades."),
            ("截至 2020 年 4 月 10 日，全球 210 个国家和地区累计报告约 161 万 COVID-19 病例，死亡约 9.7 万人，", "As of 10 April 2020, approximately 1.61 million cases of COVID-19 have been reported in 210 countries and territories, resulting in approximately 97,000 deaths."),
            ("中国病死率约 4%，而全球各地区病死率则介于 0.08%（新西兰）到 13.04%（阿尔及利亚）之间。", "The case fatality rate has been estimated to be 4% in China, while globally ranging from 13.04% in Algeria to .08% in New Zealand."),
            ("据报道，他们正在全天候工作，周末无休。", "They were working 24/7 to maintain the supply."),
            ("最乐观的估计是，此次爆发将在 3 月份结束，下降阶段将持续 3-4 个月。", "The most optimistic estimate is that the outbreak will end by March and the downswing phase will last for 3-4 months."),
            ("今年9月是第38个全区民族团结进步活动月。", "This September is the 38th region-wide ethnic unity and progress month."),
            ("“十四五”时期", "during the 14th Five-Year Plan period"),
            ("新中国成立以来，中国共产党和中国政府", "Since the founding of the People's Republic of China in 1949, the Communist Party of China"),
            ("在过去的几十年中，已经发现了 7 种 HCoV。", "In the past decades, seven HCoVs have been identified."),
        ] {
            assert_eq!(check(zh, en), Vec::<String>::new(), "{zh}");
        }
    }
}
