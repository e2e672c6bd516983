DROP TRIGGER entries_keep_their_history; UPDATE entries SET person_id = 'person-0002' WHERE id = 'entry-0002';
