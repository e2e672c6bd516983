UPDATE people SET name = 'Samuel Rivers' WHERE id = 'person-0001';
