mod eval;
mod extract;
mod identity;
mod queries;
mod reports;
mod seed;
