mod eval;
mod extract;
