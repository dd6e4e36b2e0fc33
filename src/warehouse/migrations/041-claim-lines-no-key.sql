-- 041-claim-lines-no-key: claim_lines without its PRIMARY KEY index (issue 10).
-- The claim stage writes a run's lines set-based, after deleting the reports' old lines in the same
-- transaction; DuckDB checks every inserted key against the index, and a key deleted earlier in the
-- transaction makes that check very slow (a re-run of a 500k-line quarter: 9.7 s of CPU for 310k lines
-- instead of 1.8 s; the index alone costs 1 s of the first run). Claim ids stay unique by construction
-- (report id, CD01 number, right), checked by the claim stage's tests; readers filter by report or join.
-- DuckDB cannot drop a key in place: the table is rebuilt with the same columns, in the same order.

CREATE TABLE claim_lines_041 (
  claim_id          VARCHAR NOT NULL,
  invoice_id        VARCHAR NOT NULL,
  report_id         VARCHAR NOT NULL,
  summary_id        VARCHAR NOT NULL,
  block_id          VARCHAR NOT NULL,
  resource_ref      VARCHAR NOT NULL,
  dsp_resource_id   VARCHAR,
  work_id           VARCHAR NOT NULL,
  right_type        VARCHAR NOT NULL,        -- 'performing' | 'mechanical'
  licensor          VARCHAR NOT NULL,        -- 'society' or the mandate_id
  mandate_id        VARCHAR,                 -- null for the society's own claims
  service           VARCHAR,
  commercial_model  VARCHAR,
  territory         VARCHAR NOT NULL,
  period_start      DATE NOT NULL,
  period_end        DATE NOT NULL,
  usages            BIGINT NOT NULL,
  work_value        HUGEINT NOT NULL,        -- value of 100 % of the work for this right
  share_claimed     INTEGER NOT NULL,        -- hundredths of a percent
  claimed_amount    HUGEINT NOT NULL,        -- invoiced
  held_overclaim    HUGEINT NOT NULL,        -- disputed, not invoiced
  run_id            VARCHAR NOT NULL
);
INSERT INTO claim_lines_041 SELECT * FROM claim_lines;
DROP TABLE claim_lines;
ALTER TABLE claim_lines_041 RENAME TO claim_lines;
