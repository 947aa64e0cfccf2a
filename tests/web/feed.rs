//! The feed widget in Chromium: each layout renders the same posts in its own arrangement
//! (the loader remounts a placeholder whose `layout` changes), a like shows at once and is
//! undone when refused, a report needs a reason and hides its post once sent, captions and
//! sources stay text, and only photo and source URLs and colours of a safe shape reach the
//! page. `fetch` is a stub: it answers the feed's page, and holds likes until the test
//! answers them.

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::Element;

use super::{eventually, find, new_host, shadow_of, sheet};

const API: &str = "http://feed.example.test";

/// A page of three posts: a square one, a tall one carrying hostile text and an unusable
/// photo, and a wide one.
const PAGE: &str = r##"{"items":[
  {"id":"1","caption":"Ridge at dawn #dawn","alt":"A ridge at dawn","tags":["dawn"],
   "product_tags":["summit-3"],"like_count":3,"liked":false,"author":{"name":"Maya"},
   "created_at":"2026-11-20T10:00:00Z",
   "source":{"name":"Ridgeline Journal","url":"https://ridgeline.example/journal/1"},
   "image":{"url":"/v1/media/a.jpg","width":1080,
   "height":1080,"srcset":[{"url":"/v1/media/a480.jpg","width":480},
   {"url":"/v1/media/a.jpg","width":1080}],"color":"#70626d"}},
  {"id":"2","caption":"<img src=x onerror=alert(1)> **bold**","alt":"A tall pine",
   "tags":[],"product_tags":["merino-socks"],"like_count":1,"liked":false,
   "author":{"name":"<b>Jonas</b>"},"created_at":"2026-11-21T10:00:00Z",
   "source":{"name":"<i>Instagram</i>","url":"javascript:alert(3)"},
   "image":{"url":"javascript:alert(1)","width":720,"height":1080,
   "srcset":[{"url":"javascript:alert(2)","width":720}],"color":"red;background:url(x)"}},
  {"id":"3","caption":"","alt":"A lake","tags":[],"product_tags":[],"like_count":0,
   "liked":false,"author":{"name":"Aiko"},"created_at":"2026-11-22T10:00:00Z",
   "image":{"url":"https://cdn.example.test/c.jpg","width":1080,"height":540,
   "srcset":[],"color":"#abc"}}
],"next_cursor":null}"##;

/// Answers reads from the test API with [`PAGE`] and keeps writes waiting until the test
/// answers them with [`answer`]; [`restore_fetch`] undoes it.
fn stub_fetch() {
    let script = format!(
        "window.realFetch ??= window.fetch;
         window.writes = [];
         const json = (status, body) => new Response(body, {{ status,
           headers: {{ 'content-type': 'application/json' }} }});
         window.fetch = (request, init) => !String(request.url).includes('feed.example.test/')
           ? window.realFetch(request, init)
           : request.method === 'GET'
             ? Promise.resolve(json(200, {}))
             : new Promise((resolve) => request.text().then((sent) => window.writes.push({{
                 call: `${{request.method}} ${{request.url}}`,
                 sent,
                 answer: (status, body) => resolve(json(status, body)),
               }})));",
        serde_json::to_string(PAGE).unwrap()
    );
    js_sys::eval(&script).expect("the stub installs");
}

/// The waiting writes, oldest first, as `METHOD url`.
fn writes() -> Vec<String> {
    let calls = js_sys::eval("JSON.stringify(window.writes.map((write) => write.call))").unwrap();
    serde_json::from_str(&calls.as_string().unwrap()).unwrap()
}

/// The body of the oldest waiting write.
fn oldest_body() -> String {
    js_sys::eval("window.writes[0].sent")
        .unwrap()
        .as_string()
        .unwrap()
}

/// Answers the oldest waiting write with `status` and `body`.
fn answer(status: u16, body: &str) {
    let call = format!(
        "window.writes.shift().answer({status}, {})",
        serde_json::to_string(body).unwrap()
    );
    js_sys::eval(&call).expect("a write was waiting");
}

fn restore_fetch() {
    js_sys::eval("window.fetch = window.realFetch;").expect("fetch is restored");
}

fn feed_options(layout: &str) -> String {
    format!(r#"{{"kind":"feed","api":"{API}","site":"s","feed":"stories","layout":"{layout}"}}"#)
}

fn all(shadow: &web_sys::ShadowRoot, selector: &str) -> Vec<Element> {
    let list = shadow.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(JsCast::unchecked_into)
        .collect()
}

/// Mounts the stubbed feed in `layout` and waits for its posts.
async fn feed_in(layout: &str) -> (kindred::MountHandle, web_sys::ShadowRoot) {
    stub_fetch();
    let host = new_host();
    let handle = kindred::mount(host.clone(), &feed_options(layout), &sheet());
    let shadow = shadow_of(&host);
    eventually("the posts", || {
        all(&shadow, r#"[data-testid="post"]"#).len() == 3
    })
    .await;
    (handle, shadow)
}

#[wasm_bindgen_test]
async fn each_layout_arranges_the_same_posts_its_own_way() {
    stub_fetch();
    let host = new_host();
    for layout in ["grid", "masonry", "carousel", "list"] {
        // As the loader does when the placeholder's `layout` changes: unmount, mount afresh.
        let handle = kindred::mount(host.clone(), &feed_options(layout), &sheet());
        let shadow = shadow_of(&host);
        eventually("the posts", || {
            all(&shadow, r#"[data-testid="post"]"#).len() == 3
        })
        .await;
        let list = find(&shadow, ".feed__posts").unwrap();
        assert_eq!(
            list.class_name(),
            format!("feed__posts feed__posts--{layout}")
        );
        let feed = find(&shadow, ".feed").unwrap();
        assert_eq!(feed.get_attribute("data-layout").as_deref(), Some(layout));
        let spans: Vec<Option<String>> = all(&shadow, ".feed__item")
            .iter()
            .map(|item| item.get_attribute("data-span"))
            .collect();
        if layout == "masonry" {
            let expected = ["20", "30", "10"].map(|span| Some(span.to_owned()));
            assert_eq!(spans, expected);
        } else {
            assert!(spans.iter().all(Option::is_none), "{layout}: {spans:?}");
        }
        let carousel = layout == "carousel";
        assert_eq!(
            find(&shadow, r#"[data-testid="carousel-next"]"#).is_some(),
            carousel
        );
        assert_eq!(
            list.get_attribute("tabindex").as_deref(),
            carousel.then_some("0"),
            "{layout}"
        );
        handle.unmount();
    }
    restore_fetch();
}

#[wasm_bindgen_test]
async fn a_like_shows_at_once_and_a_refused_one_is_undone_out_loud() {
    let (handle, shadow) = feed_in("grid").await;
    let button = find(&shadow, r#"[data-post-id="1"] [data-testid="like-button"]"#).unwrap();
    let notice = find(&shadow, r#"[data-post-id="1"] [data-testid="like-notice"]"#).unwrap();
    let shown = || {
        (
            button.get_attribute("aria-pressed").unwrap(),
            button.text_content().unwrap(),
            button.has_attribute("aria-disabled"),
        )
    };
    assert_eq!(shown(), ("false".into(), "3".into(), false));
    assert_eq!(
        button.get_attribute("aria-label").as_deref(),
        Some("Like, 3 likes")
    );

    // Pressed and counted at once; a second click while the request is out sends nothing.
    button.unchecked_ref::<web_sys::HtmlElement>().click();
    eventually("the optimistic like", || {
        shown() == ("true".into(), "4".into(), true)
    })
    .await;
    button.unchecked_ref::<web_sys::HtmlElement>().click();
    eventually("the like request", || writes().len() == 1).await;
    assert_eq!(writes(), ["PUT http://feed.example.test/v1/posts/1/like"]);

    // Refused: back to how it was, with the reason shown and announced.
    answer(
        503,
        r#"{"error":{"code":"unavailable","message":"down","fields":{}}}"#,
    );
    eventually("the rollback", || {
        shown() == ("false".into(), "3".into(), false)
    })
    .await;
    assert_eq!(notice.get_attribute("role").as_deref(), Some("status"));
    let said = notice.text_content().unwrap();
    assert!(said.starts_with("Your like wasn’t saved."), "{said}");
    assert!(!notice.class_list().contains("sr-only"));

    // Again, and the server's count (others like too) wins over the guess.
    button.unchecked_ref::<web_sys::HtmlElement>().click();
    eventually("the second request", || writes().len() == 1).await;
    answer(200, r#"{"post_id":"1","like_count":9,"liked":true}"#);
    eventually("the server's count", || {
        shown() == ("true".into(), "9".into(), false)
    })
    .await;
    assert_eq!(notice.text_content().unwrap(), "");
    assert!(notice.class_list().contains("sr-only"));
    handle.unmount();
    restore_fetch();
}

#[wasm_bindgen_test]
async fn the_lightbox_is_modal_moves_with_arrow_keys_and_gives_focus_back() {
    let (handle, shadow) = feed_in("masonry").await;
    let dialog: web_sys::HtmlDialogElement = find(&shadow, r#"[data-testid="lightbox"]"#)
        .unwrap()
        .unchecked_into();
    assert!(!dialog.open());
    let opener = find(&shadow, r#"[data-testid="open-post"][data-post-id="1"]"#).unwrap();
    assert_eq!(
        opener.get_attribute("aria-haspopup").as_deref(),
        Some("dialog")
    );
    opener.unchecked_ref::<web_sys::HtmlElement>().click();
    eventually("the lightbox", || dialog.open()).await;
    // Modal: the rest of the page is inert, so focus cannot leave it.
    assert!(dialog.matches(":modal").unwrap());
    let active = shadow
        .active_element()
        .expect("focus moved into the lightbox");
    assert!(dialog.contains(Some(&active)));
    let shown = || {
        let post = find(&shadow, r#"[data-testid="lightbox-post"]"#).unwrap();
        let position = find(&shadow, r#"[data-testid="lightbox-position"]"#).unwrap();
        (
            post.get_attribute("data-post-id").unwrap(),
            position.text_content().unwrap(),
        )
    };
    assert_eq!(shown(), ("1".into(), "1 of 3".into()));
    assert_eq!(
        dialog.get_attribute("aria-label").as_deref(),
        Some("Photo by Maya")
    );
    // Where it was first published, linked; a hostile one stays text (below).
    let source = || find(&shadow, r#"[data-testid="post-source"]"#);
    let link = source().unwrap().query_selector("a").unwrap().unwrap();
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("https://ridgeline.example/journal/1")
    );
    assert_eq!(
        link.text_content().as_deref(),
        Some("First published on Ridgeline Journal")
    );

    let press = |key: &str| {
        let init = web_sys::KeyboardEventInit::new();
        init.set_key(key);
        init.set_bubbles(true);
        let event = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init);
        dialog.dispatch_event(&event.unwrap()).unwrap();
    };
    press("ArrowRight");
    eventually("the next post", || shown().0 == "2").await;
    assert_eq!(shown(), ("2".into(), "2 of 3".into()));
    let hostile = source().unwrap();
    assert_eq!(hostile.child_element_count(), 0, "not a link, not markup");
    assert_eq!(
        hostile.text_content().as_deref(),
        Some("First published on <i>Instagram</i>")
    );
    press("ArrowRight");
    eventually("the third post", || shown().0 == "3").await;
    assert!(source().is_none(), "a post without a source names none");
    press("ArrowLeft");
    eventually("the second post again", || shown().0 == "2").await;
    press("ArrowRight");
    press("ArrowRight");
    eventually("the last post", || shown().0 == "3").await;
    press("ArrowRight");
    leptos::task::tick().await;
    assert_eq!(
        shown(),
        ("3".into(), "3 of 3".into()),
        "no post after the last"
    );
    press("ArrowLeft");
    eventually("the post before", || shown().0 == "2").await;
    press("Enter");
    leptos::task::tick().await;
    assert_eq!(shown().0, "2", "other keys do nothing");

    let close = find(&shadow, r#"[data-testid="lightbox-close"]"#).unwrap();
    close.unchecked_ref::<web_sys::HtmlElement>().click();
    eventually("the lightbox to close", || !dialog.open()).await;
    // Back to the photo of the post last shown.
    eventually("focus back on the opener", || {
        shadow
            .active_element()
            .and_then(|active| active.get_attribute("data-post-id"))
            == Some("2".into())
    })
    .await;
    handle.unmount();
    restore_fetch();
}

#[wasm_bindgen_test]
async fn captions_stay_text_and_only_safe_photos_and_colours_are_used() {
    let (handle, shadow) = feed_in("list").await;
    let hostile = find(&shadow, r#"[data-post-id="2"]"#).unwrap();
    let caption = hostile.query_selector(".post__caption").unwrap().unwrap();
    assert_eq!(
        caption.text_content().unwrap(),
        "<img src=x onerror=alert(1)> **bold**"
    );
    assert_eq!(caption.child_element_count(), 0);
    assert!(hostile.inner_html().contains("by &lt;b&gt;Jonas&lt;/b&gt;"));
    let img = hostile.query_selector("img").unwrap().unwrap();
    assert_eq!(img.get_attribute("src"), None);
    assert_eq!(img.get_attribute("srcset"), None);
    assert_eq!(img.get_attribute("alt").as_deref(), Some("A tall pine"));
    assert!(hostile.query_selector(".photo__swatch").unwrap().is_none());

    let square = find(&shadow, r#"[data-post-id="1"] img"#).unwrap();
    assert_eq!(
        square.get_attribute("src").as_deref(),
        Some("http://feed.example.test/v1/media/a.jpg")
    );
    assert_eq!(
        square.get_attribute("srcset").as_deref(),
        Some("http://feed.example.test/v1/media/a480.jpg 480w, http://feed.example.test/v1/media/a.jpg 1080w")
    );
    assert_eq!(
        (
            square.get_attribute("width"),
            square.get_attribute("height")
        ),
        (Some("1080".into()), Some("1080".into()))
    );
    let fill = find(&shadow, r#"[data-post-id="1"] .photo__swatch rect"#).unwrap();
    assert_eq!(fill.get_attribute("fill").as_deref(), Some("#70626d"));
    let wide = find(&shadow, r#"[data-post-id="3"] img"#).unwrap();
    assert_eq!(
        wide.get_attribute("src").as_deref(),
        Some("https://cdn.example.test/c.jpg")
    );
    // No caption, no empty paragraph.
    assert!(find(&shadow, r#"[data-post-id="3"] .post__caption"#).is_none());
    handle.unmount();
    restore_fetch();
}

/// Clicks the element `selector` finds, which must be shown.
fn click(shadow: &web_sys::ShadowRoot, selector: &str) {
    find(shadow, selector)
        .unwrap_or_else(|| panic!("{selector} is shown"))
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
}

#[wasm_bindgen_test]
async fn a_report_needs_a_reason_and_hides_the_post_once_sent() {
    let (handle, shadow) = feed_in("grid").await;
    let click = |selector: &str| click(&shadow, selector);
    click(r#"[data-testid="open-post"][data-post-id="2"]"#);
    let dialog: web_sys::HtmlDialogElement = find(&shadow, r#"[data-testid="lightbox"]"#)
        .unwrap()
        .unchecked_into();
    eventually("the lightbox", || dialog.open()).await;
    click(r#"[data-testid="report-post"]"#);
    eventually("the report form", || {
        find(&shadow, r#"[data-testid="report-form"]"#).is_some()
    })
    .await;
    // Focus moves to the question.
    eventually("focus on the question", || {
        shadow
            .active_element()
            .is_some_and(|active| active.tag_name() == "LEGEND")
    })
    .await;

    // Without a reason nothing is sent, and the group says why.
    click(r#"[data-testid="send-report"]"#);
    eventually("the missing reason", || {
        find(&shadow, r#"[data-testid="report-reason-needed"]"#).is_some()
    })
    .await;
    let group = find(&shadow, r#"[role="radiogroup"]"#).unwrap();
    assert_eq!(group.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert!(writes().is_empty());

    // Arrow keys in the note move its caret, not the lightbox.
    let note: web_sys::HtmlTextAreaElement = find(&shadow, r#"[data-testid="report-note"]"#)
        .unwrap()
        .unchecked_into();
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("ArrowRight");
    init.set_bubbles(true);
    let key = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    note.dispatch_event(&key).unwrap();
    leptos::task::tick().await;
    let shown = || {
        find(&shadow, r#"[data-testid="lightbox-post"]"#)
            .and_then(|post| post.get_attribute("data-post-id"))
    };
    assert_eq!(shown().as_deref(), Some("2"));

    let reasons = all(&shadow, r#"[data-testid="report-reason"]"#);
    assert_eq!(reasons.len(), 4);
    reasons[0].unchecked_ref::<web_sys::HtmlElement>().click();
    note.set_value("  Sells knock-offs  ");
    note.dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    eventually("the reason accepted", || {
        find(&shadow, r#"[data-testid="report-reason-needed"]"#).is_none()
    })
    .await;
    click(r#"[data-testid="send-report"]"#);
    eventually("the report request", || writes().len() == 1).await;
    assert_eq!(
        writes(),
        ["POST http://feed.example.test/v1/posts/2/reports"]
    );
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&oldest_body()).unwrap(),
        serde_json::json!({ "reason": "spam", "note": "Sells knock-offs" })
    );

    // Refused: the form stays, with what was chosen and why it failed.
    answer(
        503,
        r#"{"error":{"code":"unavailable","message":"down","fields":{}}}"#,
    );
    eventually("the failure", || {
        find(&shadow, r#"[data-testid="report-failed"]"#).is_some()
    })
    .await;
    let failed = find(&shadow, r#"[data-testid="report-failed"]"#).unwrap();
    assert_eq!(failed.get_attribute("role").as_deref(), Some("alert"));
    assert!(failed
        .text_content()
        .unwrap()
        .starts_with("Your report wasn’t sent."));
    assert_eq!(note.value(), "  Sells knock-offs  ");

    // Sent: thanks, the photo veiled; the post stays until the visitor moves on.
    click(r#"[data-testid="send-report"]"#);
    eventually("the second request", || writes().len() == 1).await;
    answer(201, r#"{"post_id":"2","reason":"spam"}"#);
    eventually("the thanks", || {
        find(&shadow, r#"[data-testid="report-sent"]"#).is_some()
    })
    .await;
    let thanks = find(&shadow, r#"[data-testid="report-sent"]"#).unwrap();
    assert_eq!(thanks.get_attribute("role").as_deref(), Some("status"));
    assert!(find(&shadow, ".lightbox__post--reported").is_some());
    assert_eq!(all(&shadow, r#"[data-testid="post"]"#).len(), 3);

    click(r#"[data-testid="lightbox-next"]"#);
    eventually("the post after it", || shown().as_deref() == Some("3")).await;
    let position = find(&shadow, r#"[data-testid="lightbox-position"]"#).unwrap();
    assert_eq!(position.text_content().unwrap(), "2 of 2");
    let tiles: Vec<String> = all(&shadow, r#"[data-testid="post"]"#)
        .iter()
        .filter_map(|post| post.get_attribute("data-post-id"))
        .collect();
    assert_eq!(tiles, ["1", "3"]);
    handle.unmount();
    restore_fetch();
}

/// Chooses a file of `size` zero bytes (or `bytes` when given) named `name` of type
/// `media_type` in `input`, as a visitor picking it would.
fn choose_file(input: &Element, name: &str, media_type: &str, size: u32, base64: &str) {
    let choose = js_sys::Function::new_with_args(
        "input, name, type, size, base64",
        "const bytes = base64
           ? Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
           : new Uint8Array(size);
         const files = new DataTransfer();
         files.items.add(new File([bytes], name, { type }));
         input.files = files.files;
         input.dispatchEvent(new Event('change', { bubbles: true }));",
    );
    let args = js_sys::Array::of5(
        input,
        &name.into(),
        &media_type.into(),
        &size.into(),
        &base64.into(),
    );
    choose.apply(&wasm_bindgen::JsValue::NULL, &args).unwrap();
}

/// A 2 × 1 PNG.
const PNG: &str = "iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAADUlEQVR4nGP4zwAE/wEHAAH/4iOeWQAAAABJRU5ErkJggg==";

#[wasm_bindgen_test]
async fn the_share_form_checks_the_photo_before_anything_is_uploaded() {
    let (handle, shadow) = feed_in("grid").await;
    let click = |selector: &str| click(&shadow, selector);
    click(r#"[data-testid="share-photo"]"#);
    let dialog: web_sys::HtmlDialogElement = find(&shadow, r#"[data-testid="share-dialog"]"#)
        .unwrap()
        .unchecked_into();
    eventually("the share dialog", || dialog.open()).await;
    assert!(dialog.matches(":modal").unwrap());
    let error_of = |field: &str| {
        find(&shadow, &format!(r#"[data-field="{field}"] .field__error"#))
            .and_then(|error| error.text_content())
            .unwrap_or_default()
    };

    // Sent empty: every required question says what it needs, and nothing leaves.
    click(r#"[data-testid="send-form"]"#);
    eventually("the errors", || !error_of("image").is_empty()).await;
    assert!(!error_of("alt").is_empty());
    assert!(!error_of("consent").is_empty());
    assert!(error_of("caption").is_empty());
    assert!(writes().is_empty());

    let input = find(&shadow, r#"[data-field="image"] input[type="file"]"#).unwrap();
    assert_eq!(
        input.get_attribute("accept").as_deref(),
        Some("image/jpeg,image/png,image/webp")
    );
    let hint = find(&shadow, r#"[data-field="image"] .field__hint"#).unwrap();
    assert_eq!(hint.text_content().unwrap(), "JPEG, PNG, WebP; up to 9 MB.");
    let preview = find(&shadow, r#"[data-testid="photo-preview"]"#).unwrap();

    // The wrong kind of file, then one too large: told at once, on the photo question.
    choose_file(&input, "party.gif", "image/gif", 64, "");
    eventually("the type refused", || {
        error_of("image") == "Choose a JPEG, PNG or WebP photo."
    })
    .await;
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    choose_file(&input, "huge.jpg", "image/jpeg", 10 * 1024 * 1024, "");
    eventually("the size refused", || {
        error_of("image") == "Choose a photo of at most 9 MB."
    })
    .await;
    assert!(
        preview.has_attribute("hidden"),
        "no preview of a refused file"
    );

    // A photo that fits: no error, and a preview drawn from it.
    choose_file(&input, "ridge.png", "image/png", 0, PNG);
    eventually("the photo accepted", || error_of("image").is_empty()).await;
    eventually("the preview", || !preview.has_attribute("hidden")).await;
    assert_eq!(preview.get_attribute("width").as_deref(), Some("2"));
    assert_eq!(preview.get_attribute("role").as_deref(), Some("img"));
    assert_eq!(
        preview.get_attribute("aria-label").as_deref(),
        Some("Preview of your photo")
    );

    // Closing the dialog gives focus back to the button that opened it.
    click(r#"[data-testid="share-close"]"#);
    eventually("the dialog closed", || !dialog.open()).await;
    eventually("focus back on the share button", || {
        shadow
            .active_element()
            .and_then(|active| active.get_attribute("data-testid"))
            == Some("share-photo".into())
    })
    .await;
    handle.unmount();
    restore_fetch();
}
