-- CWR details the core tables have no column for (issue 3, conformance hardening).

-- Society work codes of a work: CWR 2.2/3.x XRF records with identifier type W
-- (organisation = a society code, or ISW/ISR). Replaced with the work on revision.
CREATE TABLE work_society_ids (
  work_id         VARCHAR NOT NULL,
  society         VARCHAR NOT NULL,           -- 3-digit society code, or the organisation code as written
  society_work_id VARCHAR NOT NULL,
  source          VARCHAR NOT NULL,           -- 'cwr'
  file_id         VARCHAR                     -- sha256 of the file that said so
);

-- Every CWR REC of a work, in file order, with the release fields `recordings` does not hold
-- (label, first release date, EAN), and the REC lines without an ISRC.
CREATE TABLE work_recording_details (
  work_id         VARCHAR NOT NULL,
  position        INTEGER NOT NULL,           -- 1-based order of the REC in the work
  isrc            VARCHAR,                    -- 12 characters, upper case; null when the REC has none
  title           VARCHAR,
  version_title   VARCHAR,
  display_artist  VARCHAR,
  label           VARCHAR,
  release_date    DATE,
  ean             VARCHAR,
  duration_s      INTEGER,
  file_id         VARCHAR
);
