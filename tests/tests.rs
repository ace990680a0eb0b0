//! The one integration test binary: runs the real `dateline` executable.

mod cli;
mod golden;
mod seeds;
mod util;
