DELETE FROM search WHERE rowid = (SELECT rowid FROM entries WHERE id = 'entry-0002');
