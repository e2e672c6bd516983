UPDATE search SET body = 'nothing to see here' WHERE rowid = (SELECT rowid FROM entries WHERE id = 'entry-0002');
