-- 060-api-accounts: who may use the HTTP API, with what credential, and the audit trail of what they did.
-- Secrets are never stored: api_keys.key_hash is the SHA-256 hex of the random secret (256 bits of
-- entropy, so a fast hash is enough). Nothing is deleted: keys and users are revoked with a timestamp.

CREATE TABLE users (
  user_id     VARCHAR PRIMARY KEY,           -- 'usr_<hex>'
  name        VARCHAR NOT NULL UNIQUE,
  role        VARCHAR NOT NULL,              -- 'admin' | 'operator' | 'member' | 'partner' | 'service'
  party_id    VARCHAR,                       -- member: parties.party_id they are
  service     VARCHAR,                       -- service: sender DPID or name of its reports
  society     VARCHAR,                       -- partner: society code or mandator party id
  created_at  TIMESTAMP NOT NULL,
  revoked_at  TIMESTAMP
);

CREATE TABLE api_keys (
  key_id      VARCHAR PRIMARY KEY,           -- public part of the credential: 'key_<hex>'
  user_id     VARCHAR NOT NULL,
  key_hash    VARCHAR NOT NULL,              -- sha-256 hex of the secret part
  created_at  TIMESTAMP NOT NULL,
  expires_at  TIMESTAMP,                     -- null: never expires
  revoked_at  TIMESTAMP
);

-- Append-only, hash-chained: hash = sha256(prev_hash || canonical JSON of the entry). Verified by
-- `tutti audit verify`; a changed, inserted or removed entry breaks the chain or disagrees with the anchor.
CREATE TABLE audit_events (
  seq        BIGINT PRIMARY KEY,             -- 1, 2, 3, ... without gaps
  "at"       TIMESTAMP NOT NULL,              -- quoted: AT is a keyword in DuckDB
  actor      VARCHAR NOT NULL,               -- user_id, or 'cli:<command>'
  action     VARCHAR NOT NULL,               -- 'read' | 'create' | 'revoke' | 'upload' | ...
  resource   VARCHAR NOT NULL,               -- e.g. 'statements/D2024Q1/IPI:00261661375'
  detail     JSON,
  prev_hash  VARCHAR NOT NULL,               -- 64 zeros for the first entry
  hash       VARCHAR NOT NULL
);

-- The last seq and hash written, so that removing entries from the end is detected too.
CREATE TABLE audit_anchor (
  id    INTEGER PRIMARY KEY,                 -- always 1
  seq   BIGINT NOT NULL,
  hash  VARCHAR NOT NULL
);
