//! The import pipeline: parallel reading and extraction, one writer.
