//! One module per subcommand, each with an `exec` that calls the libraries.

pub(crate) mod align;
mod check;
mod export;
mod glossary;
mod segment;

use crate::args::{Cli, Command, GlossaryCommand};
use crate::ExitStatus;

pub fn run(cli: Cli) -> anyhow::Result<ExitStatus> {
    match cli.command {
        Command::Segment(args) => segment::exec(args),
        Command::Align(args) => align::exec(args),
        Command::Export(args) => export::exec(args),
        Command::Check(args) => check::exec(args),
        Command::Rules(args) => check::rules(args),
        Command::Glossary(GlossaryCommand::Lint(args)) => glossary::lint(args),
        Command::Glossary(GlossaryCommand::Import(args)) => glossary::import(args),
        Command::Glossary(GlossaryCommand::Export(args)) => glossary::export(args),
        Command::Glossary(GlossaryCommand::Extract(args)) => glossary::extract(args),
        Command::Glossary(GlossaryCommand::Search(args)) => glossary::search(args),
    }
}
