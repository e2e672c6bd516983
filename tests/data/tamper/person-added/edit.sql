INSERT INTO people(id, name, other_names, created_at) VALUES ('P-GHOST', 'Ghost Person', '[]', '2026-03-01T09:00:00.000Z');
