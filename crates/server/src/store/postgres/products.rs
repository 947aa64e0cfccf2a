//! PostgreSQL text of the statements in [`crate::store::products`].

/// A site's catalog in the brand's order.
pub const LIST: &str = "SELECT slug, name, url, image FROM products
                        WHERE site_id = $1 ORDER BY position";

/// Empties a site's catalog.
pub const DELETE_ALL: &str = "DELETE FROM products WHERE site_id = $1";

/// Adds a product to a site's catalog at a position.
pub const INSERT: &str = "INSERT INTO products (site_id, position, slug, name, url, image)
                          VALUES ($1, $2, $3, $4, $5, $6)";
