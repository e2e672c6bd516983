DROP TRIGGER errors_never_deleted; DROP TRIGGER entries_keep_their_history; DELETE FROM errors; UPDATE entries SET in_error = 0;
