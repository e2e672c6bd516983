DROP TRIGGER revisions_never_deleted; DELETE FROM revisions WHERE entry_id = 'E-NOTE' AND number = 2;
