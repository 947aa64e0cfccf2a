-- A feed's consent statement: the rights a poster grants the brand, in the brand's words,
-- shown beside the upload form's consent box. Empty means the widget shows its own
-- translated default.
ALTER TABLE feeds ADD COLUMN consent TEXT NOT NULL DEFAULT '' CHECK (length(consent) <= 500);
