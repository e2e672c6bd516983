INSERT INTO audit(seq, at, action, detail, prev_hash, hash) SELECT max(seq) + 1, '2026-03-02T00:00:00.000Z', 'export', '{}', (SELECT hash FROM audit ORDER BY seq DESC LIMIT 1), 'f00d' FROM audit;
