//! `dateline explain`: for each person, which pattern gave each title, role
//! and country.

use std::io::{self, Write};

use dateline::pipeline;
use dateline::read::{self, Input};

use crate::cli::ExplainArgs;
use crate::exit::{Exit, Outcome};
use crate::report::Reporter;
use crate::run::unless_closed;

/// Run `dateline explain`.
pub fn run(args: &ExplainArgs) -> Outcome {
    let opts = args.conv.options(false, false)?;
    let mut out = io::stdout().lock();
    let mut reporter = Reporter::new(false, true);
    let mut explain_all = || -> io::Result<()> {
        for path in &args.files {
            let input = if path.as_os_str() == "-" {
                Input::Stdin
            } else {
                Input::file(path.clone())
            };
            let explained = read::read_bytes(&input, opts.max_bytes)
                .and_then(|bytes| pipeline::explain_bytes(&input, &bytes, &opts));
            match explained {
                Ok((_, text)) => writeln!(out, "{text}")?,
                Err(e) => reporter.failed(&e),
            }
        }
        out.flush()
    };
    unless_closed(explain_all())?;
    Ok(Exit::failing_if(reporter.counts.failed))
}
