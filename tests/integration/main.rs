mod eval;
mod extract;
mod identity;
mod ingest;
mod properties;
mod queries;
mod reports;
mod seed;
