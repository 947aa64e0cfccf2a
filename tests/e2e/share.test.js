// Sharing a photo to a feed against the real server: a real JPEG and a real PNG uploaded
// with their progress shown, one listed at once on an open feed, one waiting for the
// moderators on a premoderated feed until approved, then arriving live; files refused before
// upload (wrong type, too large) and by the server (not really a photo), each with a clear
// message on the photo question.
import { test } from "node:test";
import assert from "node:assert/strict";

import { chromiumPerSpec, openPage, assertClean, axeViolations, moderate, photo, API_URL } from "./browser.js";

const browser = chromiumPerSpec();
const SHADOW = (selector) => `#w [data-testid="share-dialog"] ${selector}`;

/** Opens a page with feed `feed` and its share dialog. */
async function openShare(name, feed) {
  const body = `<main><h1>Stories</h1><div id="w" data-kindred="feed" data-feed="${feed}" data-eager></div></main>`;
  const opened = await openPage(browser(), name, { body });
  await opened.page.locator('#w [data-testid="share-photo"]').click();
  await opened.page.waitForFunction(
    () => document.getElementById("w").shadowRoot.querySelector('[data-testid="share-dialog"]').open,
  );
  return opened;
}

/** Records every value the upload's progress bar shows, from now on. */
function recordProgress(page) {
  return page.evaluate(() => {
    window.progressSeen = [];
    const shadow = document.getElementById("w").shadowRoot;
    new MutationObserver(() => {
      const bar = shadow.querySelector('[data-testid="upload-progress"] progress');
      if (bar) window.progressSeen.push(Number(bar.getAttribute("value")));
    }).observe(shadow, { subtree: true, childList: true, attributes: true, attributeFilter: ["value"] });
  });
}

/** Slows the page's uploads to `bytesPerSecond`, so their progress can be watched. */
async function throttle(page, bytesPerSecond) {
  const session = await page.context().newCDPSession(page);
  await session.send("Network.enable");
  await session.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 20,
    downloadThroughput: -1,
    uploadThroughput: bytesPerSecond,
  });
  return session;
}

/** Fills the words and the consent of the open share form. */
async function describe(page, alt, caption) {
  await page.locator(SHADOW('[data-field="alt"] input')).fill(alt);
  await page.locator(SHADOW('[data-field="caption"] textarea')).fill(caption);
  await page.locator(SHADOW('[data-field="consent"] input[type="checkbox"]')).check();
}

test("a real JPEG uploads with its progress shown and joins the open feed at once", async () => {
  const opened = await openShare("share-jpeg", "trail-stories");
  const { page } = opened;
  const jpeg = await photo(page, "image/jpeg", 1600, 1000);
  assert.ok(jpeg.length > 400_000, `a photo-sized file: ${jpeg.length} bytes`);
  assert.deepEqual(await axeViolations(page), []);

  await page.locator(SHADOW('[data-field="image"] input[type="file"]')).setInputFiles({
    name: "ridge.jpg",
    mimeType: "image/jpeg",
    buffer: jpeg,
  });
  await page.locator(SHADOW('[data-testid="photo-preview"]:not([hidden])')).waitFor();
  // A hashtag of this run's own, to find the post by.
  const tag = `upload${Date.now()}`;
  await describe(page, "A runner on a ridge under a noisy sky", `Testing the new shoes #${tag}`);
  await recordProgress(page);
  const cdp = await throttle(page, 256 * 1024);
  await page.locator(SHADOW('[data-testid="send-form"]')).click();
  const thanks = page.locator(SHADOW('[data-testid="share-thanks"] p'));
  await thanks.waitFor({ timeout: 30_000 });
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  assert.equal(await thanks.innerText(), "Thank you! Your photo is now in the feed.");
  const seen = await page.evaluate(() => window.progressSeen);
  assert.ok(seen.length >= 2, `progress shown as it went: ${seen}`);
  assert.ok(seen.some((value) => value > 0 && value < 100), `partial progress shown: ${seen}`);
  assert.deepEqual([...seen].sort((a, b) => a - b), seen, "progress never goes back");
  assert.deepEqual(await axeViolations(page), []);

  // The feed shows it first, and the server lists it with the words given.
  await page.locator(SHADOW('[data-testid="share-done"]')).click();
  const first = page.locator('#w [data-testid="post"]').first();
  assert.match(await first.locator(".post__caption").innerText(), new RegExp(`#${tag}`));
  const listed = await (await fetch(new URL(`feeds/trail-stories/posts?tag=${tag}`, API_URL))).json();
  assert.equal(listed.items.length, 1);
  assert.equal(listed.items[0].alt, "A runner on a ridge under a noisy sky");
  assert.ok(listed.items[0].image.srcset.length > 0, "renditions were made");
  assert.equal(await first.getAttribute("data-post-id"), listed.items[0].id);
  await assertClean(opened);
  await opened.context.close();
});

test("a real PNG on a premoderated feed waits for review, then the moderators list it", async () => {
  // A feed of its own, so the spec can run again against the same server.
  const feed = `reviewed-${Date.now()}`;
  await moderate("sites/ridgeline/feeds", {
    method: "POST",
    body: { slug: feed, name: "Reviewed stories", premoderation: true },
  });
  const opened = await openShare("share-png", feed);
  const { page } = opened;
  const png = await photo(page, "image/png", 600, 400);
  await page.locator(SHADOW('[data-field="image"] input[type="file"]')).setInputFiles({
    name: "lake.png",
    mimeType: "image/png",
    buffer: png,
  });
  await describe(page, "A lake in noisy colours", "Lake loop #e2ereview");
  await page.locator(SHADOW('[data-testid="send-form"]')).click();
  const thanks = page.locator(SHADOW('[data-testid="share-thanks"] p'));
  await thanks.waitFor({ timeout: 30_000 });
  assert.equal(await thanks.innerText(), "Thank you! Your photo will appear once our moderators have reviewed it.");
  const focused = await page.evaluate(() => document.getElementById("w").shadowRoot.activeElement?.getAttribute("role"));
  assert.equal(focused, "status", "the thanks take focus from the form that went");
  // "Share another" starts an empty form; closing leaves the page as it was.
  await page.locator(SHADOW('[data-testid="share-another"]')).click();
  assert.equal(await page.locator(SHADOW('[data-field="alt"] input')).inputValue(), "");
  const listed = async () =>
    (await (await fetch(new URL(`feeds/${feed}/posts`, API_URL))).json()).items;
  assert.equal((await listed()).length, 0, "not listed before review");

  const queue = await moderate(`queue?feed=${feed}`);
  const waiting = queue.items.find((item) => item.feed === feed);
  assert.ok(waiting, "the post waits in the moderation queue");
  await moderate(`posts/${waiting.id}/approve`, { method: "POST" });
  const after = await listed();
  assert.equal(after.length, 1);
  assert.equal(after[0].caption, "Lake loop #e2ereview");

  // Approved, it arrives live on the page behind the dialog.
  await page.locator(SHADOW('[data-testid="share-close"]')).click();
  const news = page.locator('#w [data-testid="new-posts"]');
  await news.waitFor();
  assert.equal(await news.innerText(), "1 new photo: show it");
  await news.click();
  const first = page.locator('#w [data-testid="post"]').first();
  await first.waitFor();
  assert.equal(await first.getAttribute("data-post-id"), waiting.id);
  await assertClean(opened);
  await opened.context.close();
});

test("a wrong type, too large a file and a fake photo are refused with a clear message", async () => {
  const opened = await openShare("share-refused", "trail-stories");
  const { page } = opened;
  const input = page.locator(SHADOW('[data-field="image"] input[type="file"]'));
  const error = page.locator(SHADOW('[data-field="image"] .field__error'));
  let uploads = 0;
  page.on("request", (request) => {
    if (request.method() === "POST" && request.url().includes("/posts")) uploads += 1;
  });

  await input.setInputFiles({ name: "party.gif", mimeType: "image/gif", buffer: Buffer.from("GIF89a") });
  await page.waitForFunction(
    () => document.getElementById("w").shadowRoot.querySelector('[data-field="image"] .field__error').textContent.length > 0,
  );
  assert.equal(await error.innerText(), "Choose a JPEG, PNG or WebP photo.");
  await input.setInputFiles({ name: "huge.jpg", mimeType: "image/jpeg", buffer: Buffer.alloc(11 * 1024 * 1024) });
  await page.waitForFunction(
    () => document.getElementById("w").shadowRoot.querySelector('[data-field="image"] .field__error').textContent.startsWith("Choose a photo of at most"),
  );
  assert.equal(await error.innerText(), "Choose a photo of at most 9 MB.");
  await describe(page, "Not really a photo", "");
  await page.locator(SHADOW('[data-testid="send-form"]')).click();
  assert.equal(uploads, 0, "nothing was uploaded");
  assert.equal(await input.getAttribute("aria-invalid"), "true");
  assert.deepEqual(await axeViolations(page), []);

  // A file that claims to be a PNG but is not: the server refuses it, on the photo question.
  await input.setInputFiles({ name: "fake.png", mimeType: "image/png", buffer: Buffer.from("not a photo at all") });
  await page.waitForFunction(
    () => document.getElementById("w").shadowRoot.querySelector('[data-field="image"] .field__error').textContent === "",
  );
  await page.locator(SHADOW('[data-testid="send-form"]')).click();
  await page.waitForFunction(
    () => document.getElementById("w").shadowRoot.querySelector('[data-field="image"] .field__error').textContent.length > 0,
  );
  assert.equal(uploads, 1);
  assert.equal(await error.innerText(), "Choose a JPEG, PNG or WebP photo.");
  assert.match(await page.locator(SHADOW('[data-testid="form-error"]')).innerText(), /could not be sent/);
  // What was typed stays.
  assert.equal(await page.locator(SHADOW('[data-field="alt"] input')).inputValue(), "Not really a photo");
  const problems = opened.problems.filter((text) => !text.includes("status of 415"));
  await assertClean({ page, problems });
  await opened.context.close();
});

test("a feed kept for members asks an anonymous visitor to sign in first", async () => {
  const feed = `members-${Date.now()}`;
  await moderate("sites/ridgeline/feeds", {
    method: "POST",
    body: { slug: feed, name: "Members' stories", allow_anonymous_posts: false },
  });
  const opened = await openShare("share-members", feed);
  const { page } = opened;
  const prompt = page.locator(SHADOW('[data-testid="signin-prompt"]'));
  await prompt.waitFor();
  assert.equal(await prompt.locator(".signin__text").innerText(), "Sign in to share a photo.");
  assert.equal(await page.locator(SHADOW('[data-testid="schema-form"]')).count(), 0);
  await page.evaluate(() => {
    window.signins = [];
    document.addEventListener("kindred:signin", (event) => window.signins.push(event.detail));
  });
  await prompt.locator('[data-testid="signin"]').click();
  const asked = await page.evaluate(() => window.signins);
  assert.deepEqual(asked, [{ feed, action: "share" }]);
  assert.deepEqual(await axeViolations(page), []);
  await assertClean(opened);
  await opened.context.close();
});
