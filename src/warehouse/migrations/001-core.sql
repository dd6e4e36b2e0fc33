-- 001-core: the core schema every stage builds on.
-- Money is BIGINT/HUGEINT micro-units (10^-6 of the currency unit); shares are INTEGER hundredths of
-- a percent (10000 = 100.00 %). Nothing here is ever a float. Rows a statement was computed from are
-- never updated in place: corrections are new rows with a reason.

-- Run registry: one row per stage execution (DESIGN.md §1).
CREATE TABLE runs (
  run_id       VARCHAR PRIMARY KEY,          -- 'run-<seq>'
  seq          INTEGER NOT NULL UNIQUE,
  stage        VARCHAR NOT NULL,             -- 'cwr-import', 'dsr-ingest', 'identify', 'claim', 'distribute', ...
  status       VARCHAR NOT NULL,             -- 'running' | 'ok' | 'failed'
  params       JSON,
  inputs       JSON,                         -- [{file, sha256, bytes}]
  counts       JSON,
  code_version VARCHAR NOT NULL,
  started_at   TIMESTAMP NOT NULL,
  ended_at     TIMESTAMP,
  error        VARCHAR
);

-- Every input file seen, by content fingerprint: the same bytes are never counted twice.
CREATE TABLE input_files (
  file_id      VARCHAR PRIMARY KEY,          -- sha256 hex of the raw bytes as received
  kind         VARCHAR NOT NULL,             -- 'cwr' | 'dsr' | 'links' | 'payments'
  path         VARCHAR NOT NULL,             -- path when first seen
  bytes        BIGINT NOT NULL,
  status       VARCHAR NOT NULL,             -- 'ingested' | 'rejected' | 'waiting-parts'
  run_id       VARCHAR NOT NULL,
  reason       VARCHAR,                      -- why rejected
  received_at  TIMESTAMP NOT NULL
);

-- Lines that could not be understood: kept whole, with where and why (nothing is lost).
CREATE TABLE quarantine (
  file_id      VARCHAR NOT NULL,
  path         VARCHAR NOT NULL,
  line_no      BIGINT NOT NULL,
  record_type  VARCHAR,
  code         VARCHAR NOT NULL,
  reason       VARCHAR NOT NULL,
  raw          VARCHAR,
  run_id       VARCHAR NOT NULL
);

-- Parties: writers, publishers, societies, mandators. party_id is tutti's key; IPI numbers are attributes.
CREATE TABLE parties (
  party_id         VARCHAR PRIMARY KEY,      -- e.g. 'IPI:00261661375', or 'SUB:<sender>:<interested party #>'
  kind             VARCHAR NOT NULL,         -- 'writer' | 'publisher' | 'society' | 'other'
  name             VARCHAR NOT NULL,         -- last name or company name
  first_name       VARCHAR,
  ipi_name_number  VARCHAR,                  -- 11 digits, check digits valid
  ipi_base_number  VARCHAR,                  -- I-NNNNNNNNN-C
  pr_society       VARCHAR,                  -- 3-digit CISAC code, performing affiliation
  mr_society       VARCHAR,                  -- mechanical affiliation
  is_member        BOOLEAN NOT NULL DEFAULT false  -- a member of this society (paid directly)
);

-- Works: the current registration of each work. Replaced versions go to work_history.
CREATE TABLE works (
  work_id            VARCHAR PRIMARY KEY,    -- society work code (e.g. 'W0000001')
  title              VARCHAR NOT NULL,
  iswc               VARCHAR,                -- preferred ISWC, 'T' + 10 digits
  submitter_work_id  VARCHAR,                -- the publisher's own work number (CWR Submitter Work #)
  submitter          VARCHAR,                -- who registered it (CWR sender)
  language           VARCHAR,
  duration_s         INTEGER,
  version_type       VARCHAR,                -- 'ORI' | 'MOD'
  distribution_category VARCHAR,             -- 'POP' | 'SER' | 'JAZ' | 'UNC'
  version            INTEGER NOT NULL DEFAULT 1,
  source_file        VARCHAR,                -- input_files.file_id it came from
  registered_at      DATE                    -- first registration date (back-claim window)
);

CREATE TABLE work_history (
  work_id   VARCHAR NOT NULL,
  version   INTEGER NOT NULL,
  snapshot  JSON NOT NULL,                   -- the whole replaced registration (work, titles, shares...)
  replaced_by_run VARCHAR NOT NULL
);

-- All ISWCs of a work: one preferred, others archived (standards.md §4.1).
CREATE TABLE work_iswcs (
  work_id   VARCHAR NOT NULL,
  iswc      VARCHAR NOT NULL,
  preferred BOOLEAN NOT NULL
);

CREATE TABLE work_titles (
  work_id    VARCHAR NOT NULL,
  title      VARCHAR NOT NULL,
  title_type VARCHAR NOT NULL,               -- CWR title type: 'OT' original, 'AT' alternative, ...
  language   VARCHAR
);

-- Interested parties of a work and their shares, per right type and territory.
-- Ownership is the legal split; collection is what is collected in the territories of `territories`.
CREATE TABLE work_shares (
  work_id          VARCHAR NOT NULL,
  party_id         VARCHAR NOT NULL,
  role             VARCHAR NOT NULL,         -- writer: CA C A AR AD SR SA TR PA; publisher: E AM SE AQ PA ES
  chain            INTEGER,                  -- CWR publisher sequence # the party belongs to
  right_type       VARCHAR NOT NULL,         -- 'performing' | 'mechanical' | 'sync'
  territories      VARCHAR NOT NULL,         -- include/exclude TIS expression, e.g. '+2136 -0250' (see domain/territory)
  ownership_share  INTEGER NOT NULL,         -- hundredths of a percent
  collection_share INTEGER NOT NULL,         -- hundredths of a percent, in those territories
  controlled       BOOLEAN NOT NULL,         -- SPU/SWR (true) vs OPU/OWR (false)
  society          VARCHAR                   -- affiliation for this right, 3-digit CISAC code
);

CREATE TABLE work_performers (
  work_id VARCHAR NOT NULL,
  name    VARCHAR NOT NULL
);

-- Recordings known from registrations (CWR REC) or decisions.
CREATE TABLE recordings (
  isrc           VARCHAR NOT NULL,           -- 12 characters, upper case
  work_id        VARCHAR NOT NULL,
  title          VARCHAR,
  version_title  VARCHAR,
  display_artist VARCHAR,
  duration_s     INTEGER,
  source         VARCHAR NOT NULL            -- 'cwr' | 'decision' | 'partner' | 'report'
);

-- The ISRC–work link registry (DESIGN.md §5): links are kept with provenance, conflicts are flagged, never overwritten.
CREATE TABLE isrc_work_links (
  isrc        VARCHAR NOT NULL,
  work_id     VARCHAR,                       -- null when only the ISWC is known (partner links)
  iswc        VARCHAR,
  source      VARCHAR NOT NULL,              -- 'cwr' | 'report' | 'decision' | 'partner'
  source_ref  VARCHAR,                       -- file id, decision id, partner name
  confidence  INTEGER NOT NULL,              -- 0..100
  first_seen  TIMESTAMP NOT NULL,
  last_seen   TIMESTAMP NOT NULL,
  conflict    BOOLEAN NOT NULL DEFAULT false -- another link gives the same ISRC another work
);

-- Mandates: the society collects for another society or publisher within a scope (royalties.md §4).
CREATE TABLE mandates (
  mandate_id       VARCHAR PRIMARY KEY,
  mandator_party_id VARCHAR NOT NULL,        -- parties.party_id of the mandating society or publisher
  mandator_name    VARCHAR NOT NULL,
  right_types      VARCHAR[] NOT NULL,       -- ['performing','mechanical']
  territories      VARCHAR NOT NULL,         -- TIS include/exclude expression
  services         VARCHAR[],                -- null = every service
  commercial_models VARCHAR[],               -- null = every model
  valid_from       DATE NOT NULL,
  valid_to         DATE,
  commission_bp    INTEGER NOT NULL          -- fee in basis points of the collected amount
);

-- Usage reports (one service × territory × period, possibly in several xofy parts).
CREATE TABLE reports (
  report_id        VARCHAR PRIMARY KEY,      -- sender + message id
  message_id       VARCHAR NOT NULL,
  sender           VARCHAR NOT NULL,         -- DPID or name
  sender_name      VARCHAR,
  recipient        VARCHAR,
  service          VARCHAR NOT NULL,         -- ServiceDescription
  territory        VARCHAR NOT NULL,         -- ISO alpha-2 as reported (or 'Worldwide')
  period_start     DATE NOT NULL,
  period_end       DATE NOT NULL,
  profile          VARCHAR NOT NULL,
  profile_version  VARCHAR NOT NULL,
  parts_expected   INTEGER NOT NULL,
  parts_received   INTEGER NOT NULL,
  status           VARCHAR NOT NULL,         -- 'waiting-parts' | 'complete'
  run_id           VARCHAR NOT NULL
);

-- Summary records (sales contexts): where the money of a report is.
CREATE TABLE report_summaries (
  report_id         VARCHAR NOT NULL,
  summary_id        VARCHAR NOT NULL,
  record_type       VARCHAR NOT NULL,        -- 'SY01.02', 'SY02.03', ...
  commercial_model  VARCHAR,
  use_type          VARCHAR,
  territory         VARCHAR,
  service_description VARCHAR,
  usages            BIGINT,                  -- usages of the licensor's repertoire (SY01/SY02 Usages)
  total_usages      BIGINT,                  -- all usages on the service (market share basis)
  subscribers       BIGINT,
  currency          VARCHAR,
  net_revenue       HUGEINT,                 -- micro-units
  indirect_net_revenue HUGEINT,              -- micro-units
  rights_controller VARCHAR,
  rights_type       VARCHAR,
  rights_type_pct   INTEGER,                 -- hundredths of a percent
  exchange_rate     VARCHAR                  -- kept as the decimal text reported
);

-- Distinct resources (AS01/AS02 + MW01) per report: what identification works on.
CREATE TABLE report_resources (
  report_id        VARCHAR NOT NULL,
  block_id         VARCHAR NOT NULL,
  resource_ref     VARCHAR NOT NULL,
  dsp_resource_id  VARCHAR,
  isrc             VARCHAR,
  title            VARCHAR,
  subtitle         VARCHAR,
  display_artist   VARCHAR,
  duration_s       INTEGER,
  resource_type    VARCHAR,
  iswc             VARCHAR,
  work_title       VARCHAR,
  writers          VARCHAR,                  -- '|'-joined ComposerAuthor/WorkContributor names
  writer_ids       VARCHAR,                  -- '|'-joined party ids (IPI::..., ISNI::...)
  publishers       VARCHAR,
  proprietary_work_id VARCHAR               -- society work id when the DSP knows it
);

-- Usage lines (SU01/SU02/SU03/RU01...): one row per line of the report, exact counts.
CREATE TABLE usage_lines (
  report_id        VARCHAR NOT NULL,
  file_id          VARCHAR NOT NULL,
  line_no          BIGINT NOT NULL,
  block_id         VARCHAR NOT NULL,
  summary_id       VARCHAR,
  transaction_id   VARCHAR,
  resource_ref     VARCHAR,                  -- TransactedResource (or release ref)
  dsp_resource_id  VARCHAR,
  usages           BIGINT NOT NULL,          -- streams, or downloads minus returns
  use_type         VARCHAR,
  net_revenue      HUGEINT,                  -- micro-units, when the line carries revenue (UGC SU03)
  royalty_bearing  BOOLEAN
);

-- Identification results: one row per distinct resource of a report.
CREATE TABLE matches (
  report_id        VARCHAR NOT NULL,
  block_id         VARCHAR NOT NULL,
  resource_ref     VARCHAR NOT NULL,
  dsp_resource_id  VARCHAR,
  isrc             VARCHAR,
  title            VARCHAR,
  artists          VARCHAR,
  work_id          VARCHAR,                  -- null when unidentified
  method           VARCHAR NOT NULL,         -- 'iswc' | 'work-id' | 'isrc' | 'memory' | 'metadata' | 'none'
  score            INTEGER NOT NULL,         -- 0..1000
  status           VARCHAR NOT NULL,         -- 'accepted' | 'review' | 'unidentified'
  evidence         JSON,
  code_version     VARCHAR NOT NULL,
  run_id           VARCHAR NOT NULL
);
