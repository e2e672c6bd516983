DELETE FROM search_data WHERE id > 10;
