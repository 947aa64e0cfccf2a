//! The events a widget sends about itself: for now only that it was seen.
//!
//! A widget batches its events and sends them with `navigator.sendBeacon`, which can set no
//! header, so the anonymous visitor id travels in the body rather than in
//! [`crate::VISITOR_HEADER`]. Each event names the one place it happened on by slug.

use serde::{Deserialize, Serialize};

use crate::validate::{self, is_slug, FieldErrors};
use crate::VisitorId;

/// The only event type so far: the widget was at least half visible.
pub const SEEN: &str = "seen";

/// Most events in one batch; a widget sends one per mounted widget and page load.
pub const EVENTS_MAX: usize = 50;

/// The kinds of place a widget shows.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceKind {
    /// An idea board.
    Board,
    /// A UGC feed.
    Feed,
    /// A co-creation form.
    Form,
}

impl PlaceKind {
    /// The wire spelling, also the stored one.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Board => "board",
            Self::Feed => "feed",
            Self::Form => "form",
        }
    }
}

/// `POST /v1/sites/{site}/engagement`: what one page's widgets report, as JSON (sent as
/// `text/plain` by beacons, or `application/json`).
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EngagementBatch {
    /// The anonymous visitor id the widget keeps (a UUID v4).
    pub visitor: String,
    /// 1 to [`EVENTS_MAX`] events.
    pub events: Vec<EngagementEvent>,
}

/// One event: its type and the one place it happened on, such as
/// `{"type":"seen","board":"trail-shoes"}`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EngagementEvent {
    /// What happened: `seen`.
    #[serde(rename = "type")]
    pub event: String,
    /// The board's slug, when a board was seen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub board: Option<String>,
    /// The feed's slug, when a feed was seen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feed: Option<String>,
    /// The form's slug, when a form was seen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form: Option<String>,
}

impl EngagementEvent {
    /// A `seen` event for the place of `kind` with `slug`.
    pub fn seen(kind: PlaceKind, slug: &str) -> Self {
        let slug = Some(slug.to_owned());
        let mut event = Self {
            event: SEEN.to_owned(),
            ..Self::default()
        };
        match kind {
            PlaceKind::Board => event.board = slug,
            PlaceKind::Feed => event.feed = slug,
            PlaceKind::Form => event.form = slug,
        }
        event
    }

    /// The one place the event names, if it names exactly one.
    fn place(&self) -> Option<(PlaceKind, &str)> {
        let mut named = [
            (PlaceKind::Board, &self.board),
            (PlaceKind::Feed, &self.feed),
            (PlaceKind::Form, &self.form),
        ]
        .into_iter()
        .filter_map(|(kind, slug)| Some((kind, slug.as_deref()?)));
        let place = named.next()?;
        named.next().is_none().then_some(place)
    }
}

/// A batch that keeps the rules: who saw which places.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckedBatch<'a> {
    /// The visitor.
    pub visitor: VisitorId,
    /// The places seen, by kind and slug, in the batch's order.
    pub places: Vec<(PlaceKind, &'a str)>,
}

impl EngagementBatch {
    /// Who saw which places, or every rule broken: `visitor` not a UUID v4
    /// (`invalid`); no events (`required`) or more than [`EVENTS_MAX`] (`too_many`); and for
    /// event `n`, `events[n].type` other than `seen` (`invalid`), or `events[n]` naming no
    /// place, several, or one that is not a slug (`invalid`).
    pub fn validate(&self) -> Result<CheckedBatch<'_>, FieldErrors> {
        let mut errors = FieldErrors::new();
        let visitor = VisitorId::parse(&self.visitor).ok();
        if visitor.is_none() {
            validate::push(&mut errors, "visitor", validate::INVALID);
        }
        if self.events.is_empty() {
            validate::push(&mut errors, "events", validate::REQUIRED);
        } else if self.events.len() > EVENTS_MAX {
            validate::push(&mut errors, "events", validate::TOO_MANY);
        }
        let mut places = Vec::with_capacity(self.events.len());
        for (n, event) in self.events.iter().enumerate().take(EVENTS_MAX) {
            if event.event != SEEN {
                validate::push(&mut errors, &format!("events[{n}].type"), validate::INVALID);
            }
            match event.place() {
                Some((kind, slug)) if is_slug(slug) => places.push((kind, slug)),
                _ => validate::push(&mut errors, &format!("events[{n}]"), validate::INVALID),
            }
        }
        validate::finish(errors)?;
        visitor
            .map(|visitor| CheckedBatch { visitor, places })
            .ok_or_else(FieldErrors::new)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const VISITOR: &str = "0f8fad5b-d9cb-469f-a165-70867728950e";

    fn batch(events: serde_json::Value) -> EngagementBatch {
        serde_json::from_value(serde_json::json!({ "visitor": VISITOR, "events": events })).unwrap()
    }

    #[test]
    fn seen_events_name_one_place() {
        let event = EngagementEvent::seen(PlaceKind::Feed, "trail-stories");
        assert_eq!(
            serde_json::to_value(&event).unwrap(),
            serde_json::json!({ "type": "seen", "feed": "trail-stories" })
        );
        let batch = batch(serde_json::json!([
            { "type": "seen", "board": "shoes" },
            { "type": "seen", "form": "wishlist" },
        ]));
        let checked = batch.validate().unwrap();
        assert_eq!(checked.visitor.as_str(), VISITOR);
        assert_eq!(
            checked.places,
            [(PlaceKind::Board, "shoes"), (PlaceKind::Form, "wishlist")]
        );
    }

    #[test]
    fn every_broken_rule_is_listed() {
        let mut broken = batch(serde_json::json!([
            { "type": "clicked", "board": "shoes" },
            { "type": "seen" },
            { "type": "seen", "board": "a", "feed": "b" },
            { "type": "seen", "form": "Not A Slug" },
        ]));
        broken.visitor = "nope".into();
        let errors = broken.validate().unwrap_err();
        let fields: Vec<&str> = errors.keys().map(String::as_str).collect();
        assert_eq!(
            fields,
            [
                "events[0].type",
                "events[1]",
                "events[2]",
                "events[3]",
                "visitor"
            ]
        );
    }

    #[test]
    fn batches_hold_one_to_fifty_events() {
        let empty = batch(serde_json::json!([]));
        assert_eq!(empty.validate().unwrap_err()["events"], ["required"]);
        let one = serde_json::json!({ "type": "seen", "board": "shoes" });
        let full = batch(serde_json::Value::Array(vec![one.clone(); EVENTS_MAX]));
        assert_eq!(full.validate().unwrap().places.len(), EVENTS_MAX);
        let over = batch(serde_json::Value::Array(vec![one; EVENTS_MAX + 1]));
        assert_eq!(over.validate().unwrap_err()["events"], ["too_many"]);
    }
}
