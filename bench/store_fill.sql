-- Fills a new StudyDash store for bench/store.sh: 100,000 resources' states (a quarter of each
-- status), what is known about them, a note on every tenth, and 1,000,000 status events.
PRAGMA journal_mode = WAL;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 99999)
INSERT INTO item_state (item_id, status, updated_at)
    SELECT printf('rbench%05d', i),
           CASE i % 4 WHEN 0 THEN 'todo' WHEN 1 THEN 'learning' WHEN 2 THEN 'done' ELSE 'skipped' END,
           1750000000000 + i * 60000
    FROM n;
INSERT INTO known_item (id, kind, title, url, topic_path, seen_at)
    SELECT item_id, 'resource', 'Bench item ' || substr(item_id, 7), 'https://bench.example/' || item_id,
           '["Bench","Area ' || (CAST(substr(item_id, 7) AS INTEGER) % 20) || '"]', updated_at
    FROM item_state;
INSERT INTO annotation (item_id, text, created_at, updated_at)
    SELECT item_id, 'A note on ' || item_id, updated_at, updated_at FROM item_state WHERE rowid % 10 = 0;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 999999)
INSERT INTO event (uid, change_id, item_id, kind, old_value, new_value, at)
    SELECT lower(hex(randomblob(16))), lower(hex(randomblob(16))), printf('rbench%05d', i % 100000), 'status',
           'todo', 'done', 1700000000000 + i * 30000
    FROM n;
COMMIT;
PRAGMA wal_checkpoint(TRUNCATE);
