-- Where a post was first published, when it came from elsewhere: the place's name and, when
-- it can be linked to, the post's URL there. Posts shared through the widget have neither.

ALTER TABLE posts ADD COLUMN source_name TEXT;
ALTER TABLE posts ADD COLUMN source_url TEXT CHECK (source_url IS NULL OR source_name IS NOT NULL);
