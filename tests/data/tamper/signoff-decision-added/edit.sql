INSERT INTO signoff_events(signoff_id, state, actor_id, at, comment) SELECT signoff_id, 'approved', actor_id, at, '' FROM signoff_events WHERE state = 'returned';
