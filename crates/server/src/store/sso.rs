//! The site SSO tokens are checked against: found from the resource a request acts on, with
//! the site's secret.

use crate::error::Result;
use crate::store::conn::{sql, Conn};
use crate::store::Store;

/// What a request acts on, as far as finding its site goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resource<'a> {
    /// A board, by slug.
    Board(&'a str),
    /// An idea, by id.
    Idea(i64),
    /// A form, by slug.
    Form(&'a str),
    /// A feed, by slug.
    Feed(&'a str),
    /// A post, by id.
    Post(i64),
}

/// A site as SSO verification needs it.
#[derive(Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct SsoSite {
    /// The site's slug, which a token's `aud` must name.
    pub slug: String,
    /// The secret HS256 tokens are signed with; `None` when the site accepts none.
    pub secret: Option<String>,
    /// The Ed25519 public key EdDSA tokens are checked with (32 bytes in base64); `None` when
    /// the site accepts none.
    pub public_key: Option<String>,
}

impl std::fmt::Debug for SsoSite {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SsoSite")
            .field("slug", &self.slug)
            .field("secret", &self.secret.as_ref().map(|_| "<redacted>"))
            .field("public_key", &self.public_key)
            .finish()
    }
}

impl Store {
    /// The site `resource` belongs to, or `None` when the resource does not exist.
    pub async fn sso_site(&self, resource: Resource<'_>) -> Result<Option<SsoSite>> {
        let mut pooled = self.acquire().await?;
        let mut conn = pooled.conn();
        let (statement, arg) = match resource {
            Resource::Board(slug) => (sql!(conn, sso::SITE_OF_BOARD), slug.into()),
            Resource::Idea(id) => (sql!(conn, sso::SITE_OF_IDEA), id.into()),
            Resource::Feed(slug) => (sql!(conn, sso::SITE_OF_FEED), slug.into()),
            Resource::Post(id) => (sql!(conn, sso::SITE_OF_POST), id.into()),
            Resource::Form(slug) => (sql!(conn, sso::SITE_OF_FORM), slug.into()),
        };
        conn.fetch_optional(statement, &[arg]).await
    }

    /// Sets (or with `None` clears) the SSO secret of site `site_id`.
    pub async fn set_sso_secret(&self, site_id: i64, secret: Option<&str>) -> Result<()> {
        set_secret(&mut self.acquire_write().await?.conn(), site_id, secret).await
    }
}

/// Sets (or clears) the Ed25519 public key of site `site_id` on `conn`, stored as base64.
pub(crate) async fn set_public_key(
    conn: &mut Conn<'_>,
    site_id: i64,
    key: Option<&ed25519_dalek::VerifyingKey>,
) -> Result<()> {
    use base64::Engine;
    let text = key.map(|key| base64::engine::general_purpose::STANDARD.encode(key.as_bytes()));
    conn.execute(
        sql!(conn, sso::SET_PUBLIC_KEY),
        &[site_id.into(), text.as_deref().into()],
    )
    .await?;
    Ok(())
}

/// Sets (or clears) the SSO secret of site `site_id` on `conn`.
pub(crate) async fn set_secret(
    conn: &mut Conn<'_>,
    site_id: i64,
    secret: Option<&str>,
) -> Result<()> {
    conn.execute(
        sql!(conn, sso::SET_SECRET),
        &[site_id.into(), secret.into()],
    )
    .await?;
    Ok(())
}
