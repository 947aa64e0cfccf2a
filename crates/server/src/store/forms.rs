//! Co-creation forms: their definitions per site, and the submissions they receive together
//! with whatever each submission became (an idea, a post, or a stored response only).
//!
//! Schema and target are stored as the JSON of their wire types, so the wire crate stays the
//! one description of a form; a stored definition that no longer reads is a server fault.

use std::collections::HashMap;

use kindred_api::{
    BoardForm, FormDefinition, FormDetails, FormSummary, FormTarget, IdeaId, PostId,
    StoredSubmission, TargetOutcome,
};
use serde::de::DeserializeOwned;

use crate::error::{Error, Result, ResultExt};
use crate::store::conn::{sql, Conn};
use crate::store::ideas::{self, NewIdea};
use crate::store::posts::{self, NewPost};
use crate::store::{count, Store};

/// Most submissions on one page of the moderation API.
pub const PAGE_SIZE: u32 = 50;

/// A stored form.
#[derive(Clone, Debug, PartialEq)]
pub struct Form {
    /// Row id.
    pub id: i64,
    /// The owning site's row id.
    pub site_id: i64,
    /// The definition: schema, target, open or closed.
    pub definition: FormDefinition,
    /// Submissions stored so far.
    pub submission_count: u32,
    /// Creation time, RFC 3339 in UTC.
    pub created_at: String,
    /// Time of the last change, RFC 3339 in UTC.
    pub updated_at: String,
}

impl Form {
    /// The form as the moderation API answers it.
    pub fn details(self) -> FormDetails {
        FormDetails {
            schema: self.definition.schema,
            target: self.definition.target,
            open: self.definition.open,
            submission_count: self.submission_count,
            created_at: self.created_at,
            updated_at: self.updated_at,
        }
    }
}

/// What a submission does besides being stored. Each [`kindred_api::FormTarget`] prepares
/// one (see `crate::form_targets`); [`Store::submit_form`] carries it out in the same
/// transaction that stores the submission.
#[derive(Clone, Debug)]
pub enum Delivery<'a> {
    /// Propose this idea.
    Idea(NewIdea<'a>),
    /// Post this photo.
    Post(NewPost<'a>),
    /// Nothing more: the stored response is all.
    Response,
}

/// A submission about to be stored.
#[derive(Clone, Copy, Debug)]
pub struct NewSubmission<'a> {
    /// The form's row id.
    pub form_id: i64,
    /// The cleaned answers as a JSON object.
    pub answers: &'a str,
    /// The submitter's identity key.
    pub identity: &'a str,
}

/// A form as both dialects' statements select it.
#[derive(sqlx::FromRow)]
struct FormRow {
    id: i64,
    site_id: i64,
    schema: String,
    target: String,
    open: bool,
    created_at: String,
    updated_at: String,
    submission_count: i64,
}

impl FormRow {
    fn into_form(self) -> Result<Form> {
        let id = self.id;
        Ok(Form {
            id,
            site_id: self.site_id,
            definition: FormDefinition {
                schema: read_json(&self.schema, "form", id)?,
                target: read_json(&self.target, "form", id)?,
                open: self.open,
            },
            submission_count: count(self.submission_count),
            created_at: self.created_at,
            updated_at: self.updated_at,
        })
    }
}

/// A submission as both dialects' statements select it.
#[derive(sqlx::FromRow)]
struct SubmissionRow {
    id: i64,
    answers: String,
    identity: String,
    outcome: String,
    created_at: String,
}

impl SubmissionRow {
    fn into_submission(self) -> Result<StoredSubmission> {
        Ok(StoredSubmission {
            id: self.id.to_string(),
            answers: read_json(&self.answers, "submission", self.id)?,
            identity: self.identity,
            target: read_json(&self.outcome, "submission", self.id)?,
            created_at: self.created_at,
        })
    }
}

/// Reads stored JSON of row `id` of `what`; unreadable JSON is a server fault.
fn read_json<T: DeserializeOwned>(text: &str, what: &str, id: i64) -> Result<T> {
    serde_json::from_str(text)
        .map_err(|error| Error::Internal(format!("{what} {id} holds unreadable JSON: {error}")))
}

/// Writes a value the store keeps as JSON.
pub(crate) fn to_json<T: serde::Serialize>(value: &T) -> Result<String> {
    serde_json::to_string(value)
        .map_err(|error| Error::Internal(format!("cannot serialise stored JSON: {error}")))
}

/// The schema and target of a definition as the JSON the store keeps.
fn definition_json(definition: &FormDefinition) -> Result<(String, String)> {
    Ok((to_json(&definition.schema)?, to_json(&definition.target)?))
}

const TAKEN: &str = "a form with this slug already exists";

impl Store {
    /// Creates a form on site `site_id`, answering it; a taken slug is a [`Error::Conflict`].
    /// The definition is stored as given: callers validate it.
    pub async fn create_form(&self, site_id: i64, definition: &FormDefinition) -> Result<Form> {
        let mut pooled = self.acquire().await?;
        let mut conn = pooled.conn();
        create(&mut conn, site_id, definition).await?;
        find(&mut conn, &definition.schema.slug)
            .await?
            .ok_or_else(|| vanished(&definition.schema.slug))
    }

    /// The form with `slug`, if any.
    pub async fn form(&self, slug: &str) -> Result<Option<Form>> {
        find(&mut self.acquire().await?.conn(), slug).await
    }

    /// Every form of site `site_id`, oldest first.
    pub async fn site_forms(&self, site_id: i64) -> Result<Vec<Form>> {
        let mut pooled = self.acquire().await?;
        let mut conn = pooled.conn();
        let rows: Vec<FormRow> = conn
            .fetch_all(sql!(conn, forms::BY_SITE), &[site_id.into()])
            .await?;
        rows.into_iter().map(FormRow::into_form).collect()
    }

    /// Replaces the definition of form `id` (its slug may change), answering the form; a
    /// slug taken by another form is a [`Error::Conflict`].
    pub async fn update_form(&self, id: i64, definition: &FormDefinition) -> Result<Form> {
        let mut pooled = self.acquire().await?;
        let mut conn = pooled.conn();
        let (schema, target) = definition_json(definition)?;
        let slug = definition.schema.slug.as_str();
        let args = [
            id.into(),
            slug.into(),
            schema.as_str().into(),
            target.as_str().into(),
            definition.open.into(),
        ];
        conn.execute(sql!(conn, forms::UPDATE), &args)
            .await
            .conflict_on_unique(TAKEN)?;
        find(&mut conn, slug).await?.ok_or_else(|| vanished(slug))
    }

    /// Deletes form `id` and its submissions (ideas it proposed stay).
    pub async fn delete_form(&self, id: i64) -> Result<()> {
        let mut pooled = self.acquire().await?;
        let mut conn = pooled.conn();
        conn.execute(sql!(conn, forms::DELETE), &[id.into()])
            .await?;
        Ok(())
    }

    /// Stores a submission and carries out its `delivery`, in one transaction, answering the
    /// submission's id and what it became.
    pub async fn submit_form(
        &self,
        submission: &NewSubmission<'_>,
        delivery: &Delivery<'_>,
    ) -> Result<(i64, TargetOutcome)> {
        let mut tx = self.begin_write().await?;
        let mut conn = tx.conn();
        let outcome = match delivery {
            Delivery::Idea(idea) => TargetOutcome::Idea {
                idea_id: IdeaId::from(ideas::insert(&mut conn, idea).await?),
                pending_review: idea.pending_review,
            },
            Delivery::Post(post) => TargetOutcome::Post {
                post_id: PostId::from(posts::insert(&mut conn, post).await?),
                pending_review: post.pending_review,
            },
            Delivery::Response => TargetOutcome::Response,
        };
        let outcome_json = to_json(&outcome)?;
        let args = [
            submission.form_id.into(),
            submission.answers.into(),
            submission.identity.into(),
            outcome_json.as_str().into(),
        ];
        let id = conn
            .insert(sql!(conn, forms::INSERT_SUBMISSION), &args)
            .await?;
        tx.commit().await?;
        Ok((id, outcome))
    }

    /// Up to `limit` submissions of form `form_id` after submission `after` (0 for the
    /// first), in arrival order.
    pub async fn submissions(
        &self,
        form_id: i64,
        after: i64,
        limit: i64,
    ) -> Result<Vec<StoredSubmission>> {
        let mut pooled = self.acquire().await?;
        let mut conn = pooled.conn();
        let rows: Vec<SubmissionRow> = conn
            .fetch_all(
                sql!(conn, forms::SUBMISSIONS),
                &[form_id.into(), after.into(), limit.into()],
            )
            .await?;
        rows.into_iter()
            .map(SubmissionRow::into_submission)
            .collect()
    }
}

fn vanished(slug: &str) -> Error {
    Error::Internal(format!("form {slug} vanished after it was written"))
}

/// Creates a form on `conn`, answering its id; a taken slug is a [`Error::Conflict`].
pub(crate) async fn create(
    conn: &mut Conn<'_>,
    site_id: i64,
    definition: &FormDefinition,
) -> Result<i64> {
    let (schema, target) = definition_json(definition)?;
    let args = [
        site_id.into(),
        definition.schema.slug.as_str().into(),
        schema.as_str().into(),
        target.as_str().into(),
        definition.open.into(),
    ];
    conn.insert(sql!(conn, forms::INSERT), &args)
        .await
        .conflict_on_unique(TAKEN)
}

async fn find(conn: &mut Conn<'_>, slug: &str) -> Result<Option<Form>> {
    let row: Option<FormRow> = conn
        .fetch_optional(sql!(conn, forms::FIND), &[slug.into()])
        .await?;
    row.map(FormRow::into_form).transpose()
}

/// The forms that propose ideas on site `site_id`'s boards, by board slug: for each board,
/// the newest open form whose target is that board.
pub(crate) async fn board_forms(
    conn: &mut Conn<'_>,
    site_id: i64,
) -> Result<HashMap<String, BoardForm>> {
    let rows: Vec<(String, String)> = conn
        .fetch_all(sql!(conn, forms::TARGETS), &[site_id.into()])
        .await?;
    let mut forms = HashMap::new();
    for (slug, target) in rows {
        if let FormTarget::Idea {
            board, title_field, ..
        } = serde_json::from_str(&target).map_err(|error| {
            Error::Internal(format!("form {slug} holds an unreadable target: {error}"))
        })? {
            forms.insert(board, BoardForm { slug, title_field });
        }
    }
    Ok(forms)
}

/// The open forms of a site, oldest first, as a site's configuration lists them.
pub(crate) async fn summaries(conn: &mut Conn<'_>, site_id: i64) -> Result<Vec<FormSummary>> {
    let rows: Vec<(String, String)> = conn
        .fetch_all(sql!(conn, forms::SUMMARIES), &[site_id.into()])
        .await?;
    Ok(rows
        .into_iter()
        .map(|(slug, title)| FormSummary { slug, title })
        .collect())
}
