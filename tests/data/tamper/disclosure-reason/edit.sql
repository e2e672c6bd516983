DROP TRIGGER disclosure_flags_released_once; UPDATE disclosure_flags SET reason = 'Nothing.' WHERE entry_id = 'entry-0002';
