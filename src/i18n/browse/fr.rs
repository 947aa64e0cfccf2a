//! Browsing the list, in French.

use kindred_api::IdeaSort;

use super::BrowseText;
use crate::i18n::plural::Plural;
use crate::i18n::{Catalog, French};

impl BrowseText for French {
    fn load_more(&self) -> &'static str {
        "Voir plus"
    }

    fn search_label(&self) -> &'static str {
        "Rechercher des idées"
    }

    fn sort_label(&self) -> &'static str {
        "Trier par"
    }

    fn sort_name(&self, sort: IdeaSort) -> &'static str {
        match sort {
            IdeaSort::Top => "Populaires",
            IdeaSort::New => "Récentes",
            IdeaSort::Trending => "Tendances",
            IdeaSort::Discussed => "Plus commentées",
        }
    }

    fn status_filter(&self) -> &'static str {
        "Statut"
    }

    fn any_status(&self) -> &'static str {
        "Tous les statuts"
    }

    fn tag_filter(&self) -> &'static str {
        "Étiquette"
    }

    fn any_tag(&self) -> &'static str {
        "Toutes les étiquettes"
    }

    fn no_matches(&self) -> &'static str {
        "Aucune idée ne correspond à ces filtres."
    }

    fn clear_filters(&self) -> &'static str {
        "Effacer les filtres"
    }

    fn vote_queued(&self) -> &'static str {
        "Vous êtes hors ligne : votre vote sera envoyé dès votre retour en ligne."
    }

    fn supporters_needed(&self, missing: u32) -> String {
        match Plural::french(missing) {
            Plural::One => format!("Encore {} soutien nécessaire", self.number(missing)),
            _ => format!("Encore {} soutiens nécessaires", self.number(missing)),
        }
    }

    fn threshold_reached(&self) -> &'static str {
        "Objectif atteint : l’équipe va étudier cette idée"
    }

    fn threshold_label(&self, supporters: u32, threshold: u32) -> String {
        format!(
            "{} soutiens sur {}",
            self.number(supporters),
            self.number(threshold)
        )
    }

    fn new_ideas(&self, n: u32) -> String {
        match Plural::french(n) {
            Plural::One => format!("Afficher {} nouvelle idée", self.number(n)),
            _ => format!("Afficher {} nouvelles idées", self.number(n)),
        }
    }
}
