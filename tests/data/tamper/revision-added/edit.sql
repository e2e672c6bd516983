INSERT INTO revisions(entry_id, number, content, author_id, written_at, hash) SELECT entry_id, 3, content, author_id, written_at, hash FROM revisions WHERE entry_id = 'E-NOTE' AND number = 2;
