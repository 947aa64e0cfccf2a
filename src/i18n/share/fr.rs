//! Sharing a photo, in French.

use super::ShareText;
use crate::i18n::{Catalog, French};

impl ShareText for French {
    fn share_photo(&self) -> &'static str {
        "Partagez votre photo"
    }

    fn photo_label(&self) -> &'static str {
        "Votre photo"
    }

    fn photo_hint(&self, kinds: &str, megabytes: u32) -> String {
        format!("{kinds} ; jusqu’à {} Mo.", self.number(megabytes))
    }

    fn alt_label(&self) -> &'static str {
        "Décrivez votre photo"
    }

    fn alt_hint(&self) -> &'static str {
        "Pour les personnes qui ne peuvent pas la voir, dites ce qu’elle montre. Par exemple : « Une coureuse traverse un ruisseau à l’aube »."
    }

    fn caption_label(&self) -> &'static str {
        "Légende"
    }

    fn products_label(&self) -> &'static str {
        "Produits sur votre photo"
    }

    fn consent_default(&self) -> &'static str {
        "J’ai pris cette photo et j’autorise la marque à la montrer sur son site et ses réseaux."
    }

    fn share_submit(&self) -> &'static str {
        "Partager la photo"
    }

    fn uploading(&self, percent: u32) -> String {
        format!("Envoi… {} %", self.number(percent))
    }

    fn cancel_upload(&self) -> &'static str {
        "Annuler l’envoi"
    }

    fn thanks_reviewed(&self) -> &'static str {
        "Merci ! Votre photo apparaîtra une fois vérifiée par nos modérateurs."
    }

    fn thanks_listed(&self) -> &'static str {
        "Merci ! Votre photo est maintenant dans le fil."
    }

    fn share_another(&self) -> &'static str {
        "Partager une autre photo"
    }
}
