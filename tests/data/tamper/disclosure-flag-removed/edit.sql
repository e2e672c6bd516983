DROP TRIGGER disclosure_flags_never_deleted; DELETE FROM disclosure_flags WHERE entry_id = 'entry-0002';
