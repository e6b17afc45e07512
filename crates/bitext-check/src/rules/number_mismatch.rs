//! `number-mismatch`: a number of one side of a bead missing from the other.

use super::{Check, Rule, Severity};
use crate::context::DocCtx;
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
    /// know it.
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
                    numbers::chinese(&b.zh),
                    (s, e),
                    numbers::english(&text[s..e]),
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
            let zh_met: Vec<bool> = zn.iter().map(|z| en_near().any(|x| z.meets(x))).collect();
            let en_met: Vec<bool> = en_nums
                .iter()
                .map(|x| zh_near().any(|z| z.meets(x)))
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
                    found.push(((s + x.start, s + x.end), z.key(), x.key(), message));
                }
                for z in &zs[pairs..] {
                    let message = format!(
                        "the Chinese has {} ({}), the English does not (its numbers: {})",
                        &zh_text[z.start..z.end],
                        z.key(),
                        en_list()
                    );
                    found.push(((*s, *e), z.key(), z.key(), message));
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
                    found.push(((s + x.start, s + x.end), expected, x.key(), message));
                }
            }
        }
        for (span, expected, term, message) in found {
            ctx.report(&RULE, span, expected, term, message);
        }
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
