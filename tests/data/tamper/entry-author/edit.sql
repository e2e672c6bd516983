UPDATE entries SET author_id = (SELECT id FROM users WHERE name = 'Dee Marsh' LIMIT 1) WHERE id = 'entry-0001';
