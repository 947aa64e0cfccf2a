//! Sites and boards as moderators manage them: every setting, read and written in one place.
//!
//! Updates read the current settings, apply the fields a request carries and write the whole
//! row back, in one transaction. Origins are replaced as a set; the caller reloads the CORS
//! set afterwards ([`crate::cors::AllowedOrigins::reload`]).

use ed25519_dalek::VerifyingKey;
use kindred_api::moderation::{
    BoardSettings, CreateBoard, CreateSite, SiteSettings, UpdateBoard, UpdateSite,
};
use kindred_api::validate::{self, FieldErrors};
use kindred_api::{SiteFeatures, Theme};

use crate::cors::normalize_origin;
use crate::error::{Error, Result, ResultExt};
use crate::store::boards::{self, BoardRules, NewBoard};
use crate::store::conn::{sql, Conn, Tx};
use crate::store::moderation::{from_json, to_json};
use crate::store::sites::{self, NewSite};
use crate::store::{count, sso, Store};

/// A site as both dialects' statements select it.
#[derive(sqlx::FromRow)]
struct SiteRow {
    id: i64,
    slug: String,
    name: String,
    locale: String,
    anonymous_author: String,
    sso_secret_set: bool,
    sso_public_key: Option<String>,
    theme: String,
    features: String,
}

/// A board as both dialects' statements select it.
#[derive(sqlx::FromRow)]
struct BoardRow {
    slug: String,
    site: String,
    name: String,
    description: String,
    supporter_threshold: Option<i64>,
    vote_cap: Option<i64>,
    premoderation: bool,
    premoderate_comments: bool,
    allow_anonymous_posts: bool,
    allow_anonymous_votes: bool,
}

impl From<BoardRow> for BoardSettings {
    fn from(row: BoardRow) -> Self {
        Self {
            slug: row.slug,
            site: row.site,
            name: row.name,
            description: row.description,
            supporter_threshold: row.supporter_threshold.map(count),
            vote_cap: row.vote_cap.map(count),
            premoderation: row.premoderation,
            premoderate_comments: row.premoderate_comments,
            allow_anonymous_posts: row.allow_anonymous_posts,
            allow_anonymous_votes: row.allow_anonymous_votes,
        }
    }
}

/// The normalised forms of `origins`, or a 422 on `origins` when one is not an http(s) origin.
fn normalize_origins(origins: &[String]) -> Result<Vec<String>> {
    origins
        .iter()
        .map(|origin| normalize_origin(origin.trim()))
        .collect::<Option<Vec<_>>>()
        .ok_or_else(|| invalid("origins"))
}

/// The Ed25519 key a site's `sso_public_key` field gives, parsed; a 422 when it gives none.
fn parse_public_key(text: &str) -> Result<VerifyingKey> {
    crate::sso::parse_public_key(text).map_err(|_| invalid("sso_public_key"))
}

/// The 422 for a `field` the server found malformed.
fn invalid(field: &str) -> Error {
    let mut errors = FieldErrors::new();
    validate::push(&mut errors, field, validate::INVALID);
    Error::Validation(errors)
}

/// Replaces the allowed origins of site `site_id` with `origins`, already normalised.
async fn replace_origins(conn: &mut Conn<'_>, site_id: i64, origins: &[String]) -> Result<()> {
    conn.execute(
        sql!(conn, moderation::settings::DELETE_ORIGINS),
        &[site_id.into()],
    )
    .await?;
    for origin in origins {
        sites::add_origin(conn, site_id, origin).await?;
    }
    Ok(())
}

/// The settings a site row and its origins make.
async fn site_settings(conn: &mut Conn<'_>, row: SiteRow) -> Result<SiteSettings> {
    let origins: Vec<(String,)> = conn
        .fetch_all(sql!(conn, moderation::settings::ORIGINS), &[row.id.into()])
        .await?;
    Ok(SiteSettings {
        slug: row.slug,
        name: row.name,
        locale: row.locale,
        anonymous_author: row.anonymous_author,
        origins: origins.into_iter().map(|(origin,)| origin).collect(),
        sso_secret_set: row.sso_secret_set,
        sso_public_key: row.sso_public_key,
        theme: from_json(&row.theme, "theme")?,
        features: from_json(&row.features, "features")?,
    })
}

/// The site with `slug`; `None` when there is none.
async fn find_site(conn: &mut Conn<'_>, slug: &str) -> Result<Option<SiteRow>> {
    conn.fetch_optional(sql!(conn, moderation::settings::SITE), &[slug.into()])
        .await
}

/// The settings of a site that are plain columns, as an update writes them back.
struct SiteColumns<'a> {
    name: &'a str,
    locale: &'a str,
    anonymous_author: &'a str,
    theme: &'a Theme,
    features: &'a SiteFeatures,
}

async fn write_site(conn: &mut Conn<'_>, site_id: i64, site: &SiteColumns<'_>) -> Result<()> {
    let (theme, features) = (to_json(site.theme)?, to_json(site.features)?);
    let args = [
        site_id.into(),
        site.name.trim().into(),
        site.locale.into(),
        site.anonymous_author.trim().into(),
        theme.as_str().into(),
        features.as_str().into(),
    ];
    conn.execute(sql!(conn, moderation::settings::UPDATE_SITE), &args)
        .await?;
    Ok(())
}

impl Store {
    /// Every site's settings, by slug.
    pub async fn site_settings_list(&self) -> Result<Vec<SiteSettings>> {
        let mut pooled = self.acquire().await?;
        let mut conn = pooled.conn();
        let rows: Vec<SiteRow> = conn
            .fetch_all(sql!(conn, moderation::settings::SITES), &[])
            .await?;
        let mut sites = Vec::with_capacity(rows.len());
        for row in rows {
            sites.push(site_settings(&mut conn, row).await?);
        }
        Ok(sites)
    }

    /// The settings of the site with `slug`; `None` when there is none.
    pub async fn site_settings(&self, slug: &str) -> Result<Option<SiteSettings>> {
        let mut pooled = self.acquire().await?;
        let mut conn = pooled.conn();
        match find_site(&mut conn, slug).await? {
            Some(row) => Ok(Some(site_settings(&mut conn, row).await?)),
            None => Ok(None),
        }
    }

    /// Creates a site with every setting of `site` (validated but for its origins, which a
    /// 422 refuses here); a taken slug is [`Error::Conflict`].
    pub async fn create_site_with_settings(&self, site: &CreateSite) -> Result<SiteSettings> {
        let origins = normalize_origins(&site.origins)?;
        let public_key = site
            .sso_public_key
            .as_deref()
            .map(parse_public_key)
            .transpose()?;
        let mut tx = self.begin_write().await?;
        let mut conn = tx.conn();
        let new = NewSite {
            slug: &site.slug,
            name: site.name.trim(),
            locale: &site.locale,
            anonymous_author: site.anonymous_author.trim(),
        };
        let id = sites::create(&mut conn, &new).await?;
        let columns = SiteColumns {
            name: &site.name,
            locale: &site.locale,
            anonymous_author: &site.anonymous_author,
            theme: &site.theme,
            features: &site.features,
        };
        write_site(&mut conn, id, &columns).await?;
        replace_origins(&mut conn, id, &origins).await?;
        sso::set_secret(&mut conn, id, site.sso_secret.as_deref()).await?;
        sso::set_public_key(&mut conn, id, public_key.as_ref()).await?;
        self.committed_site(tx, &site.slug).await
    }

    /// Applies `update` (validated but for its origins) to the site with `slug`; `None` when
    /// there is no such site.
    pub async fn update_site(
        &self,
        slug: &str,
        update: &UpdateSite,
    ) -> Result<Option<SiteSettings>> {
        let origins = update
            .origins
            .as_deref()
            .map(normalize_origins)
            .transpose()?;
        let public_key = match &update.sso_public_key {
            Some(Some(text)) => Some(Some(parse_public_key(text)?)),
            Some(None) => Some(None),
            None => None,
        };
        let mut tx = self.begin_write().await?;
        let mut conn = tx.conn();
        let Some(row) = find_site(&mut conn, slug).await? else {
            return Ok(None);
        };
        let site_id = row.id;
        let current = site_settings(&mut conn, row).await?;
        let columns = SiteColumns {
            name: update.name.as_deref().unwrap_or(&current.name),
            locale: update.locale.as_deref().unwrap_or(&current.locale),
            anonymous_author: update
                .anonymous_author
                .as_deref()
                .unwrap_or(&current.anonymous_author),
            theme: update.theme.as_ref().unwrap_or(&current.theme),
            features: update.features.as_ref().unwrap_or(&current.features),
        };
        write_site(&mut conn, site_id, &columns).await?;
        if let Some(origins) = &origins {
            replace_origins(&mut conn, site_id, origins).await?;
        }
        if let Some(secret) = &update.sso_secret {
            sso::set_secret(&mut conn, site_id, secret.as_deref()).await?;
        }
        if let Some(key) = &public_key {
            sso::set_public_key(&mut conn, site_id, key.as_ref()).await?;
        }
        self.committed_site(tx, slug).await.map(Some)
    }

    /// Commits `tx`, then reads the settings of the site with `slug` it wrote.
    async fn committed_site(&self, tx: Tx, slug: &str) -> Result<SiteSettings> {
        tx.commit().await?;
        self.site_settings(slug)
            .await?
            .ok_or_else(|| Error::Internal(format!("site {slug} vanished after a write")))
    }

    /// The boards of site `site_id` in display order.
    pub async fn board_settings_list(&self, site_id: i64) -> Result<Vec<BoardSettings>> {
        let mut pooled = self.acquire().await?;
        let mut conn = pooled.conn();
        let rows: Vec<BoardRow> = conn
            .fetch_all(sql!(conn, moderation::settings::BOARDS), &[site_id.into()])
            .await?;
        Ok(rows.into_iter().map(BoardSettings::from).collect())
    }

    /// The settings of the board with `slug`; `None` when there is none.
    pub async fn board_settings(&self, slug: &str) -> Result<Option<BoardSettings>> {
        let mut pooled = self.acquire().await?;
        let mut conn = pooled.conn();
        let row: Option<BoardRow> = conn
            .fetch_optional(sql!(conn, moderation::settings::BOARD), &[slug.into()])
            .await?;
        Ok(row.map(BoardSettings::from))
    }

    /// Creates a board (validated) after site `site_id`'s others; a taken slug is
    /// [`Error::Conflict`].
    pub async fn create_board_with_settings(
        &self,
        site_id: i64,
        board: &CreateBoard,
    ) -> Result<BoardSettings> {
        let mut tx = self.begin_write().await?;
        let mut conn = tx.conn();
        let (position,): (i64,) = conn
            .fetch_one(
                sql!(conn, moderation::settings::NEXT_POSITION),
                &[site_id.into()],
            )
            .await?;
        let new = NewBoard {
            site_id,
            slug: &board.slug,
            name: board.name.trim(),
            description: board.description.trim(),
            supporter_threshold: board.supporter_threshold,
            rules: BoardRules {
                allow_anonymous_posts: board.allow_anonymous_posts,
                allow_anonymous_votes: board.allow_anonymous_votes,
                vote_cap: board.vote_cap,
                premoderation: board.premoderation,
            },
            position,
        };
        let id = boards::create(&mut conn, &new).await?;
        let args = [id.into(), board.premoderate_comments.into()];
        conn.execute(
            sql!(conn, moderation::settings::SET_PREMODERATE_COMMENTS),
            &args,
        )
        .await?;
        tx.commit().await?;
        self.board_settings(&board.slug)
            .await?
            .ok_or_else(|| Error::Internal(format!("board {} vanished", board.slug)))
    }

    /// Applies `update` (validated) to board `board_id`, whose settings are `current`; a slug
    /// another board has is [`Error::Conflict`].
    pub async fn update_board(
        &self,
        board_id: i64,
        current: BoardSettings,
        update: &UpdateBoard,
    ) -> Result<BoardSettings> {
        let slug = update.slug.clone().unwrap_or(current.slug);
        let pick = |new: Option<bool>, old: bool| new.unwrap_or(old);
        let args = [
            board_id.into(),
            slug.as_str().into(),
            update
                .name
                .as_deref()
                .unwrap_or(&current.name)
                .trim()
                .into(),
            update
                .description
                .as_deref()
                .unwrap_or(&current.description)
                .trim()
                .into(),
            update
                .supporter_threshold
                .unwrap_or(current.supporter_threshold)
                .map(i64::from)
                .into(),
            update
                .vote_cap
                .unwrap_or(current.vote_cap)
                .map(i64::from)
                .into(),
            pick(update.premoderation, current.premoderation).into(),
            pick(update.premoderate_comments, current.premoderate_comments).into(),
            pick(update.allow_anonymous_posts, current.allow_anonymous_posts).into(),
            pick(update.allow_anonymous_votes, current.allow_anonymous_votes).into(),
        ];
        let mut pooled = self.acquire().await?;
        let mut conn = pooled.conn();
        conn.execute(sql!(conn, moderation::settings::UPDATE_BOARD), &args)
            .await
            .conflict_on_unique("a board with this slug already exists")?;
        drop(pooled);
        self.board_settings(&slug)
            .await?
            .ok_or_else(|| Error::Internal(format!("board {slug} vanished")))
    }

    /// Deletes board `board_id` with its ideas, votes and comments.
    pub async fn delete_board(&self, board_id: i64) -> Result<()> {
        let mut pooled = self.acquire().await?;
        let mut conn = pooled.conn();
        conn.execute(
            sql!(conn, moderation::settings::DELETE_BOARD),
            &[board_id.into()],
        )
        .await?;
        Ok(())
    }
}
