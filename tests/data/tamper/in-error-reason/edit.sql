DROP TRIGGER errors_never_change; UPDATE errors SET reason = 'Duplicate.';
