//! Where each operation of the contract lives, relative to the configured API base.

use kindred_api::{IdeaId, PostId};

use crate::feed::FeedQuery;
use crate::ideas::ListQuery;
use crate::percent::encode;

/// A validated API base: an absolute `http(s)` URL or a root-relative path, without a
/// trailing slash, query or fragment, so paths can be appended to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiBase(String);

impl ApiBase {
    /// Accepts `https://host[/path]`, `http://host[/path]` or `/path`; anything else (other
    /// schemes, relative paths, queries, fragments) is refused.
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        let lower = text.to_ascii_lowercase();
        let host_start = ["https://", "http://"]
            .iter()
            .find(|scheme| lower.starts_with(*scheme))
            .map(|scheme| scheme.len());
        let shaped = match host_start {
            Some(start) => text.len() > start && !text[start..].starts_with('/'),
            None => text.starts_with('/') && !text.starts_with("//"),
        };
        let plain = !text.contains(['?', '#']) && !text.contains(char::is_whitespace);
        (shaped && plain).then(|| Self(text.trim_end_matches('/').to_owned()))
    }

    /// The base as text; empty for the root path `/`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// `GET /v1/sites/{site}`
    pub fn site(&self, site: &str) -> String {
        format!("{}/v1/sites/{}", self.0, encode(site))
    }

    /// `POST /v1/sites/{site}/engagement`
    pub fn site_engagement(&self, site: &str) -> String {
        format!("{}/engagement", self.site(site))
    }

    /// `GET /v1/boards/{board}/ideas?sort=…&status=…&tag=…&q=…&cursor=…`, and without a query
    /// `POST /v1/boards/{board}/ideas`.
    pub fn board_ideas(&self, board: &str, query: Option<(&ListQuery, Option<&str>)>) -> String {
        let mut url = format!("{}/v1/boards/{}/ideas", self.0, encode(board));
        if let Some((query, cursor)) = query {
            url.push('?');
            url.push_str(&query.to_api_params());
            if let Some(cursor) = cursor {
                url.push_str("&cursor=");
                url.push_str(&encode(cursor));
            }
        }
        url
    }

    /// `GET /v1/boards/{board}/ideas/similar?q=…`
    pub fn similar_ideas(&self, board: &str, title: &str) -> String {
        format!(
            "{}/v1/boards/{}/ideas/similar?q={}",
            self.0,
            encode(board),
            encode(title)
        )
    }

    /// `GET /v1/boards/{board}/events` (Server-Sent Events)
    pub fn board_events(&self, board: &str) -> String {
        format!("{}/v1/boards/{}/events", self.0, encode(board))
    }

    /// `GET /v1/feeds/{feed}/events` (Server-Sent Events)
    pub fn feed_events(&self, feed: &str) -> String {
        format!("{}/v1/feeds/{}/events", self.0, encode(feed))
    }

    /// `GET /v1/ideas/{id}`
    pub fn idea(&self, id: &IdeaId) -> String {
        format!("{}/v1/ideas/{}", self.0, encode(&id.0))
    }

    /// `PUT` and `DELETE /v1/ideas/{id}/vote`
    pub fn idea_vote(&self, id: &IdeaId) -> String {
        format!("{}/vote", self.idea(id))
    }

    /// `GET` and `POST /v1/ideas/{id}/comments`
    pub fn idea_comments(&self, id: &IdeaId) -> String {
        format!("{}/comments", self.idea(id))
    }

    /// `GET /v1/forms/{form}`
    pub fn form(&self, form: &str) -> String {
        format!("{}/v1/forms/{}", self.0, encode(form))
    }

    /// `POST /v1/forms/{form}/submissions`
    pub fn form_submissions(&self, form: &str) -> String {
        format!("{}/submissions", self.form(form))
    }

    /// `GET /v1/feeds/{feed}/posts?tag=…&product=…&cursor=…`
    pub fn feed_posts(&self, feed: &str, query: &FeedQuery, cursor: Option<&str>) -> String {
        let mut url = format!("{}/v1/feeds/{}/posts", self.0, encode(feed));
        let params = query.to_api_params();
        let cursor = cursor.map(|cursor| format!("cursor={}", encode(cursor)));
        let params: Vec<&str> = [Some(params.as_str()), cursor.as_deref()]
            .into_iter()
            .flatten()
            .filter(|part| !part.is_empty())
            .collect();
        if !params.is_empty() {
            url.push('?');
            url.push_str(&params.join("&"));
        }
        url
    }

    /// `PUT` and `DELETE /v1/posts/{id}/like`
    pub fn post_like(&self, id: &PostId) -> String {
        format!("{}/v1/posts/{}/like", self.0, encode(&id.0))
    }

    /// `POST /v1/posts/{id}/reports`
    pub fn post_reports(&self, id: &PostId) -> String {
        format!("{}/v1/posts/{}/reports", self.0, encode(&id.0))
    }

    /// Where a resource the API names (a photo's URL) is fetched from: an `http(s)` URL as it
    /// is, a root-relative path under this base (as the API's own paths are), and `None` for
    /// anything else (other schemes, relative paths), which is never fetched.
    pub fn resource(&self, url: &str) -> Option<String> {
        if let Some(url) = web_url(url) {
            return Some(url.to_owned());
        }
        let path = url.starts_with('/') && !url.starts_with("//");
        (path && !url.contains(char::is_whitespace)).then(|| format!("{}{url}", self.0))
    }
}

/// `url` if it is an absolute `http(s)` URL without whitespace: the only kind the widget
/// fetches as it is, or links to.
pub fn web_url(url: &str) -> Option<&str> {
    let lower = url.to_ascii_lowercase();
    let absolute = ["https://", "http://"]
        .iter()
        .any(|scheme| lower.starts_with(scheme) && url.len() > scheme.len());
    (absolute && !url.contains(char::is_whitespace)).then_some(url)
}

#[cfg(test)]
mod tests {
    use kindred_api::{IdeaSort, IdeaStatus};

    use super::*;

    fn base(text: &str) -> ApiBase {
        ApiBase::parse(text).unwrap()
    }

    #[test]
    fn feed_pages_carry_their_filters_and_cursor() {
        let api = base("https://api.example.com/kindred");
        let all = FeedQuery::default();
        assert_eq!(
            api.feed_posts("trail stories", &all, None),
            "https://api.example.com/kindred/v1/feeds/trail%20stories/posts"
        );
        assert_eq!(
            api.feed_posts("f", &all, Some("new~2026&x")),
            "https://api.example.com/kindred/v1/feeds/f/posts?cursor=new~2026%26x"
        );
        let product = FeedQuery {
            tag: None,
            product: Some("summit-3".into()),
        };
        assert_eq!(
            api.feed_posts("f", &product, Some("c")),
            "https://api.example.com/kindred/v1/feeds/f/posts?product=summit-3&cursor=c"
        );
    }

    #[test]
    fn resources_are_web_urls_or_paths_under_the_base() {
        let api = base("https://api.example.com/kindred");
        assert_eq!(
            api.resource("/v1/media/a.jpg").as_deref(),
            Some("https://api.example.com/kindred/v1/media/a.jpg")
        );
        assert_eq!(
            base("/").resource("/v1/media/a.jpg").as_deref(),
            Some("/v1/media/a.jpg")
        );
        assert_eq!(
            api.resource("https://cdn.example.com/a.jpg").as_deref(),
            Some("https://cdn.example.com/a.jpg")
        );
        for bad in [
            "javascript:alert(1)",
            "data:image/png;base64,AAAA",
            "//evil.example.com/a.jpg",
            "media/a.jpg",
            "https://",
            "/v1/media/a b.jpg",
            "",
        ] {
            assert_eq!(api.resource(bad), None, "{bad}");
        }
    }

    #[test]
    fn bases_lose_their_trailing_slashes() {
        assert_eq!(
            base("http://127.0.0.1:8080/").as_str(),
            "http://127.0.0.1:8080"
        );
        assert_eq!(
            base(" https://api.example.com/kindred// ").as_str(),
            "https://api.example.com/kindred"
        );
        assert_eq!(
            base("HTTPS://API.example.com").as_str(),
            "HTTPS://API.example.com"
        );
        assert_eq!(base("/kindred/").as_str(), "/kindred");
        assert_eq!(base("/").as_str(), "");
    }

    #[test]
    fn unusable_bases_are_refused() {
        for bad in [
            "",
            "api.example.com",
            "kindred/api",
            "//api.example.com",
            "https://",
            "https:///path",
            "ftp://example.com",
            "javascript:alert(1)",
            "https://example.com/?x=1",
            "https://example.com/#top",
            "https://exa mple.com",
        ] {
            assert_eq!(ApiBase::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn board_ideas_url_carries_the_view_and_the_cursor() {
        let top = ListQuery::default();
        assert_eq!(
            base("http://127.0.0.1:8080").board_ideas("trail-shoes", Some((&top, None))),
            "http://127.0.0.1:8080/v1/boards/trail-shoes/ideas?sort=top"
        );
        let view = ListQuery {
            sort: IdeaSort::Trending,
            status: Some(IdeaStatus::Planned),
            tag: Some("fit".into()),
            q: "wide toe".into(),
        };
        assert_eq!(
            base("/").board_ideas("b", Some((&view, Some("c/1=")))),
            "/v1/boards/b/ideas?sort=trending&status=planned&tag=fit&q=wide%20toe&cursor=c%2F1%3D"
        );
        let filtered = ListQuery {
            tag: Some("fit".into()),
            ..ListQuery::default()
        };
        assert_eq!(
            base("/").board_ideas("b", Some((&filtered, None))),
            "/v1/boards/b/ideas?sort=top&tag=fit"
        );
        assert_eq!(base("/").board_ideas("b", None), "/v1/boards/b/ideas");
    }

    #[test]
    fn other_endpoints_have_their_paths() {
        let api = base("https://api.example.com");
        let id = IdeaId::from(9);
        assert_eq!(
            api.site("acme co"),
            "https://api.example.com/v1/sites/acme%20co"
        );
        assert_eq!(
            api.similar_ideas("b", "wide toe?"),
            "https://api.example.com/v1/boards/b/ideas/similar?q=wide%20toe%3F"
        );
        assert_eq!(
            api.board_events("b"),
            "https://api.example.com/v1/boards/b/events"
        );
        assert_eq!(api.idea(&id), "https://api.example.com/v1/ideas/9");
        assert_eq!(
            api.idea_comments(&id),
            "https://api.example.com/v1/ideas/9/comments"
        );
    }

    #[test]
    fn vote_url_names_the_idea() {
        assert_eq!(
            base("https://api.example.com/k").idea_vote(&IdeaId::from(42)),
            "https://api.example.com/k/v1/ideas/42/vote"
        );
    }

    #[test]
    fn path_segments_are_percent_encoded() {
        assert_eq!(
            base("/").idea_vote(&IdeaId("x/y".into())),
            "/v1/ideas/x%2Fy/vote"
        );
    }

    #[test]
    fn only_absolute_web_urls_are_web_urls() {
        assert_eq!(web_url("https://x.example/p"), Some("https://x.example/p"));
        assert_eq!(web_url("HTTP://x.example/p"), Some("HTTP://x.example/p"));
        for bad in [
            "javascript:alert(1)",
            "/products/x",
            "https://",
            "https://x.example/a b",
        ] {
            assert_eq!(web_url(bad), None, "{bad}");
        }
    }

    #[test]
    fn post_urls_name_the_post() {
        let api = base("https://api.example.com");
        let id = PostId("7".into());
        assert_eq!(
            api.post_like(&id),
            "https://api.example.com/v1/posts/7/like"
        );
        assert_eq!(
            api.post_reports(&PostId("a b".into())),
            "https://api.example.com/v1/posts/a%20b/reports"
        );
    }
}
