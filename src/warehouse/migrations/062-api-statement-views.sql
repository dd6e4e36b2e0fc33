-- 062-api-statement-views: what the API reads of one statement, materialised once per issued distribution
-- (lazily, on the first statement read of that distribution; src/api/statement-views.ts). A distribution's
-- statement lines are written once, in the transaction that writes its distributions row, and never
-- change after, so a copy built after that row exists stays true.
--
-- A statement is seen from one of two sides: 'party' (the lines of a member party, party_id = holder) or
-- 'payee' (the lines remitted to a society or mandator, payee = holder). Each line is copied once per
-- side it has, with only the columns the API returns, ordered by (distribution, side, holder, ord), where
-- ord numbers the lines of one statement in the API's default order, so a page is a range of ord.

CREATE TABLE api_statement_lines (
  distribution_id  VARCHAR NOT NULL,
  side             VARCHAR NOT NULL,         -- 'party' | 'payee'
  holder           VARCHAR NOT NULL,         -- party_id ('party') or payee ('payee')
  ord              BIGINT NOT NULL,          -- 1.. in the default order of the statement (work, right, service, ...)
  party_id         VARCHAR,
  party_name       VARCHAR,
  ipi_name_number  VARCHAR,
  work_id          VARCHAR,
  iswc             VARCHAR,
  work_title       VARCHAR,
  role             VARCHAR,
  share            INTEGER,
  right_type       VARCHAR,
  service          VARCHAR,
  territory        VARCHAR,
  period_start     VARCHAR,                  -- ISO dates as text: the API returns them so
  period_end       VARCHAR,
  usages           BIGINT,
  gross            HUGEINT NOT NULL,
  commission       HUGEINT NOT NULL,
  deductions       HUGEINT NOT NULL,
  net              HUGEINT NOT NULL,
  line_kind        VARCHAR NOT NULL,
  payee_kind       VARCHAR NOT NULL,
  payee            VARCHAR,
  claim_id         VARCHAR,
  invoice_id       VARCHAR
);

-- Totals of each statement. audience 'party' and 'payee' as above; 'operator' is what an operator reads for a
-- holder: its party lines plus the lines remitted to it as a society or mandator (payee_kind <> 'member').
CREATE TABLE api_statement_totals (
  distribution_id  VARCHAR NOT NULL,
  audience         VARCHAR NOT NULL,         -- 'party' | 'payee' | 'operator'
  holder           VARCHAR NOT NULL,
  lines            BIGINT NOT NULL,
  gross            HUGEINT NOT NULL,
  commission       HUGEINT NOT NULL,
  deductions       HUGEINT NOT NULL,
  net              HUGEINT NOT NULL
);

-- One row per distribution whose statements are materialised (written last: rows without it are redone).
CREATE TABLE api_statement_builds (
  distribution_id  VARCHAR PRIMARY KEY,
  lines            BIGINT NOT NULL,          -- statement_lines of the distribution when built
  built_at         TIMESTAMP NOT NULL
);
