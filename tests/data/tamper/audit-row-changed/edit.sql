DROP TRIGGER audit_never_changes; UPDATE audit SET detail = '{"reason":"x"}' WHERE action = 'mark-in-error';
