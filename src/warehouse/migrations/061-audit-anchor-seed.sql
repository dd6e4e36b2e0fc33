-- 061-audit-anchor-seed: the anchor row exists from the start (seq 0, genesis hash), so that each
-- append moves it with one UPDATE instead of a delete and insert.
INSERT INTO audit_anchor (id, seq, hash)
SELECT 1, 0, repeat('0', 64) WHERE NOT EXISTS (SELECT 1 FROM audit_anchor);
