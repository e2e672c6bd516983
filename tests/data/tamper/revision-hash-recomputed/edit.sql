DROP TRIGGER revisions_never_change; UPDATE revisions SET hash = 'f00d' WHERE entry_id = 'E-NOTE' AND number = 2;
