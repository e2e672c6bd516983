UPDATE disclosure_flags SET released_at = '2026-03-02T00:00:00.000Z', released_by = 1 WHERE entry_id = 'entry-0002';
