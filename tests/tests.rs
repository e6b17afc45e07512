//! The one integration test binary (as ripgrep and cargo do).

mod batch;
mod glossary_io;
mod main_job;

#[test]
fn cli() {
    trycmd::TestCases::new().case("tests/cmd/*.toml");
}
