-- 033-match-index-df: how many works carry each blocking key of the match index (exact title key,
-- title token, performer or writer key), kept with the index instead of counted over the whole
-- index on every identify run. Rebuilt by refreshMatchIndex whenever the index changes.
CREATE TABLE match_title_key_df (
  title_key VARCHAR NOT NULL,
  n         INTEGER NOT NULL                -- distinct works with this title key
);
CREATE TABLE match_token_df (
  token VARCHAR NOT NULL,
  n     INTEGER NOT NULL                    -- works with this token in a title (postings)
);
CREATE TABLE match_people_df (
  kind     VARCHAR NOT NULL,                -- 'performer' | 'writer'
  name_key VARCHAR NOT NULL,
  n        INTEGER NOT NULL                 -- distinct works with this person key
);
INSERT INTO match_title_key_df SELECT title_key, count(DISTINCT work_id) FROM match_work_titles GROUP BY title_key;
INSERT INTO match_token_df SELECT token, count(*) FROM match_title_tokens GROUP BY token;
INSERT INTO match_people_df SELECT kind, name_key, count(DISTINCT work_id) FROM match_work_people GROUP BY kind, name_key;
