//! The adapters shipped with the widget, chosen by name (`data-adapter="jsonfeed"`): a JSON
//! Feed 1.1 file as a feed of photos, a Mastodon hashtag timeline as a feed of photos, and a
//! Fider site as an idea board. `kindred`, the default, is the widget's own contract, which
//! it speaks without an adapter.

/// The name of the widget's own contract.
pub const KINDRED: &str = "kindred";

/// Every preset's name.
pub const NAMES: [&str; 4] = [KINDRED, "jsonfeed", "mastodon-tag", "fider"];

/// The adapter preset `name` is, as written; `None` for `kindred` and for names not shipped.
pub fn preset(name: &str) -> Option<&'static str> {
    match name {
        "jsonfeed" => Some(include_str!("presets/jsonfeed.json")),
        "mastodon-tag" => Some(include_str!("presets/mastodon-tag.json")),
        "fider" => Some(include_str!("presets/fider.json")),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use kindred_api::{Comment, Idea, IdeaDetail, IdeaStatus, LikeState, Post, SimilarIdea};
    use serde_json::json;

    use super::super::exchange::{Reply, Request};
    use super::super::spec::{AdapterSpec, Method, OperationName};
    use super::super::template::Vars;
    use super::*;

    fn spec(name: &str) -> AdapterSpec {
        AdapterSpec::parse(preset(name).unwrap()).unwrap()
    }

    fn ask(
        spec: &AdapterSpec,
        operation: OperationName,
        vars: &Vars,
        cursor: Option<&str>,
        api: &str,
    ) -> Request {
        spec.request(operation, vars, cursor, api).unwrap()
    }

    #[test]
    fn every_preset_reads() {
        for name in NAMES {
            match preset(name) {
                Some(json) => {
                    AdapterSpec::parse(json).unwrap_or_else(|error| panic!("{name}: {error}"));
                }
                None => assert_eq!(name, KINDRED),
            }
        }
        assert_eq!(preset("nope"), None);
    }

    #[test]
    fn a_mastodon_hashtag_timeline_becomes_a_feed_of_photos() {
        let spec = spec("mastodon-tag");
        let vars = Vars::from([("feed", json!("trail running"))]);
        let request = ask(
            &spec,
            OperationName::ListPosts,
            &vars,
            None,
            "https://mastodon.example",
        );
        assert_eq!(
            request.url,
            "https://mastodon.example/api/v1/timelines/tag/trail%20running?limit=20&only_media=true"
        );
        let link = "<https://mastodon.example/api/v1/timelines/tag/trailrunning?limit=20&max_id=113000000000000001&only_media=true>; rel=\"next\", \
                    <https://mastodon.example/api/v1/timelines/tag/trailrunning?limit=20&min_id=113000000000000003>; rel=\"prev\"";
        let sent = Vars::new();
        let reply = Reply {
            body: include_str!("presets/samples/mastodon-tag.json"),
            link: Some(link),
            url: &request.url,
            sent: &sent,
        };
        let (posts, next) = spec
            .read_list::<Post>(OperationName::ListPosts, None, reply)
            .unwrap();
        // The video is left out.
        assert_eq!(posts.len(), 2);
        let first = &posts[0];
        assert_eq!(first.id.0, "113000000000000003");
        assert_eq!(
            first.caption,
            "Dawn on the ridge & not a soul around #trailrunning\nSummit 3s held up\non the scree."
        );
        assert_eq!(first.alt, "A runner on a rocky ridge at sunrise");
        assert_eq!(first.tags, ["trailrunning", "dawnpatrol"]);
        assert_eq!((first.image.width, first.image.height), (1600, 1067));
        assert_eq!(first.image.srcset.len(), 2);
        assert_eq!(first.image.srcset[0].width, 490);
        assert_eq!(first.like_count, 14);
        assert!(!first.liked);
        assert_eq!(first.author.name, "Ana Ridge");
        assert_eq!(first.created_at, "2026-10-04T07:12:45.120Z");
        let source = first.source.as_ref().unwrap();
        assert_eq!(source.name, "Mastodon");
        assert_eq!(
            source.url.as_deref(),
            Some("https://mastodon.example/@ana/113000000000000003")
        );
        let last = &posts[1];
        assert_eq!(last.caption, "New laces. <3");
        assert_eq!(last.alt, "");
        assert_eq!(last.author.name, "cam@other.example");
        assert_eq!(last.author.avatar, None);
        assert_eq!(
            last.source.as_ref().unwrap().url.as_deref(),
            Some("https://other.example/users/cam/statuses/9")
        );
        let next = next.unwrap();
        assert!(next.contains("max_id=113000000000000001"), "{next}");
        let after = ask(
            &spec,
            OperationName::ListPosts,
            &vars,
            Some(&next),
            "https://mastodon.example",
        );
        assert_eq!(after.url, next);

        // A signed-in visitor's like is a favourite, which answers the status.
        let signed_in = Vars::from([("id", json!(first.id.0)), ("token", json!("t0k"))]);
        let like = ask(
            &spec,
            OperationName::Like,
            &signed_in,
            None,
            "https://mastodon.example",
        );
        assert_eq!(
            (like.method, like.url.as_str()),
            (
                Method::Post,
                "https://mastodon.example/api/v1/statuses/113000000000000003/favourite"
            )
        );
        assert_eq!(
            like.headers,
            [("Authorization".to_owned(), "Bearer t0k".to_owned())]
        );
        let unlike = ask(
            &spec,
            OperationName::Unlike,
            &signed_in,
            None,
            "https://mastodon.example",
        );
        assert!(unlike.url.ends_with("/unfavourite"), "{}", unlike.url);
        let liked: LikeState = spec
            .read_written(
                OperationName::Like,
                Reply {
                    body: include_str!("presets/samples/mastodon-favourite.json"),
                    link: None,
                    url: &like.url,
                    sent: &signed_in,
                },
            )
            .unwrap();
        assert_eq!(
            liked,
            LikeState {
                post_id: first.id.clone(),
                like_count: 15,
                liked: true
            }
        );
        // Reports and sharing need more than a hashtag: they are switched off.
        for operation in [OperationName::Report, OperationName::CreatePost] {
            assert!(spec.operation(operation).is_none());
        }
    }

    #[test]
    fn a_json_feed_becomes_a_feed_of_photos() {
        let spec = spec("jsonfeed");
        let vars = Vars::from([("feed", json!("feed.json"))]);
        let request = ask(
            &spec,
            OperationName::ListPosts,
            &vars,
            None,
            "https://brand.example/community/",
        );
        assert_eq!(request.url, "https://brand.example/community/feed.json");
        let sent = Vars::new();
        let reply = Reply {
            body: include_str!("presets/samples/jsonfeed.json"),
            link: None,
            url: &request.url,
            sent: &sent,
        };
        let (posts, next) = spec
            .read_list::<Post>(OperationName::ListPosts, None, reply)
            .unwrap();
        // The item without an image is left out.
        assert_eq!(posts.len(), 2);
        assert_eq!(posts[0].id.0, "https://brand.example/community/posts/41");
        assert_eq!(
            posts[0].caption,
            "First light on the Saddle loop. Summit 3, mile 12."
        );
        assert_eq!(posts[0].alt, "Fog lifting over the saddle");
        assert_eq!(posts[0].author.name, "Dee");
        assert_eq!(posts[0].created_at, "2026-09-30T06:45:00-07:00");
        assert_eq!(posts[0].tags, ["saddle-loop", "summit-3"]);
        assert_eq!(posts[1].id.0, "43");
        assert_eq!(posts[1].caption, "Wet roots, dry feet");
        assert_eq!(posts[1].author.name, "Eli");
        assert_eq!(posts[1].created_at, "2026-09-28T17:30:00Z");
        assert_eq!(
            next.as_deref(),
            Some("https://brand.example/community/feed-2.json")
        );
        let after = ask(
            &spec,
            OperationName::ListPosts,
            &vars,
            next.as_deref(),
            "https://brand.example/community/",
        );
        assert_eq!(after.url, "https://brand.example/community/feed-2.json");
    }

    #[test]
    fn a_fider_site_becomes_an_idea_board() {
        let spec = spec("fider");
        let mut vars = Vars::from([
            ("board", json!("ideas")),
            ("sort", json!("top")),
            ("status", json!("")),
            ("tag", json!("")),
            ("q", json!("toe box")),
            ("token", json!("")),
            ("id", json!("12")),
        ]);
        let request = ask(
            &spec,
            OperationName::ListIdeas,
            &vars,
            None,
            "https://feedback.example",
        );
        assert_eq!(
            request.url,
            "https://feedback.example/api/v1/posts?limit=30&query=toe%20box&view=most-wanted"
        );
        assert!(
            request.headers.is_empty(),
            "no token, no Authorization header"
        );
        vars.insert("status", json!("shipped"));
        vars.insert("token", json!("t0k"));
        let request = ask(
            &spec,
            OperationName::ListIdeas,
            &vars,
            None,
            "https://feedback.example",
        );
        assert!(request.url.ends_with("view=completed"), "{}", request.url);
        assert_eq!(
            request.headers,
            [("Authorization".to_owned(), "Bearer t0k".to_owned())]
        );

        let sent = Vars::new();
        let reply = |body| Reply {
            body,
            link: None,
            url: "https://feedback.example/api/v1/posts",
            sent: &sent,
        };
        let (ideas, next) = spec
            .read_list::<Idea>(
                OperationName::ListIdeas,
                None,
                reply(include_str!("presets/samples/fider-posts.json")),
            )
            .unwrap();
        assert_eq!(next, None);
        assert_eq!(ideas.len(), 2);
        assert_eq!(ideas[0].id.0, "12");
        assert_eq!(ideas[0].status, IdeaStatus::InProgress);
        assert_eq!(ideas[0].vote_count, 48);
        assert!(ideas[0].voted);
        assert_eq!(ideas[0].comment_count, 6);
        assert_eq!(ideas[0].author.name, "Jo Marsh");
        assert_eq!(ideas[0].tags, ["fit", "summit-3"]);
        assert_eq!(ideas[1].status, IdeaStatus::Open);
        assert_eq!(ideas[1].author.avatar, None);

        let one = r#"{"id": 501, "number": 12, "title": "Wider toe box", "description": "", "createdAt": "2026-08-14T09:30:11Z",
            "user": {"id": 9, "name": "Jo"}, "hasVoted": false, "votesCount": 48, "commentsCount": 6, "status": "completed", "tags": []}"#;
        let detail = spec
            .read_one::<IdeaDetail>(OperationName::Idea, reply(one))
            .unwrap()
            .unwrap();
        assert_eq!(detail.idea.status, IdeaStatus::Shipped);
        assert!(detail.history.is_empty());
        let similar = spec
            .read_list::<SimilarIdea>(
                OperationName::SimilarIdeas,
                None,
                reply(include_str!("presets/samples/fider-posts.json")),
            )
            .unwrap()
            .0;
        assert_eq!(similar[1].title, "Reflective heel tab");

        let (comments, _) = spec
            .read_list::<Comment>(
                OperationName::ListComments,
                None,
                reply(include_str!("presets/samples/fider-comments.json")),
            )
            .unwrap();
        assert_eq!(comments.len(), 2);
        assert_eq!(comments[1].id, "902");
        assert_eq!(comments[1].author.name, "Ridgeline team");
        assert!(comments[1].replies.is_empty());

        let vote = ask(
            &spec,
            OperationName::Vote,
            &vars,
            None,
            "https://feedback.example",
        );
        assert_eq!(
            (vote.method, vote.url.as_str()),
            (
                Method::Post,
                "https://feedback.example/api/v1/posts/12/votes"
            )
        );
        let unvote = ask(
            &spec,
            OperationName::Unvote,
            &vars,
            None,
            "https://feedback.example",
        );
        assert_eq!(unvote.method, Method::Delete);

        // Fider answers a new post or comment with its number or id only: the widget reads
        // the rest back (see `ApiClient::create_idea`), with the id mapped here.
        vars.extend([
            ("title", json!("Lighter laces")),
            ("body", json!("Flat, \"grippy\" laces")),
        ]);
        let create = ask(
            &spec,
            OperationName::CreateIdea,
            &vars,
            None,
            "https://feedback.example",
        );
        assert_eq!(
            (create.method, create.url.as_str()),
            (Method::Post, "https://feedback.example/api/v1/posts")
        );
        assert_eq!(
            create.body.as_deref(),
            Some(r#"{"description":"Flat, \"grippy\" laces","title":"Lighter laces"}"#)
        );
        let written = |operation, body| {
            let reply = Reply {
                body,
                link: None,
                url: "https://feedback.example/api/v1/posts",
                sent: &vars,
            };
            spec.read_written::<serde_json::Value>(operation, reply)
                .unwrap()
        };
        assert_eq!(
            written(
                OperationName::CreateIdea,
                include_str!("presets/samples/fider-created.json")
            ),
            json!({"id": "14"})
        );
        let comment = ask(
            &spec,
            OperationName::CreateComment,
            &vars,
            None,
            "https://feedback.example",
        );
        assert_eq!(
            comment.url,
            "https://feedback.example/api/v1/posts/12/comments"
        );
        assert_eq!(
            comment.body.as_deref(),
            Some(r#"{"content":"Flat, \"grippy\" laces"}"#)
        );
        assert_eq!(
            written(
                OperationName::CreateComment,
                include_str!("presets/samples/fider-comment-created.json")
            ),
            json!({"id": "905"})
        );
    }
}
