INSERT INTO signoffs(subject, person_id, entry_id, revision, requested_by, requested_at) SELECT subject, person_id, entry_id, revision, requested_by, requested_at FROM signoffs WHERE id = 1;
