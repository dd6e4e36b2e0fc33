-- 022-dsr-video-lines: the UGC videos (RU01/RU02) listed behind an SU03 usage line. They detail the
-- SU03 usages and are not counted again in usage_lines; blocks without an SU03 line keep their RU lines
-- in usage_lines (they are then the only usage of the block).
CREATE TABLE usage_video_lines AS SELECT * FROM usage_lines LIMIT 0;
CREATE TABLE dsr_staged_video_lines AS SELECT * FROM usage_lines LIMIT 0;
