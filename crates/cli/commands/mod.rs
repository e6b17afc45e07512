//! One module per subcommand, each with an `exec` that calls the libraries.

mod segment;

use crate::args::{Cli, Command};
use crate::ExitStatus;

pub fn run(cli: Cli) -> anyhow::Result<ExitStatus> {
    match cli.command {
        Command::Segment(args) => segment::exec(args),
    }
}
