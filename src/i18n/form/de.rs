//! Co-creation forms, in German.

use super::en::megabytes;
use super::FormText;
use kindred_api::TextFormat;

use crate::forms::FormIssue;
use crate::i18n::number::{decimal, LATIN};
use crate::i18n::{Catalog, German};

impl FormText for German {
    fn form_issue(&self, issue: FormIssue) -> String {
        let d = |x: f64| decimal(x, ',', &LATIN);
        match issue {
            FormIssue::Required => "Bitte beantworten Sie diese Frage.".into(),
            FormIssue::ConsentRequired => "Bitte setzen Sie das Häkchen, um fortzufahren.".into(),
            FormIssue::TooLong(max) => format!(
                "Höchstens {} Zeichen.",
                self.number(u32::try_from(max).unwrap_or(u32::MAX))
            ),
            FormIssue::TooShort(min) => format!(
                "Mindestens {} Zeichen.",
                self.number(u32::try_from(min).unwrap_or(u32::MAX))
            ),
            FormIssue::InvalidFormat(format) => match format {
                TextFormat::Digits => "Bitte nur Ziffern verwenden.",
                TextFormat::Alphanumeric => "Bitte nur Buchstaben und Ziffern verwenden.",
                TextFormat::Phone => "Geben Sie eine Telefonnummer ein, etwa +49 30 1234567.",
                TextFormat::PostalCode => "Geben Sie eine Postleitzahl ein, etwa 10115.",
                TextFormat::HexColor => "Geben Sie eine Farbe als # und sechs Ziffern oder Buchstaben a bis f ein, etwa #2f6f4e.",
                TextFormat::Handle => "Geben Sie einen Benutzernamen aus Buchstaben, Ziffern, _ und . ein, etwa @name.",
            }
            .into(),
            FormIssue::InvalidEmail => {
                "Geben Sie eine E-Mail-Adresse ein, etwa name@example.com.".into()
            }
            FormIssue::InvalidUrl => {
                "Geben Sie eine Webadresse ein, etwa https://example.com.".into()
            }
            FormIssue::InvalidDate => "Geben Sie ein Datum ein.".into(),
            FormIssue::DateOutOfRange { min, max } => match (min, max) {
                (Some(min), Some(max)) => format!("Wählen Sie ein Datum vom {} bis {}.", min, max),
                (Some(min), None) => format!("Wählen Sie den {} oder später.", min),
                (None, Some(max)) => format!("Wählen Sie den {} oder früher.", max),
                (None, None) => "Geben Sie ein Datum ein.".into(),
            },
            FormIssue::NotANumber => "Geben Sie eine Zahl ein.".into(),
            FormIssue::OutOfRange { min, max } => match (min, max) {
                (Some(min), Some(max)) => {
                    format!("Geben Sie eine Zahl von {} bis {} ein.", d(min), d(max))
                }
                (Some(min), None) => format!("Geben Sie {} oder mehr ein.", d(min)),
                (None, Some(max)) => format!("Geben Sie {} oder weniger ein.", d(max)),
                (None, None) => "Geben Sie eine Zahl ein.".into(),
            },
            FormIssue::TooFew(min) => format!("Wählen Sie mindestens {}.", self.number(min)),
            FormIssue::TooMany(max) => format!("Wählen Sie höchstens {}.", self.number(max)),
            FormIssue::UnsupportedType => "Wählen Sie ein JPEG-, PNG- oder WebP-Foto.".into(),
            FormIssue::TooLarge(bytes) => {
                format!("Wählen Sie ein Foto bis {} MB.", megabytes(bytes))
            }
            FormIssue::Invalid => "Bitte prüfen Sie diese Antwort.".into(),
        }
    }

    fn drop_photo(&self) -> &'static str {
        "oder zieh ein Foto hierher"
    }

    fn photo_preview(&self) -> &'static str {
        "Vorschau deines Fotos"
    }

    fn optional(&self) -> &'static str {
        "(freiwillig)"
    }

    fn send_form(&self) -> &'static str {
        "Absenden"
    }

    fn sending_form(&self) -> &'static str {
        "Wird gesendet…"
    }

    fn form_failed(&self) -> &'static str {
        "Ihre Antworten konnten nicht gesendet werden. Sie sind noch da: Versuchen Sie es erneut."
    }

    fn form_unavailable(&self) -> &'static str {
        "Dieses Formular konnte nicht geladen werden."
    }

    fn form_loading(&self) -> &'static str {
        "Formular wird geladen…"
    }

    fn form_preview(&self) -> &'static str {
        "Vorschau: Antworten werden wie die der Besucher geprüft, aber nicht gesendet."
    }

    fn form_preview_checked(&self) -> &'static str {
        "Diese Antworten bestehen alle Prüfungen. In der Vorschau wird nichts gesendet."
    }

    fn form_received(&self) -> &'static str {
        "Danke! Ihre Antworten sind angekommen."
    }

    fn next_page(&self) -> &'static str {
        "Weiter"
    }

    fn previous_page(&self) -> &'static str {
        "Zurück"
    }

    fn form_step(&self, step: u32, steps: u32) -> String {
        format!("Schritt {} von {}", self.number(step), self.number(steps))
    }

    fn form_misplaced(&self) -> &'static str {
        "Diesem Formular fehlen Angaben der Seite, auf der es steht, daher kann es hier nicht gesendet werden."
    }

    fn choose_option(&self) -> &'static str {
        "Bitte wählen…"
    }

    fn least_likely(&self) -> &'static str {
        "Überhaupt nicht wahrscheinlich"
    }

    fn most_likely(&self) -> &'static str {
        "Äußerst wahrscheinlich"
    }

    fn rating_value(&self, score: u32, best: u32) -> String {
        format!("{} von {}", self.number(score), self.number(best))
    }
}
