UPDATE entries SET late_seconds = 999999 WHERE id = 'entry-0002';
