//! A site's product catalog: the products its posts tag by slug, read in the brand's order
//! and replaced whole when the brand saves it.

use kindred_api::Product;

use crate::error::Result;
use crate::store::conn::{sql, Conn};
use crate::store::Store;

/// A product as both dialects' statements select it.
#[derive(sqlx::FromRow)]
struct ProductRow {
    slug: String,
    name: String,
    url: String,
    image: Option<String>,
}

impl From<ProductRow> for Product {
    fn from(row: ProductRow) -> Self {
        Self {
            slug: row.slug,
            name: row.name,
            url: row.url,
            image: row.image,
        }
    }
}

impl Store {
    /// The catalog of site `site_id`, in the brand's order.
    pub async fn products(&self, site_id: i64) -> Result<Vec<Product>> {
        list(&mut self.acquire().await?.conn(), site_id).await
    }

    /// Replaces the catalog of site `site_id` with `products` (validated) in one transaction,
    /// answering it as stored.
    pub async fn replace_products(
        &self,
        site_id: i64,
        products: &[Product],
    ) -> Result<Vec<Product>> {
        let mut tx = self.begin_write().await?;
        let mut conn = tx.conn();
        replace(&mut conn, site_id, products).await?;
        let stored = list(&mut conn, site_id).await?;
        tx.commit().await?;
        Ok(stored)
    }
}

/// The catalog of site `site_id` on `conn`, in the brand's order.
pub(crate) async fn list(conn: &mut Conn<'_>, site_id: i64) -> Result<Vec<Product>> {
    let rows: Vec<ProductRow> = conn
        .fetch_all(sql!(conn, products::LIST), &[site_id.into()])
        .await?;
    Ok(rows.into_iter().map(Product::from).collect())
}

/// Replaces the catalog of site `site_id` with `products` on `conn`, names trimmed; callers
/// validate and hold the transaction.
pub(crate) async fn replace(conn: &mut Conn<'_>, site_id: i64, products: &[Product]) -> Result<()> {
    conn.execute(sql!(conn, products::DELETE_ALL), &[site_id.into()])
        .await?;
    for (position, product) in (0_i64..).zip(products) {
        let args = [
            site_id.into(),
            position.into(),
            product.slug.as_str().into(),
            product.name.trim().into(),
            product.url.as_str().into(),
            product.image.as_deref().into(),
        ];
        conn.execute(sql!(conn, products::INSERT), &args).await?;
    }
    Ok(())
}
