-- 042-claim-share-sets: a claim line's holders stored once per share set, not once per line (issue 10).
-- The holders and shares of a claim line depend only on its sales context, work, right and licensor, and
-- most such groups have the same holders as many others: a 20 M-line quarter wrote ~30 M claim_shares
-- rows (one per line × holder, keyed by the long claim id) that the distribution joined back by text.
-- Now `claim_share_sets` holds each distinct set of (party, role, share) once under an integer key,
-- `claim_lines.share_set` names the set of each line (NULL: no holder), and `claim_shares` is a view with
-- the same columns and rows as the table it replaces, for its readers.
-- Set numbers are internal: a claim run numbers its own sets after the largest one in the store.

CREATE TABLE claim_share_sets (
  share_set BIGINT NOT NULL,
  party_id  VARCHAR NOT NULL,
  role      VARCHAR NOT NULL,
  share     INTEGER NOT NULL
);

ALTER TABLE claim_lines ADD COLUMN share_set BIGINT;

-- The existing lines' holders, deduplicated by content: a line's set is the list of its rows.
CREATE TEMP TABLE m042_key AS
  SELECT claim_id, string_agg(party_id || chr(31) || role || chr(31) || share::VARCHAR, chr(30) ORDER BY party_id, role, share) AS k
  FROM claim_shares GROUP BY claim_id;
CREATE TEMP TABLE m042_set AS
  SELECT k, row_number() OVER (ORDER BY k) AS share_set FROM (SELECT DISTINCT k FROM m042_key);
INSERT INTO claim_share_sets
  SELECT st.share_set, s.party_id, s.role, s.share
  FROM claim_shares s JOIN (SELECT k, min(claim_id) AS claim_id FROM m042_key GROUP BY k) one USING (claim_id)
    JOIN m042_set st USING (k);
UPDATE claim_lines SET share_set = x.share_set
  FROM (SELECT claim_id, share_set FROM m042_key JOIN m042_set USING (k)) x
  WHERE claim_lines.claim_id = x.claim_id;
DROP TABLE m042_key;
DROP TABLE m042_set;

DROP TABLE claim_shares;
CREATE VIEW claim_shares AS
  SELECT l.claim_id, s.party_id, s.role, s.share
  FROM claim_lines l JOIN claim_share_sets s USING (share_set);
