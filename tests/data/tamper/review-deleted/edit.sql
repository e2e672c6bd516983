DROP TRIGGER reviews_never_deleted; DELETE FROM reviews;
