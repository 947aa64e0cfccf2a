//! Ideas: paginated lists in each order, single ideas, and new proposals with their tags.

use kindred_api::{Author, Idea, IdeaId, IdeaSort, IdeaStatus, Page};
use sqlx::sqlite::SqliteRow;
use sqlx::{FromRow, Row, SqliteConnection};

use crate::db::{Db, TIMESTAMP_FORMAT};
use crate::error::{Error, Result};
use crate::store::count;
use crate::store::cursor::{Cursor, Key};

/// Most ideas on one page.
pub const MAX_LIMIT: u32 = 100;
/// Ideas on a page when the client does not say.
pub const DEFAULT_LIMIT: u32 = 20;

/// The window of votes that counts toward `trending`.
pub const TRENDING_WINDOW: &str = "-7 days";

/// What a list request asks for, already validated.
#[derive(Clone, Debug)]
pub struct ListQuery {
    /// The order.
    pub sort: IdeaSort,
    /// Only ideas with this status.
    pub status: Option<IdeaStatus>,
    /// Only ideas carrying this tag.
    pub tag: Option<String>,
    /// Page size, `1..=MAX_LIMIT`.
    pub limit: u32,
    /// Where to continue, from the previous page.
    pub cursor: Option<Cursor>,
}

/// The columns every idea read selects. `?1` is the asking identity's key (or NULL), which
/// decides `voted`.
const IDEA_COLUMNS: &str = "
    i.id, i.title, i.body, i.status, i.duplicate_of, i.vote_count, i.comment_count,
    i.author_name, i.author_avatar, i.created_at,
    b.supporter_threshold AS threshold,
    (SELECT json_group_array(t.tag ORDER BY t.position)
       FROM idea_tags t WHERE t.idea_id = i.id) AS tags,
    EXISTS (SELECT 1 FROM votes v WHERE v.idea_id = i.id AND v.voter = ?1) AS voted";

/// The two leading sort keys of each order, as SQL over `ideas i`. Every order ends with
/// `id DESC`, which breaks ties and makes cursors exact.
///
/// - `top`: most votes.
/// - `new`: newest first.
/// - `trending`: most votes in the last seven days, then most votes overall. The window
///   moves, so a cursor walk may shift slightly if votes land between pages.
/// - `discussed`: most comments, then most votes.
fn sort_keys(sort: IdeaSort) -> (String, &'static str) {
    match sort {
        IdeaSort::Top => ("i.vote_count".into(), "0"),
        IdeaSort::New => ("i.created_at".into(), "0"),
        IdeaSort::Trending => (
            format!(
                "(SELECT COUNT(*) FROM votes r WHERE r.idea_id = i.id
                    AND r.created_at >= strftime('{TIMESTAMP_FORMAT}', 'now', '{TRENDING_WINDOW}'))"
            ),
            "i.vote_count",
        ),
        IdeaSort::Discussed => ("i.comment_count".into(), "i.vote_count"),
    }
}

#[derive(FromRow)]
struct IdeaRow {
    id: i64,
    title: String,
    body: String,
    status: String,
    duplicate_of: Option<i64>,
    vote_count: i64,
    comment_count: i64,
    author_name: String,
    author_avatar: Option<String>,
    created_at: String,
    threshold: Option<i64>,
    tags: String,
    voted: bool,
}

impl IdeaRow {
    fn into_idea(self) -> Result<Idea> {
        let status = self.status.parse::<IdeaStatus>().map_err(|_| {
            Error::Internal(format!("idea {} has status {:?}", self.id, self.status))
        })?;
        let tags: Vec<String> = serde_json::from_str(&self.tags)
            .map_err(|e| Error::Internal(format!("idea {} has unreadable tags: {e}", self.id)))?;
        Ok(Idea {
            id: IdeaId::from(self.id),
            title: self.title,
            body: self.body,
            status,
            tags,
            vote_count: count(self.vote_count),
            comment_count: count(self.comment_count),
            voted: self.voted,
            author: Author {
                name: self.author_name,
                avatar: self.author_avatar,
            },
            created_at: self.created_at,
            threshold: self.threshold.map(count),
            duplicate_of: self.duplicate_of.map(IdeaId::from),
        })
    }
}

/// One page of a board's ideas. `viewer` is the asking identity's key, for `voted`.
pub async fn list(
    db: &Db,
    board_id: i64,
    query: &ListQuery,
    viewer: Option<&str>,
) -> Result<Page<Idea>> {
    let (primary, secondary) = sort_keys(query.sort);
    let sql = format!(
        "SELECT * FROM (
             SELECT {IDEA_COLUMNS}, {primary} AS rank_a, {secondary} AS rank_b
             FROM ideas i JOIN boards b ON b.id = i.board_id
             WHERE i.board_id = ?2
               AND (?3 IS NULL OR i.status = ?3)
               AND (?4 IS NULL OR EXISTS (
                       SELECT 1 FROM idea_tags f WHERE f.idea_id = i.id AND f.tag = ?4))
         )
         WHERE ?5 IS NULL OR (rank_a, rank_b, id) < (?5, ?6, ?7)
         ORDER BY rank_a DESC, rank_b DESC, id DESC
         LIMIT ?8"
    );
    let limit = query.limit.clamp(1, MAX_LIMIT);
    let mut statement = sqlx::query(&sql)
        .bind(viewer)
        .bind(board_id)
        .bind(query.status.map(IdeaStatus::as_str))
        .bind(query.tag.as_deref());
    statement = match &query.cursor {
        Some(cursor) => {
            let statement = match &cursor.primary {
                Key::Count(n) => statement.bind(*n),
                Key::Time(t) => statement.bind(t.clone()),
            };
            statement.bind(cursor.secondary).bind(cursor.id)
        }
        None => statement
            .bind(None::<i64>)
            .bind(None::<i64>)
            .bind(None::<i64>),
    };
    // One row more than asked tells whether another page follows.
    let rows = statement.bind(i64::from(limit) + 1).fetch_all(db).await?;

    let has_more = rows.len() > limit as usize;
    let mut items = Vec::with_capacity(limit as usize);
    let mut next_cursor = None;
    for row in rows.iter().take(limit as usize) {
        items.push(IdeaRow::from_row(row)?.into_idea()?);
        if has_more {
            next_cursor = Some(cursor_after(query.sort, row)?);
        }
    }
    Ok(Page {
        items,
        next_cursor: next_cursor.map(|cursor| cursor.encode()),
    })
}

fn cursor_after(sort: IdeaSort, row: &SqliteRow) -> Result<Cursor> {
    let primary = match sort {
        IdeaSort::New => Key::Time(row.try_get("rank_a")?),
        _ => Key::Count(row.try_get("rank_a")?),
    };
    Ok(Cursor {
        sort,
        primary,
        secondary: row.try_get("rank_b")?,
        id: row.try_get("id")?,
    })
}

/// One idea, or `None` if it does not exist. `viewer` is the asking identity's key.
pub async fn get(db: &Db, id: i64, viewer: Option<&str>) -> Result<Option<Idea>> {
    let sql = format!(
        "SELECT {IDEA_COLUMNS}
         FROM ideas i JOIN boards b ON b.id = i.board_id
         WHERE i.id = ?2"
    );
    let row: Option<IdeaRow> = sqlx::query_as(&sql)
        .bind(viewer)
        .bind(id)
        .fetch_optional(db)
        .await?;
    row.map(IdeaRow::into_idea).transpose()
}

/// What it takes to store an idea. Text is stored as given; callers validate and trim.
#[derive(Clone, Debug)]
pub struct NewIdea<'a> {
    /// The board's row id.
    pub board_id: i64,
    /// One-line title.
    pub title: &'a str,
    /// Plain-text body.
    pub body: &'a str,
    /// Tags in the author's order; duplicates are dropped.
    pub tags: &'a [String],
    /// Initial status (proposals start `open`; imports and demo data may differ).
    pub status: IdeaStatus,
    /// Display name of the author.
    pub author_name: &'a str,
    /// The author's identity key, if known.
    pub author_voter: Option<&'a str>,
    /// Creation time in the stored format; `None` means now.
    pub created_at: Option<&'a str>,
}

/// Stores an idea and its tags on `conn`, answering its id. Run it inside a transaction so
/// the idea never exists without its tags.
pub async fn create(conn: &mut SqliteConnection, idea: &NewIdea<'_>) -> Result<i64> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO ideas (board_id, title, body, status, author_name, author_voter, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, COALESCE(?7, strftime(?8, 'now')))
         RETURNING id",
    )
    .bind(idea.board_id)
    .bind(idea.title)
    .bind(idea.body)
    .bind(idea.status.as_str())
    .bind(idea.author_name)
    .bind(idea.author_voter)
    .bind(idea.created_at)
    .bind(TIMESTAMP_FORMAT)
    .fetch_one(&mut *conn)
    .await?;

    let mut position = 0_i64;
    for tag in idea.tags {
        let inserted = sqlx::query(
            "INSERT INTO idea_tags (idea_id, tag, position) VALUES (?1, ?2, ?3)
             ON CONFLICT (idea_id, tag) DO NOTHING",
        )
        .bind(id)
        .bind(tag)
        .bind(position)
        .execute(&mut *conn)
        .await?;
        position += i64::try_from(inserted.rows_affected()).unwrap_or(1);
    }
    Ok(id)
}

/// Whether the board of idea `id` admits anonymous visitors; `None` if there is no such idea.
pub async fn allows_anonymous(db: impl sqlx::SqliteExecutor<'_>, id: i64) -> Result<Option<bool>> {
    Ok(sqlx::query_scalar(
        "SELECT b.allow_anonymous FROM ideas i JOIN boards b ON b.id = i.board_id
         WHERE i.id = ?1",
    )
    .bind(id)
    .fetch_optional(db)
    .await?)
}
