DROP TRIGGER entries_keep_their_history; UPDATE entries SET kind = 'note' WHERE id = 'entry-0001';
