//! Webhooks as the moderation API manages them, and the events they carry.
//!
//! A brand registers a URL for some [`WebhookEvent`]s; each event is then POSTed to it as
//! `{"id","type","created_at","site","data"}` JSON, signed with the webhook's secret, and
//! retried with backoff until the receiver answers 2xx. Every delivery and its attempts stay
//! readable as [`WebhookDelivery`].

use serde::{Deserialize, Serialize};

use crate::validate::{self, FieldErrors};

/// Limits on what a webhook registration may hold.
pub mod limits {
    /// Longest URL, in characters.
    pub const URL_MAX: usize = 2000;
    /// Shortest signing secret, in characters.
    pub const SECRET_MIN: usize = 16;
    /// Longest signing secret, in characters.
    pub const SECRET_MAX: usize = 200;
}

/// What a webhook can be told about.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum WebhookEvent {
    /// A visitor proposed an idea (listed, or waiting for review).
    #[serde(rename = "idea.created")]
    IdeaCreated,
    /// A moderator moved an idea to another status.
    #[serde(rename = "idea.status_changed")]
    IdeaStatusChanged,
    /// An idea reached its board's supporter threshold (once per idea).
    #[serde(rename = "idea.threshold_reached")]
    IdeaThresholdReached,
    /// A visitor submitted a post to a feed (listed, or waiting for review).
    #[serde(rename = "post.created")]
    PostCreated,
    /// A moderator asked for a test delivery (`POST /v1/moderation/webhooks/{id}/test`). It is
    /// sent whatever the webhook chose, and cannot be chosen.
    #[serde(rename = "webhook.test")]
    Test,
}

impl WebhookEvent {
    /// Every event a webhook can choose, in documentation order; [`Self::Test`] is not one.
    pub const ALL: [Self; 4] = [
        Self::IdeaCreated,
        Self::IdeaStatusChanged,
        Self::IdeaThresholdReached,
        Self::PostCreated,
    ];

    /// The event's name on the wire, as in `X-Kindred-Event`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::IdeaCreated => "idea.created",
            Self::IdeaStatusChanged => "idea.status_changed",
            Self::IdeaThresholdReached => "idea.threshold_reached",
            Self::PostCreated => "post.created",
            Self::Test => "webhook.test",
        }
    }

    /// The event named `name`, if there is one.
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .chain([Self::Test])
            .find(|event| event.as_str() == name)
    }
}

/// A registered webhook. Its secret is shown only once, when it is created.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Webhook {
    /// Identifier.
    pub id: String,
    /// Where deliveries are POSTed (`https://…`, or `http://…`).
    pub url: String,
    /// The events it is told about.
    pub events: Vec<WebhookEvent>,
    /// Whether deliveries are made; a paused webhook records nothing new.
    pub active: bool,
    /// Creation time, RFC 3339 in UTC.
    pub created_at: String,
}

/// The body of `POST /v1/moderation/sites/{site}/webhooks`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CreateWebhook {
    /// Where deliveries go: an absolute `http` or `https` URL.
    pub url: String,
    /// The events to send; at least one.
    pub events: Vec<WebhookEvent>,
    /// The signing secret, at least 16 characters; the server makes a random one when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secret: Option<String>,
}

/// The body of `PUT /v1/moderation/webhooks/{id}`: what changes, the rest stays.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UpdateWebhook {
    /// A new URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// A new set of events; at least one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub events: Option<Vec<WebhookEvent>>,
    /// Pause (`false`) or resume (`true`) deliveries.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
}

impl CreateWebhook {
    /// Checks the registration, answering per-field codes: `url` must be an absolute
    /// `http`/`https` URL, `events` non-empty without repeats, `secret` 16 to 200 characters.
    pub fn validate(&self) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::new();
        check_url(&mut errors, &self.url);
        check_events(&mut errors, &self.events);
        if let Some(secret) = &self.secret {
            validate::text(
                &mut errors,
                "secret",
                secret,
                limits::SECRET_MIN,
                limits::SECRET_MAX,
            );
        }
        validate::finish(errors)
    }
}

impl UpdateWebhook {
    /// Checks what is given, by the rules of [`CreateWebhook::validate`].
    pub fn validate(&self) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::new();
        if let Some(url) = &self.url {
            check_url(&mut errors, url);
        }
        if let Some(events) = &self.events {
            check_events(&mut errors, events);
        }
        validate::finish(errors)
    }
}

/// An absolute `http` or `https` URL with a host and no spaces.
fn check_url(errors: &mut FieldErrors, url: &str) {
    validate::url(errors, "url", url, limits::URL_MAX, validate::is_web_url);
}

/// At least one event, none twice, and not the test event, which no webhook chooses.
fn check_events(errors: &mut FieldErrors, events: &[WebhookEvent]) {
    if events.is_empty() {
        validate::push(errors, "events", validate::REQUIRED);
    } else if events.contains(&WebhookEvent::Test)
        || events
            .iter()
            .enumerate()
            .any(|(i, event)| events[..i].contains(event))
    {
        validate::push(errors, "events", validate::INVALID);
    }
}

/// A new webhook with its secret: the only time the secret is shown.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreatedWebhook {
    /// The webhook, its fields inline.
    #[serde(flatten)]
    pub webhook: Webhook,
    /// The HMAC-SHA256 key deliveries are signed with.
    pub secret: String,
}

/// Where a delivery stands.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeliveryState {
    /// Not delivered yet; another attempt is due at `next_attempt_at`.
    Pending,
    /// The receiver answered 2xx.
    Delivered,
    /// Every attempt failed; no more will be made.
    Failed,
}

/// One event sent (or being sent) to one webhook, with its attempts.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WebhookDelivery {
    /// Identifier, also sent as `X-Kindred-Delivery` and as the payload's `id`.
    pub id: String,
    /// The event.
    pub event: WebhookEvent,
    /// Where it stands.
    pub state: DeliveryState,
    /// The exact JSON body sent.
    pub payload: String,
    /// When the next attempt is due, while pending.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_attempt_at: Option<String>,
    /// When it was delivered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivered_at: Option<String>,
    /// Creation time, RFC 3339 in UTC.
    pub created_at: String,
    /// Every attempt so far, oldest first.
    pub attempts: Vec<DeliveryAttempt>,
}

/// One try at a delivery.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeliveryAttempt {
    /// The receiver's HTTP status, absent when no answer came.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    /// Why it failed, when it did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// How long the request took, in milliseconds.
    pub duration_ms: u32,
    /// When it was made, RFC 3339 in UTC.
    pub at: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn event_names_match_serde() {
        for event in WebhookEvent::ALL.into_iter().chain([WebhookEvent::Test]) {
            let json = serde_json::to_value(event).unwrap();
            assert_eq!(json, event.as_str());
            assert_eq!(WebhookEvent::parse(event.as_str()), Some(event));
        }
        assert_eq!(WebhookEvent::parse("idea.deleted"), None);
    }

    fn registration(url: &str, events: Vec<WebhookEvent>, secret: Option<&str>) -> CreateWebhook {
        CreateWebhook {
            url: url.into(),
            events,
            secret: secret.map(str::to_owned),
        }
    }

    #[test]
    fn registrations_need_a_web_url_some_events_and_a_long_secret() {
        let good = registration(
            "https://hooks.example.com/kindred?x=1",
            vec![WebhookEvent::IdeaCreated],
            None,
        );
        assert_eq!(good.validate(), Ok(()));
        let cases = [
            (
                "",
                vec![WebhookEvent::IdeaCreated],
                None,
                "url",
                validate::REQUIRED,
            ),
            (
                "ftp://x.test",
                vec![WebhookEvent::IdeaCreated],
                None,
                "url",
                validate::INVALID,
            ),
            (
                "https://",
                vec![WebhookEvent::IdeaCreated],
                None,
                "url",
                validate::INVALID,
            ),
            (
                "https://a b.test",
                vec![WebhookEvent::IdeaCreated],
                None,
                "url",
                validate::INVALID,
            ),
            ("https://x.test", vec![], None, "events", validate::REQUIRED),
            (
                "https://x.test",
                vec![WebhookEvent::PostCreated, WebhookEvent::PostCreated],
                None,
                "events",
                validate::INVALID,
            ),
            (
                "https://x.test",
                vec![WebhookEvent::Test],
                None,
                "events",
                validate::INVALID,
            ),
            (
                "https://x.test",
                vec![WebhookEvent::PostCreated],
                Some("short"),
                "secret",
                validate::TOO_SHORT,
            ),
        ];
        for (url, events, secret, field, code) in cases {
            let errors = registration(url, events, secret).validate().unwrap_err();
            assert_eq!(errors[field], [code], "{url}");
        }
    }
}
