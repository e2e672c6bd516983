DROP TRIGGER users_never_change; UPDATE users SET name = 'Joanne Fletcher' WHERE name = 'Jo Fletcher';
