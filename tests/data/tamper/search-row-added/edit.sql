INSERT INTO search(rowid, names, body) VALUES (999999, 'Sam Rivers', 'Known arsonist.');
