mod ingest;
mod properties;
