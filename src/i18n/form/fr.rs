//! Co-creation forms, in French.

use super::en::megabytes;
use super::FormText;
use kindred_api::TextFormat;

use crate::forms::FormIssue;
use crate::i18n::number::{decimal, LATIN};
use crate::i18n::{Catalog, French};

impl FormText for French {
    fn form_issue(&self, issue: FormIssue) -> String {
        let d = |x: f64| decimal(x, ',', &LATIN);
        match issue {
            FormIssue::Required => "Merci de répondre à cette question.".into(),
            FormIssue::ConsentRequired => "Cochez cette case pour continuer.".into(),
            FormIssue::TooLong(max) => format!(
                "{} caractères au maximum.",
                self.number(u32::try_from(max).unwrap_or(u32::MAX))
            ),
            FormIssue::TooShort(min) => format!(
                "{} caractères au minimum.",
                self.number(u32::try_from(min).unwrap_or(u32::MAX))
            ),
            FormIssue::InvalidFormat(format) => match format {
                TextFormat::Digits => "Utilisez uniquement des chiffres.",
                TextFormat::Alphanumeric => "Utilisez uniquement des lettres et des chiffres.",
                TextFormat::Phone => "Saisissez un numéro de téléphone, comme +33 1 23 45 67 89.",
                TextFormat::PostalCode => "Saisissez un code postal, comme 75008.",
                TextFormat::HexColor => "Saisissez une couleur : # puis six chiffres ou lettres de a à f, comme #2f6f4e.",
                TextFormat::Handle => "Saisissez un identifiant de lettres, chiffres, _ et ., comme @nom.",
            }
            .into(),
            FormIssue::InvalidEmail => {
                "Saisissez une adresse e-mail, comme nom@example.com.".into()
            }
            FormIssue::InvalidUrl => "Saisissez une adresse web, comme https://example.com.".into(),
            FormIssue::InvalidDate => "Saisissez une date.".into(),
            FormIssue::DateOutOfRange { min, max } => match (min, max) {
                (Some(min), Some(max)) => format!("Choisissez une date du {} au {}.", min, max),
                (Some(min), None) => format!("Choisissez le {} ou après.", min),
                (None, Some(max)) => format!("Choisissez le {} ou avant.", max),
                (None, None) => "Saisissez une date.".into(),
            },
            FormIssue::NotANumber => "Saisissez un nombre.".into(),
            FormIssue::OutOfRange { min, max } => match (min, max) {
                (Some(min), Some(max)) => {
                    format!("Saisissez un nombre entre {} et {}.", d(min), d(max))
                }
                (Some(min), None) => format!("Saisissez {} ou plus.", d(min)),
                (None, Some(max)) => format!("Saisissez {} ou moins.", d(max)),
                (None, None) => "Saisissez un nombre.".into(),
            },
            FormIssue::TooFew(min) => format!("Choisissez-en au moins {}.", self.number(min)),
            FormIssue::TooMany(max) => format!("Choisissez-en au plus {}.", self.number(max)),
            FormIssue::UnsupportedType => "Choisissez une photo JPEG, PNG ou WebP.".into(),
            FormIssue::TooLarge(bytes) => {
                format!(
                    "Choisissez une photo de {}\u{00A0}Mo au plus.",
                    megabytes(bytes)
                )
            }
            FormIssue::Invalid => "Vérifiez cette réponse.".into(),
        }
    }

    fn drop_photo(&self) -> &'static str {
        "ou déposez une photo ici"
    }

    fn photo_preview(&self) -> &'static str {
        "Aperçu de votre photo"
    }

    fn optional(&self) -> &'static str {
        "(facultatif)"
    }

    fn send_form(&self) -> &'static str {
        "Envoyer"
    }

    fn sending_form(&self) -> &'static str {
        "Envoi…"
    }

    fn form_failed(&self) -> &'static str {
        "Vos réponses n’ont pas pu être envoyées. Elles sont toujours là : réessayez."
    }

    fn form_unavailable(&self) -> &'static str {
        "Ce formulaire n’a pas pu être chargé."
    }

    fn form_loading(&self) -> &'static str {
        "Chargement du formulaire…"
    }

    fn form_preview(&self) -> &'static str {
        "Aperçu : les réponses sont vérifiées comme celles des visiteurs, mais pas envoyées."
    }

    fn form_preview_checked(&self) -> &'static str {
        "Ces réponses passent toutes les vérifications. Dans un aperçu, rien n’est envoyé."
    }

    fn form_received(&self) -> &'static str {
        "Merci ! Vos réponses ont bien été reçues."
    }

    fn next_page(&self) -> &'static str {
        "Suivant"
    }

    fn previous_page(&self) -> &'static str {
        "Retour"
    }

    fn form_step(&self, step: u32, steps: u32) -> String {
        format!("Étape {} sur {}", self.number(step), self.number(steps))
    }

    fn form_misplaced(&self) -> &'static str {
        "Il manque à ce formulaire des informations de la page où il se trouve : il ne peut pas être envoyé d’ici."
    }

    fn choose_option(&self) -> &'static str {
        "Choisissez…"
    }

    fn least_likely(&self) -> &'static str {
        "Pas du tout probable"
    }

    fn most_likely(&self) -> &'static str {
        "Très probable"
    }

    fn rating_value(&self, score: u32, best: u32) -> String {
        format!("{} sur {}", self.number(score), self.number(best))
    }
}
