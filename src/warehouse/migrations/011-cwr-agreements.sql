-- CWR 2.x agreements (AGR transactions with their TER and IPA records), issue 3 hardening.
-- Keyed `<submitter>-<submitter agreement #>`; a later AGR with the same key replaces the rows.

CREATE TABLE cwr_agreements (
  agreement_id             VARCHAR NOT NULL,   -- <submitter>-<submitter agreement #>
  submitter                VARCHAR NOT NULL,
  submitter_agreement_no   VARCHAR NOT NULL,
  society_agreement_no     VARCHAR,
  isac                     VARCHAR,
  agreement_type           VARCHAR,            -- OG/OS/PG/PS
  start_date               DATE,
  end_date                 DATE,
  retention_end_date       DATE,
  prior_royalty_status     VARCHAR,            -- N/A/D
  post_term_status         VARCHAR,            -- N/O/D
  signature_date           DATE,
  number_of_works          INTEGER,
  sales_manufacture_clause VARCHAR,            -- S/M
  territories              VARCHAR NOT NULL,   -- TER terms as an expression, e.g. '+2136 -0250'
  file_id                  VARCHAR
);

CREATE TABLE cwr_agreement_parties (
  agreement_id    VARCHAR NOT NULL,
  role            VARCHAR NOT NULL,            -- AS assignor / AC acquirer
  party_id        VARCHAR NOT NULL,            -- IPI:<11 digits> or IP:<submitter>:<interested party #>
  name            VARCHAR,
  first_name      VARCHAR,
  pr_society      VARCHAR,
  pr_share        INTEGER NOT NULL,            -- hundredths of a percent (10000 = 100 %)
  mr_society      VARCHAR,
  mr_share        INTEGER NOT NULL,
  sr_society      VARCHAR,
  sr_share        INTEGER NOT NULL
);
