INSERT INTO errors(entry_id, at, actor_id, reason) SELECT 'entry-0002', '2026-03-02T00:00:00.000Z', id, 'x' FROM users LIMIT 1; UPDATE entries SET in_error = 1 WHERE id = 'entry-0002';
