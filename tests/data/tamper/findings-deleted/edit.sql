DROP TRIGGER revision_findings_never_deleted; DELETE FROM revision_findings;
