-- 020-dsr-ingest: bookkeeping of DSR reports received in parts, their validation messages, the UGC
-- licensor lines, and the staging tables that hold the parts of a report until all have arrived
-- (other stages read usage_lines/report_resources/report_summaries only for complete reports).

-- One row per file (part) of a report that was ingested.
CREATE TABLE dsr_report_parts (
  report_id        VARCHAR NOT NULL,
  file_number      INTEGER NOT NULL,         -- HEAD FileNumber (x of xofy)
  file_id          VARCHAR NOT NULL,         -- input_files.file_id
  path             VARCHAR NOT NULL,
  lines            BIGINT NOT NULL,          -- physical lines of the file
  blocks           BIGINT NOT NULL,
  lines_in_report  BIGINT,                   -- FOOT NumberOfLinesInReport, when this part carries it
  blocks_in_report BIGINT,                   -- FOOT NumberOfBlocksInReport, when this part carries it
  run_id           VARCHAR NOT NULL
);

-- Validation messages of a report or file: every deviation, with its line when it has one.
CREATE TABLE report_issues (
  report_id VARCHAR,
  file_id   VARCHAR NOT NULL,
  severity  VARCHAR NOT NULL,                -- 'error' | 'warning'
  code      VARCHAR NOT NULL,                -- 'DSR_FOOT_MISMATCH', 'DSR_SUMMARY_MISMATCH', ...
  line_no   BIGINT,
  message   VARCHAR NOT NULL,
  run_id    VARCHAR NOT NULL
);

-- UGC LI01 licensor lines: the split of a usage line (SU03) per rights controller. Money in micro-units.
CREATE TABLE usage_licensor_lines (
  report_id                  VARCHAR NOT NULL,
  file_id                    VARCHAR NOT NULL,
  line_no                    BIGINT NOT NULL,
  usage_line_no              BIGINT,          -- line of the SU03 it belongs to
  block_id                   VARCHAR NOT NULL,
  summary_id                 VARCHAR,
  rights_controller          VARCHAR,
  rights_controller_party_id VARCHAR,
  rights_controller_work_id  VARCHAR,
  right_share_percentage     VARCHAR,         -- kept as reported: the scale is a bilateral agreement
  rights_type                VARCHAR,
  allocated_net_revenue      HUGEINT,
  allocated_amount           HUGEINT
);

-- Staging: the same shapes, for reports still waiting for parts.
CREATE TABLE dsr_staged_summaries AS SELECT * FROM report_summaries LIMIT 0;
CREATE TABLE dsr_staged_resources AS SELECT * FROM report_resources LIMIT 0;
CREATE TABLE dsr_staged_usage_lines AS SELECT * FROM usage_lines LIMIT 0;
CREATE TABLE dsr_staged_licensor_lines AS SELECT * FROM usage_licensor_lines LIMIT 0;
