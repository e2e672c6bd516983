UPDATE entries SET event_sort = '1999-01-01T00:00:00.000Z' WHERE id = 'entry-0002';
