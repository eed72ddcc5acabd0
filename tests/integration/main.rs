mod crash;
mod eval;
mod extract;
mod import;
