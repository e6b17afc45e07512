//! `bitext export` reads a large TMX or XLIFF in pieces (bitext_io::stream): the output is the
//! same bytes as reading it whole, and an error names the line in the file.

fn export(input: &std::path::Path, format: &str, stream_min: &str) -> std::process::Output {
    crate::bitext()
        .env("BITEXT_STREAM_MIN", stream_min)
        .args(["export", "--format", format])
        .arg(input)
        .output()
        .unwrap()
}

/// The sentences of an English corpus document, escaped for XML.
fn english_sentences() -> Vec<String> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let en = std::fs::read_to_string(root.join("corpus/en/000_aafadf07d820b436.txt")).unwrap();
    en.split(". ")
        .filter(|s| !s.trim().is_empty())
        .map(|s| s.replace('&', "&amp;").replace('<', "&lt;"))
        .collect()
}

/// A TMX of the corpus's English sentences beside Chinese ones, with entities and inline codes.
fn tmx(units: usize, broken_at: Option<usize>) -> String {
    let sentences = english_sentences();
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n<header creationtool=\"t\" \
         creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"t\" adminlang=\"en\" srclang=\"zh-CN\" \
         datatype=\"plaintext\"/>\n<body>\n",
    );
    for k in 0..units {
        if broken_at == Some(k) {
            s.push_str("<tu><tuv xml:lang=\"en\"><seg>broken</tuv>\n");
        }
        let e = &sentences[k % sentences.len()];
        s.push_str(&format!(
            "<tu tuid=\"{k}\">\n <tuv xml:lang=\"zh-CN\"><seg>第{k}句：民族团结<ph x=\"1\">&lt;br/&gt;</ph>进步。</seg></tuv>\n <tuv xml:lang=\"en\"><seg>{e} &amp; more.</seg></tuv>\n</tu>\n"
        ));
    }
    s.push_str("</body>\n</tmx>\n");
    s
}

#[test]
fn pieces_give_the_same_bytes_as_the_whole_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("memory.tmx");
    std::fs::write(&path, tmx(6000, None)).unwrap();
    for format in ["tsv", "jsonl"] {
        let streamed = export(&path, format, "0");
        let whole = export(&path, format, "99999999999");
        assert!(
            streamed.status.success(),
            "{}",
            String::from_utf8_lossy(&streamed.stderr)
        );
        assert_eq!(streamed.stdout.len(), whole.stdout.len(), "{format}");
        assert!(streamed.stdout == whole.stdout, "{format}: the same bytes");
        assert!(
            streamed.stdout.len() > 1_000_000,
            "large enough to be cut in pieces"
        );
    }
}

#[test]
fn an_error_in_a_piece_names_its_line_in_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.tmx");
    let text = tmx(6000, Some(5000));
    let line = text[..text.find("<seg>broken").unwrap()]
        .matches('\n')
        .count()
        + 1;
    std::fs::write(&path, &text).unwrap();
    let out = export(&path, "tsv", "0");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!("broken.tmx:{line}:")),
        "line {line}: {err}"
    );
    // The whole-file reader says the same line.
    let whole = export(&path, "tsv", "99999999999");
    assert!(String::from_utf8_lossy(&whole.stderr).contains(&format!(":{line}:")));
}

/// `bitext check` on a large English text reads it in pieces (crate large_text): the same
/// findings, at the same lines, columns and spans, with the same fingerprints, as the file read
/// whole. The text: the corpus's English (machine translation with real faults) with a BOM, CRLF
/// paragraphs and a long line, cut in pieces of 4 KiB.
#[test]
fn a_large_text_is_checked_in_pieces_with_the_same_findings() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut text = String::from("\u{feff}");
    let mut names: Vec<_> = std::fs::read_dir(root.join("corpus/en"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    for (k, p) in names.iter().enumerate() {
        let t = std::fs::read_to_string(p).unwrap();
        text.push_str(&if k == 1 { t.replace('\n', "\r\n") } else { t });
        text.push_str("\n\n");
    }
    text.push_str(&"The flag counties of my country. ".repeat(400));
    text.push('\n');
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("large.txt");
    std::fs::write(&path, &text).unwrap();
    let check = |min: &str| {
        let out = crate::bitext()
            .env("BITEXT_CHECK_STREAM_MIN", min)
            .env("BITEXT_CHECK_STREAM_BLOCK", "4096")
            .current_dir(root)
            .args(["check", "--format", "json"])
            .arg(&path)
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(1),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        v
    };
    let (pieces, whole) = (check("0"), check("99999999999"));
    assert_eq!(pieces["summary"], whole["summary"]);
    // Findings without deprecated-term's note on how the document (or the part) renders a concept.
    let strip = |v: &serde_json::Value| -> Vec<serde_json::Value> {
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                let mut f = f.clone();
                let m = f["message"].as_str().unwrap();
                let m = m.split("; this ").next().unwrap().to_string();
                f["message"] = m.into();
                f
            })
            .collect()
    };
    // It was cut: the note speaks of parts.
    let notes = |v: &serde_json::Value, says: &str| {
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["message"].as_str().unwrap().contains(says))
            .count()
    };
    assert!(notes(&pieces, "this part of the file renders") > 1);
    assert_eq!(notes(&whole, "this part of the file"), 0);
    let (p, w) = (strip(&pieces), strip(&whole));
    assert!(w.len() > 200, "{} findings", w.len());
    assert!(p == w, "the same findings");
    // Some finding is past the CRLF paragraphs and in the long line, and placed right there.
    let last = w.last().unwrap();
    let line = last["line"].as_u64().unwrap() as usize;
    let span = last["span"].as_array().unwrap()[0].as_u64().unwrap() as usize;
    let before = &text.as_bytes()[..span];
    let lf = before.iter().filter(|&&b| b == b'\n').count();
    assert_eq!(line, lf + 1);
    assert!(text[span..].starts_with("my country") || text[span..].starts_with("flag"));
}

#[test]
fn pieces_put_the_languages_asked_for_on_their_sides() {
    // An en→zh XLIFF asked for as zh→en: read in pieces or whole, Chinese is side a.
    let sentences = english_sentences();
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xliff version=\"1.2\">\n<file \
         source-language=\"en-US\" target-language=\"zh-CN\" datatype=\"plaintext\" original=\"a\">\n<body>\n",
    );
    for k in 0..3000 {
        let e = &sentences[k % sentences.len()];
        s.push_str(&format!(
            "<trans-unit id=\"{k}\"><source>{e}</source><target>第{k}句：民族团结进步。</target></trans-unit>\n"
        ));
    }
    s.push_str("</body>\n</file>\n</xliff>\n");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("en-zh.xlf");
    std::fs::write(&path, s).unwrap();
    let run = |stream_min: &str| {
        crate::bitext()
            .env("BITEXT_STREAM_MIN", stream_min)
            .args([
                "export",
                "--format",
                "tsv",
                "--source-lang",
                "zh",
                "--target-lang",
                "en",
            ])
            .arg(&path)
            .output()
            .unwrap()
    };
    let streamed = run("0");
    assert!(
        streamed.status.success(),
        "{}",
        String::from_utf8_lossy(&streamed.stderr)
    );
    let text = String::from_utf8(streamed.stdout.clone()).unwrap();
    let rows: Vec<&str> = text.lines().skip(1).collect();
    assert_eq!(rows.len(), 3000);
    assert!(
        rows.iter()
            .all(|r| r.split('\t').nth(4).is_some_and(|a| a.starts_with('第'))),
        "side a is the Chinese target of the file: {}",
        rows[0]
    );
    assert!(
        streamed.stdout == run("99999999999").stdout,
        "the same bytes"
    );
}
