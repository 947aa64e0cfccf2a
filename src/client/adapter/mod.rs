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
        let sent = Vars::new();
        let reply = Reply {
            body: ANSWER,
            link: None,
            url: &request.url,
            sent: &sent,
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

    // The validator is a native crate.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn the_json_schema_takes_every_shipped_adapter_and_refuses_what_the_widget_refuses() {
        let schema: serde_json::Value =
            serde_json::from_str(include_str!("../../../docs/adapter-schema.json")).unwrap();
        let validator = jsonschema::validator_for(&schema).expect("a valid JSON Schema");
        let shipped = super::presets::NAMES
            .into_iter()
            .filter_map(super::presets::preset)
            .chain([ADAPTER]);
        for adapter in shipped {
            let value: serde_json::Value = serde_json::from_str(adapter).unwrap();
            let errors: Vec<String> = validator
                .iter_errors(&value)
                .map(|e| e.to_string())
                .collect();
            assert!(errors.is_empty(), "{errors:?}\n{adapter}");
        }
        let wrong = [
            r#"{"operations": {"lst_ideas": {"url": "/x"}}}"#,
            r#"{"operations": {"vote": {"url": "/v/{id"}}}"#,
            r#"{"operations": {"list_ideas": {"url": "i"}}}"#,
            r#"{"operations": {"idea": {"url": "/i", "body": {"a": 1}}}}"#,
            r#"{"operations": {"idea": {"url": "/i", "method": "FETCH"}}}"#,
            r#"{"operations": {"idea": {"url": "/i", "respons": {}}}}"#,
            r#"{"operations": {"list_posts": {"url": "/p", "response": {"paging": {"style": "pages"}}}}}"#,
            r#"{"operations": {"list_posts": {"url": "/p", "response": {"paging": {"style": "cursor"}}}}}"#,
            r#"{"operations": {"list_posts": {"url": "/p", "response": {"fields": {"t": "title"}}}}}"#,
            r#"{"operations": {"list_posts": {"url": "/p", "response": {"fields": {"t": {"as": "upper"}}}}}}"#,
            r#"{"operations": {"list_posts": {"url": "/p", "response": {"fields": {"t": {"from": []}}}}}}"#,
            r#"{"base": "ftp://x", "operations": {}}"#,
            r#"{"limit": 0, "operations": {}}"#,
            r#"{}"#,
        ];
        for adapter in wrong {
            let value: serde_json::Value = serde_json::from_str(adapter).unwrap();
            assert!(!validator.is_valid(&value), "the schema takes {adapter}");
            assert!(
                AdapterSpec::parse(adapter).is_err(),
                "the widget takes {adapter}"
            );
        }
    }
}
