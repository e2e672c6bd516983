DROP TRIGGER signoff_events_never_deleted; DELETE FROM signoff_events WHERE state = 'approved';
