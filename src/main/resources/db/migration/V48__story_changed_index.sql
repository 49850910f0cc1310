-- Incremental static mirror exports ask for the live stories changed since the last export; without this
-- index that question reads every story row (with its body) on H2.
create index story_live_changed on story (status, updated_at);
