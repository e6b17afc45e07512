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

/// A TMX of the corpus's English sentences beside Chinese ones, with entities and inline codes.
fn tmx(units: usize, broken_at: Option<usize>) -> String {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let en = std::fs::read_to_string(root.join("corpus/en/000_aafadf07d820b436.txt")).unwrap();
    let sentences: Vec<&str> = en.split(". ").filter(|s| !s.trim().is_empty()).collect();
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n<header creationtool=\"t\" \
         creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"t\" adminlang=\"en\" srclang=\"zh-CN\" \
         datatype=\"plaintext\"/>\n<body>\n",
    );
    for k in 0..units {
        if broken_at == Some(k) {
            s.push_str("<tu><tuv xml:lang=\"en\"><seg>broken</tuv>\n");
        }
        let e = sentences[k % sentences.len()]
            .replace('&', "&amp;")
            .replace('<', "&lt;");
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
