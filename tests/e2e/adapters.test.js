// The widget talking to APIs that are not Kindred's, through adapters: a JSON Feed file, a
// Mastodon hashtag timeline, a shop's own API and a Fider site, all served in their own shapes
// by a local fixture server, which also serves the pages and the widget's files: no Kindred
// server takes part. The posts show with their photos, their text never as HTML, further
// pages load the way each API pages; likes, votes, comments and new ideas go with the
// member's token, and what an API answers a write with is read back into what the widget
// shows. What an API does not offer (likes, reports, sharing, proposing, commenting) is
// switched off rather than failing.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";

import { chromiumPerSpec, watch, assertClean, axeViolations, CSP, BASE_URL } from "./browser.js";
import { startApis, SHOP_ADAPTER } from "./fixtures/apis.js";

const browser = chromiumPerSpec();
let apis;
before(async () => {
  apis = await startApis();
});
after(async () => {
  await apis?.close();
});

/**
 * Opens a page served by the fixture server with `body`, the widget loaded from it too, and
 * watched as the other specs' pages are; `kindred` collects any request to the Kindred
 * server, which none should make.
 */
async function openOwn(name, body) {
  const context = await browser().newContext({ viewport: { width: 1000, height: 800 } });
  const page = await context.newPage();
  const { problems, wasm } = await watch(page);
  const kindred = [];
  page.on("request", (request) => {
    if (new URL(request.url()).origin === new URL(BASE_URL).origin) kindred.push(request.url());
  });
  const loader = `<script src="${apis.origin}/kindred/embed.js" data-api="${apis.origin}" data-site="ridgeline" async></script>`;
  const html =
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${name}</title>${loader}</head>` +
    `<body>${body}</body></html>`;
  await page.goto(apis.page(name, html, CSP));
  return { context, page, problems, wasm, kindred };
}

/** Asserts what `assertClean` does, and that the Kindred server was never asked anything. */
async function assertOwn(opened) {
  assert.deepEqual(opened.kindred, [], "no request to a Kindred server");
  await assertClean(opened);
}

/**
 * Opens a page whose feed speaks through `adapter` to the fixture server at `path`; `extra` is
 * more of the page's body (an adapter in a script element).
 */
async function openFeed(name, { adapter, path, feed, extra = "", wait = true, timeout }) {
  const chosen = (adapter ? ` data-adapter="${adapter}"` : "") + (timeout ? ` data-timeout="${timeout}"` : "");
  const body =
    `<main><h1>Community</h1><div id="w" data-kindred="feed" data-api="${apis.origin}${path}"` +
    `${chosen} data-feed="${feed}" data-eager></div></main>${extra}`;
  const opened = await openOwn(name, body);
  if (wait) await opened.page.locator('#w [data-testid="post"]').first().waitFor();
  return opened;
}

/** The ids of the posts shown. */
const shownIds = (page) =>
  page.locator('#w [data-testid="post"]').evaluateAll((posts) => posts.map((post) => post.dataset.postId));

test("a JSON Feed file is a feed of photos, read-only, paged by its next_url", async () => {
  const opened = await openFeed("adapter-jsonfeed", { adapter: "jsonfeed", path: "/community", feed: "feed.json" });
  const { page } = opened;
  // Twenty items, of which five have no photo.
  await page.waitForFunction(() => document.getElementById("w").shadowRoot.querySelectorAll('[data-testid="post"]').length === 15);
  const first = page.locator('#w [data-testid="post"]').first();
  assert.equal(await first.getAttribute("data-post-id"), `${apis.origin}/community/posts/1`);
  const img = first.locator("img");
  await page.waitForFunction((el) => el.complete && el.naturalWidth > 0, await img.elementHandle());
  assert.equal(await img.getAttribute("alt"), "Trail photo 1");
  assert.equal(await first.locator('[part="caption"]').innerText(), "Morning run number 1 <3 & counting");
  // Likes are shown, not given; there is nothing to share to.
  assert.equal(await page.locator('#w [data-testid="like-button"]').count(), 0);
  assert.equal(await first.locator('[data-testid="like-count"]').innerText(), "0");
  assert.equal(await page.locator('#w [data-testid="share-photo"]').count(), 0);
  // The next page is the file the feed names.
  await page.locator('#w [data-testid="load-more"]').click();
  await page.waitForFunction(() => document.getElementById("w").shadowRoot.querySelectorAll('[data-testid="post"]').length === 19);
  assert.equal(await page.locator('#w [data-testid="load-more"]').count(), 0, "no more after the last page");
  assert.ok(apis.asked.includes("GET /community/feed-2.json"), apis.asked.join("\n"));
  // The lightbox opens, without a way to report to an API that takes no reports.
  await first.locator('[data-testid="open-post"]').click();
  await page.locator('#w [data-testid="lightbox-post"]').waitFor();
  assert.equal(await page.locator('#w [data-testid="report-post"]').count(), 0);
  await page.keyboard.press("Escape");
  assert.deepEqual(await axeViolations(page), []);
  await assertOwn(opened);
  await opened.context.close();
});

test("a Mastodon hashtag timeline is a feed of photos, paged by Link headers, its HTML as text", async () => {
  const opened = await openFeed("adapter-mastodon", { adapter: "mastodon-tag", path: "", feed: "trailrunning" });
  const { page } = opened;
  // Twenty statuses, of which four are videos.
  await page.waitForFunction(() => document.getElementById("w").shadowRoot.querySelectorAll('[data-testid="post"]').length === 16);
  const asked = apis.asked.find((line) => line.startsWith("GET /api/v1/timelines/tag/trailrunning?"));
  const params = new URLSearchParams(asked?.split("?")[1]);
  assert.deepEqual([params.get("limit"), params.get("only_media")], ["20", "true"], apis.asked.join("\n"));
  const first = page.locator('#w [data-testid="post"]').first();
  const caption = first.locator('[part="caption"]');
  assert.equal(await caption.innerText(), "Ridge run 1 & friends #trailrunning");
  assert.equal(await caption.locator("*").count(), 0, "no element from the status's HTML");
  assert.equal(await first.locator('[data-testid="like-count"]').innerText(), "2");
  assert.equal(await first.locator("img").getAttribute("alt"), "Photo 1 of the ridge");
  assert.match((await first.locator("img").getAttribute("srcset")) ?? "", /1-small\.png 32w, .*1\.png 64w/);
  // A status without a display name is shown under its account.
  const third = page.locator('#w [data-testid="post"][data-post-id="113000000000000003"]');
  assert.match(await third.innerText(), /runner3/);
  await page.locator('#w [data-testid="load-more"]').click();
  await page.waitForFunction(() => document.getElementById("w").shadowRoot.querySelectorAll('[data-testid="post"]').length === 24);
  assert.ok(apis.asked.some((line) => line.includes("max_id=113000000000000020")), apis.asked.join("\n"));
  const ids = await shownIds(page);
  assert.equal(new Set(ids).size, ids.length, "no status shown twice");
  assert.equal(await page.locator('#w [data-testid="load-more"]').count(), 0, "no more after the last page");
  // A signed-in visitor's like is a favourite; the status Mastodon answers says the count.
  await page.evaluate(() => window.Kindred.identify("fan-1"));
  const like = first.locator('[data-testid="like-button"]');
  await like.click();
  await page.waitForFunction(() => {
    const button = document.getElementById("w").shadowRoot.querySelector('[data-testid="like-button"]');
    return button.getAttribute("aria-pressed") === "true" && button.textContent.trim() === "3";
  });
  assert.ok(apis.asked.includes("POST /api/v1/statuses/113000000000000001/favourite"), apis.asked.join("\n"));
  await like.click();
  await page.waitForFunction(() => {
    const button = document.getElementById("w").shadowRoot.querySelector('[data-testid="like-button"]');
    return button.getAttribute("aria-pressed") === "false" && button.textContent.trim() === "2";
  });
  assert.ok(apis.asked.includes("POST /api/v1/statuses/113000000000000001/unfavourite"), apis.asked.join("\n"));
  await assertOwn(opened);
  await opened.context.close();
});

test("an adapter in the page reads an API of the shop's own: nested lists, numbered pages", async () => {
  const extra = `<script type="application/json" data-kindred-adapter>${JSON.stringify(SHOP_ADAPTER)}</script>`;
  const opened = await openFeed("adapter-inline", { path: "/shop", feed: "photos", extra });
  const { page } = opened;
  await page.waitForFunction(() => document.getElementById("w").shadowRoot.querySelectorAll('[data-testid="post"]').length === 5);
  assert.deepEqual(await shownIds(page), ["12", "11", "10", "9", "8"]);
  const first = page.locator('#w [data-testid="post"]').first();
  assert.equal(await first.locator('[part="caption"]').innerText(), "Customer photo 12");
  assert.equal(await first.locator('[data-testid="like-count"]').innerText(), "12");
  const posted = new Date((1790000000 + 12 * 3600) * 1000).toISOString().replace(".000Z", "Z");
  assert.equal(await first.locator("time").getAttribute("datetime"), posted);
  for (const shown of [10, 12]) {
    await page.locator('#w [data-testid="load-more"]').click();
    await page.waitForFunction((count) => document.getElementById("w").shadowRoot.querySelectorAll('[data-testid="post"]').length === count, shown);
  }
  assert.equal(await page.locator('#w [data-testid="load-more"]').count(), 0, "the total says page 3 is the last");
  assert.deepEqual(
    apis.asked.filter((line) => line.startsWith("GET /shop/api/photos")).map((line) => new URLSearchParams(line.split("?")[1]).get("page")),
    ["1", "2", "3"],
  );
  await assertOwn(opened);
  await opened.context.close();
});

test("a photo shared through an adapter goes to the shop's API in its own part names", async () => {
  const fields = SHOP_ADAPTER.operations.list_posts.response.fields;
  const adapter = structuredClone(SHOP_ADAPTER);
  adapter.operations.create_post = {
    method: "POST",
    url: "/api/photos",
    body: { upload: "{photo}", text: "{caption}", alt_text: "{alt}", labels: "{products}" },
    response: { at: "/photo", fields },
  };
  const extra = `<script type="application/json" data-kindred-adapter>${JSON.stringify(adapter)}</script>`;
  const opened = await openFeed("adapter-share", { path: "/shop", feed: "photos", extra });
  const { page } = opened;
  const dialog = (selector) => `#w [data-testid="share-dialog"] ${selector}`;
  await page.locator('#w [data-testid="share-photo"]').click();
  const png = Buffer.from(await (await fetch(`${apis.origin}/photos/3.png`)).arrayBuffer());
  await page.locator(dialog('[data-field="image"] input[type="file"]')).setInputFiles({ name: "trail.png", mimeType: "image/png", buffer: png });
  await page.locator(dialog('[data-testid="photo-preview"]:not([hidden])')).waitFor();
  await page.locator(dialog('[data-field="alt"] input')).fill("Boots on a muddy trail");
  await page.locator(dialog('[data-field="caption"] textarea')).fill("Mud season");
  await page.locator(dialog('[data-field="consent"] input[type="checkbox"]')).check();
  await page.locator(dialog('[data-testid="send-form"]')).click();
  await page.locator(dialog('[data-testid="share-thanks"] p')).waitFor();
  assert.equal(apis.uploads.length, 1);
  const [upload] = apis.uploads;
  assert.deepEqual(
    { ...upload, visitor: undefined },
    { name: "trail.png", type: "image/png", size: png.length, text: "Mud season", alt: "Boots on a muddy trail", labels: [], visitor: undefined },
  );
  assert.match(upload.visitor, /\S/, "the adapter's own header goes with the upload");
  await page.locator(dialog('[data-testid="share-done"]')).click();
  const first = page.locator('#w [data-testid="post"]').first();
  assert.equal(await first.getAttribute("data-post-id"), "13");
  assert.equal(await first.locator('[part="caption"]').innerText(), "Mud season");
  await assertOwn(opened);
  await opened.context.close();
});

test("a mistaken adapter is named in the console, and the widget says it cannot be set up", async () => {
  const wrong = { operations: { list_posts: { url: "/api/photos/{nope}" } } };
  const extra = `<script type="application/json" id="shop-adapter">${JSON.stringify(wrong)}</script>`;
  const opened = await openFeed("adapter-wrong", { adapter: "#shop-adapter", path: "/shop", feed: "photos", extra, wait: false });
  const { page, problems } = opened;
  await page.locator('#w [data-testid="widget-error"]').waitFor();
  assert.match(await page.locator('#w [data-testid="widget-error"]').innerText(), /couldn’t be set up/);
  assert.ok(
    problems.some((problem) => problem.includes("[kindred] adapter, at `operations.list_posts.url`: there is no placeholder `{nope}`")),
    problems.join("\n"),
  );
  assert.ok(!apis.asked.some((line) => line.includes("{nope}") || line.includes("%7Bnope")), "nothing was asked");
  assert.deepEqual(await page.evaluate(() => window.violations), []);
  await opened.context.close();
});

test("an adapter at a URL is fetched before the feed asks its API anything", async () => {
  const from = apis.asked.length;
  const opened = await openFeed("adapter-url", { adapter: `${apis.origin}/adapters/shop.json`, path: "/shop", feed: "photos" });
  const { page } = opened;
  await page.waitForFunction(() => document.getElementById("w").shadowRoot.querySelectorAll('[data-testid="post"]').length === 5);
  const asked = apis.asked.slice(from);
  const adapter = asked.indexOf("GET /adapters/shop.json");
  const photos = asked.findIndex((line) => line.startsWith("GET /shop/api/photos"));
  assert.ok(adapter >= 0 && adapter < photos, asked.join("\n"));
  await assertOwn(opened);
  await opened.context.close();
});

test("an adapter at a URL that does not come within the time limit is named in the console", async () => {
  const adapter = `${apis.origin}/adapters/slow.json`;
  const from = apis.asked.length;
  const opened = await openFeed("adapter-slow", { adapter, path: "/shop", feed: "photos", wait: false, timeout: 500 });
  const { page, problems } = opened;
  await page.locator('#w [data-testid="widget-error"]').waitFor({ timeout: 2500 });
  assert.ok(
    problems.some((problem) => problem.includes(`[kindred] the adapter at ${adapter} could not be read: no answer within 500 ms`)),
    problems.join("\n"),
  );
  assert.ok(!apis.asked.slice(from).some((line) => line.startsWith("GET /shop/api/photos")), "the API was not asked");
  await opened.context.close();
});

test("a form comes from a shop's CMS and its answers go back there, in the CMS's words", async () => {
  const adapter = {
    operations: {
      get_form: {
        url: "/api/surveys/{form}",
        response: {
          at: "/survey",
          fields: {
            slug: "/handle",
            title: "/heading",
            fields: {
              from: "/questions",
              each: { fields: { name: "/key", label: "/prompt", required: { from: "/mandatory", default: false }, kind: "/settings" } },
            },
          },
        },
      },
      submit_form: {
        method: "POST",
        url: "/api/surveys/{form}/entries",
        body: { fields: "{answers}", visitor: "{visitor}", at: "{now}" },
        response: { fields: { id: { from: "/entry/number", as: "string" } } },
      },
    },
  };
  const body =
    `<main><h1>Wishlist</h1><div id="w" data-kindred="form" data-api="${apis.origin}/shop" data-adapter="#cms" ` +
    `data-form="summit-4-wishlist" data-eager></div></main>` +
    `<script type="application/json" id="cms">${JSON.stringify(adapter)}</script>`;
  const opened = await openOwn("adapter-form", body);
  const { page } = opened;
  await page.locator('#w [data-field="fit"] textarea').waitFor();
  assert.match(await page.evaluate(() => document.getElementById("w").shadowRoot.textContent), /Summit 4 wishlist[\s\S]*How should they fit\?[\s\S]*Rate the Summit 3/);
  // The form's own checks run before anything is sent.
  await page.locator('#w [data-testid="send-form"]').click();
  await page.locator('#w [data-field="fit"] [aria-invalid="true"]').waitFor();
  assert.equal(apis.entries.length, 0);
  await page.locator('#w [data-field="fit"] textarea').fill("Roomier in the toes.");
  await page.locator('#w [data-testid="send-form"]').click();
  const done = page.locator('#w [data-testid="form-success"]');
  await done.waitFor();
  assert.match(await done.innerText(), /Thank you! Your answers were received\./);
  assert.equal(apis.entries.length, 1);
  const [entry] = apis.entries;
  assert.deepEqual(entry.fields, { fit: "Roomier in the toes." });
  assert.match(entry.visitor, /\S/);
  assert.ok(!Number.isNaN(Date.parse(entry.at)), entry.at);
  assert.deepEqual(await axeViolations(page), []);
  await assertOwn(opened);
  await opened.context.close();
});

/** The ids of the idea cards shown, in order. */
const cardIds = (page) =>
  page.locator('#w [data-testid="idea-card"]').evaluateAll((cards) => cards.map((card) => card.dataset.ideaId));

test("a Fider site is an idea board: sorted and searched in Fider's words; a signed-in member votes, comments and proposes", async () => {
  const body =
    `<main><h1>Ideas</h1><div id="w" data-kindred="ideas" data-api="${apis.origin}" data-adapter="fider" ` +
    `data-board="ideas" data-eager></div></main>`;
  const opened = await openOwn("adapter-fider", body);
  const { page } = opened;
  const cards = page.locator('#w [data-testid="idea-card"]');
  await cards.first().waitFor();
  // Most supported first, in the widget's own status names.
  assert.deepEqual(await cardIds(page), ["12", "15", "14", "13"]);
  assert.match(await cards.first().locator('[part="status"]').getAttribute("class"), /badge--in_progress/);
  assert.match(await page.locator('#w [data-idea-id="14"] [part="status"]').getAttribute("class"), /badge--shipped/);

  await page.locator('#w [data-testid="sort"]').selectOption("new");
  await page.waitForFunction(() => document.getElementById("w").shadowRoot.querySelector('[data-testid="idea-card"]')?.dataset.ideaId === "13");
  assert.deepEqual(await cardIds(page), ["13", "15", "12", "14"]);
  assert.ok(apis.asked.some((line) => line.startsWith("GET /api/v1/posts?") && line.includes("view=recent")), apis.asked.join("\n"));
  await page.locator('#w [data-testid="search"]').fill("heel");
  await page.waitForFunction(() => document.getElementById("w").shadowRoot.querySelectorAll('[data-testid="idea-card"]').length === 1);
  assert.deepEqual(await cardIds(page), ["13"]);

  // An anonymous vote is refused (401): the vote is undone and the visitor asked to sign in.
  const vote = page.locator('#w [data-idea-id="13"] [data-testid="vote-button"]');
  await vote.click();
  await page.locator('#w [data-idea-id="13"] [data-testid="signin-prompt"]').waitFor();
  assert.equal(await vote.getAttribute("aria-pressed"), "false");
  assert.equal(await page.locator('#w [data-idea-id="13"] [data-testid="vote-count"]').innerText(), "7");

  // Signed in, the vote goes with the member's token, and the idea as Fider now has it says the count.
  await page.evaluate(() => window.Kindred.identify("fider-member-1"));
  await vote.click();
  await page.waitForFunction(() => {
    const card = document.getElementById("w").shadowRoot.querySelector('[data-idea-id="13"]');
    return card.querySelector('[data-testid="vote-button"]').getAttribute("aria-pressed") === "true" &&
      card.querySelector('[data-testid="vote-count"]').textContent.trim() === "8";
  });
  assert.ok(apis.asked.includes("POST /api/v1/posts/13/votes"), apis.asked.join("\n"));
  await page.reload();
  await page.evaluate(() => window.Kindred.identify("fider-member-1"));
  await cards.first().waitFor();
  await page.waitForFunction(() =>
    document.getElementById("w").shadowRoot.querySelector('[data-idea-id="13"] [data-testid="vote-button"]')?.getAttribute("aria-pressed") === "true",
  );
  await page.locator('#w [data-idea-id="13"] [data-testid="vote-button"]').click();
  await page.waitForFunction(() =>
    document.getElementById("w").shadowRoot.querySelector('[data-idea-id="13"] [data-testid="vote-count"]').textContent.trim() === "7",
  );
  assert.ok(apis.asked.includes("DELETE /api/v1/posts/13/votes"), apis.asked.join("\n"));

  // An idea's page: its text and comments, and a comment posted with the member's token.
  // Fider answers it with an id only: the widget reads the thread back for the rest. Fider's
  // comments are not threaded, so there is no reply button. (The search stayed in the
  // page's address through the reload.)
  await page.locator('#w [data-testid="search"]').fill("");
  await page.locator('#w [data-idea-id="12"] [data-testid="idea-link"]').click();
  await page.locator('#w [data-testid="comment"]').first().waitFor();
  assert.equal(await page.locator('#w [data-testid="comment"]').count(), 2);
  assert.equal(await page.locator('#w [data-testid="reply-button"]:visible').count(), 0);
  const composer = page.locator('#w [data-testid="composer"]');
  await composer.locator("textarea").fill("Half sizes would fix it for me.");
  await composer.locator('[data-testid="composer-submit"]').click();
  const posted = page.locator('#w [data-testid="comment"]', { hasText: "Half sizes would fix it for me." });
  await posted.waitFor();
  assert.match(await posted.innerText(), /Member fider-member-1/);
  assert.ok(apis.asked.includes("POST /api/v1/posts/12/comments"), apis.asked.join("\n"));
  assert.equal(await composer.locator("textarea").inputValue(), "", "the box is emptied");
  assert.deepEqual(await axeViolations(page), []);

  // Proposing an idea: Fider answers with the post's number, and the widget opens the idea as
  // Fider then has it.
  await page.goto(page.url().split("#")[0]);
  await page.evaluate(() => window.Kindred.identify("fider-member-1"));
  await page.locator('#w [data-testid="propose"]').click();
  await page.locator('#w [data-testid="idea-form"] input[name="title"]').fill("Gaiter hooks on the Scree");
  await page.locator('#w textarea[name="body"]').fill("So the gaiters stay put.");
  await page.locator('#w [data-testid="submit-idea"]').click();
  await page.waitForFunction(() => location.hash === "#kindred/idea/16");
  await page.locator('#w [data-testid="idea-detail"]').waitFor();
  assert.match(await page.locator('#w [data-testid="idea-detail"]').innerText(), /Gaiter hooks on the Scree[\s\S]*So the gaiters stay put\./);
  assert.ok(apis.asked.includes("POST /api/v1/posts"), apis.asked.join("\n"));
  assert.ok(apis.asked.includes("GET /api/v1/posts/16"), apis.asked.join("\n"));
  // The browser logs the refused anonymous vote itself; nothing else may be logged.
  const refused = opened.problems.findIndex((problem) => problem.includes("status of 401"));
  assert.ok(refused >= 0, opened.problems.join("\n"));
  opened.problems.splice(refused, 1);
  await assertOwn(opened);
  await opened.context.close();
});
