//! Which section of the console is open, kept in the page's hash (`#queue`, `#ideas`,
//! `#forms`, `#settings`, `#webhooks`, `#insights`) so that
//! the browser's back button and a reload keep the moderator where they were.

use leptos::prelude::*;

/// A section of the console.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Section {
    /// The moderation queue.
    #[default]
    Queue,
    /// Curating a board's ideas.
    Ideas,
    /// Editing the sites' forms.
    Forms,
    /// Configuring sites, boards and feeds.
    Settings,
    /// The sites' webhooks and their delivery logs.
    Webhooks,
    /// How the communities engage.
    Insights,
}

impl Section {
    /// Every section, in the navigation's order.
    pub const ALL: [Section; 6] = [
        Self::Queue,
        Self::Ideas,
        Self::Forms,
        Self::Settings,
        Self::Webhooks,
        Self::Insights,
    ];

    /// The section a hash names; the queue for anything else.
    pub fn from_hash(hash: &str) -> Self {
        match hash.trim_start_matches('#') {
            "ideas" => Self::Ideas,
            "forms" => Self::Forms,
            "settings" => Self::Settings,
            "webhooks" => Self::Webhooks,
            "insights" => Self::Insights,
            _ => Self::Queue,
        }
    }

    /// The hash that opens it.
    pub fn hash(self) -> &'static str {
        match self {
            Self::Queue => "#queue",
            Self::Ideas => "#ideas",
            Self::Forms => "#forms",
            Self::Settings => "#settings",
            Self::Webhooks => "#webhooks",
            Self::Insights => "#insights",
        }
    }
}

/// The open section, following the page's hash.
pub fn follow() -> ReadSignal<Section> {
    let (section, set_section) = signal(Section::from_hash(&current_hash()));
    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        set_section.set(Section::from_hash(&current_hash()));
    });
    on_cleanup(move || listener.remove());
    section
}

fn current_hash() -> String {
    web_sys::window()
        .and_then(|window| window.location().hash().ok())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_name_sections_and_anything_else_is_the_queue() {
        for section in Section::ALL {
            assert_eq!(Section::from_hash(section.hash()), section);
        }
        assert_eq!(Section::from_hash(""), Section::Queue);
        assert_eq!(Section::from_hash("#nope"), Section::Queue);
    }
}
