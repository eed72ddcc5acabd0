//! Reports: rows in, tables and serialized text out. Never prints.
