-- Tag and author listings start from the tag's or author's rows and join each to story. With only an index on
-- tag_id (author_id), H2 finds each row's story_id in the table's own rows, one more lookup per story of the
-- listing on every page of it; with the story id in the index the listing's ids come from the index alone.
create index story_tag_listing on story_tag (tag_id, story_id);
create index story_author_listing on story_author (author_id, story_id);
