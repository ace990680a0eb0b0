//! One module per subcommand; each builds its sink and calls
//! [`crate::run::run`].

pub mod check;
pub mod convert;
pub mod explain;
pub mod render;
mod stream;
pub mod validate;
