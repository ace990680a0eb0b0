//! The one integration test binary: runs the real `dateline` executable.

mod util;
