UPDATE people SET other_names = '[]' WHERE id = 'person-0001';
