//! Where a form submission goes, one function per [`FormTarget`].
//!
//! Every submission is stored; its target decides what else happens, in the same transaction:
//! an idea target proposes an idea on its board under the board's rules, a post target posts
//! the submission's photo on its feed under the feed's rules, a response target does nothing
//! more. A new target is a `FormTarget` variant, a [`Delivery`] variant and one function here
//! that prepares it.
//!
//! Each function first checks what can refuse the submission (its board or feed gone → 409,
//! anonymous where sign-in is needed → 403, the content over the idea's or post's rules →
//! 422 under the form's field names), and only then stores the submission's photos (see
//! [`crate::form_images`]), so a refused submission leaves no files behind.

use std::collections::BTreeMap;
use std::time::Duration;

use kindred_api::validate::{self, FieldErrors};
use kindred_api::{
    Answer, CreateIdea, CreatePost, FormTarget, IdeaId, IdeaStatus, PostId, Submission,
    TargetOutcome,
};

use crate::announce;
use crate::error::{Error, Result};
use crate::form_images::Photos;
use crate::honeypot;
use crate::identity::Identity;
use crate::media::Processed;
use crate::state::AppState;
use crate::store::forms::{to_json, Delivery, Form, NewSubmission};
use crate::store::ideas::NewIdea;
use crate::store::posts::NewPost;
use crate::upload::product_slugs;

/// Stores `answers` (already checked against the form, see [`crate::form_images::check`])
/// from `identity` with their `photos`, and delivers them to the form's target, answering the
/// submission's id and what it became.
pub async fn submit(
    state: &AppState,
    form: &Form,
    identity: &Identity,
    answers: Submission,
    photos: Photos,
) -> Result<(i64, TargetOutcome)> {
    let submission = Pending {
        state,
        form,
        identity,
        key: identity.key(),
        answers,
        photos,
    };
    match &form.definition.target {
        FormTarget::Idea {
            board,
            title_field,
            body_field,
        } => {
            let fields = IdeaFields {
                title: title_field,
                body: body_field.as_deref(),
            };
            to_idea(submission, board, fields).await
        }
        FormTarget::Post {
            feed,
            image_field,
            alt_field,
            caption_field,
            products_field,
        } => {
            let fields = PostFields {
                image: image_field,
                alt: alt_field,
                caption: caption_field.as_deref(),
                products: products_field.as_deref(),
            };
            to_post(submission, feed, fields).await
        }
        FormTarget::Response => {
            let mut submission = submission;
            submission.store_photos().await?;
            submission.deliver(&Delivery::Response).await
        }
    }
}

/// What a stored submission to `target` would have become, for a submission that a filled
/// honeypot drops.
pub fn decoy(target: &FormTarget) -> TargetOutcome {
    match target {
        FormTarget::Idea { .. } => TargetOutcome::Idea {
            idea_id: IdeaId::from(honeypot::decoy_id()),
            pending_review: false,
        },
        FormTarget::Post { .. } => TargetOutcome::Post {
            post_id: PostId::from(honeypot::decoy_id()),
            pending_review: false,
        },
        FormTarget::Response => TargetOutcome::Response,
    }
}

/// A checked submission on its way to being stored.
struct Pending<'a> {
    state: &'a AppState,
    form: &'a Form,
    identity: &'a Identity,
    /// The submitter's identity key.
    key: String,
    answers: Submission,
    photos: Photos,
}

impl Pending<'_> {
    /// The text of the answer to field `name`, if any; empty otherwise.
    fn text(&self, name: Option<&str>) -> String {
        name.and_then(|name| self.answers.get(name))
            .map(Answer::to_string)
            .unwrap_or_default()
    }

    /// Stores the photos, putting them into their answers; answers them by field name.
    async fn store_photos(&mut self) -> Result<BTreeMap<String, Processed>> {
        let photos = std::mem::take(&mut self.photos);
        photos.store(self.state, &mut self.answers).await
    }

    /// Stores the submission (its photos already stored) with `delivery`, answering its id
    /// and what it became.
    async fn deliver(&self, delivery: &Delivery<'_>) -> Result<(i64, TargetOutcome)> {
        let answers = to_json(&self.answers)?;
        let submission = NewSubmission {
            form_id: self.form.id,
            answers: &answers,
            identity: &self.key,
        };
        self.state.store.submit_form(&submission, delivery).await
    }
}

/// The fields an idea's title and body come from.
#[derive(Clone, Copy)]
struct IdeaFields<'a> {
    title: &'a str,
    body: Option<&'a str>,
}

/// Proposes the submission as an idea on `board`: the board must still belong to the form's
/// site, take ideas from this identity, and the title and body must pass the idea rules
/// (reported under the form's field names).
async fn to_idea(
    mut submission: Pending<'_>,
    board: &str,
    fields: IdeaFields<'_>,
) -> Result<(i64, TargetOutcome)> {
    let (state, identity) = (submission.state, submission.identity);
    let board = state
        .store
        .board(board)
        .await?
        .filter(|board| board.site_id == submission.form.site_id)
        .ok_or_else(|| gone("board"))?;
    if identity.is_anonymous() && !board.allow_anonymous_posts {
        return Err(Error::Forbidden(
            "this form proposes ideas on a board for signed-in users only".into(),
        ));
    }
    let idea = CreateIdea {
        title: submission.text(Some(fields.title)),
        body: submission.text(fields.body),
        ..CreateIdea::default()
    };
    idea.validate().map_err(|errors| {
        let names = [("title", Some(fields.title)), ("body", fields.body)];
        Error::Validation(renamed(errors, &names))
    })?;
    submission.store_photos().await?;
    let delivery = Delivery::Idea(NewIdea {
        board_id: board.id,
        title: &idea.title,
        body: &idea.body,
        tags: &[],
        status: IdeaStatus::Open,
        author_name: identity.author_name(&board.anonymous_author),
        author_voter: Some(&submission.key),
        author_avatar: identity.avatar(),
        pending_review: board.premoderation,
        age: Duration::ZERO,
    });
    let submitted = submission.deliver(&delivery).await?;
    if let (_, TargetOutcome::Idea { idea_id, .. }) = &submitted {
        let created = match idea_id.0.parse::<i64>() {
            Ok(id) => state.store.moderated_idea(id).await?,
            Err(_) => None,
        };
        if let Some(created) = created {
            announce::idea_created(state, &board, &created).await;
        }
    }
    Ok(submitted)
}

/// The fields a post's photo, alt text, caption and product tags come from.
#[derive(Clone, Copy)]
struct PostFields<'a> {
    image: &'a str,
    alt: &'a str,
    caption: Option<&'a str>,
    products: Option<&'a str>,
}

/// Posts the submission's photo on `feed`: the feed must still belong to the form's site and
/// take posts from this identity, and the alt text, caption and product tags must pass the
/// post rules (reported under the form's field names). The author's grant of rights is the
/// form's required consent, which the answers already carry.
async fn to_post(
    mut submission: Pending<'_>,
    feed: &str,
    fields: PostFields<'_>,
) -> Result<(i64, TargetOutcome)> {
    let (state, identity) = (submission.state, submission.identity);
    let feed = state
        .store
        .feed(feed)
        .await?
        .filter(|feed| feed.site_id == submission.form.site_id)
        .ok_or_else(|| gone("feed"))?;
    if identity.is_anonymous() && !feed.allow_anonymous_posts {
        return Err(Error::Forbidden(
            "this form posts on a feed for signed-in users only".into(),
        ));
    }
    let product_tags = match fields
        .products
        .and_then(|name| submission.answers.get(name))
    {
        Some(Answer::List(values)) => values.clone(),
        Some(Answer::Text(text)) => product_slugs(text).collect(),
        _ => Vec::new(),
    };
    let post = CreatePost {
        caption: submission.text(fields.caption),
        alt: submission.text(Some(fields.alt)),
        product_tags,
        consent: true,
        website: String::new(),
    };
    post.validate().map_err(|errors| {
        let names = [
            ("caption", fields.caption),
            ("alt", Some(fields.alt)),
            ("product_tags", fields.products),
        ];
        Error::Validation(renamed(errors, &names))
    })?;
    let photo = submission
        .store_photos()
        .await?
        .remove(fields.image)
        .ok_or_else(|| {
            // The target needs a required image field, so only a form changed behind the
            // moderation API's back lands here.
            let mut errors = FieldErrors::new();
            validate::push(&mut errors, fields.image, validate::REQUIRED);
            Error::Validation(errors)
        })?;
    let delivery = Delivery::Post(NewPost {
        feed_id: feed.id,
        caption: post.caption.trim(),
        alt: post.alt.trim(),
        product_tags: &post.product_tags,
        author_name: identity.author_name(&feed.anonymous_author),
        author_key: Some(&submission.key),
        author_avatar: identity.avatar(),
        pending_review: feed.premoderation,
        renditions: &photo.renditions,
        color: &photo.color,
        age: Duration::ZERO,
        source: None,
    });
    let submitted = submission.deliver(&delivery).await?;
    if let (_, TargetOutcome::Post { post_id, .. }) = &submitted {
        if let Ok(id) = post_id.0.parse::<i64>() {
            announce::stored_post(state, &feed, id, &submission.key).await?;
        }
    }
    Ok(submitted)
}

/// The answer when the form's board or feed (`what`) no longer belongs to its site.
fn gone(what: &str) -> Error {
    Error::Conflict(format!(
        "the form's {what} no longer exists; a moderator must fix the form"
    ))
}

/// Rule errors of an idea or a post keyed by the form fields their values came from: `names`
/// maps a rule's key to its field, if any; other keys stay as they are.
fn renamed(errors: FieldErrors, names: &[(&str, Option<&str>)]) -> FieldErrors {
    errors
        .into_iter()
        .map(|(key, codes)| {
            let field = names
                .iter()
                .find(|(rule, _)| *rule == key)
                .and_then(|(_, field)| *field)
                .map_or(key, str::to_owned);
            (field, codes)
        })
        .collect()
}
