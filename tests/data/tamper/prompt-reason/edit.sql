DROP TRIGGER revision_prompts_never_change; UPDATE revision_prompts SET left_reason = 'Checked.';
