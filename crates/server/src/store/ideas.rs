//! Ideas: paginated lists in each order, single ideas, and new proposals with their tags.

use std::collections::HashSet;
use std::time::Duration;

use kindred_api::{
    Author, Idea, IdeaDetail, IdeaId, IdeaSort, IdeaStatus, Page, SimilarIdea, StatusChange,
};

use crate::error::{Error, Result};
use crate::store::conn::{sql, Arg, Conn};
use crate::store::cursor::{Cursor, Key};
use crate::store::sites::{check_feature, Gated};
use crate::store::{count, seconds, Store};

/// Most ideas on one page.
pub const MAX_LIMIT: u32 = 100;
/// Ideas on a page when the client does not say.
pub const DEFAULT_LIMIT: u32 = 20;

/// The window of votes, in days, that counts toward `trending`.
pub const TRENDING_DAYS: u32 = 7;

/// Where an idea lives, and its status: what announcing a change to it needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IdeaHome {
    /// Its board's row id.
    pub board_id: i64,
    /// Its site's row id.
    pub site_id: i64,
    /// Its status.
    pub status: IdeaStatus,
}

/// What a list request asks for, already validated.
#[derive(Clone, Debug)]
pub struct ListQuery {
    /// The order.
    pub sort: IdeaSort,
    /// Only ideas with this status.
    pub status: Option<IdeaStatus>,
    /// Only ideas carrying this tag.
    pub tag: Option<String>,
    /// Only ideas whose title or body has these words, the last one as a prefix (see
    /// [`search_words`]); the order stays `sort`.
    pub q: Option<String>,
    /// Page size, `1..=MAX_LIMIT`.
    pub limit: u32,
    /// Where to continue, from the previous page.
    pub cursor: Option<Cursor>,
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
    /// Tags in the author's order; repeats are dropped.
    pub tags: &'a [String],
    /// Initial status (proposals start `open`; imports and demo data may differ).
    pub status: IdeaStatus,
    /// Display name of the author.
    pub author_name: &'a str,
    /// The author's identity key, if known.
    pub author_voter: Option<&'a str>,
    /// The author's avatar URL, if known (signed-in users).
    pub author_avatar: Option<&'a str>,
    /// Whether it waits for a moderator before it is listed.
    pub pending_review: bool,
    /// How long ago it was proposed, in whole seconds: zero for now, more for imports and
    /// demo data.
    pub age: Duration,
}

/// What differs between the dialects in the statements that read ideas. [`get_sql`] and
/// [`list_sql`] put the rest around it, once for both, so filters, orders and cursors cannot
/// drift apart.
pub(crate) struct IdeaReads {
    /// How a parameter is written before its number: `?` or `$`.
    pub param: char,
    /// The columns of an idea stored in `ideas i JOIN boards b`, as [`IdeaRow`] decodes them.
    pub columns: &'static str,
    /// The columns of idea `i` that other tables answer (`tags`, and `voted` with parameter 1
    /// as the viewer's identity key or NULL). A list adds them to the page's rows only, not to
    /// every idea it ranks.
    pub related: &'static str,
    /// The number of votes on idea `i` in the last `days` days.
    pub recent_votes: fn(days: u32) -> String,
    /// What turns a cursor's time, bound as text, back into the type of `ideas.created_at`.
    pub time_cast: &'static str,
    /// The condition that idea `i` matches the full-text query bound as parameter 6.
    pub search: &'static str,
    /// The full-text query, in the dialect's syntax, for words from [`search_words`]: every
    /// word must occur when `all`, else any one; the last as a prefix since it may still be
    /// being typed.
    pub search_query: fn(words: &[String], all: bool) -> String,
}

/// Most ideas [`Store::similar_ideas`] offers.
pub const SIMILAR_MAX: usize = 5;

/// Fewest letters and digits a title needs before similar ideas are looked for.
pub const SIMILAR_MIN_CHARS: usize = 3;

/// Most words of a search that count; the rest are ignored.
pub const SEARCH_WORDS_MAX: usize = 16;

/// The words of a visitor's search text, lowercased: runs of letters and digits. Everything
/// else separates words, so no input can inject full-text query syntax.
pub fn search_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .take(SEARCH_WORDS_MAX)
        .map(str::to_lowercase)
        .collect()
}

/// Who may see an idea that is not listed (waiting for review, or rejected).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Reader {
    /// Everyone sees listed ideas; an unlisted idea only its author.
    Viewer,
    /// Moderators see every idea.
    Moderator,
}

/// One idea: parameter 1 is the viewer, 2 the idea's id.
fn get_sql(reads: &IdeaReads, reader: Reader) -> String {
    let (p, columns, related) = (reads.param, reads.columns, reads.related);
    let visible = match reader {
        Reader::Viewer => format!("AND (NOT i.pending_review OR i.author_voter = {p}1)"),
        Reader::Moderator => String::new(),
    };
    format!(
        "SELECT {columns}, {related} FROM ideas i JOIN boards b ON b.id = i.board_id
         WHERE i.id = {p}2 {visible}"
    )
}

/// A page of a board's ideas in `sort` order, pinned ideas first. Parameters: 1 viewer, 2
/// board id, 3 status or NULL, 4 tag or NULL, 5 most rows, 6 full-text query or NULL; when
/// `after_cursor`, 7 to 10 are the cursor's keys (10 whether its row is pinned).
///
/// The inner query names what [`ranking`] orders by: `trend` (recent votes, counted only for
/// `trending`), `created` (the stored creation time) and `rank_b` (the tie-breaker). The
/// related columns (tags, `voted`) are looked up for the page's rows only, once they are
/// ranked and cut to the page, so a page costs the same on a board of thousands of ideas.
fn list_sql(reads: &IdeaReads, sort: IdeaSort, after_cursor: bool) -> String {
    let (p, columns, related, search) = (reads.param, reads.columns, reads.related, reads.search);
    let (lead, tie) = ranking(sort);
    let trend = if sort == IdeaSort::Trending {
        (reads.recent_votes)(TRENDING_DAYS)
    } else {
        "CAST(0 AS BIGINT)".to_owned()
    };
    let after = if after_cursor {
        let cast = if sort == IdeaSort::New {
            reads.time_cast
        } else {
            ""
        };
        format!("WHERE (pinned, {lead}, rank_b, id) < ({p}10, {p}7{cast}, {p}8, {p}9)")
    } else {
        String::new()
    };
    let order = format!("ORDER BY pinned DESC, {lead} DESC, rank_b DESC, id DESC");
    format!(
        "SELECT i.*, {related} FROM (
             SELECT * FROM (
                 SELECT {columns}, {trend} AS trend, i.created_at AS created, {tie} AS rank_b
                 FROM ideas i JOIN boards b ON b.id = i.board_id
                 WHERE i.board_id = {p}2 AND NOT i.pending_review
                   AND ({p}3 IS NULL OR i.status = {p}3)
                   AND ({p}4 IS NULL OR EXISTS (
                           SELECT 1 FROM idea_tags f WHERE f.idea_id = i.id AND f.tag = {p}4))
                   AND ({p}6 IS NULL OR {search})
             ) AS listed
             {after}
             {order}
             LIMIT {p}5
         ) AS i
         {order}"
    )
}

/// How each order ranks the rows of a list: the column of [`list_sql`]'s inner query that
/// leads, and the expression over `ideas i` that breaks its ties before `id` does.
/// [`ListedRow::cursor`] reads the same keys back.
///
/// - `top`: most votes.
/// - `new`: newest first.
/// - `trending`: most votes in the last [`TRENDING_DAYS`] days, then most votes overall. The
///   window moves, so a cursor walk may shift slightly if votes land between pages.
/// - `discussed`: most comments, then most votes.
fn ranking(sort: IdeaSort) -> (&'static str, &'static str) {
    match sort {
        IdeaSort::Top => ("vote_count", "0"),
        IdeaSort::New => ("created", "0"),
        IdeaSort::Trending => ("trend", "i.vote_count"),
        IdeaSort::Discussed => ("comment_count", "i.vote_count"),
    }
}

/// An idea as both dialects' statements select it.
#[derive(sqlx::FromRow)]
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
    /// RFC 3339 UTC with milliseconds.
    created_at: String,
    threshold: Option<i64>,
    /// A JSON array of the tags in the author's order.
    tags: String,
    voted: bool,
    pending_review: bool,
    pinned: bool,
}

impl IdeaRow {
    fn into_idea(self) -> Result<Idea> {
        let status = parse_status(&self.status, self.id)?;
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
            pending_review: self.pending_review,
            pinned: self.pinned,
        })
    }
}

/// A stored status of idea `id`; one the API does not know is a server fault.
fn parse_status(text: &str, id: i64) -> Result<IdeaStatus> {
    text.parse::<IdeaStatus>()
        .map_err(|_| Error::Internal(format!("idea {id} has status {text:?}")))
}

/// A status change as both dialects' statements select it.
#[derive(sqlx::FromRow)]
struct StatusChangeRow {
    from_status: String,
    to_status: String,
    note: String,
    /// RFC 3339 UTC with milliseconds.
    at: String,
}

impl StatusChangeRow {
    fn into_change(self, id: i64) -> Result<StatusChange> {
        Ok(StatusChange {
            from: parse_status(&self.from_status, id)?,
            to: parse_status(&self.to_status, id)?,
            note: self.note,
            at: self.at,
        })
    }
}

/// A row of a list: the idea and its recent votes (zero unless the order is `trending`).
#[derive(sqlx::FromRow)]
struct ListedRow {
    #[sqlx(flatten)]
    idea: IdeaRow,
    trend: i64,
}

impl ListedRow {
    /// The cursor of the page that continues after this row, in the keys of [`ranking`].
    fn cursor(&self, sort: IdeaSort) -> Cursor {
        let idea = &self.idea;
        let (primary, secondary) = match sort {
            IdeaSort::Top => (Key::Count(idea.vote_count), 0),
            IdeaSort::New => (Key::Time(idea.created_at.clone()), 0),
            IdeaSort::Trending => (Key::Count(self.trend), idea.vote_count),
            IdeaSort::Discussed => (Key::Count(idea.comment_count), idea.vote_count),
        };
        Cursor {
            sort,
            pinned: idea.pinned,
            primary,
            secondary,
            id: idea.id,
        }
    }
}

impl Store {
    /// One page of a board's ideas. `viewer` is the asking identity's key, for `voted`.
    pub async fn ideas(
        &self,
        board_id: i64,
        query: &ListQuery,
        viewer: Option<&str>,
    ) -> Result<Page<Idea>> {
        let limit = query.limit.clamp(1, MAX_LIMIT);
        let mut args: Vec<Arg<'_>> = vec![
            viewer.into(),
            board_id.into(),
            query.status.map(IdeaStatus::as_str).into(),
            query.tag.as_deref().into(),
            // One row more than asked tells whether another page follows.
            (i64::from(limit) + 1).into(),
        ];
        let mut pooled = self.acquire().await?;
        let mut conn = pooled.conn();
        let reads = sql!(conn, ideas::READS);
        let words = search_words(query.q.as_deref().unwrap_or_default());
        let search = (!words.is_empty()).then(|| (reads.search_query)(&words, true));
        args.push(search.as_deref().into());
        if let Some(cursor) = &query.cursor {
            let primary = match &cursor.primary {
                Key::Count(n) => Arg::from(*n),
                Key::Time(t) => Arg::from(t.as_str()),
            };
            args.extend([
                primary,
                cursor.secondary.into(),
                cursor.id.into(),
                cursor.pinned.into(),
            ]);
        }
        let sql = list_sql(&reads, query.sort, query.cursor.is_some());
        let mut rows: Vec<ListedRow> = conn.fetch_all(&sql, &args).await?;

        let next_cursor = if rows.len() > limit as usize {
            rows.truncate(limit as usize);
            rows.last().map(|row| row.cursor(query.sort).encode())
        } else {
            None
        };
        let items = rows
            .into_iter()
            .map(|row| row.idea.into_idea())
            .collect::<Result<_>>()?;
        Ok(Page { items, next_cursor })
    }

    /// Where idea `id` lives and its status, or `None` if it does not exist.
    pub async fn idea_home(&self, id: i64) -> Result<Option<IdeaHome>> {
        let mut pooled = self.acquire().await?;
        let mut conn = pooled.conn();
        let row: Option<(i64, i64, String)> = conn
            .fetch_optional(sql!(conn, ideas::HOME), &[id.into()])
            .await?;
        row.map(|(board_id, site_id, status)| {
            Ok(IdeaHome {
                board_id,
                site_id,
                status: parse_status(&status, id)?,
            })
        })
        .transpose()
    }

    /// One idea, or `None` if it does not exist. `viewer` is the asking identity's key.
    pub async fn idea(&self, id: i64, viewer: Option<&str>) -> Result<Option<Idea>> {
        self.read_idea(id, viewer, Reader::Viewer).await
    }

    /// One idea as moderators see it, listed or not; `None` if it does not exist.
    pub async fn moderated_idea(&self, id: i64) -> Result<Option<Idea>> {
        self.read_idea(id, None, Reader::Moderator).await
    }

    async fn read_idea(
        &self,
        id: i64,
        viewer: Option<&str>,
        reader: Reader,
    ) -> Result<Option<Idea>> {
        let mut pooled = self.acquire().await?;
        let mut conn = pooled.conn();
        let row: Option<IdeaRow> = conn
            .fetch_optional(
                &get_sql(&sql!(conn, ideas::READS), reader),
                &[viewer.into(), id.into()],
            )
            .await?;
        row.map(IdeaRow::into_idea).transpose()
    }

    /// Up to [`SIMILAR_MAX`] listed ideas of a board sharing words with `text`, most relevant
    /// first; none for text of fewer than [`SIMILAR_MIN_CHARS`] letters and digits.
    pub async fn similar_ideas(&self, board_id: i64, text: &str) -> Result<Vec<SimilarIdea>> {
        let words = search_words(text);
        if words.iter().map(|w| w.chars().count()).sum::<usize>() < SIMILAR_MIN_CHARS {
            return Ok(Vec::new());
        }
        let mut pooled = self.acquire().await?;
        let mut conn = pooled.conn();
        let query = (sql!(conn, ideas::READS).search_query)(&words, false);
        let rows: Vec<(i64, String, String, i64)> = conn
            .fetch_all(
                sql!(conn, ideas::SIMILAR),
                &[
                    board_id.into(),
                    query.as_str().into(),
                    (SIMILAR_MAX as i64).into(),
                ],
            )
            .await?;
        rows.into_iter()
            .map(|(id, title, status, votes)| {
                Ok(SimilarIdea {
                    id: IdeaId::from(id),
                    title,
                    status: parse_status(&status, id)?,
                    vote_count: count(votes),
                })
            })
            .collect()
    }

    /// One idea with its status history, or `None` where [`Store::idea`] finds none.
    pub async fn idea_detail(&self, id: i64, viewer: Option<&str>) -> Result<Option<IdeaDetail>> {
        let idea = self.idea(id, viewer).await?;
        self.with_history(id, idea).await
    }

    /// One idea with its status history as moderators see it, listed or not.
    pub async fn moderated_idea_detail(&self, id: i64) -> Result<Option<IdeaDetail>> {
        let idea = self.moderated_idea(id).await?;
        self.with_history(id, idea).await
    }

    /// Idea `id` with its status history, if there is an idea.
    async fn with_history(&self, id: i64, idea: Option<Idea>) -> Result<Option<IdeaDetail>> {
        let Some(idea) = idea else {
            return Ok(None);
        };
        let mut pooled = self.acquire().await?;
        let mut conn = pooled.conn();
        let rows: Vec<StatusChangeRow> = conn
            .fetch_all(sql!(conn, ideas::HISTORY), &[id.into()])
            .await?;
        let history = rows
            .into_iter()
            .map(|row| row.into_change(id))
            .collect::<Result<_>>()?;
        Ok(Some(IdeaDetail { idea, history }))
    }

    /// Moves idea `id` to status `to` with a public `note`, recording the change in its
    /// history; `None` when the idea already has that status. An unknown idea is
    /// [`Error::NotFound`]. Leaving `duplicate` forgets which idea it duplicated.
    pub async fn change_status(
        &self,
        id: i64,
        to: IdeaStatus,
        note: &str,
    ) -> Result<Option<StatusChange>> {
        let mut tx = self.begin_write().await?;
        let change = change_status(&mut tx.conn(), id, to, note).await?;
        tx.commit().await?;
        Ok(change)
    }

    /// Stores an idea with its tags, in one transaction, answering its id. A site that has
    /// switched idea submissions off refuses it with [`Error::Forbidden`].
    pub async fn create_idea(&self, idea: &NewIdea<'_>) -> Result<i64> {
        let mut tx = self.begin_write().await?;
        let mut conn = tx.conn();
        let gated = Gated::Idea {
            board_id: idea.board_id,
        };
        check_feature(&mut conn, gated).await?;
        let id = insert(&mut conn, idea).await?;
        tx.commit().await?;
        Ok(id)
    }
}

/// [`Store::change_status`] on `conn`, for units of work that do more around it.
pub(crate) async fn change_status(
    conn: &mut Conn<'_>,
    id: i64,
    to: IdeaStatus,
    note: &str,
) -> Result<Option<StatusChange>> {
    let from = status(conn, id).await?;
    if from == to {
        return Ok(None);
    }
    let args = [id.into(), to.as_str().into()];
    conn.execute(sql!(conn, ideas::SET_STATUS), &args).await?;
    let change = record_status_change(conn, id, (from, to), note, Duration::ZERO).await?;
    Ok(Some(change))
}

/// The status of idea `id`, locking its row on databases that lock rows; an unknown idea is
/// [`Error::NotFound`].
pub(crate) async fn status(conn: &mut Conn<'_>, id: i64) -> Result<IdeaStatus> {
    let (from,): (String,) = conn
        .fetch_optional(sql!(conn, ideas::STATUS), &[id.into()])
        .await?
        .ok_or_else(|| Error::not_found("no idea with this id"))?;
    parse_status(&from, id)
}

/// Stores an idea and its tags on `conn`, answering its id. Run it inside a transaction so
/// the idea never exists without its tags.
pub(crate) async fn insert(conn: &mut Conn<'_>, idea: &NewIdea<'_>) -> Result<i64> {
    let args = [
        idea.board_id.into(),
        idea.title.into(),
        idea.body.into(),
        idea.status.as_str().into(),
        idea.author_name.into(),
        idea.author_voter.into(),
        seconds(idea.age).into(),
        idea.pending_review.into(),
        idea.author_avatar.into(),
    ];
    let id = conn.insert(sql!(conn, ideas::INSERT), &args).await?;

    let mut seen = HashSet::new();
    let distinct = idea.tags.iter().filter(|tag| seen.insert(tag.as_str()));
    for (position, tag) in (0_i64..).zip(distinct) {
        let args = [id.into(), tag.as_str().into(), position.into()];
        conn.execute(sql!(conn, ideas::INSERT_TAG), &args).await?;
    }
    Ok(id)
}

/// Records that idea `id` moved `from` one status `to` another `age` ago with `note`, and
/// answers the change. The idea's own status is the caller's to set.
pub(crate) async fn record_status_change(
    conn: &mut Conn<'_>,
    id: i64,
    (from, to): (IdeaStatus, IdeaStatus),
    note: &str,
    age: Duration,
) -> Result<StatusChange> {
    let args = [
        id.into(),
        from.as_str().into(),
        to.as_str().into(),
        note.into(),
        seconds(age).into(),
    ];
    let row: StatusChangeRow = conn
        .fetch_one(sql!(conn, ideas::INSERT_STATUS_CHANGE), &args)
        .await?;
    row.into_change(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_words_are_lowercase_runs_of_letters_and_digits() {
        assert_eq!(
            search_words(r#"  "Grip" AND (wet-limestone)* Größe 3 "#),
            ["grip", "and", "wet", "limestone", "größe", "3"]
        );
        assert!(search_words(r#"" * ( ) : ^ - !"#).is_empty());
        assert_eq!(search_words(&"w ".repeat(40)).len(), SEARCH_WORDS_MAX);
    }
}
