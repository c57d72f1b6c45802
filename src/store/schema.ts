// The tables of DIR/newsgraph.db. One row per document (with its extraction, the cache), and the
// rows queries need: mentions, facts with their evidence offsets, evidence sentences with a
// full-text index, and the entity ids the graph merged into another node. Two tables only make
// builds faster: each document's graph input, and the layouts of connected components.

/** Bumped whenever a table changes; a store of another schema is rebuilt, never misread. */
export const SCHEMA_VERSION = '5';

export const SCHEMA = `
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

-- One row per document, in input order (seq). result is the document's \`newsgraph extract\`
-- line: the extraction cache, valid while pipeline (the pipeline version) is current; NULL for a
-- document read in parts (src/extract-parts.ts), whose line is kept in line_pieces instead. text
-- is NULL for a text longer than a text piece (store/index.ts TEXT_PIECE_CHARS): text_pieces has it.
CREATE TABLE documents (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  hash TEXT NOT NULL,
  cache_key TEXT,
  pipeline TEXT,
  title TEXT,
  date TEXT,
  url TEXT,
  origin TEXT NOT NULL,
  -- result before text: SQLite walks a row's columns in order, so reading result (every build)
  -- does not read through the text, which only a re-extraction needs.
  result TEXT,
  text TEXT
);
CREATE INDEX documents_hash ON documents (hash);
CREATE INDEX documents_cache_key ON documents (cache_key);
CREATE INDEX documents_pipeline ON documents (pipeline);

-- The extract line of a document read in parts, in the pieces it was joined from (extract-parts.ts
-- JoinedLine; kind: head, mentions, entities, facts or hash), in order (ord): a long document's
-- line (23 MB for a 10 MB text) is then never bound, copied or parsed whole. Added in schema 4.
CREATE TABLE line_pieces (
  doc INTEGER NOT NULL,
  ord INTEGER NOT NULL,
  kind TEXT NOT NULL,
  piece TEXT NOT NULL,
  PRIMARY KEY (doc, ord)
);

-- A long text in slices of at most TEXT_PIECE_CHARS characters, in order (ord): written and read
-- a slice at a time rather than bound whole (a 10 MB text cost +28 MB at once). Added in schema 5.
CREATE TABLE text_pieces (
  doc INTEGER NOT NULL,
  ord INTEGER NOT NULL,
  piece TEXT NOT NULL,
  PRIMARY KEY (doc, ord)
);

CREATE TABLE mentions (
  doc INTEGER NOT NULL,
  char_start INTEGER NOT NULL,
  char_end INTEGER NOT NULL,
  text TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_type TEXT NOT NULL,
  rule TEXT NOT NULL
);
CREATE INDEX mentions_doc ON mentions (doc);
CREATE INDEX mentions_entity ON mentions (entity);

-- Evidence sentences, once per document and span; sentences_fts indexes their words.
CREATE TABLE sentences (
  id INTEGER PRIMARY KEY,
  doc INTEGER NOT NULL,
  char_start INTEGER NOT NULL,
  char_end INTEGER NOT NULL,
  text TEXT NOT NULL,
  UNIQUE (doc, char_start, char_end)
);
CREATE VIRTUAL TABLE sentences_fts USING fts5(text, content='sentences', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER sentences_insert AFTER INSERT ON sentences BEGIN
  INSERT INTO sentences_fts (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER sentences_delete AFTER DELETE ON sentences BEGIN
  INSERT INTO sentences_fts (sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;

-- Facts as extracted (entity ids before the graph's merges), in document order (ord).
CREATE TABLE facts (
  id INTEGER PRIMARY KEY,
  doc INTEGER NOT NULL,
  ord INTEGER NOT NULL,
  sentence INTEGER NOT NULL,
  source TEXT NOT NULL,
  relation TEXT NOT NULL,
  target TEXT NOT NULL,
  negated INTEGER NOT NULL,
  hypothetical INTEGER NOT NULL,
  trigger TEXT NOT NULL,
  rule TEXT NOT NULL,
  cameo TEXT,
  reported_by TEXT,
  date TEXT,
  -- Where a pronoun or description end ("he", "the bloc") is named in the document, as the fact's
  -- antecedents JSON ({"source":{"start","end","text"},"target":…}, src/graph/antecedents.ts);
  -- null for facts that name both ends. Added in schema 3.
  antecedents TEXT
);
CREATE INDEX facts_edge ON facts (relation, source, target);
CREATE INDEX facts_doc ON facts (doc);
CREATE INDEX facts_sentence ON facts (sentence);

-- Entity ids that the graph merged into another node ("putin" into "vladimir-putin"), as of the
-- last build: /api/evidence reads an edge's facts through it.
CREATE TABLE merges (
  id TEXT PRIMARY KEY,
  node TEXT NOT NULL
) WITHOUT ROWID;

-- Per document (doc = documents.seq), what the graph is derived from: the result with the list of
-- mentions reduced to a count per entity (graph.graphInput(result) as JSON; a change to it needs a
-- new SCHEMA_VERSION). Mentions are two thirds of a result, and the graph is derived from every
-- document at every build and update.
CREATE TABLE graph_inputs (
  doc INTEGER PRIMARY KEY,
  input TEXT NOT NULL
);

-- Positions of laid-out connected components, by content key (layout.componentKey: the
-- component's nodes, edges and weights, the layout options and code), as of the last build: an
-- update lays out again only the components that changed.
CREATE TABLE layouts (
  key TEXT PRIMARY KEY,
  positions TEXT NOT NULL
);
`;
