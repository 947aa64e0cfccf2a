//! An idea's detail view, in French.

use kindred_api::comment::{BODY_MAX, NESTED_REPLY};
use kindred_api::validate::{INVALID, REQUIRED, TOO_LONG};

use super::DetailText;
use crate::client::ClientError;
use crate::i18n::{Catalog, French};

impl DetailText for French {
    fn back_to_ideas(&self) -> &'static str {
        "Retour aux idées"
    }

    fn loading_idea(&self) -> &'static str {
        "Chargement de l’idée…"
    }

    fn idea_gone(&self) -> &'static str {
        "Cette idée n’existe plus."
    }

    fn idea_failed(&self) -> &'static str {
        "Impossible de charger cette idée."
    }

    fn duplicate_notice(&self) -> &'static str {
        "Cette idée reprend une idée antérieure."
    }

    fn open_original(&self) -> &'static str {
        "Voir l’idée d’origine"
    }

    fn history_heading(&self) -> &'static str {
        "Historique du statut"
    }

    fn status_moved(&self, from: &str, to: &str) -> String {
        format!("Passée de « {from} » à « {to} »")
    }

    fn comments_heading(&self) -> &'static str {
        "Commentaires"
    }

    fn loading_comments(&self) -> &'static str {
        "Chargement des commentaires…"
    }

    fn comments_failed(&self) -> &'static str {
        "Impossible de charger les commentaires."
    }

    fn no_comments(&self) -> &'static str {
        "Aucun commentaire pour l’instant. Lancez la discussion."
    }

    fn reply(&self) -> &'static str {
        "Répondre"
    }

    fn reply_to(&self, name: &str) -> String {
        format!("Répondre à {name}")
    }

    fn replies_to(&self, name: &str) -> String {
        format!("Réponses à {name}")
    }

    fn comment_field(&self) -> &'static str {
        "Votre commentaire"
    }

    fn reply_field(&self, name: &str) -> String {
        format!("Votre réponse à {name}")
    }

    fn post_comment(&self) -> &'static str {
        "Publier le commentaire"
    }

    fn post_reply(&self) -> &'static str {
        "Publier la réponse"
    }

    fn cancel(&self) -> &'static str {
        "Annuler"
    }

    fn comment_posted(&self) -> &'static str {
        "Votre commentaire a été publié."
    }

    fn comment_pending(&self) -> &'static str {
        "Merci ! Votre commentaire apparaîtra une fois validé par la modération."
    }

    fn awaiting_review(&self) -> &'static str {
        "En attente de validation"
    }

    fn comment_failed(&self, error: &ClientError) -> String {
        format!(
            "Votre commentaire n’a pas été publié. {}",
            self.problem(error)
        )
    }

    fn comments_closed(&self) -> &'static str {
        "Vous ne pouvez pas commenter ici pour le moment : les commentaires sont désactivés ou réservés aux membres connectés."
    }

    fn comment_error(&self, code: &str) -> String {
        match code {
            REQUIRED => "Écrivez d’abord votre commentaire.".into(),
            TOO_LONG => format!(
                "{} caractères au maximum, s’il vous plaît.",
                self.number(BODY_MAX as u32)
            ),
            INVALID => "Ce texte ne peut pas être publié tel quel.".into(),
            NESTED_REPLY => {
                "On ne peut pas répondre à une réponse ; répondez plutôt au commentaire au-dessus."
                    .into()
            }
            _ => "Vérifiez ce texte et réessayez.".into(),
        }
    }

    fn similar_heading(&self) -> &'static str {
        "Idées similaires"
    }
}
