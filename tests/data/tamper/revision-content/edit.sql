DROP TRIGGER revisions_never_change; UPDATE revisions SET content = replace(content, 'rent', 'benefits') WHERE entry_id = 'E-NOTE' AND number = 2;
