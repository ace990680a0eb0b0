//! `dateline render`: convert, write one page per article as it comes, then
//! the index (which keeps only small per-article entries).

use std::io;
use std::path::PathBuf;

use dateline::Record;
use dateline::read::Input;
use dateline::write::safe;

use crate::cli::RenderArgs;
use crate::exit::{Exit, Outcome};
use crate::render::{Index, Renderer, page_name};
use crate::report::Reporter;
use crate::run::{self, Render, Sink};

struct Pages {
    dir: PathBuf,
    renderer: Renderer,
    index: Index,
}

fn to_io(e: minijinja::Error) -> io::Error {
    io::Error::other(e.to_string())
}

impl Sink for Pages {
    type Rendered = Record;

    fn render(&self) -> Render<Record> {
        Box::new(Ok)
    }

    fn record(&mut self, _: &Input, record: Record) -> io::Result<()> {
        let html = self.renderer.article(&record).map_err(to_io)?;
        safe::replace(&self.dir.join(page_name(&record.id)), html.as_bytes())?;
        self.index.add(&record);
        Ok(())
    }
}

/// Run `dateline render`.
pub fn run(args: RenderArgs) -> Outcome {
    let opts = args.conv.options(true, false)?;
    let pool = args.conv.pool()?;
    let items = args
        .source
        .items(&args.inputs, opts.max_bytes, Some(&args.out_dir))?;
    let dir = args.out_dir.join("articles");
    std::fs::create_dir_all(&dir).map_err(safe::at(&dir))?;
    let mut pages = Pages {
        dir,
        renderer: Renderer::new(),
        index: Index::default(),
    };
    let mut reporter = Reporter::new(false, true);
    run::run(items, &opts, &pool, &mut reporter, &mut pages)?;
    let html = pages.renderer.index(&pages.index).map_err(to_io)?;
    safe::replace(&args.out_dir.join("index.html"), html.as_bytes())?;
    Ok(Exit::failing_if(reporter.counts.failed))
}
