//! Lexicons: speech verbs, titles, agencies, anonymity phrases and hedges, read from the
//! data files in `lexicons/` (embedded at build time, parsed once).
