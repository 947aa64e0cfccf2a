// Live updates: a vote made by another visitor reaches an open board over Server-Sent Events
// without a reload; a backend without an event stream leaves the board working, quietly.
import { test } from "node:test";
import assert from "node:assert/strict";

import { randomUUID } from "node:crypto";

import { chromiumPerSpec, openPage, assertClean, API_URL } from "./browser.js";

const browser = chromiumPerSpec();
const BOARD = '<main><h1>Ideas</h1><div id="w" data-kindred="ideas" data-board="trail-shoes" data-eager></div></main>';
const CARD = '#w [data-testid="idea-card"]';

/** The count shown on idea `id`'s card. */
function shownCount(page, id) {
  return page
    .locator(`${CARD}[data-idea-id="${id}"] [data-testid="vote-count"]`)
    .evaluate((el) => Number(el.textContent.replace(/[^0-9]/g, "")));
}

test("a vote in a second browser appears live in the first", async () => {
  const watching = await openPage(browser(), "live-watching", { body: BOARD });
  const voting = await openPage(browser(), "live-voting", { body: BOARD });
  await watching.page.locator(CARD).first().waitFor();
  const last = voting.page.locator(CARD).last();
  await last.waitFor();
  const id = await last.getAttribute("data-idea-id");
  const before = await shownCount(watching.page, id);

  const button = last.locator('[data-testid="vote-button"]');
  const pressed = await button.getAttribute("aria-pressed");
  await button.click();
  await voting.page.waitForFunction(() => window.kindredEvents.some((event) => event.type === "kindred:vote"));
  const expected = pressed === "true" ? before - 1 : before + 1;
  await watching.page.waitForFunction(
    ([id, expected]) => {
      const card = document.getElementById("w").shadowRoot.querySelector(`[data-idea-id="${id}"]`);
      return Number(card.querySelector('[data-testid="vote-count"]').textContent.replace(/[^0-9]/g, "")) === expected;
    },
    [id, expected],
  );
  // The watcher's own vote state is untouched: only the count moved.
  assert.equal(
    await watching.page.locator(`${CARD}[data-idea-id="${id}"] [data-testid="vote-button"]`).getAttribute("aria-pressed"),
    "false",
  );
  await assertClean(watching);
  await assertClean(voting);
  await watching.context.close();
  await voting.context.close();
});

test("an idea proposed meanwhile is offered above the list, and shown newest first", async () => {
  const opened = await openPage(browser(), "live-news", { body: BOARD });
  const { page } = opened;
  await page.locator(CARD).first().waitFor();
  // Let the stream connect before the idea is proposed (a stream never shows as a finished
  // resource, so there is nothing to wait for but time).
  await page.waitForTimeout(1500);
  const title = `Live idea ${Date.now()}`;
  const response = await fetch(new URL("boards/trail-shoes/ideas", API_URL), {
    method: "POST",
    headers: { "content-type": "application/json", "x-kindred-visitor": randomUUID() },
    body: JSON.stringify({ title, body: "Proposed while the board was open." }),
  });
  assert.equal(response.status, 201);
  const { id } = await response.json();
  const news = page.locator('#w [data-testid="new-ideas"]');
  await news.waitFor();
  assert.equal(await news.textContent(), "1 new idea: show it");
  await news.click();
  await page.locator(`${CARD}[data-idea-id="${id}"]`).waitFor();
  assert.equal(await page.locator(CARD).first().getAttribute("data-idea-id"), id);
  assert.equal(await page.evaluate(() => location.hash), "#kindred/ideas?sort=new");
  assert.equal(await news.count(), 0, "the button goes once the ideas show");
  await assertClean(opened);
  await opened.context.close();
});

test("without an event stream the board still works and says nothing about it", async () => {
  const opened = await openPage(browser(), "live-none", {
    body: BOARD,
    before: (page) =>
      page.route("**/v1/boards/*/events", (route) =>
        route.fulfill({
          status: 404,
          contentType: "application/json",
          body: '{"error":{"code":"not_found","message":"no stream","fields":{}}}',
        }),
      ),
  });
  const { page } = opened;
  const card = page.locator(CARD).first();
  await card.waitFor();
  const button = card.locator('[data-testid="vote-button"]');
  const pressed = await button.getAttribute("aria-pressed");
  await button.click();
  await page.waitForFunction(() => window.kindredEvents.some((event) => event.type === "kindred:vote"));
  assert.notEqual(await button.getAttribute("aria-pressed"), pressed);
  assert.equal(await page.locator('#w [role="alert"]').count(), 0, "no error shown");
  assert.deepEqual(
    await page.evaluate(() => window.kindredEvents.filter((event) => event.type === "kindred:error")),
    [],
  );
  // Chromium reports the refused stream on the console itself; nothing else may appear.
  opened.problems.splice(0, opened.problems.length, ...opened.problems.filter((text) => !/404|EventSource/.test(text)));
  await assertClean(opened);
  await opened.context.close();
});
