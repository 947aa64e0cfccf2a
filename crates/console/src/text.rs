//! Every string the console shows, in one catalog, so that translating the console means
//! translating this file.

use kindred_api::moderation::{QueueKind, QueueReason};
use kindred_api::{DeliveryState, IdeaStatus, WebhookDelivery, WebhookEvent};

/// The console's name, in its title bar.
pub const CONSOLE: &str = "Kindred console";
/// The sign-in form's heading.
pub const SIGN_IN_HEADING: &str = "Sign in";
/// What the sign-in form asks for.
pub const SIGN_IN_HINT: &str =
    "Enter the admin key this server was started with. It is kept for this tab only.";
/// The admin key field's label.
pub const ADMIN_KEY: &str = "Admin key";
/// The sign-in button.
pub const SIGN_IN: &str = "Sign in";
/// The sign-in button while the key is checked.
pub const SIGNING_IN: &str = "Checking…";
/// The sign-out button.
pub const SIGN_OUT: &str = "Sign out";
/// A key the server refused.
pub const WRONG_KEY: &str = "This key is not accepted. Check it and try again.";
/// A server started without an admin key.
pub const NO_ADMIN_KEY: &str =
    "This server has no admin key, so its console is closed. Start it with --admin-key.";
/// The sign-in form with no key typed.
pub const KEY_MISSING: &str = "Enter the admin key.";
/// The server could not be reached.
pub const UNREACHABLE: &str = "The server cannot be reached. Check the connection and try again.";
/// The server's answer could not be read.
pub const BAD_RESPONSE: &str = "The server sent an answer the console cannot read. Try again.";
/// The main navigation's label.
pub const NAVIGATION: &str = "Console sections";
/// The moderation queue's heading and navigation entry.
pub const QUEUE: &str = "Moderation queue";
/// The ideas section's heading and navigation entry.
pub const IDEAS: &str = "Ideas";
/// The board picker's label.
pub const BOARD: &str = "Board";
/// The search field's label.
pub const SEARCH: &str = "Search";
/// A search that found nothing.
pub const NO_IDEAS: &str = "No listed idea matches.";
/// A pinned idea's mark.
pub const PINNED: &str = "Pinned";
/// Opening an idea's status form.
pub const CHANGE_STATUS: &str = "Change status";
/// Pinning an idea (pressed while pinned).
pub const PIN: &str = "Pin to top";
/// The status field's label.
pub const STATUS: &str = "Status";
/// The field naming the idea a duplicate repeats.
pub const DUPLICATE_OF: &str = "Duplicate of idea (its id)";
/// The public note's label.
pub const PUBLIC_NOTE: &str = "Public note (visitors read it on the idea)";
/// Opening an idea's merge form.
pub const MERGE: &str = "Merge into another idea";
/// The field naming the idea a merge goes into.
pub const MERGE_INTO: &str = "Into idea (its id)";
/// Asking what a merge would do.
pub const PREVIEW_MERGE: &str = "Preview";
/// Confirming a merge.
pub const CONFIRM_MERGE: &str = "Merge";
/// Opening an idea's tags form.
pub const EDIT_TAGS: &str = "Edit tags";
/// The tags field's label.
pub const TAGS_FIELD: &str = "Tags, separated by commas (at most 5)";
/// Saving tags.
pub const SAVE_TAGS: &str = "Save tags";
/// Tags saved, announced.
pub const TAGS_SAVED: &str = "Tags saved";
/// An idea without tags.
pub const NO_TAGS: &str = "No tags";
/// Saving a status.
pub const SAVE_STATUS: &str = "Save status";
/// The queue's filter by board or feed.
pub const PLACE_FILTER: &str = "Where";
/// The place filter's choice of every board and feed.
pub const EVERYWHERE: &str = "Every board and feed";
/// The keyboard shortcuts, as the queue explains them.
pub const SHORTCUTS: &str =
    "Keys: j and k move through the queue, a approves, r rejects, u undoes the last decision.";
/// The settings section's heading and navigation entry.
pub const SETTINGS: &str = "Settings";
/// The site settings form's heading.
pub const SITE_SETTINGS: &str = "Site";
/// A name field.
pub const NAME: &str = "Name";
/// A description field.
pub const DESCRIPTION: &str = "Description";
/// The site's language field.
pub const LOCALE: &str = "Default language";
/// What the language field takes.
pub const LOCALE_HINT: &str =
    "A language tag such as en, de, fr or pt-BR: what the widgets speak when the page does not say.";
/// The anonymous author field.
pub const ANONYMOUS_AUTHOR: &str = "Name shown for anonymous visitors";
/// The allowed origins field.
pub const ORIGINS: &str = "Allowed origins";
/// What the origins field takes.
pub const ORIGINS_HINT: &str =
    "One a line, such as https://shop.example. Only pages on these origins may use the widgets.";
/// Whether visitors may comment.
pub const ALLOW_COMMENTS: &str = "Visitors may comment on ideas";
/// Whether visitors may propose ideas.
pub const ALLOW_PROPOSALS: &str = "Visitors may propose ideas";
/// The theme field.
pub const THEME: &str = "Theme defaults";
/// What the theme field takes.
pub const THEME_HINT: &str =
    "One custom property a line, such as --kindred-color-accent: #2f6f4e. Pages may override them.";
/// Saving a site.
pub const SAVE_SITE: &str = "Save site";
/// A form the server took.
pub const SAVED: &str = "Saved.";
/// A form with problems on its fields.
pub const FIX_FIELDS: &str = "Some fields need a change; see below each.";
/// What starts a field's problem.
pub const THIS_FIELD: &str = "This";
/// The sign-on panel's heading.
pub const SSO: &str = "Single sign-on";
/// A site that accepts signed-in visitors' tokens.
pub const SSO_ON: &str = "Signed-in visitors' tokens are accepted: a secret is set.";
/// A site that accepts none.
pub const SSO_OFF: &str = "No secret is set: the site accepts no sign-in tokens.";
/// What the secret is for.
pub const SSO_HINT: &str = "The brand's sign-in service signs visitors' tokens (HS256) with this \
     secret. Rotate it if it may have leaked.";
/// Opening the rotation.
pub const ROTATE_SSO: &str = "Rotate secret";
/// What rotating does.
pub const ROTATE_WARNING: &str = "A new secret replaces the old one at once: tokens signed with \
     the old secret stop working until the sign-in service uses the new one.";
/// Confirming the rotation.
pub const ROTATE_NOW: &str = "Make a new secret";
/// Removing the secret.
pub const STOP_SSO: &str = "Remove secret";
/// The new secret's label.
pub const NEW_SECRET: &str = "New secret";
/// What to do with the new secret.
pub const NEW_SECRET_HINT: &str =
    "Copy it into the sign-in service now: the console does not show it again.";
/// The browser has no source of secure randomness.
pub const NO_RANDOMNESS: &str = "This browser cannot make a secure secret.";
/// The boards' heading.
pub const BOARDS: &str = "Idea boards";
/// The feeds' heading.
pub const FEEDS: &str = "Photo feeds";
/// The supporter threshold field.
pub const THRESHOLD: &str = "Supporters an idea needs";
/// What the threshold does.
pub const THRESHOLD_HINT: &str =
    "Ideas show their progress toward it and are marked once they reach it. Blank for none.";
/// The vote cap field.
pub const VOTE_CAP: &str = "Most ideas one visitor may support";
/// What the vote cap does.
pub const VOTE_CAP_HINT: &str = "Blank for no limit.";
/// Premoderating ideas.
pub const PREMODERATE_IDEAS: &str = "New ideas wait for review";
/// Premoderating comments.
pub const PREMODERATE_COMMENTS: &str = "New comments wait for review";
/// Anonymous proposals and comments.
pub const ANONYMOUS_POSTS: &str = "Anonymous visitors may propose ideas and comment";
/// Anonymous votes.
pub const ANONYMOUS_VOTES: &str = "Anonymous visitors may vote";
/// Saving a board.
pub const SAVE_BOARD: &str = "Save board";
/// Premoderating photos.
pub const PREMODERATE_PHOTOS: &str = "New photos wait for review";
/// The report threshold field.
pub const REPORT_THRESHOLD: &str = "Reports that hide a photo";
/// What the report threshold does.
pub const REPORT_THRESHOLD_HINT: &str =
    "A photo reported this many times is hidden until a moderator decides.";
/// Anonymous photos.
pub const ANONYMOUS_PHOTOS: &str = "Anonymous visitors may post photos";
/// The consent field.
pub const CONSENT: &str = "Consent asked of posters";
/// What the consent field holds.
pub const CONSENT_HINT: &str = "What a visitor agrees to when posting a photo. Blank for none.";
/// Saving a feed.
pub const SAVE_FEED: &str = "Save feed";
/// The insights section's heading and navigation entry.
pub const INSIGHTS: &str = "Insights";
/// The whole site, in the place picker.
pub const WHOLE_SITE: &str = "The whole site";
/// The period's first day.
pub const FROM: &str = "From";
/// The period's last day.
pub const TO: &str = "To";
/// Downloading the report.
pub const EXPORT_INSIGHTS: &str = "Export (CSV)";
/// Unique visitors who saw a widget.
pub const VISITORS: &str = "Visitors who saw a widget";
/// Visitors and members who took part.
pub const PARTICIPANTS: &str = "Participants";
/// Participants per visitor.
pub const PARTICIPATION: &str = "Participation rate";
/// Ideas, photos and form answers.
pub const SUBMISSIONS: &str = "Submissions";
/// Submissions per hundred visitors.
pub const CO_CREATION: &str = "Co-creation rate (submissions per 100 visitors)";
/// Votes.
pub const VOTES: &str = "Votes";
/// Votes per visitor.
pub const VOTES_PER_VISITOR: &str = "Votes per visitor";
/// Likes.
pub const LIKES: &str = "Likes";
/// Likes per visitor.
pub const LIKES_PER_VISITOR: &str = "Likes per visitor";
/// Comments.
pub const COMMENTS: &str = "Comments";
/// Contributors who had contributed before the period.
pub const RETURNING: &str = "Returning contributors";
/// The daily chart's heading.
pub const DAILY: &str = "Day by day";
/// The tables behind the charts.
pub const THE_NUMBERS: &str = "The numbers";
/// A day's column.
pub const DAY: &str = "Day";
/// The funnel's heading.
pub const FUNNEL: &str = "From seeing to taking part";
/// The funnel's first step.
pub const FUNNEL_SEEN: &str = "Saw a widget";
/// The funnel's second step.
pub const FUNNEL_VOTED: &str = "Voted or liked";
/// The funnel's last step.
pub const FUNNEL_SUBMITTED: &str = "Submitted";
/// How the funnel counts.
pub const FUNNEL_HINT: &str = "Each step counts the people who took it, whether or not their \
     visit was counted: visitors who switched analytics off still vote.";
/// The top ideas' heading.
pub const TOP_IDEAS: &str = "Ideas that drew most votes";
/// The top photos' heading.
pub const TOP_POSTS: &str = "Photos that drew most likes";
/// The thresholds' heading.
pub const THRESHOLDS: &str = "Ideas that reached their threshold";
/// An empty list of the report.
pub const NONE_YET: &str = "None in this period.";
/// Taking the last decision back.
pub const UNDO: &str = "Undo";
/// The queue's filter by kind.
pub const KIND_FILTER: &str = "Show";
/// The filter's choice of every kind.
pub const EVERY_KIND: &str = "Everything";
/// The queue while it loads.
pub const LOADING: &str = "Loading…";
/// An empty queue.
pub const QUEUE_EMPTY: &str = "Nothing waits for review.";
/// The button that loads the queue again after a failure.
pub const RETRY: &str = "Try again";
/// The button that loads more of the queue.
pub const LOAD_MORE: &str = "Load more";
/// The approve button.
pub const APPROVE: &str = "Approve";
/// The reject button.
pub const REJECT: &str = "Reject";
/// The reason field's label.
pub const REASON: &str = "Reason (kept in the moderation log)";
/// The reject button of the reason form.
pub const CONFIRM_REJECT: &str = "Reject with this reason";
/// Closing the reason form.
pub const CANCEL: &str = "Cancel";
/// The bar of actions on several items, for assistive technology.
pub const BULK: &str = "Selected items";
/// Approving every selected item.
pub const APPROVE_SELECTED: &str = "Approve selected";
/// Rejecting every selected item.
pub const REJECT_SELECTED: &str = "Reject selected";
/// Unselecting every item.
pub const CLEAR_SELECTION: &str = "Clear selection";
/// Selecting every item shown.
pub const SELECT_ALL: &str = "Select every item shown";
/// Blocking the authors of the selected items.
pub const BLOCK_AUTHORS: &str = "Also block their authors from writing on their sites";
/// A rejection without a reason.
pub const REASON_MISSING: &str = "Give a reason to reject.";
/// The forms section's heading and navigation entry.
pub const FORMS: &str = "Forms";
/// The site picker's label.
pub const SITE: &str = "Site";
/// The form picker's label.
pub const FORM: &str = "Form";
/// A site without forms.
pub const NO_FORMS: &str = "This site has no forms yet.";
/// The form editor's label.
pub const DEFINITION: &str = "Definition (JSON)";
/// What the form editor holds and how it is checked.
pub const DEFINITION_HINT: &str = "The questions visitors answer (schema) and where their answers \
     go (target). Every change is checked as you type by the rules the server applies.";
/// The heading of what is wrong with a definition.
pub const PROBLEMS: &str = "Problems";
/// A definition without problems.
pub const NO_PROBLEMS: &str = "No problems: this definition can be saved.";
/// Saving a form.
pub const SAVE_FORM: &str = "Save form";
/// The save button while the form is on its way.
pub const SAVING: &str = "Saving…";
/// A form the server took.
pub const FORM_SAVED: &str = "Form saved. Visitors get it on their next visit.";
/// Putting the editor back to the saved definition.
pub const REVERT: &str = "Discard changes";
/// The preview's heading.
pub const PREVIEW: &str = "Preview";
/// What the preview is.
pub const PREVIEW_HINT: &str =
    "Drawn by the form widget itself, as visitors see it. Answers are checked, never sent.";
/// A preview behind the editor, which has problems.
pub const PREVIEW_STALE: &str = "The preview shows the last definition without problems.";
/// The widget could not be had for a preview.
pub const PREVIEW_UNAVAILABLE: &str = "The form widget could not be loaded for a preview.";
/// Downloading a form's submissions.
pub const EXPORT_CSV: &str = "Export submissions (CSV)";
/// The download's accessible status once it is ready.
pub const EXPORTED: &str = "Exported.";

/// The webhooks section's heading and navigation entry.
pub const WEBHOOKS: &str = "Webhooks";
/// What webhooks are, under the section's heading.
pub const WEBHOOKS_HINT: &str = "A webhook tells your own systems, by a signed POST to their \
     address, what happens in the site's community.";
/// A site without webhooks.
pub const NO_WEBHOOKS: &str = "This site has no webhooks yet.";
/// The heading of the form that registers a webhook.
pub const NEW_WEBHOOK: &str = "Add a webhook";
/// The webhook address field's label.
pub const WEBHOOK_URL: &str = "Address (URL) deliveries are sent to";
/// The events' group label.
pub const WEBHOOK_EVENTS: &str = "Events to send";
/// Registering a webhook.
pub const ADD_WEBHOOK: &str = "Add webhook";
/// What a new webhook's secret is, shown once above it.
pub const SECRET_ONCE: &str = "Webhook added. Its signing secret is shown this once: keep it \
     where your receiver can check signatures with it.";
/// Putting the new webhook's secret away.
pub const HIDE_SECRET: &str = "I have kept the secret";
/// A webhook that is sent deliveries.
pub const WEBHOOK_ACTIVE: &str = "Active";
/// A paused webhook.
pub const WEBHOOK_PAUSED: &str = "Paused";
/// Pausing a webhook.
pub const PAUSE: &str = "Pause";
/// Resuming a paused webhook.
pub const RESUME: &str = "Resume";
/// Opening a webhook's events form.
pub const EDIT_EVENTS: &str = "Edit events";
/// Saving a webhook's events.
pub const SAVE_EVENTS: &str = "Save events";
/// Events saved, announced.
pub const EVENTS_SAVED: &str = "Events saved";
/// Opening a webhook's deletion question.
pub const DELETE: &str = "Delete";
/// Asking before a webhook is deleted.
pub const CONFIRM_DELETE_WEBHOOK: &str =
    "Delete this webhook and its delivery log? Nothing more is sent to it; this cannot be undone.";
/// Deleting a webhook for good.
pub const DELETE_WEBHOOK: &str = "Delete webhook";
/// A webhook deleted, announced.
pub const WEBHOOK_DELETED: &str = "Webhook deleted";
/// Sending a webhook a test event.
pub const SEND_TEST: &str = "Send test event";
/// The test button while the test is on its way.
pub const SENDING: &str = "Sending…";
/// The delivery log's heading.
pub const DELIVERY_LOG: &str = "Delivery log";
/// A webhook with nothing delivered yet.
pub const NO_DELIVERIES: &str = "Nothing has been sent to this webhook yet.";
/// The delivery log's time column.
pub const DELIVERY_TIME: &str = "Time";
/// The delivery log's event column.
pub const DELIVERY_EVENT: &str = "Event";
/// The delivery log's outcome column.
pub const DELIVERY_OUTCOME: &str = "Outcome";
/// The delivery log's attempts column.
pub const DELIVERY_ATTEMPTS: &str = "Attempts";

/// The page's title, with how many items wait once known.
pub fn title(pending: Option<u32>) -> String {
    match pending {
        Some(pending) => format!("({pending}) {CONSOLE}"),
        None => CONSOLE.to_owned(),
    }
}

/// How many items wait, beside the queue's name in the bar.
pub fn waiting(pending: u32) -> String {
    if pending == 1 {
        "1 item waits for review".to_owned()
    } else {
        format!("{pending} items wait for review")
    }
}

/// A board's or feed's name in the place filter.
pub fn place(board: bool, name: &str) -> String {
    if board {
        format!("Board: {name}")
    } else {
        format!("Feed: {name}")
    }
}

/// The name of a kind of queue item, plural, for the filter.
pub fn kinds(kind: QueueKind) -> &'static str {
    match kind {
        QueueKind::Ideas => "Ideas",
        QueueKind::Comments => "Comments",
        QueueKind::Posts => "Photos",
        QueueKind::Reports => "Reported photos",
    }
}

/// The name of a kind of queue item, singular, for its badge.
pub fn kind(kind: QueueKind) -> &'static str {
    match kind {
        QueueKind::Ideas => "Idea",
        QueueKind::Comments => "Comment",
        QueueKind::Posts => "Photo",
        QueueKind::Reports => "Reported photo",
    }
}

/// Why an item waits.
pub fn reason(reason: QueueReason) -> &'static str {
    match reason {
        QueueReason::Premoderation => "New, held for review",
        QueueReason::Reports => "Reported by visitors",
    }
}

/// Who wrote an item, and where.
pub fn byline(author: &str, place: &str) -> String {
    format!("by {author} on {place}")
}

/// How many reports a post has.
pub fn reports(count: u32) -> String {
    if count == 1 {
        "1 report".to_owned()
    } else {
        format!("{count} reports")
    }
}

/// An idea status's name.
pub fn status(status: IdeaStatus) -> &'static str {
    match status {
        IdeaStatus::Open => "Open",
        IdeaStatus::UnderReview => "Under review",
        IdeaStatus::Planned => "Planned",
        IdeaStatus::InProgress => "In progress",
        IdeaStatus::Shipped => "Shipped",
        IdeaStatus::Declined => "Declined",
        IdeaStatus::Duplicate => "Duplicate",
    }
}

/// A new status, announced once saved.
pub fn status_changed(status: IdeaStatus) -> String {
    format!("Status saved: {}", self::status(status))
}

/// A pin set or lifted, announced.
pub fn pin_changed(pinned: bool) -> &'static str {
    if pinned {
        "Pinned to the top of its board"
    } else {
        "No longer pinned"
    }
}

/// What a merge would do, as its preview says.
pub fn merge_preview(preview: &kindred_api::moderation::MergePreview) -> String {
    format!(
        "Idea {} goes from {} to {}: {} moving, {} supporting both counted once; {} to move.",
        preview.into,
        votes(preview.votes_now),
        votes(preview.votes_after),
        votes(preview.votes_moving),
        preview.shared_voters,
        comments(preview.comments_moving),
    )
}

/// A number of comments.
pub fn comments(count: u32) -> String {
    if count == 1 {
        "1 comment".to_owned()
    } else {
        format!("{count} comments")
    }
}

/// An idea's tags, as its row lists them.
pub fn tags(tags: &[String]) -> String {
    if tags.is_empty() {
        NO_TAGS.to_owned()
    } else {
        format!("Tags: {}", tags.join(", "))
    }
}

/// An idea's supporters.
pub fn votes(count: u32) -> String {
    if count == 1 {
        "1 vote".to_owned()
    } else {
        format!("{count} votes")
    }
}

/// The label of an item's selection box.
pub fn select(excerpt: &str) -> String {
    format!("Select: {excerpt}")
}

/// When an item was written, from its RFC 3339 time: date, hours and minutes, UTC.
pub fn when(created_at: &str) -> String {
    let shown: String = created_at.replace('T', " ").chars().take(16).collect();
    format!("{shown} UTC")
}

/// The choice to block an item's author while rejecting it.
pub fn block(author: &str, site: &str) -> String {
    format!("Also block {author} from writing on {site}")
}

/// How many items are selected.
pub fn selected(count: usize) -> String {
    if count == 1 {
        "1 item selected".to_owned()
    } else {
        format!("{count} items selected")
    }
}

/// A decision taken on several items, announced to screen readers.
pub fn decided_many(approved: bool, count: usize) -> String {
    let verb = if approved { "Approved" } else { "Rejected" };
    if count == 1 {
        format!("{verb} 1 item")
    } else {
        format!("{verb} {count} items")
    }
}

/// Some of several decisions failed, the last for this reason.
pub fn some_failed(message: &str) -> String {
    format!("Some items could not be decided on: {message}")
}

/// A decision taken on an item, announced to screen readers.
pub fn decided(approved: bool, excerpt: &str) -> String {
    if approved {
        format!("Approved: {excerpt}")
    } else {
        format!("Rejected: {excerpt}")
    }
}

/// A section's name in the navigation.
pub fn section(section: crate::section::Section) -> &'static str {
    use crate::section::Section;
    match section {
        Section::Queue => QUEUE,
        Section::Ideas => IDEAS,
        Section::Forms => FORMS,
        Section::Settings => SETTINGS,
        Section::Webhooks => WEBHOOKS,
        Section::Insights => INSIGHTS,
    }
}

/// A report's period.
pub fn period(from: &str, to: &str, days: u32) -> String {
    let days = if days == 1 {
        "1 day".to_owned()
    } else {
        format!("{days} days")
    };
    format!("From {from} to {to} (UTC, {days})")
}

/// A count of likes.
pub fn likes(count: u32) -> String {
    if count == 1 {
        "1 like".to_owned()
    } else {
        format!("{count} likes")
    }
}

/// An idea that crossed its threshold, and when.
pub fn crossed(title: &str, threshold: u32, at: &str) -> String {
    format!("{title}: {threshold} supporters on {}", when(at))
}

/// What the daily chart shows, for assistive technology.
pub fn series_description(first: &str, last: &str, top: u32) -> String {
    format!(
        "Visitors, participants, votes and submissions each day from {first} to {last}, \
         at most {top} a day. The numbers are in the table below."
    )
}

/// What the funnel shows, for assistive technology.
pub fn funnel_description(funnel: &kindred_api::insights::Funnel) -> String {
    format!(
        "{} saw a widget, {} voted or liked, {} submitted.",
        funnel.seen, funnel.voted, funnel.submitted
    )
}

/// Items back in the queue after their decision was taken back.
pub fn undone(count: usize) -> String {
    if count == 1 {
        "Undone: 1 item waits for review again".to_owned()
    } else {
        format!("Undone: {count} items wait for review again")
    }
}

/// How many submissions a form has.
pub fn submissions(count: u32) -> String {
    match count {
        1 => "1 submission".to_owned(),
        _ => format!("{count} submissions"),
    }
}

/// Text that is not JSON, where it stops being JSON.
pub fn not_json(line: usize, column: usize) -> String {
    format!("This is not valid JSON (line {line}, column {column}).")
}

/// JSON that is not shaped like a form definition, with the parser's own words.
pub fn wrong_shape(detail: &str) -> String {
    format!("This does not fit a form definition: {detail}.")
}

/// What a rule's code (`crates/api`'s `validate` codes) says is wrong with a value.
pub fn problem(code: &str) -> &'static str {
    match code {
        "required" => "is required.",
        "invalid" => "is not valid.",
        "too_short" => "is too short.",
        "too_long" => "is too long.",
        "too_many" => "has too many entries.",
        "too_few" => "has too few entries.",
        "out_of_range" => "is out of range.",
        "invalid_url" => "is not a web address.",
        "not_an_option" => "is not one of the options.",
        "not_found" => "names something that does not exist on this site.",
        "duplicate" => "repeats another one.",
        "unknown_field" => "names no question of the form.",
        "wrong_type" => "has the wrong type for this question.",
        "unsupported_type" => "is not a supported type.",
        "too_large" => "is too large.",
        _ => "is not accepted here.",
    }
}

/// An event's description, beside its name, where webhooks choose them.
pub fn event(event: WebhookEvent) -> &'static str {
    match event {
        WebhookEvent::IdeaCreated => "A visitor proposes an idea",
        WebhookEvent::IdeaStatusChanged => "A moderator changes an idea's status",
        WebhookEvent::IdeaThresholdReached => "An idea reaches its board's supporter threshold",
        WebhookEvent::PostCreated => "A visitor submits a post to a feed",
        WebhookEvent::Test => "A test, sent from this console",
    }
}

/// The events a webhook is sent, as its row lists them.
pub fn events(events: &[WebhookEvent]) -> String {
    let names: Vec<_> = events.iter().map(|event| event.as_str()).collect();
    format!("Events: {}", names.join(", "))
}

/// A webhook paused or resumed, announced.
pub fn active_changed(active: bool) -> &'static str {
    if active {
        "Webhook resumed: events are sent to it again"
    } else {
        "Webhook paused: no event is sent to it until it is resumed"
    }
}

/// What a webhook field the server or the rules refused is called, before what is wrong.
pub fn webhook_field(field: &str) -> &'static str {
    match field {
        "url" => "The address",
        "events" => "The choice of events",
        "secret" => "The secret",
        _ => "A value",
    }
}

/// Where a delivery stands, in the log: delivered or failed, with the receiver's status or
/// why no answer came, or when it is tried next.
pub fn outcome(delivery: &WebhookDelivery) -> String {
    let last = delivery.attempts.last();
    let status = last.and_then(|attempt| attempt.status);
    let error = last.and_then(|attempt| attempt.error.as_deref());
    match (delivery.state, status, error) {
        (DeliveryState::Delivered, Some(status), _) => format!("Delivered (HTTP {status})"),
        (DeliveryState::Delivered, None, _) => "Delivered".to_owned(),
        (DeliveryState::Failed, _, Some(error)) => format!("Failed: {error}"),
        (DeliveryState::Failed, _, None) => "Failed".to_owned(),
        (DeliveryState::Pending, _, _) => match (&delivery.next_attempt_at, error) {
            (Some(next), Some(error)) => format!("Retrying {}: {error}", when(next)),
            _ => "Waiting to be sent".to_owned(),
        },
    }
}

/// How a test event went, announced as soon as the receiver has answered.
pub fn tested(delivery: &WebhookDelivery) -> String {
    format!("Test event: {}", outcome(delivery))
}

/// How many attempts a delivery took.
pub fn attempts(count: usize) -> String {
    match count {
        1 => "1 attempt".to_owned(),
        _ => format!("{count} attempts"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_decisions_read_naturally() {
        assert_eq!(reports(1), "1 report");
        assert_eq!(reports(3), "3 reports");
        assert_eq!(decided(true, "Vest"), "Approved: Vest");
        assert_eq!(decided(false, "Vest"), "Rejected: Vest");
        assert_eq!(
            byline("Ana", "ridgeline / gear"),
            "by Ana on ridgeline / gear"
        );
    }

    #[test]
    fn every_kind_has_distinct_names() {
        let singular: std::collections::HashSet<_> = QueueKind::ALL.map(kind).into();
        let plural: std::collections::HashSet<_> = QueueKind::ALL.map(kinds).into();
        assert_eq!((singular.len(), plural.len()), (4, 4));
    }

    #[test]
    fn delivery_outcomes_say_how_it_went_in_words() {
        let mut delivery = WebhookDelivery {
            id: "8".into(),
            event: WebhookEvent::Test,
            state: DeliveryState::Failed,
            payload: "{}".into(),
            next_attempt_at: None,
            delivered_at: None,
            created_at: "2026-11-26T15:40:00.412Z".into(),
            attempts: vec![kindred_api::DeliveryAttempt {
                status: Some(500),
                error: Some("the receiver answered 500 Internal Server Error".into()),
                duration_ms: 9,
                at: "2026-11-26T15:40:00.421Z".into(),
            }],
        };
        assert_eq!(
            tested(&delivery),
            "Test event: Failed: the receiver answered 500 Internal Server Error"
        );
        delivery.state = DeliveryState::Delivered;
        delivery.attempts[0].status = Some(204);
        assert_eq!(outcome(&delivery), "Delivered (HTTP 204)");
        delivery.state = DeliveryState::Pending;
        delivery.attempts.clear();
        assert_eq!(outcome(&delivery), "Waiting to be sent");
        assert_eq!(attempts(1), "1 attempt");
    }
}
