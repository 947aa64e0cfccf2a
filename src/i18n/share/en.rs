//! Sharing a photo, in English.

use super::ShareText;
use crate::i18n::{Catalog, English};

impl ShareText for English {
    fn share_photo(&self) -> &'static str {
        "Share your photo"
    }

    fn photo_label(&self) -> &'static str {
        "Your photo"
    }

    fn photo_hint(&self, kinds: &str, megabytes: u32) -> String {
        format!("{kinds}; up to {} MB.", self.number(megabytes))
    }

    fn alt_label(&self) -> &'static str {
        "Describe your photo"
    }

    fn alt_hint(&self) -> &'static str {
        "For people who can’t see it, say what it shows. For example: “A runner crossing a stream at dawn”."
    }

    fn caption_label(&self) -> &'static str {
        "Caption"
    }

    fn products_label(&self) -> &'static str {
        "Products in your photo"
    }

    fn consent_default(&self) -> &'static str {
        "I took this photo, and I allow the brand to show it on its website and channels."
    }

    fn share_submit(&self) -> &'static str {
        "Share photo"
    }

    fn uploading(&self, percent: u32) -> String {
        format!("Uploading… {}%", self.number(percent))
    }

    fn cancel_upload(&self) -> &'static str {
        "Cancel upload"
    }

    fn thanks_reviewed(&self) -> &'static str {
        "Thank you! Your photo will appear once our moderators have reviewed it."
    }

    fn thanks_listed(&self) -> &'static str {
        "Thank you! Your photo is now in the feed."
    }

    fn share_another(&self) -> &'static str {
        "Share another photo"
    }
}
