-- 031-match-index-state: fingerprint of the repertoire tables the match index was last refreshed
-- from (one row), so that identify skips the index diff when the repertoire has not changed.
CREATE TABLE match_index_state (
  fingerprint VARCHAR NOT NULL
);
