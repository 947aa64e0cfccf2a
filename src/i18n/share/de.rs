//! Sharing a photo, in German.

use super::ShareText;
use crate::i18n::{Catalog, German};

impl ShareText for German {
    fn share_photo(&self) -> &'static str {
        "Teile dein Foto"
    }

    fn photo_label(&self) -> &'static str {
        "Dein Foto"
    }

    fn photo_hint(&self, kinds: &str, megabytes: u32) -> String {
        format!("{kinds}; bis {} MB.", self.number(megabytes))
    }

    fn alt_label(&self) -> &'static str {
        "Beschreibe dein Foto"
    }

    fn alt_hint(&self) -> &'static str {
        "Für Menschen, die es nicht sehen können: Was zeigt es? Zum Beispiel: „Eine Läuferin durchquert im Morgengrauen einen Bach“."
    }

    fn caption_label(&self) -> &'static str {
        "Bildunterschrift"
    }

    fn products_label(&self) -> &'static str {
        "Produkte auf deinem Foto"
    }

    fn consent_default(&self) -> &'static str {
        "Ich habe dieses Foto selbst aufgenommen und erlaube der Marke, es auf ihrer Website und ihren Kanälen zu zeigen."
    }

    fn share_submit(&self) -> &'static str {
        "Foto teilen"
    }

    fn uploading(&self, percent: u32) -> String {
        format!("Wird hochgeladen … {} %", self.number(percent))
    }

    fn cancel_upload(&self) -> &'static str {
        "Hochladen abbrechen"
    }

    fn thanks_reviewed(&self) -> &'static str {
        "Danke! Dein Foto erscheint, sobald unsere Moderation es geprüft hat."
    }

    fn thanks_listed(&self) -> &'static str {
        "Danke! Dein Foto ist jetzt im Feed."
    }

    fn share_another(&self) -> &'static str {
        "Noch ein Foto teilen"
    }
}
