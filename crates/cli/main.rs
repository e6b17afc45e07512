//! The `bitext` command line: parses arguments and calls the libraries.

mod args;
mod commands;
mod config;
mod fix;
mod input;
mod large_text;
mod output;
mod progress;

use clap::Parser;
use std::process::ExitCode;

// jemalloc (tikv-jemallocator): the bilingual readers allocate about ten small strings and
// vectors per unit on several threads, and the system allocator's malloc and free were a sixth
// of an export; with jemalloc a 100 MB export is 12-23% faster (scripts/bench-files, both
// allocators in one session). Checking keeps 3-28% more memory at its peak than with the system
// allocator, depending on the machine (mimalloc: 35-50% more); aligning is the same.
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// How a run ended; the process exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitStatus {
    /// 0: done, nothing new found.
    Success,
    /// 1: new findings (check), or some pairs failed (batch work).
    Findings,
    /// 2: bad input, bad configuration or bad usage.
    Error,
}

impl From<ExitStatus> for ExitCode {
    fn from(status: ExitStatus) -> Self {
        ExitCode::from(match status {
            ExitStatus::Success => 0,
            ExitStatus::Findings => 1,
            ExitStatus::Error => 2,
        })
    }
}

fn main() -> ExitCode {
    let cli = args::Cli::parse();
    if let Some(label) = &cli.encoding {
        if bitext_core::decode_as(b"", label).is_err() {
            output::print_error(&anyhow::anyhow!(
                "--encoding: unknown encoding `{label}` (try gbk, gb18030, big5, windows-1252, utf-8)"
            ));
            return ExitStatus::Error.into();
        }
        let _ = input::ENCODING.set(label.clone());
    }
    let _ = input::MAX_FILE_SIZE.set(cli.max_file_size);
    match commands::run(cli) {
        Ok(status) => status.into(),
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            output::print_error(&err);
            ExitStatus::Error.into()
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
