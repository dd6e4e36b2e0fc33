-- 032-match-title-numbers: the digits of each indexed title key ('part 2' -> '2', 'op 27 no 2' -> '272'),
-- computed once when the title is indexed instead of by a regular expression on every candidate pair:
-- titles that differ in their numbers are different works (src/matching/metadata-step.ts).
-- Never NULL ('' when the key has no digit); DuckDB cannot add a column with a constraint.
ALTER TABLE match_work_titles ADD COLUMN num_key VARCHAR DEFAULT '';
UPDATE match_work_titles SET num_key = regexp_replace(title_key, '[^0-9]', '', 'g');
