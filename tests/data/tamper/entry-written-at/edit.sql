UPDATE entries SET written_at = '2025-08-02T23:50:00.000Z' WHERE id = 'entry-0001';
