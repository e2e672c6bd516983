UPDATE entries SET event_json = '{"precision":"day","value":"2024-01-01"}', event_sort = '2024-01-01T00:00:00.000Z', event_latest = '2024-01-01T23:59:59.999Z' WHERE id = 'entry-0001';
