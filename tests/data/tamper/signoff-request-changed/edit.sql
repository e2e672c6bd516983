DROP TRIGGER signoffs_never_change; UPDATE signoffs SET revision = 7 WHERE id = 1;
