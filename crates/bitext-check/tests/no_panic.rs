//! Property: checking and rendering never panic, and every finding's span
//! is the text it reports, for any input.

use bitext_check::render::{human, Summary};
use bitext_check::Checker;
use bitext_glossary::Glossary;
use proptest::prelude::*;

const GLOSSARY: &str = r#"
[[term]]
id = "banners-and-counties"
zh = "旗县"
en.preferred = "banners and counties"
en.deprecated = ["flag counties"]

[[term]]
id = "hulunbuir"
zh = "呼伦贝尔"
en.preferred = "Hulunbuir"
en.deprecated = ["Hulunbeier"]
en.exceptions = ["Hulunbuir Grassland Festival"]
"#;

fn text() -> impl Strategy<Value = String> {
    let atoms = prop::sample::select(vec![
        "flag",
        "counties",
        "County",
        "banners",
        "and",
        "Hulunbuir",
        "Hulunbiur",
        "Hulunbeier",
        " ",
        "\n",
        "\r\n",
        "-",
        "'",
        "\"",
        ".",
        ",",
        "旗县",
        "é",
        "ﬂag",
        "Ｈulunbuir",
        "Grassland",
        "Festival",
    ]);
    prop_oneof![
        prop::collection::vec(atoms, 0..40).prop_map(|v| v.concat()),
        any::<String>()
    ]
}

proptest! {
    #[test]
    fn check_and_render_any_text(text in text()) {
        let glossary = Glossary::from_str(GLOSSARY, "g.toml").unwrap();
        let checker = Checker::new(&glossary);
        let findings = checker.check_english("t.txt", &text, 0);
        for f in &findings {
            prop_assert_eq!(&text[f.span[0]..f.span[1]], f.found.as_str());
        }
        let summary = Summary::new(&findings, 1, 0, 0);
        let mut out = Vec::new();
        human(&mut out, &findings, &summary, &|_| Some(text.as_str()), true).unwrap();
    }
}
