//! An idea's discussion: top-level comments oldest first, each with its replies (threads are
//! one level deep) and a Reply button that opens a composer under it, then a composer for a
//! new comment. Posted comments appear at once and are announced politely; one that waits
//! for a moderator shows to its author as awaiting review.

use kindred_api::{Comment, IdeaId};
use leptos::html::Button;
use leptos::prelude::*;

use super::composer::Composer;
use crate::client::adapter::spec::OperationName;
use crate::client::ApiClient;
use crate::i18n::{ago, use_catalog, use_locale};
use crate::markdown::Markdown;
use crate::ui::ErrorPanel;

/// A top-level comment and its replies, which grow on their own as replies are posted.
#[derive(Clone)]
struct Thread {
    top: Comment,
    replies: RwSignal<Vec<Comment>>,
}

impl Thread {
    fn new(mut top: Comment) -> Self {
        let replies = RwSignal::new(std::mem::take(&mut top.replies));
        Self { top, replies }
    }
}

/// The comments on idea `id`, with composers to join in.
#[component]
pub fn Comments(
    /// The idea discussed.
    id: IdeaId,
) -> impl IntoView {
    let t = use_catalog();
    let client = expect_context::<ApiClient>();
    // Where the API takes no comments, they are read only.
    let writable = client.offers(OperationName::CreateComment);
    provide_context(Replies(client.takes_replies()));
    let loaded = {
        let id = id.clone();
        LocalResource::new(move || {
            let (client, id) = (client.clone(), id.clone());
            async move { client.comments(&id).await }
        })
    };
    let threads = RwSignal::new(Vec::<Thread>::new());
    Effect::new(move || {
        if let Some(Ok(page)) = &*loaded.read() {
            threads.set(page.items.iter().cloned().map(Thread::new).collect());
        }
    });
    let announcement = RwSignal::new("");
    let on_posted = Callback::new(move |comment: Comment| {
        announcement.set(if comment.pending_review {
            t.comment_pending()
        } else {
            t.comment_posted()
        });
        match comment.parent_id.clone() {
            Some(parent) => threads.with_untracked(|threads| {
                if let Some(thread) = threads.iter().find(|thread| thread.top.id == parent) {
                    thread.replies.update(|replies| replies.push(comment));
                }
            }),
            None => threads.update(|threads| threads.push(Thread::new(comment))),
        }
    });
    let thread_idea = id.clone();
    let retry = Callback::new(move |()| {
        loaded.set(None);
        loaded.refetch();
    });
    view! {
        <section class="detail__section comments" part="comments" data-testid="comments">
            <h4 class="detail__subheading">{t.comments_heading()}</h4>
            <p class="sr-only" role="status" data-testid="comment-announcement">
                {move || announcement.get()}
            </p>
            {move || match loaded.get() {
                None => view! {
                    <p class="comments__quiet" role="status">{t.loading_comments()}</p>
                }.into_any(),
                Some(Err(error)) => view! {
                    <ErrorPanel
                        message=t.comments_failed()
                        detail=t.problem(&error)
                        on_retry=retry
                        attr:data-testid="comments-error"
                    />
                }.into_any(),
                Some(Ok(_)) => view! {
                    <ThreadList threads idea=thread_idea.clone() on_posted/>
                }.into_any(),
            }}
            {writable.then(|| view! {
                <Composer
                    idea=id.clone()
                    label=t.comment_field().to_owned()
                    submit=t.post_comment()
                    on_posted
                />
            })}
        </section>
    }
}

/// The threads loaded and posted so far, or a line inviting the first comment.
#[component]
fn ThreadList(
    threads: RwSignal<Vec<Thread>>,
    idea: IdeaId,
    on_posted: Callback<Comment>,
) -> impl IntoView {
    let t = use_catalog();
    view! {
        <Show
            when=move || threads.with(|threads| !threads.is_empty())
            fallback=move || view! { <p class="comments__quiet">{t.no_comments()}</p> }
        >
            <ul class="comments__list" role="list">
                <For
                    each=move || threads.get()
                    key=|thread| thread.top.id.clone()
                    children={
                        let idea = idea.clone();
                        move |thread| view! { <TopComment thread idea=idea.clone() on_posted/> }
                    }
                />
            </ul>
        </Show>
    }
}

/// Whether visitors may answer comments here, for the reply buttons below.
#[derive(Clone, Copy)]
struct Replies(bool);

/// A top-level comment with its replies and the composer that answers it.
#[component]
fn TopComment(thread: Thread, idea: IdeaId, on_posted: Callback<Comment>) -> impl IntoView {
    let t = use_catalog();
    let Thread { top, replies } = thread;
    let replying = RwSignal::new(false);
    let reply_button = NodeRef::<Button>::new();
    let read_only = use_context::<Replies>().is_some_and(|replies| !replies.0);
    // Closing the composer hands the focus back to the button that opened it.
    let close = Callback::new(move |()| {
        replying.set(false);
        if let Some(button) = reply_button.get_untracked() {
            _ = button.focus();
        }
    });
    let posted = Callback::new(move |comment: Comment| {
        on_posted.run(comment);
        close.run(());
    });
    let name = top.author.name.clone();
    let (reply_label, replies_label) = (t.reply_to(&name), t.replies_to(&name));
    let field_label = t.reply_field(&name);
    let parent = top.id.clone();
    let comment_id = top.id.clone();
    view! {
        <li class="comment" data-testid="comment" data-comment-id=comment_id>
            <CommentBody comment=top/>
            <button
                type="button"
                class="comment__reply"
                hidden=read_only
                part="reply-button"
                data-testid="reply-button"
                node_ref=reply_button
                aria-expanded=move || replying.get().to_string()
                aria-label=reply_label
                on:click=move |_| replying.update(|open| *open = !*open)
            >
                {t.reply()}
            </button>
            <Show when=move || replies.with(|replies| !replies.is_empty())>
                <ul class="comment__replies" role="list" aria-label=replies_label.clone()>
                    <For
                        each=move || replies.get()
                        key=|reply| reply.id.clone()
                        children=|reply| view! {
                            <li class="comment comment--reply" data-testid="reply">
                                <CommentBody comment=reply/>
                            </li>
                        }
                    />
                </ul>
            </Show>
            <Show when=move || replying.get()>
                <Composer
                    idea=idea.clone()
                    parent=parent.clone()
                    label=field_label.clone()
                    submit=t.post_reply()
                    on_posted=posted
                    on_cancel=close
                    autofocus=true
                />
            </Show>
        </li>
    }
}

/// What one comment shows: who wrote it and when, whether it waits for review, and its text.
#[component]
fn CommentBody(comment: Comment) -> impl IntoView {
    let t = use_catalog();
    let when = ago(use_locale(), &comment.created_at).map(|text| {
        view! { <time datetime=comment.created_at.clone()>{text}</time> }
    });
    let pending = comment.pending_review.then(|| {
        view! {
            <span class="comment__pending" data-testid="awaiting-review">
                {t.awaiting_review()}
            </span>
        }
    });
    view! {
        <p class="comment__meta">
            <span class="comment__author">{comment.author.name}</span>
            {when}
            {pending}
        </p>
        <div class="comment__body">
            <Markdown text=comment.body/>
        </div>
    }
}
