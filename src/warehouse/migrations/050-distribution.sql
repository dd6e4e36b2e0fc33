-- 050-distribution: money received, distribution runs and their statement lines (royalties.md §3).
-- Amounts are HUGEINT micro-units. Rows are only ever inserted: a correction to an issued statement is a
-- new signed line of a later distribution (line_kind 'adjustment'), never an update (DESIGN.md §1).

-- Money received against an invoice (full, partial or late: several rows per invoice add up).
CREATE TABLE payments (
  payment_id   VARCHAR PRIMARY KEY,          -- 'pay-<n>', sequential
  invoice_id   VARCHAR NOT NULL,
  amount       HUGEINT NOT NULL,             -- micro-units, > 0
  received_on  DATE NOT NULL,
  run_id       VARCHAR NOT NULL
);

-- One row per distribution run. Conservation: collected = paid + remitted + commission + deductions + held.
CREATE TABLE distributions (
  distribution_id   VARCHAR PRIMARY KEY,     -- 'D-<period>-<seq>'
  seq               INTEGER NOT NULL UNIQUE, -- order of the runs (carried balances follow it)
  period            VARCHAR NOT NULL,        -- cut-off period: claim lines whose usage ends by its last day
  status            VARCHAR NOT NULL,        -- 'issued'
  collected         HUGEINT NOT NULL,        -- cash received not yet distributed
  paid              HUGEINT NOT NULL,        -- paid to members (after thresholds)
  remitted          HUGEINT NOT NULL,        -- to sister societies and mandators
  commission        HUGEINT NOT NULL,
  deductions        HUGEINT NOT NULL,        -- social/cultural and other deductions
  held              HUGEINT NOT NULL,        -- change in held money (unidentified, disputed, unknown, carried)
  run_id            VARCHAR NOT NULL,
  created_at        TIMESTAMP NOT NULL,
  distribution_date DATE NOT NULL            -- the payment date printed on statements
);

-- Statement lines: one per payee × claim line × role, signed deltas against what was issued before.
-- payee_kind: 'member' (paid), 'society' (remitted to payee = society code), 'mandator' (remitted whole to
-- payee = mandator party), 'held' (reason says why). Each row: gross = commission + deductions + net.
CREATE TABLE statement_lines (
  distribution_id  VARCHAR NOT NULL,
  party_id         VARCHAR,
  party_name       VARCHAR,
  ipi_name_number  VARCHAR,
  work_id          VARCHAR,
  iswc             VARCHAR,
  work_title       VARCHAR,
  role             VARCHAR,
  share            INTEGER,                  -- hundredths of a percent of the right
  right_type       VARCHAR,
  service          VARCHAR,
  territory        VARCHAR,
  period_start     DATE,
  period_end       DATE,
  usages           BIGINT,
  gross            HUGEINT NOT NULL,
  commission       HUGEINT NOT NULL,
  deductions       HUGEINT NOT NULL,
  net              HUGEINT NOT NULL,
  line_kind        VARCHAR NOT NULL,         -- 'normal' | 'adjustment'
  claim_id         VARCHAR,
  invoice_id       VARCHAR,
  payee_kind       VARCHAR NOT NULL,
  payee            VARCHAR,
  reason           VARCHAR                   -- held lines: 'unidentified' | 'review' | 'unknown-party' | 'unattributed' | 'unallocated'
);

-- Sums remitted per sister society (payee = CISAC code) or mandator (payee = party id) in each run.
CREATE TABLE remittances (
  distribution_id VARCHAR NOT NULL,
  payee_kind      VARCHAR NOT NULL,          -- 'society' | 'mandator'
  payee           VARCHAR NOT NULL,
  amount          HUGEINT NOT NULL,
  lines           BIGINT NOT NULL
);

-- Members' balances per run: brought forward + earned = paid + carried (carried when below the threshold).
CREATE TABLE payee_balances (
  distribution_id VARCHAR NOT NULL,
  party_id        VARCHAR NOT NULL,
  brought_forward HUGEINT NOT NULL,
  earned          HUGEINT NOT NULL,
  paid            HUGEINT NOT NULL,
  carried         HUGEINT NOT NULL
);

-- Held money still open, by reason and claim line, with the date it was first held (its age).
CREATE VIEW held_balances AS
SELECT s.reason, s.invoice_id, s.claim_id, s.party_id, s.work_id,
       sum(s.net) AS amount,
       min(d.distribution_date) AS held_since,
       year(min(d.distribution_date)) AS collection_year
FROM statement_lines s JOIN distributions d USING (distribution_id)
WHERE s.payee_kind = 'held'
GROUP BY ALL
HAVING sum(s.net) <> 0;
