mod identity;
mod queries;
mod reports;
mod seed;
