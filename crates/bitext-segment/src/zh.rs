//! Chinese sentence boundaries.
//!
//! A sentence ends after a run of `。！？!?` or `…` (`……`, `？！`) together
//! with the closing quotes and brackets that follow it (`。”`, `！”`,
//! `……”`, `。）`). `；：，` never end a sentence, and nothing inside
//! `《…》` does. Decimals (`2.9万`, `２．９`), percentages, dates and
//! enumerators (`一、`, `（一）`, `1.`) are ordinary text.

/// Byte offsets in `line` after which a sentence ends (never `line.len()`).
pub fn cuts(line: &str) -> Vec<usize> {
    let mut cuts = Vec::new();
    let mut title_depth = 0usize;
    let mut chars = line.char_indices().peekable();
    while let Some((_, c)) = chars.next() {
        match c {
            '《' | '〈' => title_depth += 1,
            '》' | '〉' => title_depth = title_depth.saturating_sub(1),
            _ if is_terminator(c) && title_depth == 0 => {
                while chars.next_if(|&(_, c)| is_terminator(c)).is_some() {}
                while chars.next_if(|&(_, c)| is_closer(c)).is_some() {}
                let end = chars.peek().map_or(line.len(), |&(i, _)| i);
                if end < line.len() {
                    cuts.push(end);
                }
            }
            _ => {}
        }
    }
    crate::merge_letterless(line, cuts)
}

fn is_terminator(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?' | '…' | '｡')
}

fn is_closer(c: char) -> bool {
    matches!(
        c,
        '”' | '’' | '」' | '』' | '）' | ')' | '】' | '〕' | '"' | '\'' | '］'
    )
}

#[cfg(test)]
mod tests {
    use crate::segment;
    use bitext_core::Lang;

    fn split(text: &str) -> Vec<&str> {
        segment(text, Lang::Zh)
            .iter()
            .map(|s| s.span.slice(text))
            .collect()
    }

    #[test]
    fn stops_and_closing_quotes() {
        // 004: 工作方案 ... the quote closes after the stop.
        assert_eq!(
            split("他说：“要高度重视。”请结合实际遵照执行！（见附件。）下一步？！好……”完"),
            [
                "他说：“要高度重视。”",
                "请结合实际遵照执行！",
                "（见附件。）",
                "下一步？！",
                "好……”",
                "完"
            ]
        );
    }

    #[test]
    fn no_cut_inside_book_titles_or_at_clause_marks() {
        assert_eq!(
            split("落实《守望相助！团结奋斗？》的要求；坚持分类指导，精准施策：示范引领。"),
            ["落实《守望相助！团结奋斗？》的要求；坚持分类指导，精准施策：示范引领。"]
        );
    }

    #[test]
    fn decimals_percentages_dates_and_enumerators() {
        // 001 and 004 of the corpus.
        let text =
            "一、指导思想\n（一）创建覆盖率达90.5%，２．９万人参加。2021年8月11日\n1.加强宣传";
        assert_eq!(
            split(text),
            [
                "一、指导思想",
                "（一）创建覆盖率达90.5%，２．９万人参加。",
                "2021年8月11日",
                "1.加强宣传"
            ]
        );
    }
}
