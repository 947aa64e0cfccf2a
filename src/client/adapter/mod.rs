//! Adapters: how the widget talks to a brand's own REST API, described in data. For each
//! operation the widget performs, an adapter says which request to make (method, URL,
//! query, headers and body, all templates) and where each field of the widget's types lives in
//! the answer. This module is plain Rust, tested natively; the client sends what it builds.

pub mod exchange;
pub mod field;
pub mod paging;
pub mod presets;
pub mod spec;
pub mod template;
pub mod transform;

#[cfg(test)]
mod documented {
    //! The adapter docs/adapters.md walks through, read as the widget reads it.

    use kindred_api::Post;

    use super::exchange::Reply;
    use super::spec::{AdapterSpec, OperationName};
    use super::template::Vars;

    const ADAPTER: &str = include_str!("../../../docs/adapters/shop.json");
    const ANSWER: &str = include_str!("../../../docs/adapters/shop-answer.json");
    const GUIDE: &str = include_str!("../../../docs/adapters.md");

    #[test]
    fn the_guide_shows_the_adapter_whole() {
        assert!(
            GUIDE.contains(ADAPTER.trim()),
            "docs/adapters.md shows docs/adapters/shop.json"
        );
    }

    #[test]
    fn the_walk_through_reads_the_shops_answer() {
        let spec = AdapterSpec::parse(ADAPTER).unwrap();
        let vars = Vars::from([
            ("feed", "photos".into()),
            ("tag", "".into()),
            ("visitor", "v-1".into()),
        ]);
        let request = spec
            .request(
                OperationName::ListPosts,
                &vars,
                None,
                "https://shop.example",
            )
            .unwrap();
        assert_eq!(request.url, "https://shop.example/api/photos?page=1&per=5");
        assert_eq!(
            request.headers,
            [("X-Shop-Visitor".to_owned(), "v-1".to_owned())]
        );
        let reply = Reply {
            body: ANSWER,
            link: None,
            url: &request.url,
        };
        let (posts, next) = spec
            .read_list::<Post>(OperationName::ListPosts, None, reply)
            .unwrap();
        assert_eq!(next.as_deref(), Some("2"), "the total says more follow");
        let [post] = posts.as_slice() else {
            panic!("the photo taken down is left out: {posts:?}");
        };
        assert_eq!(post.id.0, "12");
        assert_eq!(post.caption, "Day three of the traverse.");
        assert_eq!(post.alt, "Trail shoes drying by a campfire");
        assert_eq!(post.tags, ["traverse", "summit-3"]);
        assert_eq!((post.image.width, post.image.height), (1200, 900));
        assert_eq!(post.image.color, "#5a4632");
        assert_eq!(post.like_count, 41);
        assert_eq!(post.author.name, "dee.runs");
        assert_eq!(post.created_at, "2026-09-22T02:13:20Z");
    }
}
