//! Storage: owns every SQL statement. The schema is `schema.sql` at the repository root.
