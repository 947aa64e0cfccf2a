-- What a feed's upload form and its photos show beyond the photos themselves. The same as
-- migrations/sqlite/0010_feed_consent_and_products.sql, in PostgreSQL's terms.
--
-- A feed's consent statement: the rights a poster grants the brand, in the brand's words,
-- shown beside the upload form's consent box. Empty means the widget shows its own
-- translated default.
ALTER TABLE feeds ADD COLUMN consent text NOT NULL DEFAULT '' CHECK (length(consent) <= 500);

-- A site's product catalog: the products posts tag by slug, each with its page in the brand's
-- shop and a picture, for "shop this look" links. The brand saves the catalog whole, so rows
-- are replaced together and `position` keeps the brand's order.
CREATE TABLE products (
    site_id  bigint NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    position bigint NOT NULL CHECK (position >= 0),
    slug     text   NOT NULL CHECK (slug ~ '^[a-z0-9-]{1,64}$'),
    name     text   NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    url      text   NOT NULL CHECK (length(url) BETWEEN 1 AND 2000),
    image    text   CHECK (image IS NULL OR length(image) BETWEEN 1 AND 2000),
    PRIMARY KEY (site_id, slug),
    -- Also the catalog in the brand's order.
    UNIQUE (site_id, position)
);
