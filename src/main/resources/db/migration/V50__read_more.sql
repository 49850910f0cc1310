-- "Read more" picks of each story, computed from the search index when the story is indexed or first shown and
-- kept until the story, one of its picks or a story like it changes: the live site and every static mirror
-- export read the same picks, and an export runs no similarity search for a story whose picks are kept.
-- picks: the picked story ids in order, as ",12,34,56," (so the stories that pick a given one are found with like).
create table read_more (
  story_id          bigint       not null primary key,
  picks             varchar(400) not null,
  story_updated_ms  bigint       not null,
  computed_at       timestamp with time zone not null
);
