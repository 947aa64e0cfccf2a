//! What an idea list shows: its order, its filters and its search words, written as
//! `key=value` pairs so the same view can be requested from the API and kept in the page's
//! URL hash for a shared link to reproduce.

use kindred_api::{IdeaSort, IdeaStatus};

use crate::percent::{decode, encode};

/// A view of a board's ideas.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListQuery {
    /// The order.
    pub sort: IdeaSort,
    /// Only ideas with this status.
    pub status: Option<IdeaStatus>,
    /// Only ideas with this tag.
    pub tag: Option<String>,
    /// Search words; empty for no search.
    pub q: String,
}

/// Every order a visitor can choose, in the order the widget offers them.
pub const SORTS: [IdeaSort; 4] = [
    IdeaSort::Top,
    IdeaSort::New,
    IdeaSort::Trending,
    IdeaSort::Discussed,
];

impl ListQuery {
    /// The query's pairs, percent-encoded and joined with `&`, leaving out defaults:
    /// `sort=new&status=planned&tag=fit&q=wide%20toe`. Empty for the default view.
    pub fn to_params(&self) -> String {
        self.pairs(false).join("&")
    }

    /// Like [`ListQuery::to_params`], but always naming the order, as API requests do.
    pub fn to_api_params(&self) -> String {
        self.pairs(true).join("&")
    }

    fn pairs(&self, with_default_sort: bool) -> Vec<String> {
        let mut pairs = Vec::new();
        if with_default_sort || self.sort != IdeaSort::default() {
            pairs.push(format!("sort={}", self.sort.as_str()));
        }
        if let Some(status) = self.status {
            pairs.push(format!("status={}", status.as_str()));
        }
        if let Some(tag) = &self.tag {
            pairs.push(format!("tag={}", encode(tag)));
        }
        let q = self.q.trim();
        if !q.is_empty() {
            pairs.push(format!("q={}", encode(q)));
        }
        pairs
    }

    /// Reads pairs written by [`ListQuery::to_params`]. Unknown keys, unknown values and
    /// broken escapes are ignored, so a hand-edited link still opens a sensible view.
    pub fn from_params(params: &str) -> Self {
        let mut query = Self::default();
        for pair in params.split('&') {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let Some(value) = decode(value) else { continue };
            match key {
                "sort" => {
                    if let Some(sort) = SORTS.into_iter().find(|sort| sort.as_str() == value) {
                        query.sort = sort;
                    }
                }
                "status" => query.status = value.parse().ok(),
                "tag" if !value.trim().is_empty() => query.tag = Some(value),
                "q" => query.q = value,
                _ => {}
            }
        }
        query
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_view_writes_nothing() {
        assert_eq!(ListQuery::default().to_params(), "");
        assert_eq!(ListQuery::from_params(""), ListQuery::default());
    }

    #[test]
    fn every_part_round_trips() {
        let query = ListQuery {
            sort: IdeaSort::Discussed,
            status: Some(IdeaStatus::InProgress),
            tag: Some("fit & comfort".into()),
            q: "wide toe été".into(),
        };
        let params = query.to_params();
        assert_eq!(
            params,
            "sort=discussed&status=in_progress&tag=fit%20%26%20comfort&q=wide%20toe%20%C3%A9t%C3%A9"
        );
        assert_eq!(ListQuery::from_params(&params), query);
    }

    #[test]
    fn search_words_are_trimmed_and_blank_ones_dropped() {
        let query = ListQuery {
            q: "   ".into(),
            ..ListQuery::default()
        };
        assert_eq!(query.to_params(), "");
        let query = ListQuery {
            q: " laces ".into(),
            ..ListQuery::default()
        };
        assert_eq!(query.to_params(), "q=laces");
    }

    #[test]
    fn unknown_or_broken_parts_are_ignored() {
        let query = ListQuery::from_params("sort=best&status=gone&tag=&q=%E2%28&x=1&flag");
        assert_eq!(query, ListQuery::default());
        assert_eq!(ListQuery::from_params("q=a+b&sort=new").q, "a b".to_owned());
        assert_eq!(ListQuery::from_params("q=%zz").q, "");
    }
}
