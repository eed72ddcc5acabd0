//! One module per command. Commands turn options into library calls and print results.

pub mod claims;
pub mod eval;
pub mod extract;
pub mod import;
pub mod reextract;
pub mod report;
pub mod show;
pub mod speakers;
