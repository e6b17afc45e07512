//! Command-line arguments.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

const EXIT_CODES: &str = "\
Exit codes:
  0  success: no new findings
  1  new findings (check)
  2  bad input, bad glossary, or bad usage";

#[derive(Debug, Parser)]
#[command(
    name = "bitext",
    version,
    about = "Chinese–English bitext toolkit: sentence segmentation and terminology QA",
    long_about = "Chinese–English bitext toolkit: sentence segmentation and terminology QA.\n\n\
                  Holds English translations to a glossary of official renderings \
                  (`bitext check`) and cuts Chinese and English documents into sentences \
                  with byte offsets (`bitext segment`).",
    after_help = EXIT_CODES,
    after_long_help = concat!(
        "Examples:\n",
        "  bitext check corpus                  check every document under corpus/ against ./glossary\n",
        "  bitext segment corpus/zh/a.txt       one sentence per line\n",
        "  bitext glossary lint glossary        validate the glossary\n",
        "\n",
        "Exit codes:\n",
        "  0  success: no new findings\n",
        "  1  new findings (check)\n",
        "  2  bad input, bad glossary, or bad usage"
    )
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Cut Chinese and English documents into sentences, with byte offsets.
    #[command(after_long_help = SEGMENT_HELP)]
    Segment(SegmentArgs),
}

const SEGMENT_HELP: &str = "\
Rules:
  zh  a sentence ends after 。！？!? or …… plus the closing quotes and brackets
      that follow; ；：， never end one, nor does anything inside 《》.
  en  a sentence ends after . ! ? or an ellipsis followed by white space, but not
      after abbreviations (Mr. Prof. No. e.g. etc. U.S.), initials, enumerators,
      decimals, or the `.,` artefact of machine translation.
  A line break always ends a segment: a heading is a segment of its own.
  Blank lines separate paragraphs.

Offsets:
  `start` and `end` are byte offsets into the input file: slicing the file's
  bytes with them gives the sentence. For UTF-8 with a BOM they count the BOM.
  UTF-16 input (with a BOM) is transcoded to UTF-8 first, and offsets then refer
  to the UTF-8 text, without the BOM. CRLF and CR line ends are kept, so they
  do not shift offsets.

Examples:
  bitext segment corpus/zh/001_035f555104c8076a.txt
  bitext segment --format tsv corpus/en/*.txt
  echo 'Mr. He arrived. He left.' | bitext segment --lang en

Exit codes:
  0  success
  2  unreadable input: a missing file, or bytes that are neither UTF-8 nor UTF-16
     with a BOM (the error names the file and the byte offset). Nothing is
     printed for any file when one of them fails.";

#[derive(Debug, clap::Args)]
pub struct SegmentArgs {
    /// Documents to segment; `-` or none reads standard input.
    pub files: Vec<PathBuf>,
    /// Language of the documents; `auto` decides by script, per document.
    #[arg(long, value_enum, default_value_t = LangArg::Auto)]
    pub lang: LangArg,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = SegmentFormat::Text)]
    pub format: SegmentFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    Zh,
    En,
    Auto,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SegmentFormat {
    /// One sentence per line.
    Text,
    /// Tab-separated: document, language, paragraph, sentence, start, end, text.
    Tsv,
    /// One JSON object per sentence.
    Jsonl,
}
