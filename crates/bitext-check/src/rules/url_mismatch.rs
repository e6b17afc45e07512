//! `url-mismatch`: a URL or e-mail address of one side missing from the other.

use super::{Check, Rule, Severity};
use crate::context::DocCtx;

pub(crate) const RULE: Rule = Rule {
    id: "url-mismatch",
    severity: Severity::Error,
    summary: "A URL or an e-mail address differs between source and translation.",
    what: "Segment rule: each URL (http://, https://, www.) and e-mail address of either side of \
           a segment must be on the other side as written (a trailing full stop or bracket \
           aside, case ignored in the host). Beads from automatic alignment are compared with \
           their neighbours too.",
    why: "An address is copied, never translated; a changed character makes a dead link that no \
          reader can repair.",
    example: "zh:       \"详见 www.neac.gov.cn。\"\n\
              en:       \"See www.neac.gov.com.\"\n\
              finding:  url-mismatch: www.neac.gov.cn is not in the English",
};

pub(crate) struct UrlMismatch;

/// The URLs and e-mail addresses of `s`: byte range and the form compared.
pub(crate) fn addresses(s: &str) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let bytes = s.as_bytes();
    let mut i = 0;
    let stop = |c: char| c.is_whitespace() || c > '\u{7f}' || "<>\"'`".contains(c);
    while i < s.len() {
        let rest = &s[i..];
        let starts_url = ["http://", "https://", "www."].iter().any(|p| {
            rest.as_bytes()
                .get(..p.len())
                .is_some_and(|x| x.eq_ignore_ascii_case(p.as_bytes()))
        });
        let boundary = i == 0 || !bytes[i - 1].is_ascii_alphanumeric();
        if starts_url && boundary {
            let len = rest.find(stop).unwrap_or(rest.len());
            let raw = rest[..len].trim_end_matches(['.', ',', ';', ':', ')', ']', '!', '?']);
            if raw.len() > 4 {
                out.push((i, i + raw.len(), raw.to_ascii_lowercase()));
                i += raw.len();
                continue;
            }
        }
        if bytes[i] == b'@' && i > 0 {
            let is_part = |c: char| c.is_ascii_alphanumeric() || "._%+-".contains(c);
            let start = s[..i]
                .char_indices()
                .rev()
                .take_while(|&(_, c)| is_part(c))
                .last()
                .map_or(i, |(k, _)| k);
            let after = &s[i + 1..];
            let len = after.find(|c: char| !is_part(c)).unwrap_or(after.len());
            let domain = after[..len].trim_end_matches(['.', '-']);
            if start < i && domain.contains('.') {
                let end = i + 1 + domain.len();
                out.push((start, end, s[start..end].to_ascii_lowercase()));
                i = end;
                continue;
            }
        }
        i += s[i..].chars().next().map_or(1, char::len_utf8);
    }
    out
}

impl Check for UrlMismatch {
    fn rule(&self) -> &'static Rule {
        &RULE
    }

    fn document(&self, ctx: &mut DocCtx) {
        super::code_mismatch::compare(ctx, &RULE, addresses, true);
    }
}

#[cfg(test)]
mod tests {
    use super::addresses;
    use crate::rules::findings_on_units;

    #[test]
    fn addresses_are_found() {
        let a: Vec<String> = addresses("见 https://www.neac.gov.cn/x?a=1。或 info@neac.gov.cn.")
            .into_iter()
            .map(|x| x.2)
            .collect();
        assert_eq!(a, ["https://www.neac.gov.cn/x?a=1", "info@neac.gov.cn"]);
    }

    #[test]
    fn a_changed_address_is_one_finding() {
        let f = findings_on_units(
            "url-mismatch",
            &[
                ("详见www.neac.gov.cn。", "See www.neac.gov.com."),
                ("详见 WWW.NEAC.GOV.CN", "See www.neac.gov.cn."),
            ],
        );
        assert_eq!(f.len(), 1, "one finding for one changed address: {f:?}");
        assert_eq!(f[0].found, "www.neac.gov.com");
        assert!(f[0].message.contains("www.neac.gov.cn"), "{}", f[0].message);
    }
}
