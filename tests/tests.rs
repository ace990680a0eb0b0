//! The one integration test binary: runs the real `dateline` executable.

mod cli;
mod dirty;
mod eval;
mod golden;
mod ids;
mod output;
mod props;
mod seeds;
mod streams;
mod util;
mod writes;
