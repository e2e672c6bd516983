DROP TRIGGER reviews_never_change; UPDATE reviews SET comment = 'All fine.';
