UPDATE people SET date_of_birth = '1978-04-02' WHERE id = 'person-0001';
