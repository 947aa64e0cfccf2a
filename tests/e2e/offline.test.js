// Votes made offline: the button shows the vote at once and that it waits, the vote is kept
// in storage, and it reaches the server when the browser is back online, even from a later
// page of the same visitor.
import { test } from "node:test";
import assert from "node:assert/strict";

import { chromiumPerSpec, openPage, routePage, assertClean, API_URL } from "./browser.js";

const browser = chromiumPerSpec();
const BOARD = '<main><h1>Ideas</h1><div id="w" data-kindred="ideas" data-board="community-archive" data-eager></div></main>';
const CARD = '#w [data-testid="idea-card"]';

/** The idea's supporter count on the server. */
async function serverCount(id) {
  const response = await fetch(new URL(`ideas/${id}`, API_URL));
  return (await response.json()).vote_count;
}

/** Waits until the server counts `expected` supporters for idea `id`. */
async function waitForServerCount(id, expected) {
  for (let tries = 0; tries < 100; tries++) {
    if ((await serverCount(id)) === expected) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail(`idea ${id} never reached ${expected} votes`);
}

/** The first card's id, vote button and count. */
async function firstCard(page) {
  const card = page.locator(CARD).first();
  await card.waitFor();
  const id = await card.getAttribute("data-idea-id");
  const button = card.locator('[data-testid="vote-button"]');
  return { id, card, button, count: await serverCount(id) };
}

test("a vote made offline waits, shows that it waits, and is sent once back online", async () => {
  const opened = await openPage(browser(), "offline-vote", { body: BOARD });
  const { page, context } = opened;
  const { id, card, button, count } = await firstCard(page);

  await context.setOffline(true);
  await button.click();
  assert.equal(await button.getAttribute("aria-pressed"), "true");
  assert.equal(await button.getAttribute("data-state"), "queued");
  const notice = card.locator('[data-testid="vote-notice"]');
  assert.match(await notice.textContent(), /offline/);
  const stored = await page.evaluate(() => Object.entries(localStorage).filter(([key]) => key.startsWith("kindred:outbox")));
  const key = `kindred:outbox:${new URL(API_URL).origin}`;
  assert.deepEqual(stored.map(([key, value]) => [key, JSON.parse(value)]), [[key, [{ idea: id, vote: true }]]]);
  assert.equal(await serverCount(id), count, "nothing sent while offline");

  await context.setOffline(false);
  await page.waitForFunction(() => window.kindredEvents.some((event) => event.type === "kindred:vote"));
  await waitForServerCount(id, count + 1);
  assert.equal(await button.getAttribute("data-state"), "idle");
  assert.equal(await button.getAttribute("aria-pressed"), "true");
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), key), null, "the outbox is empty");
  await assertClean(opened);
  await context.close();
});

test("voting and withdrawing while offline cancel out; a queued vote survives the page", async () => {
  const opened = await openPage(browser(), "offline-later", { body: BOARD });
  const { page, context } = opened;
  const cards = page.locator(CARD);
  await cards.nth(1).waitFor();
  const [first, second] = [cards.nth(0), cards.nth(1)];
  const [firstId, secondId] = [await first.getAttribute("data-idea-id"), await second.getAttribute("data-idea-id")];
  const [firstCount, secondCount] = [await serverCount(firstId), await serverCount(secondId)];

  await context.setOffline(true);
  const firstButton = first.locator('[data-testid="vote-button"]');
  await firstButton.click();
  await firstButton.click();
  assert.equal(await firstButton.getAttribute("aria-pressed"), "false");
  assert.equal(await firstButton.getAttribute("data-state"), "idle");
  await second.locator('[data-testid="vote-button"]').click();
  await page.close();

  // The same visitor comes back online on another page: the waiting vote goes out.
  await context.setOffline(false);
  const later = await context.newPage();
  await later.goto(await routePage(later, "offline-later", { body: BOARD }));
  await later.locator(CARD).first().waitFor();
  await waitForServerCount(secondId, secondCount + 1);
  assert.equal(await serverCount(firstId), firstCount, "the cancelled vote was never sent");
  const button = later.locator(`${CARD}[data-idea-id="${secondId}"] [data-testid="vote-button"]`);
  await later.waitForFunction(
    (el) => el.getAttribute("aria-pressed") === "true" && el.dataset.state === "idle",
    await button.elementHandle(),
  );
  await context.close();
});
