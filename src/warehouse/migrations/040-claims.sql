-- 040-claims: what the society claims per report (issue 6), read by distribution.
-- Inputs: reports, report_summaries, usage_lines, matches (accepted), work_shares, parties, mandates.
-- Grain: one claim line per summary × resource × work × right type × licensor ('society' or a mandate).
-- Invariant: per invoice, amount = Σ claim_lines.claimed_amount and held_overclaim = Σ claim_lines.held_overclaim;
-- Σ claim_shares.share of a claim line = its share_claimed. Money is HUGEINT micro-units, shares hundredths.

-- One invoice per report and licensor (the society, each mandate).
CREATE TABLE invoices (
  invoice_id        VARCHAR PRIMARY KEY,
  report_id         VARCHAR NOT NULL,
  licensor          VARCHAR NOT NULL,        -- 'society' or the mandate_id
  rights_controller VARCHAR NOT NULL,        -- name shown on the claim (CDM CS01 RightsControllerName)
  currency          VARCHAR NOT NULL,
  amount            HUGEINT NOT NULL,        -- micro-units invoiced (= performing + mechanical)
  performing        HUGEINT NOT NULL,
  mechanical        HUGEINT NOT NULL,
  held_overclaim    HUGEINT NOT NULL,        -- disputed, not invoiced
  claim_file        VARCHAR NOT NULL,        -- file name of the CDM claim file it is based on
  status            VARCHAR NOT NULL,        -- 'issued'
  run_id            VARCHAR NOT NULL
);

CREATE TABLE claim_lines (
  claim_id          VARCHAR PRIMARY KEY,
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

-- The parties whose collection shares make up a claim line's share_claimed.
CREATE TABLE claim_shares (
  claim_id  VARCHAR NOT NULL,
  party_id  VARCHAR NOT NULL,
  role      VARCHAR NOT NULL,
  share     INTEGER NOT NULL
);

-- The formula inputs of each sales context (royalties.md §1.7: an invoice can be explained).
CREATE TABLE claim_pools (
  report_id          VARCHAR NOT NULL,
  summary_id         VARCHAR NOT NULL,
  tariff             VARCHAR NOT NULL,       -- which configured tariff applied
  net_revenue        HUGEINT NOT NULL,
  subscribers        BIGINT NOT NULL,
  total_usages       BIGINT NOT NULL,        -- basis of the pro rata (service-wide usages)
  report_usages      BIGINT NOT NULL,        -- usages of this report's lines for the summary
  rate_bp            INTEGER NOT NULL,
  min_per_subscriber HUGEINT NOT NULL,
  min_per_stream     HUGEINT NOT NULL,
  rate_amount        HUGEINT NOT NULL,
  subscriber_amount  HUGEINT NOT NULL,
  stream_amount      HUGEINT NOT NULL,
  fee                HUGEINT NOT NULL,       -- the greater of the three
  fee_basis          VARCHAR NOT NULL,       -- 'rate' | 'subscriber' | 'stream'
  split_performing   INTEGER NOT NULL,       -- hundredths
  split_mechanical   INTEGER NOT NULL,
  currency           VARCHAR NOT NULL,
  run_id             VARCHAR NOT NULL
);

-- Shares of works claimed by other licensors, as the service reports them (e.g. from its overclaim notices).
CREATE TABLE reported_claims (
  report_id   VARCHAR NOT NULL,
  work_id     VARCHAR NOT NULL,
  right_type  VARCHAR NOT NULL,
  claimant    VARCHAR NOT NULL,              -- the other licensor's name or party id
  share       INTEGER NOT NULL               -- hundredths of a percent
);

-- Works whose claimed shares (ours across mandates + others reported) exceed 100 % (royalties.md §2.4).
CREATE TABLE claim_overclaims (
  report_id     VARCHAR NOT NULL,
  summary_id    VARCHAR NOT NULL,
  work_id       VARCHAR NOT NULL,
  right_type    VARCHAR NOT NULL,
  own_share     INTEGER NOT NULL,            -- Σ of our claimants' shares
  others_share  INTEGER NOT NULL,            -- Σ of the shares others claim
  disputed      INTEGER NOT NULL,            -- the part above 100 % that is ours, held
  claim_status  VARCHAR NOT NULL,            -- DDEX ClaimStatus: 'MinorOverClaim' | 'MajorOverClaim'
  held_overclaim HUGEINT NOT NULL,
  run_id        VARCHAR NOT NULL
);
