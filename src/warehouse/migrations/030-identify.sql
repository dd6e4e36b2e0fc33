-- 030-identify: the identification engine's index, review queue and decisions (issue 5).
-- The match index holds normalised keys of the repertoire (computed in TypeScript by the one
-- normalisation module, src/matching/normalise-title.ts) so that identify does not re-normalise a
-- million works per run; it is refreshed incrementally from works/work_titles/work_performers/
-- recordings/work_shares+parties before each run (only changed works are re-keyed).

-- One row per work × raw title × key variant (main key, full key with bracketed parts).
CREATE TABLE match_work_titles (
  work_id    VARCHAR NOT NULL,
  raw_title  VARCHAR NOT NULL,
  title_key  VARCHAR NOT NULL
);

-- Title-token postings for blocking: one row per distinct (token, work).
CREATE TABLE match_title_tokens (
  token   VARCHAR NOT NULL,
  work_id VARCHAR NOT NULL
);

-- People of a work for scoring and blocking: performers (name keys) and writers (surname keys).
CREATE TABLE match_work_people (
  work_id  VARCHAR NOT NULL,
  kind     VARCHAR NOT NULL,               -- 'performer' | 'writer'
  raw      VARCHAR NOT NULL,               -- the source text, to detect changes
  name_key VARCHAR NOT NULL
);

-- The review queue: one item per distinct resource (resource_key) the engine could not decide alone.
CREATE TABLE review_items (
  review_id        VARCHAR PRIMARY KEY,    -- 'rev-<n>'
  resource_key     VARCHAR NOT NULL UNIQUE,
  memory_key       VARCHAR NOT NULL,       -- what a decision is remembered by (service resource id, or ISRC+title+artist)
  report_id        VARCHAR NOT NULL,       -- the report it was first seen in
  dsp_resource_id  VARCHAR,
  isrc             VARCHAR,
  title            VARCHAR,
  artists          VARCHAR,
  proposed_work_id VARCHAR,
  method           VARCHAR NOT NULL,
  score            INTEGER NOT NULL,       -- 0..1000
  reason           VARCHAR NOT NULL,       -- 'score' | 'ambiguous' | 'isrc-conflict' | 'isrc-title-disagree' | 'medley' | 'iswc-ambiguous'
  evidence         JSON,
  status           VARCHAR NOT NULL,       -- 'open' | 'decided' | 'closed' (the engine now decides it alone)
  run_id           VARCHAR NOT NULL,
  created_at       TIMESTAMP NOT NULL
);

-- Human decisions, never updated: the latest per memory_key is what the decision memory reuses.
CREATE TABLE review_decisions (
  decision_id  VARCHAR PRIMARY KEY,        -- 'dec-<n>'
  seq          INTEGER NOT NULL UNIQUE,
  review_id    VARCHAR NOT NULL,
  memory_key   VARCHAR NOT NULL,
  decision     VARCHAR NOT NULL,           -- 'accept' | 'reject' | 'reassign'
  work_id      VARCHAR,                    -- the work decided (null for reject)
  rejected_work_id VARCHAR,                -- the proposal a reject or reassign turned down
  who          VARCHAR NOT NULL,
  why          VARCHAR,
  decided_at   TIMESTAMP NOT NULL
);
