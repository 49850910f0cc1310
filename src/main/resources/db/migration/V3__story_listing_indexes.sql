-- Listings read the newest live stories of one language (optionally of one section) without sorting the table.
create index story_live_by_language on story (status, language, published_at, id);
create index story_live_by_section on story (section_id, status, language, published_at, id);
create index story_featured on story (featured, status, language);
