//! Proposing an idea, in French.

use super::SubmitText;
use crate::i18n::{Catalog, French};
use crate::ideas::submit::FieldIssue;
use crate::ideas::Action;

impl SubmitText for French {
    fn propose_idea(&self) -> &'static str {
        "Proposer une idée"
    }

    fn title_label(&self) -> &'static str {
        "Titre"
    }

    fn body_label(&self) -> &'static str {
        "Détails"
    }

    fn tags_label(&self) -> &'static str {
        "Étiquettes (facultatif)"
    }

    fn tags_hint(&self) -> &'static str {
        "Séparez les étiquettes par des virgules."
    }

    fn honeypot_label(&self) -> &'static str {
        "Laissez ce champ vide"
    }

    fn post_idea(&self) -> &'static str {
        "Publier l’idée"
    }

    fn posting(&self) -> &'static str {
        "Publication…"
    }

    fn field_issue(&self, issue: FieldIssue) -> String {
        let n = |n: usize| self.number(u32::try_from(n).unwrap_or(u32::MAX));
        match issue {
            FieldIssue::Required => "Veuillez remplir ce champ.".into(),
            FieldIssue::TooShort(min) => format!("Au moins {} caractères.", n(min)),
            FieldIssue::TooLong(max) => format!("Au plus {} caractères.", n(max)),
            FieldIssue::TooManyTags(max) => format!("Au plus {} étiquettes.", n(max)),
            FieldIssue::BadTag(max) => {
                format!("Chaque étiquette compte de 1 à {} caractères.", n(max))
            }
            FieldIssue::Invalid => "Veuillez vérifier ce champ.".into(),
        }
    }

    fn reviewed_first(&self) -> &'static str {
        "Les idées de ce tableau apparaissent après relecture par la modération."
    }

    fn submit_failed(&self) -> &'static str {
        "Votre idée n’a pas été publiée."
    }

    fn similar_while_typing(&self) -> &'static str {
        "Déjà proposée ? Votez plutôt pour elle"
    }

    fn similar_found(&self, n: u32) -> String {
        format!("Idées similaires trouvées : {}", self.number(n))
    }

    fn pending_review(&self) -> &'static str {
        "Merci ! Votre idée apparaîtra une fois relue."
    }

    fn signin_needed(&self, action: Action) -> &'static str {
        match action {
            Action::Submit => "Connectez-vous pour proposer une idée.",
            Action::Vote => "Connectez-vous pour voter.",
            Action::Comment => "Connectez-vous pour commenter.",
            Action::Share => "Connectez-vous pour partager une photo.",
        }
    }

    fn signin(&self) -> &'static str {
        "Se connecter"
    }
}
