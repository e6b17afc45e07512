//! The one integration test binary (as ripgrep and cargo do).

mod batch;
mod bilingual;
mod glossary_io;
mod hooks;
mod main_job;
mod outputs;
mod precision;
mod streaming;

/// The binary, run from the repository root, with a fixed date for the files it stamps.
fn bitext() -> std::process::Command {
    let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_bitext"));
    c.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("SOURCE_DATE_EPOCH", "1795000000");
    c
}

#[test]
fn cli() {
    trycmd::TestCases::new().case("tests/cmd/*.toml");
}
