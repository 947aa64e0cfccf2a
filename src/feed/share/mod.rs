//! Sharing a photo to the feed: a button opens a modal dialog with the share form (or, on a
//! feed kept for members, a prompt to sign in first); once the
//! server took the photo, the dialog thanks the visitor, saying whether it waits for the
//! moderators or is in the feed already, and offers to share another.

mod form;
mod schema;

pub use schema::UploadRules;

use kindred_api::Post;
use leptos::html;
use leptos::prelude::*;

use self::form::ShareForm;
use crate::i18n::use_catalog;
use crate::ideas::{Action, SignInPrompt};
use crate::identity;

/// The share button and its dialog.
#[component]
pub fn SharePhoto(
    /// The feed's slug.
    feed: String,
    /// What the feed accepts (tracked: it arrives with the site's configuration).
    rules: Signal<UploadRules>,
    /// Called with a new post that is listed at once, for the feed to show it.
    on_listed: Callback<Post>,
) -> impl IntoView {
    let t = use_catalog();
    let dialog = NodeRef::<html::Dialog>::new();
    let opener = NodeRef::<html::Button>::new();
    let thanks = NodeRef::<html::P>::new();
    // `None` while the form shows; once shared, whether the post waits for review.
    let shared = RwSignal::new(None::<bool>);
    // Counts the forms started, so "share another" starts an empty one.
    let round = RwSignal::new(0_u32);
    // The form is built when the dialog first opens, not with every feed.
    let wanted = RwSignal::new(false);
    let open = move |_| {
        wanted.set(true);
        if let Some(dialog) = dialog.get_untracked() {
            _ = dialog.show_modal();
        }
    };
    let close = Callback::new(move |()| {
        if let Some(dialog) = dialog.get_untracked() {
            dialog.close();
        }
    });
    // However it closed (a button, Escape), a shared photo's thanks give way to a fresh
    // form and focus returns to the button.
    let closed = move |_| {
        if shared.get_untracked().is_some() {
            shared.set(None);
            round.update(|round| *round += 1);
        }
        if let Some(opener) = opener.get_untracked() {
            _ = opener.focus();
        }
    };
    let on_shared = Callback::new(move |post: Post| {
        shared.set(Some(post.pending_review));
        // The form that had focus is gone: the thanks take it, and are read out.
        request_animation_frame(move || {
            if let Some(thanks) = thanks.get_untracked() {
                _ = thanks.focus();
            }
        });
        if !post.pending_review {
            on_listed.run(post);
        }
    });
    let another = move |_| {
        shared.set(None);
        round.update(|round| *round += 1);
    };
    view! {
        <button
            type="button"
            class="button feed__share"
            part="share-button"
            data-testid="share-photo"
            aria-haspopup="dialog"
            node_ref=opener
            on:click=open
        >
            {t.share_photo()}
        </button>
        <dialog class="share" part="share" data-testid="share-dialog" aria-label=t.share_photo() node_ref=dialog on:close=closed>
            <div class="lightbox__bar">
                <span class="share__spacer"></span>
                <button type="button" class="round-button" data-testid="share-close" aria-label=t.close() on:click=move |_| close.run(())>
                    <svg viewBox="0 0 16 16" aria-hidden="true"><path d="m4 4 8 8M12 4l-8 8"></path></svg>
                </button>
            </div>
            {move || match shared.get() {
                None if !wanted.get() => ().into_any(),
                // Signing in (the page calls `Kindred.identify`) brings the form.
                None if rules.with(|rules| rules.members_only) && identity::tracked().is_none() => {
                    view! { <SignInPrompt action=Action::Share feed=feed.clone()/> }.into_any()
                }
                None => {
                    round.track();
                    let feed = feed.clone();
                    view! { <ShareForm feed rules=rules.get() on_shared on_cancel=close/> }.into_any()
                }
                Some(pending) => view! {
                    <div class="share__thanks" data-testid="share-thanks">
                        <p role="status" tabindex="-1" node_ref=thanks>{if pending { t.thanks_reviewed() } else { t.thanks_listed() }}</p>
                        <div class="submit__actions">
                            <button type="button" class="button" data-testid="share-another" on:click=another>{t.share_another()}</button>
                            <button type="button" class="button button--quiet" data-testid="share-done" on:click=move |_| close.run(())>{t.close()}</button>
                        </div>
                    </div>
                }.into_any(),
            }}
        </dialog>
    }
}
