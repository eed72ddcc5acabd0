-- whosaid schema, version 1.
--
-- Applied on open when PRAGMA user_version is 0. A shipped version is never edited:
-- later versions add numbered migration steps in src/store/ and bump user_version.

-- One row per stored article. The body is stored exactly as claims' offsets refer to it.
CREATE TABLE articles (
    id                INTEGER PRIMARY KEY,
    origin            TEXT NOT NULL,            -- path or label it was first imported from
    content_hash      TEXT NOT NULL UNIQUE,     -- blake3 of the body: re-import is a no-op
    url               TEXT,                     -- same URL, new content: claims are replaced
    title             TEXT,
    published         TEXT,                     -- ISO date
    author            TEXT,
    outlet            TEXT,
    agency_credit     TEXT,
    body              TEXT NOT NULL,
    text_start        INTEGER NOT NULL DEFAULT 0,
    extractor_version INTEGER NOT NULL,
    imported_at       TEXT NOT NULL
);
-- Full indexes, not partial ones ("WHERE url IS NOT NULL"): with a partial index, a
-- statement comparing the column to a parameter is prepared again for every new value
-- (measured: a sixth of an import's time went to re-preparing speaker lookups).
-- NULLs never collide in a UNIQUE index, so articles without a URL are unaffected.
CREATE UNIQUE INDEX articles_url ON articles(url);
CREATE INDEX articles_outlet ON articles(outlet);
CREATE INDEX articles_author ON articles(author);
CREATE INDEX articles_published ON articles(published);

-- One row per speaker identity. Named people, organisations and agencies are shared
-- across articles; anonymous sources belong to the one article they appear in.
CREATE TABLE speakers (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    source_type TEXT NOT NULL,
    affiliation TEXT,
    article_id  INTEGER REFERENCES articles(id) ON DELETE CASCADE,
    -- Identity keys (src/store/speakers/names.rs): `norm` is the lowercase name without
    -- honorifics and titles ("ali mahaman lamine zeine", "agence france-presse");
    -- `surname` its last word, for people only, so "Zeine" can find the full name.
    norm        TEXT NOT NULL DEFAULT '',
    surname     TEXT
);
CREATE INDEX speakers_name ON speakers(name);
CREATE INDEX speakers_norm ON speakers(norm);
CREATE INDEX speakers_surname ON speakers(surname);

-- Every way a speaker was written; `norm` is the lookup key (lowercase, no honorifics).
CREATE TABLE speaker_aliases (
    speaker_id INTEGER NOT NULL REFERENCES speakers(id) ON DELETE CASCADE,
    alias      TEXT NOT NULL,
    norm       TEXT NOT NULL,
    PRIMARY KEY (speaker_id, alias)
) WITHOUT ROWID;
CREATE INDEX speaker_aliases_norm ON speaker_aliases(norm);

-- Titles as used, with the article that used them ("Prime Minister", article 3).
CREATE TABLE speaker_titles (
    speaker_id INTEGER NOT NULL REFERENCES speakers(id) ON DELETE CASCADE,
    title      TEXT NOT NULL,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (speaker_id, title, article_id)
) WITHOUT ROWID;

-- User corrections of speaker identity, replayed after every (re-)extraction.
CREATE TABLE speaker_corrections (
    id         INTEGER PRIMARY KEY,
    action     TEXT NOT NULL CHECK (action IN ('merge', 'split')),
    a          TEXT NOT NULL,
    b          TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE claims (
    id                  INTEGER PRIMARY KEY,
    article_id          INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    ordinal             INTEGER NOT NULL,       -- position in the article
    kind                TEXT NOT NULL,
    content_start       INTEGER NOT NULL,       -- byte offsets into articles.body
    content_end         INTEGER NOT NULL,
    content_text        TEXT NOT NULL,
    cue_start           INTEGER,
    cue_end             INTEGER,
    cue_text            TEXT,
    source_start        INTEGER,
    source_end          INTEGER,
    source_text         TEXT,
    speaker_id          INTEGER REFERENCES speakers(id) ON DELETE SET NULL,
    speaker_name        TEXT,                   -- the speaker as extraction named it
    source_type         TEXT NOT NULL,
    title               TEXT,
    affiliation         TEXT,
    channel             TEXT,
    anonymity_reason    TEXT,
    stated_on           TEXT,
    reliability         REAL NOT NULL,
    reliability_label   TEXT NOT NULL,
    reliability_factors TEXT NOT NULL,          -- JSON array of strings
    rule                TEXT NOT NULL,
    UNIQUE (article_id, ordinal)
);
-- (speaker_id, article_id, ordinal): a speaker's claims in article order without a sort,
-- so the first page of a speaker with tens of thousands of claims reads only that page.
CREATE INDEX claims_speaker ON claims(speaker_id, article_id, ordinal);
-- (source_type, reliability): "claims of this type, most reliable first" without a sort.
CREATE INDEX claims_source_type ON claims(source_type, reliability);
CREATE INDEX claims_reliability ON claims(reliability);
-- Claims of one source type in article order (`claims --type anonymous`), without a sort.
CREATE INDEX claims_type_order ON claims(source_type, article_id, ordinal);

-- Full-text index on claim text, kept by the application in the same transaction as
-- the claims it indexes (see src/store/write.rs for the measurements behind that).
CREATE VIRTUAL TABLE claims_fts USING fts5(
    content_text,
    content = 'claims',
    content_rowid = 'id'
);

-- Indexes for updates and re-extraction, which replace one article's claims: its
-- per-article speakers and titles are found by article, not by a scan of all of them.
CREATE INDEX speakers_article ON speakers(article_id);
CREATE INDEX speaker_titles_article ON speaker_titles(article_id);
