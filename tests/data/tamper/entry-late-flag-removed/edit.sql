UPDATE entries SET late_seconds = NULL WHERE id = 'E-NOTE';
