//! The one integration test binary: runs the real `dateline` executable.

mod cli;
mod eval;
mod golden;
mod output;
mod seeds;
mod util;
