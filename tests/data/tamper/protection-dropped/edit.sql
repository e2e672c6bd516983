DROP TRIGGER audit_never_changes;
