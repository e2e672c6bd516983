DROP TRIGGER revisions_never_change; UPDATE revisions SET reason = 'No reason.' WHERE entry_id = 'E-NOTE' AND number = 2;
