DROP TRIGGER disclosure_flags_released_once; UPDATE disclosure_flags SET released_at = NULL, released_by = NULL, release_note = NULL WHERE entry_id = 'E-NOTE';
