//! The words of sharing a photo to a feed.

mod ar;
mod de;
mod en;
mod fr;

/// Messages of the form that shares a photo, in one locale.
pub trait ShareText {
    /// The button that opens the form, and the form's heading.
    fn share_photo(&self) -> &'static str;
    /// The photo question's label.
    fn photo_label(&self) -> &'static str;
    /// The photo question's help: the kinds of file taken ("JPEG, PNG, WebP") and the
    /// largest size, in whole megabytes.
    fn photo_hint(&self, kinds: &str, megabytes: u32) -> String;
    /// The alt text question's label.
    fn alt_label(&self) -> &'static str;
    /// The alt text question's help: what a good description says.
    fn alt_hint(&self) -> &'static str;
    /// The caption question's label.
    fn caption_label(&self) -> &'static str;
    /// The products question's label.
    fn products_label(&self) -> &'static str;
    /// The rights consent, where the site has not written its own.
    fn consent_default(&self) -> &'static str;
    /// The button that uploads the photo.
    fn share_submit(&self) -> &'static str;
    /// How far the upload has got: "Uploading… 42%".
    fn uploading(&self, percent: u32) -> String;
    /// The button that stops an upload under way.
    fn cancel_upload(&self) -> &'static str;
    /// The thanks once a photo waits for the moderators.
    fn thanks_reviewed(&self) -> &'static str;
    /// The thanks once a photo is in the feed.
    fn thanks_listed(&self) -> &'static str;
    /// The button that empties the form for another photo.
    fn share_another(&self) -> &'static str;
}

#[cfg(test)]
mod tests {
    use crate::i18n::{Catalog, Locale};

    /// Every catalog translates every message of sharing a photo.
    #[test]
    fn every_catalog_translates_sharing() {
        let texts = |c: &dyn Catalog| {
            let mut texts: Vec<String> = [
                c.share_photo(),
                c.photo_label(),
                c.alt_label(),
                c.alt_hint(),
                c.caption_label(),
                c.products_label(),
                c.consent_default(),
                c.share_submit(),
                c.cancel_upload(),
                c.thanks_reviewed(),
                c.thanks_listed(),
                c.share_another(),
            ]
            .map(str::to_owned)
            .to_vec();
            texts.push(c.photo_hint("JPEG, PNG", 9));
            texts.push(c.uploading(42));
            texts
        };
        let english = texts(Locale::En.catalog());
        for locale in Locale::ALL.into_iter().filter(|&l| l != Locale::En) {
            let catalog = locale.catalog();
            for (text, english) in texts(catalog).into_iter().zip(&english) {
                assert!(!text.trim().is_empty(), "{locale:?}: blank for {english:?}");
                assert_ne!(&text, english, "{locale:?}: untranslated");
            }
            assert!(catalog.uploading(42).contains(&catalog.number(42)));
            assert!(catalog.photo_hint("JPEG, PNG", 9).contains("JPEG, PNG"));
        }
        assert_eq!(Locale::En.catalog().uploading(42), "Uploading… 42%");
    }
}
