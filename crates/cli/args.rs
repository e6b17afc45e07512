//! Command-line arguments.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

const EXIT_CODES: &str = "\
Exit codes:
  0  success: no new findings
  1  new findings (check), or failed pairs (align --batch)
  2  bad input, bad glossary, or bad usage";

#[derive(Debug, Parser)]
#[command(
    name = "bitext",
    version,
    about = "Chinese–English bitext toolkit: terminology QA, sentence alignment and segmentation",
    long_about = "Chinese–English bitext toolkit: terminology QA, sentence alignment and segmentation.\n\n\
                  Holds English translations to a glossary of official renderings \
                  (`bitext check`), aligns a Chinese document with its English translation \
                  sentence by sentence (`bitext align`, `bitext export`) and cuts Chinese and \
                  English documents into sentences with byte offsets (`bitext segment`).",
    after_help = EXIT_CODES,
    after_long_help = concat!(
        "Examples:\n",
        "  bitext check corpus                  check every document under corpus/ against ./glossary\n",
        "  bitext segment corpus/zh/a.txt       one sentence per line\n",
        "  bitext align zh.txt en.txt -o a.tmx  align a document pair, write TMX\n",
        "  bitext glossary lint glossary        validate the glossary\n",
        "\n",
        "Exit codes:\n",
        "  0  success: no new findings\n",
        "  1  new findings (check), or failed pairs (align --batch)\n",
        "  2  bad input, bad glossary, or bad usage"
    )
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// Read every input file in this encoding (gbk, gb18030, big5, windows-1252 …) instead of
    /// the one its bytes, BOM or XML declaration give.
    #[arg(long, global = true, value_name = "LABEL")]
    pub encoding: Option<String>,
    /// Largest file read whole into memory (`512M`, `2G`, bytes without a unit). Checking takes
    /// about 13 times a file's size in memory. Not limited: `check` of an English text of 32 MB
    /// or more and `export` of TMX and XLIFF to TSV or JSONL, which read in pieces.
    #[arg(long, global = true, value_name = "SIZE", value_parser = parse_size, default_value = "256M")]
    pub max_file_size: u64,
}

/// A size: a number of bytes, or with a unit K, M, G (powers of 1024; KB, MB, GB, KiB … too).
fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let split = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(t.len());
    let (number, unit) = t.split_at(split);
    let number: f64 = number
        .parse()
        .map_err(|_| format!("`{s}` is no size (write 512M, 2G or a number of bytes)"))?;
    let scale: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kb" | "kib" => 1 << 10,
        "m" | "mb" | "mib" => 1 << 20,
        "g" | "gb" | "gib" => 1 << 30,
        "t" | "tb" | "tib" => 1 << 40,
        other => return Err(format!("unknown unit `{other}` in `{s}` (K, M, G or T)")),
    };
    Ok((number * scale as f64) as u64)
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Cut Chinese and English documents into sentences, with byte offsets.
    #[command(after_long_help = SEGMENT_HELP)]
    Segment(SegmentArgs),
    /// Align the sentences of a Chinese document with those of its English translation.
    #[command(after_long_help = ALIGN_HELP)]
    Align(AlignArgs),
    /// Convert aligned text (TMX, JSONL, TSV) to TMX, TSV, JSONL or a review page.
    #[command(after_long_help = EXPORT_HELP)]
    Export(ExportArgs),
    /// Check English translations against the glossary.
    #[command(after_long_help = CHECK_HELP)]
    Check(CheckArgs),
    /// List the check rules, or explain one.
    Rules(RulesArgs),
    /// Work with glossaries.
    #[command(subcommand)]
    Glossary(GlossaryCommand),
}

const CHECK_HELP: &str = "\
What is checked:
  English documents (*.txt, found recursively in a directory) get the
  glossary's rules (deprecated-term, which also says when a document renders
  one concept several ways; near-miss) and the rules that read English
  alone: repeated-words (\"exchanges, exchanges\"), chinese-in-english,
  unpaired-brackets, spacing, punctuation-width. Translations get the
  bilingual rules too: term-mismatch (a glossary term in the Chinese, none of
  its renderings in the English), number-mismatch (2.9万 = 29,000,
  百分之九十 = 90 %, 三成 = 30 %, 8月 = August), code-mismatch, url-mismatch,
  and in bilingual files the segment rules: inconsistent-target (one source,
  several translations), empty-target, untranslated, inline-codes. Only the
  translation is held to the rules that read one language (the English of a
  zh→en file, the Chinese of an en→zh one).
  A translation is a bilingual
  file with Chinese and English (TMX; XLIFF 1.2/2.x incl. SDLXLIFF and
  memoQ; gettext PO; bitext's JSONL and TSV), a zh/en pair found by name
  (zh/X beside en/X, or X.zh.txt beside X.en.txt; aligned first), or
  --pair ZH EN. Findings point at the target text in the file; units marked
  translate=no and inline codes are not checked. Chinese documents without
  a partner are skipped; in a directory, files of other formats and bilingual
  files of other languages are listed as skipped, and a run with nothing to
  check exits 2. Files not in UTF-8: XML is read in the encoding it declares,
  plain text in the encoding detected (with a warning).
  `bitext rules` lists the rules; `--explain ID` documents one.

Choosing rules (as linters do):
  --select a,b runs only those rules, --ignore c leaves some out.
  Settings can live in a bitext.toml (or [tool.bitext] of a pyproject.toml),
  found upwards from the first path checked, or given with --config:
    glossary = [\"glossary\"]              # relative to the file
    languages = { chinese = \"zh-TW\", english = \"en-GB\" }
    [check]
    ignore = [\"spacing\"]
    consistency = \"run\"                 # compare files together (default: file)
    min-confidence = 0.7                # bilingual findings this sure or more (default: 0.5)
    severity = { repeated-words = \"error\" }
  Unknown keys and rule ids are errors with file, line and column.

Fixing:
  --fix replaces each deprecated rendering by the preferred one where that is
  unambiguous (the glossary's form, on one line), rewriting files atomically,
  and lists what it left for a person; --fix --dry-run prints the diff only.
  In TMX, XLIFF and PO files only the bytes of each replaced rendering change
  (a rendering written with an entity is left for a person).

Baselines (CI that fails on new problems only):
  bitext check corpus --write-baseline .bitext-baseline.json   record today's findings
  bitext check corpus --baseline .bitext-baseline.json         report new ones only
  A finding is known by its rule, file, concept, found text and occurrence
  index, not by its line, so moving lines does not make it new. Baseline
  entries that no longer match are listed as stale.

Examples:
  bitext check corpus
  bitext check corpus/en/000_aafadf07d820b436.txt -g glossary/admin.toml
  bitext check corpus --format sarif -o bitext.sarif
  bitext check corpus --format html -o report.html
  bitext check corpus --format github              # in a GitHub Actions step
  bitext check corpus --format gitlab -o gl-code-quality-report.json
  bitext check --pair report.zh.txt report.en.txt
  bitext check aligned.tmx --format json
  bitext check memory.tmx --select inconsistent-target,inconsistent-source --consistency run
  bitext check corpus --ignore spacing,repeated-words
  bitext check --pair a.zh.txt a.en.txt --min-confidence 0 --format json
  bitext check project.sdlxliff messages.po
  bitext check corpus --fix --dry-run
  bitext check --explain deprecated-term

Exit codes:
  0  no new findings (or --exit-zero)
  1  new findings
  2  bad input: a missing path, an unreadable or binary file, a glossary error
     (with file, line and column), or bad usage";

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Files or directories to check.
    #[arg(required_unless_present_any = ["explain", "pair"])]
    pub paths: Vec<PathBuf>,
    /// A glossary file or a directory of *.toml glossary files [default: the configuration's
    /// `glossary`, else ./glossary].
    #[arg(long, short = 'g')]
    pub glossary: Option<PathBuf>,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = CheckFormat::Human)]
    pub format: CheckFormat,
    /// Run only these rules (comma-separated ids; see `bitext rules`) [default: the
    /// configuration's `select`, else every rule].
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub select: Option<Vec<String>>,
    /// Do not run these rules (comma-separated ids), besides the configuration's `ignore`.
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub ignore: Vec<String>,
    /// Where consistency rules compare: each file on its own, or all files of the run together
    /// [default: the configuration's `consistency`, else file].
    #[arg(long, value_enum)]
    pub consistency: Option<crate::config::Scope>,
    /// Report a bilingual finding (term-mismatch, number-mismatch) only when the rule's confidence
    /// in it is at least this, from 0 to 1 (0 reports every finding, with its confidence in
    /// JSON and SARIF) [default: the configuration's `min-confidence`, else 0.5].
    #[arg(long, value_name = "0..1", value_parser = parse_confidence)]
    pub min_confidence: Option<u8>,
    /// Report every unit without a translation (by default a file with more than ten gets one
    /// empty-target finding that counts them).
    #[arg(long)]
    pub each_empty_target: bool,
    /// Read settings from this file (a bitext.toml, or a pyproject.toml's [tool.bitext])
    /// instead of the one found upwards from the first path.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Ignore any configuration file.
    #[arg(long, conflicts_with = "config")]
    pub isolated: bool,
    /// Write the report to FILE (atomically) instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Report only findings that are not in this baseline file.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Record all current findings in FILE as the new baseline.
    #[arg(long, value_name = "FILE", conflicts_with = "baseline")]
    pub write_baseline: Option<PathBuf>,
    /// Allow -o and --write-baseline to replace an existing file.
    #[arg(long)]
    pub force: bool,
    /// Exit 0 even when there are findings.
    #[arg(long)]
    pub exit_zero: bool,
    /// Explain a rule and exit.
    #[arg(long, value_name = "RULE")]
    pub explain: Option<String>,
    /// Check a Chinese document and its English translation as a pair (aligned first).
    #[arg(long, num_args = 2, value_names = ["ZH", "EN"], action = clap::ArgAction::Append)]
    pub pair: Vec<PathBuf>,
    /// Replace deprecated renderings by the preferred one where that is unambiguous (files are
    /// rewritten atomically).
    #[arg(long)]
    pub fix: bool,
    /// With --fix: print the changes as a diff and change nothing.
    #[arg(long, requires = "fix")]
    pub dry_run: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// A report for people: grouped by file, spans marked, summary by rule.
    Human,
    /// One JSON document: {"findings": [...], "summary": {...}}.
    Json,
    /// SARIF 2.1.0, for code-scanning tools.
    Sarif,
    /// One self-contained HTML page: filters by rule, severity, concept and file; Chinese
    /// beside English with the span marked.
    Html,
    /// GitHub Actions annotations (workflow commands), one line a finding.
    Github,
    /// A GitLab code-quality report (JSON), for merge-request widgets.
    Gitlab,
}

const ALIGN_HELP: &str = "\
How it aligns:
  Each document is cut into sentences as `bitext segment` does (or taken one
  sentence per line with --presegmented). Which one is Chinese is found from the
  script, so A and B may come in either order; output follows the order given
  (TMX puts the Chinese side first: it is the source language). Beads group 0–4
  sentences a side (1-1, 1-2, 2-1, 2-2, 1-3, … and 1-0 / 0-1 for sentences left
  unmatched). Evidence: CC-CEDICT translations of jieba words, numbers (二十一 =
  21, 2.9万 = 29,000), names through pinyin (陈清扬 = Chen Qingyang), ? ! and
  quotes, length, paragraph breaks, and a translation table learned from the
  pair itself. Each bead's confidence is the posterior probability that it is
  exactly right.

Formats (default: beads; with -o, the file's extension when it names one):
  beads  one bead per line, `[ids of A]:[ids of B]`, 0-based (`[]`: empty side)
  tsv    a_ids, b_ids, kind, confidence, a_text, b_text (tabs and newlines in
         text escaped as \\t and \\n), with a header line
  jsonl  one JSON object per bead: a/b document, language, ids, byte spans in
         the files, texts; kind (Chinese-English sentence counts); confidence
  tmx    TMX 1.4b for CAT tools: one <tu> per bead with both sides (beads with
         an empty side only with --keep-unmatched), props for confidence, bead
         kind, documents, sentence ids and byte spans
  xliff  XLIFF 1.2 for CAT tools (.xlf, .xliff): one <trans-unit> per bead,
         <source> side a, <target> side b, the confidence as a note
  html   a review page: both sides next to each other, coloured by confidence,
         with filters for the doubtful beads; one file, no external assets

Batch:
  --batch PAIRS aligns every pair listed in PAIRS, one a line: the two files
  separated by a tab, and optionally a third field naming the output (paths are
  relative to PAIRS' directory; # at the start of a line or after white space
  starts a comment, so a path may contain #). -o DIR receives one output
  per pair (NAME.tmx by default) and all.tmx, every pair's units merged. Pairs
  run in parallel; a pair that fails is reported and the others go on.
  --resume continues an interrupted run: a pair whose output exists (outputs
  are written whole, by rename) is read back instead of aligned again (TMX,
  JSONL, TSV and XLIFF outputs; the others are aligned again).
  --shard K/N aligns every Nth pair from the Kth (a Slurm array job gives each
  task its K), writing only the pairs' outputs: `bitext export DIR` merges
  them when every shard is done.

Pipeline mode:
  --stdin reads document pairs from standard input, one a line: an id, then
  each document base64-encoded (UTF-8), separated by tabs, as Bitextor and
  bleualign-cpp pass them. Each pair's beads are written to standard output as
  soon as its line is aligned, in input order: JSON Lines (default; each bead's
  object starts with \"id\") or --format tsv (an id column first). Memory stays
  flat however many lines come. A bad line is reported with its line number
  and skipped; the run then exits 2 at the end.

Examples:
  bitext align zh.txt en.txt
  bitext align zh.txt en.txt -o pair.tmx --min-confidence 0.5
  bitext align en.txt zh.txt --format html -o review.html
  bitext align --presegmented zh.lines en.lines --format beads
  bitext align --batch pairs.tsv -o aligned/
  bitext align --batch pairs.tsv -o aligned/ --shard $SLURM_ARRAY_TASK_ID/16
  paste ids <(base64 -w0 ...) ... | bitext align --stdin > beads.jsonl

Exit codes:
  0  aligned (warnings, such as an empty side, go to standard error)
  1  batch: some pairs failed (listed at the end); the others were written
  2  bad input (missing file, not UTF-8/UTF-16, binary), an output that exists
     without --force, or bad usage";

#[derive(Debug, clap::Args)]
pub struct AlignArgs {
    /// The first document (Chinese or English).
    #[arg(required_unless_present_any = ["batch", "stdin"], conflicts_with_all = ["batch", "stdin"])]
    pub a: Option<PathBuf>,
    /// The second document (the other language).
    #[arg(required_unless_present_any = ["batch", "stdin"])]
    pub b: Option<PathBuf>,
    /// Align every pair listed in this file (tab-separated paths, one pair a line); needs -o DIR.
    #[arg(long, value_name = "PAIRS", conflicts_with = "stdin")]
    pub batch: Option<PathBuf>,
    /// Pipeline mode: read document pairs from standard input, one a line
    /// (`ID<TAB>base64(A)<TAB>base64(B)`, as Bitextor passes them), and write each pair's beads
    /// as they come (jsonl, or tsv), each with its ID.
    #[arg(long)]
    pub stdin: bool,
    /// With --batch: keep the outputs an interrupted run already wrote (each was written whole,
    /// by rename) and align only the pairs without one; all.tmx is made from both.
    #[arg(long, requires = "batch")]
    pub resume: bool,
    /// With --batch: align only shard K of N (the pairs of lines K, K+N, K+2N … of PAIRS,
    /// counted from 1), for array jobs; each pair's output is written, no all.tmx (`bitext
    /// export DIR` merges the shards' outputs).
    #[arg(long, requires = "batch", value_name = "K/N", value_parser = shard)]
    pub shard: Option<(usize, usize)>,
    /// Take one sentence per line, as given, instead of segmenting.
    #[arg(long)]
    pub presegmented: bool,
    #[command(flatten)]
    pub out: OutputArgs,
    /// Ignore paragraph breaks.
    #[arg(long)]
    pub no_paragraphs: bool,
    /// Worker threads [default: one per core].
    #[arg(long, short = 'j', value_name = "N")]
    pub threads: Option<usize>,
    #[command(flatten)]
    pub units: UnitArgs,
}

/// Where aligned units go, and in which format.
/// `K/N`: shard K (from 1) of N.
fn shard(s: &str) -> Result<(usize, usize), String> {
    let (k, n) = s
        .split_once('/')
        .ok_or_else(|| format!("expected K/N (as 3/8), not {s:?}"))?;
    let (k, n): (usize, usize) = (
        k.trim()
            .parse()
            .map_err(|_| format!("K in {s:?} is not a number"))?,
        n.trim()
            .parse()
            .map_err(|_| format!("N in {s:?} is not a number"))?,
    );
    if n == 0 || k == 0 || k > n {
        return Err(format!("K/N needs 1 <= K <= N, not {s:?}"));
    }
    Ok((k, n))
}

#[derive(Debug, Clone, clap::Args)]
pub struct OutputArgs {
    /// Output format [default: the extension of -o; else beads (align), tmx (align --batch,
    /// export)].
    #[arg(long, short = 'f', value_enum)]
    pub format: Option<AlignFormat>,
    /// Write to FILE (atomically) instead of standard output; with --batch, a directory.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Allow -o to replace existing files.
    #[arg(long)]
    pub force: bool,
}

/// Options of formats that carry units: which to keep, language tags.
#[derive(Debug, Clone, clap::Args)]
pub struct UnitArgs {
    /// Keep only beads with at least this confidence (a count of the others goes to stderr).
    #[arg(long, value_name = "X", value_parser = confidence)]
    pub min_confidence: Option<f32>,
    /// TMX: also write beads with an empty side.
    #[arg(long)]
    pub keep_unmatched: bool,
    /// TMX: language tag of the Chinese side (the header's srclang).
    #[arg(long, value_name = "TAG", default_value = "zh-CN")]
    pub src_lang: String,
    /// TMX: language tag of the English side.
    #[arg(long, value_name = "TAG", default_value = "en")]
    pub tgt_lang: String,
}

fn confidence(s: &str) -> Result<f32, String> {
    match s.parse::<f32>() {
        Ok(x) if (0.0..=1.0).contains(&x) => Ok(x),
        _ => Err(format!("`{s}` is not a number between 0 and 1")),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AlignFormat {
    /// `[ids]:[ids]` per line, the format of gold alignments.
    Beads,
    /// Tab-separated ids, kind, confidence and texts, with a header.
    Tsv,
    /// One JSON object per bead.
    Jsonl,
    /// TMX 1.4b.
    Tmx,
    /// XLIFF 1.2, for CAT tools.
    Xliff,
    /// XLIFF 2.0.
    Xliff2,
    /// A self-contained HTML review page.
    Html,
}

impl AlignFormat {
    /// The format an output file's extension names.
    pub fn from_path(path: &std::path::Path) -> Option<AlignFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "tsv" => AlignFormat::Tsv,
            "jsonl" => AlignFormat::Jsonl,
            "tmx" => AlignFormat::Tmx,
            "xlf" | "xliff" => AlignFormat::Xliff,
            "html" | "htm" => AlignFormat::Html,
            "beads" => AlignFormat::Beads,
            _ => return None,
        })
    }

    pub fn extension(self) -> &'static str {
        match self {
            AlignFormat::Beads => "beads",
            AlignFormat::Tsv => "tsv",
            AlignFormat::Jsonl => "jsonl",
            AlignFormat::Tmx => "tmx",
            AlignFormat::Xliff | AlignFormat::Xliff2 => "xlf",
            AlignFormat::Html => "html",
        }
    }
}

const EXPORT_HELP: &str = "\
Input:
  TMX (1.1–1.4b, from any CAT tool), XLIFF 1.2 and 2.x (Trados SDLXLIFF,
  memoQ, Okapi, translate-toolkit …), gettext PO, the JSONL of
  `bitext align --format jsonl`, or its TSV; UTF-8, UTF-16 with a BOM, or
  the encoding an XML declaration names. The format is recognised from the
  content, then the extension. Inline codes are left out of the text.
  A directory: every bilingual file in it and its subdirectories, in the
  order of their paths, as one output; other files, and files without the
  languages asked for, are listed as skipped (exit 2 when nothing is left).
  Files of different language pairs need --source-lang and --target-lang.

Languages:
  Each side keeps its file's language tag. By default side a is the file's
  source language and side b its target (or the other language of a TMX);
  --source-lang and --target-lang choose others (zh matches zh-CN, zh-TW,
  zh-Hans, cmn …). A file without them is an error naming its languages.
  Units whose file has them the other way round (an en→zh XLIFF asked for
  as zh→en) have their sides swapped, each keeping its own tag.

Examples:
  bitext export pair.jsonl -o pair.tmx
  bitext export project.sdlxliff --format tsv
  bitext export memory.tmx --source-lang en --target-lang fr -o en-fr.tsv
  bitext export pair.jsonl --format html -o review.html --min-confidence 0.3
  bitext export memory.tmx --format tsv
  bitext export project/ --source-lang zh --target-lang en -o project.tmx

Exit codes:
  0  exported
  2  bad input (the error gives the file, line and column), an output that
     exists without --force, or bad usage";

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// A bilingual file: TMX, XLIFF, PO, JSONL or TSV (`-` reads standard input); or a
    /// directory of them.
    pub input: PathBuf,
    /// The language of side a (the source): a tag such as zh, zh-TW or en-US.
    #[arg(long, value_name = "TAG")]
    pub source_lang: Option<String>,
    /// The language of side b (the target).
    #[arg(long, value_name = "TAG")]
    pub target_lang: Option<String>,
    #[command(flatten)]
    pub out: OutputArgs,
    #[command(flatten)]
    pub units: UnitArgs,
}

#[derive(Debug, clap::Args)]
pub struct RulesArgs {
    /// A rule to explain; all rules are listed when absent.
    pub rule: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum GlossaryCommand {
    /// Validate glossary files strictly and warn about near-duplicates.
    #[command(
        after_long_help = "Examples:\n  bitext glossary lint\n  bitext glossary lint glossary/admin.toml\n\n\
Exit codes:\n  0  valid (warnings are printed but do not fail)\n  2  an error: file, line and column are given"
    )]
    Lint(LintArgs),
    /// Import a CSV, XLSX or TBX glossary into a TOML file (merging when it exists).
    #[command(after_long_help = IMPORT_HELP)]
    Import(ImportArgs),
    /// Export the glossary as CSV, TBX 2008 or TBX-Basic (TBX v3).
    #[command(after_long_help = GLOSSARY_EXPORT_HELP)]
    Export(GlossaryExportArgs),
    /// Propose glossary entries from aligned text (or Chinese terms from Chinese text).
    #[command(after_long_help = EXTRACT_HELP)]
    Extract(ExtractArgs),
    /// Look concepts up by any rendering or the Chinese: exact, inflected, reordered or near.
    #[command(after_long_help = SEARCH_HELP)]
    Search(SearchArgs),
}

const SEARCH_HELP: &str = "\
How concepts are scored (the best of each concept's renderings, or Chinese forms):
  1.00 exact (case aside)         0.95 inflected (ethnic groups / ethnic group)
  0.90 another word order         up to 0.85 a part (the query's words in the rendering)
  up to 0.90 near spelling (edit distance: Hulunbiur / Hulunbuir)
  Chinese: exact, a part (one contains the other), or shared character pairs.
  Deprecated renderings are searched too: the result says which rendering matched and its
  status, so a translator who types a wrong rendering is shown the right one.

Examples:
  bitext glossary search \"national unity\"
  bitext glossary search 民族团结
  bitext glossary search Hulunbiur --format json
  bitext glossary search progress --min-score 0.3 --limit 20

Exit codes:
  0  something found
  1  nothing found
  2  bad input (a glossary error, with file, line and column)";

#[derive(Debug, clap::Args)]
pub struct SearchArgs {
    /// What to look up: English (any rendering) or Chinese.
    pub query: String,
    /// A glossary file or a directory of *.toml glossary files.
    #[arg(long, short = 'g', default_value = "glossary")]
    pub glossary: PathBuf,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = SearchFormat::Human)]
    pub format: SearchFormat,
    /// At most this many concepts.
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
    /// Leave out concepts scored lower (0 to 1).
    #[arg(long, default_value_t = 0.5)]
    pub min_score: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SearchFormat {
    /// One concept a line: score, id, Chinese, preferred rendering, what matched.
    Human,
    /// A JSON array of {id, zh, preferred, score, matched, status, how}.
    Json,
}

const EXTRACT_HELP: &str = "\
Input:
  ALIGNED is a TMX, the JSONL or TSV of `bitext align`, or, with a second
  path, a Chinese and an English document that are aligned first. With
  --zh-only, the inputs are Chinese documents without a translation.

How candidates are found:
  Chinese: jieba words of two characters or more, and runs of up to three
  words that start and end with a content word. English: runs of up to four
  words inside a clause that start and end with a content word (`children of
  Israel`). Pairs are scored by log-likelihood ratio over the beads they share
  (at least --min-freq), doubled when CC-CEDICT translates a word of one into
  a word of the other, and linked so that each term appears once with its best
  rendering. --zh-only ranks Chinese candidates by C-value (frequency,
  discounted inside longer candidates, times the log of the length).

Output (-o FILE; the format from its extension, or --format):
  toml  [[term]] entries with status = \"proposed\", the score, counts and an
        example in the note; candidates whose Chinese is already in the
        glossary (-g) are marked there. Not with --zh-only.
  tsv   rank, zh, en, score, beads, zh_beads, en_beads, dictionary,
        in_glossary, example_zh, example_en (--zh-only: rank, zh, sentences,
        termhood, dictionary, in_glossary, example)

Examples:
  bitext glossary extract aligned.tmx -o candidates.toml
  bitext glossary extract zh.txt en.txt --format tsv --limit 50
  bitext glossary extract --zh-only corpus/zh/*.txt -o zh-terms.tsv

Exit codes:
  0  candidates written
  2  bad input (file, line and column), an existing output without --force";

#[derive(Debug, clap::Args)]
pub struct ExtractArgs {
    /// Aligned text (TMX, JSONL, TSV), or a Chinese and an English document; with --zh-only,
    /// Chinese documents.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// Only Chinese text: propose Chinese terms by frequency and termhood.
    #[arg(long)]
    pub zh_only: bool,
    /// The glossary whose terms are marked as known.
    #[arg(long, short = 'g', default_value = "glossary")]
    pub glossary: PathBuf,
    /// Output format [default: the extension of -o, else toml (tsv with --zh-only)].
    #[arg(long, short = 'f', value_enum)]
    pub format: Option<ExtractFormat>,
    /// Write to FILE (atomically) instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Allow -o to replace an existing file.
    #[arg(long)]
    pub force: bool,
    /// Propose at most N candidates.
    #[arg(long, value_name = "N", default_value_t = 200)]
    pub limit: usize,
    /// Least number of beads (sentences with --zh-only) a candidate occurs in.
    #[arg(long, value_name = "N", default_value_t = 3)]
    pub min_freq: usize,
    /// Documents: one sentence per line, as given.
    #[arg(long)]
    pub presegmented: bool,
    /// Propose entries for the terms the aligned text renders more than one way: the most
    /// frequent rendering preferred, the others deprecated, with counts.
    #[arg(long, conflicts_with = "zh_only")]
    pub consistency: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    Toml,
    Tsv,
}

const IMPORT_HELP: &str = "\
Input (recognised from the content):
  CSV   a header line, then a concept per row. Columns, in any order: id, zh,
        zh_variants, preferred, admitted, deprecated, exceptions, domain, pos,
        case_sensitive, source, note, status. zh and preferred are required.
        Lists are separated by ` | `; a deprecated rendering may end with
        ` :: reason`. An id is made from the preferred rendering when absent.
        Another tool's list (tab- or comma-separated): headers that name a
        language (English, Chinese_PRC, en-US, zh_CN …), Description, and
        TICO-19's sourceString/targetString are known; map others with
        --columns zh=HEADER,en=HEADER. Other columns are ignored and rows
        without both languages skipped, each with a note. A Chinese term of
        several concepts (homograph) stays several concepts, with a warning.
  XLSX  .xlsx, .xls or .ods: the first sheet, read as such a list.
  TBX   TBX 2008 (<martif>: Xbench, MultiTerm, translate-toolkit) or TBX v3
        (<tbx>, TBX-Basic). Terms in zh* and en* language sections, English
        statuses from administrativeStatus (preferred, admitted, deprecated,
        superseded).

Output:
  Without -o, the TOML goes to standard output. With -o FILE and FILE absent,
  FILE is written. With FILE present, the import is merged into it: its
  comments, order and entries are kept, new concepts are appended, and a
  concept that differs from an entry with the same id or Chinese term is
  reported as a conflict and left out. --force replaces FILE instead.

Examples:
  bitext glossary import terms.csv -o glossary/terms.toml
  bitext glossary import memoq-export.tbx -o glossary/policy.toml
  bitext glossary import terms.tbx            print the TOML

Exit codes:
  0  imported (conflicts, if any, are listed on standard error)
  2  bad input: the error gives file, line and column";

const GLOSSARY_EXPORT_HELP: &str = "\
Formats (default: from the extension of -o: .csv, .tbx = tbx-basic):
  csv        the columns that `bitext glossary import` reads, every field kept
  tbx2008    TBX 2008 <martif>, as Xbench, MultiTerm and translate-toolkit read
  tbx-basic  TBX v3 TBX-Basic, DCA style (valid against the TBX core RNG and
             the TBX-Basic Schematron)
  Fields TBX has no data category for (exceptions, case-sensitive, status) go
  to notes starting with `bitext-`, so that an export imports back unchanged.

Examples:
  bitext glossary export --format tbx2008 -o glossary.tbx
  bitext glossary export glossary/admin.toml -o admin.csv

Exit codes:
  0  exported
  2  an invalid glossary, an existing output without --force, bad usage";

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// A CSV (or tab-separated) term list, a spreadsheet (XLSX, XLS, ODS), or a TBX file.
    pub input: PathBuf,
    /// Which headers of another tool's CSV hold bitext's columns: `zh=Chinese,en=English,note=Description`
    /// (en is the preferred rendering; any column of bitext's CSV may be named). Headers that name
    /// a language (English, Chinese, en-US, zh_CN, Chinese_PRC …), Description and TICO-19's
    /// sourceString/targetString are known without it.
    #[arg(long, value_name = "SPEC")]
    pub columns: Option<String>,
    /// The TOML glossary file to write or merge into; standard output when absent.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace FILE instead of merging into it.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GlossaryFormat {
    Csv,
    Tbx2008,
    TbxBasic,
}

#[derive(Debug, clap::Args)]
pub struct GlossaryExportArgs {
    /// A glossary file or directory.
    #[arg(default_value = "glossary")]
    pub path: PathBuf,
    /// Output format.
    #[arg(long, short = 'f', value_enum)]
    pub format: Option<GlossaryFormat>,
    /// Write to FILE (atomically) instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Allow -o to replace an existing file.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, clap::Args)]
pub struct LintArgs {
    /// A glossary file or directory.
    #[arg(default_value = "glossary")]
    pub path: PathBuf,
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

/// A confidence from 0 to 1, kept in hundredths.
pub fn parse_confidence(s: &str) -> Result<u8, String> {
    let v: f64 = s
        .trim()
        .parse()
        .map_err(|_| format!("`{s}` is not a number from 0 to 1"))?;
    hundredths(v).ok_or_else(|| format!("`{s}` is not from 0 to 1"))
}

/// A confidence from 0 to 1 in hundredths, or `None` outside that range.
pub fn hundredths(v: f64) -> Option<u8> {
    (0.0..=1.0).contains(&v).then(|| (v * 100.0).round() as u8)
}
