UPDATE entries SET summary = 'Nothing of note.' WHERE id = 'entry-0001';
