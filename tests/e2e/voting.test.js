// The first vertical slice, end to end: the loader mounts the idea board in a shadow root on
// the demo page, a visitor votes, the vote survives a reload, and a second visitor's vote adds up.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";

import { chromiumPerSpec, openDemo, assertClean, cards, card, countOf, API_URL } from "./browser.js";

const browser = chromiumPerSpec();

/** Waits until `locator`'s attribute equals `value`. */
async function waitForAttribute(locator, name, value) {
  await locator.page().waitForFunction(
    ([el, name, value]) => el.getAttribute(name) === value,
    [await locator.elementHandle(), name, value],
  );
}

/** Waits until the card shows `expected` votes. */
async function waitForCount(cardLocator, expected) {
  const count = cardLocator.locator('[data-testid="vote-count"]');
  await count.page().waitForFunction(
    ([el, expected]) => Number(el.textContent.replace(/[^0-9]/g, "")) === expected,
    [await count.elementHandle(), expected],
  );
}

test("the loader mounts the board inside an open shadow root, most votes first", async () => {
  const context = await browser().newContext();
  const { page, problems } = await openDemo(context);
  await cards(page).first().waitFor();

  const shadow = await page.evaluate(() => {
    const host = document.querySelector('[data-kindred="ideas"]');
    return {
      mode: host.shadowRoot?.mode,
      adopted: host.shadowRoot?.adoptedStyleSheets.length,
      lightChildren: host.children.length,
      cardsInShadow: host.shadowRoot?.querySelectorAll('[data-testid="idea-card"]').length,
    };
  });
  assert.equal(shadow.mode, "open");
  assert.equal(shadow.adopted, 1);
  assert.equal(shadow.lightChildren, 0, "the widget renders only inside its shadow root");
  assert.ok(shadow.cardsInShadow >= 10, `cards rendered: ${shadow.cardsInShadow}`);

  const counts = [];
  for (const each of await cards(page).all()) counts.push(await countOf(each));
  const sorted = [...counts].sort((a, b) => b - a);
  assert.deepEqual(counts, sorted, "ideas are listed with the most votes first");
  await assertClean({ page, problems });
  await context.close();
});

test("a vote persists across a reload and a second visitor's vote adds to it", async () => {
  const alice = await browser().newContext();
  const { page, problems } = await openDemo(alice);
  const first = cards(page).first();
  await first.waitFor();
  const id = await first.getAttribute("data-idea-id");
  const target = card(page, id);
  const before = await countOf(target);
  const button = target.locator('[data-testid="vote-button"]');
  assert.equal(await button.getAttribute("aria-pressed"), "false");

  const saved = page.waitForResponse(
    (r) => r.url().endsWith(`/v1/ideas/${id}/vote`) && r.request().method() === "PUT",
  );
  await button.click();
  assert.equal((await saved).status(), 200);
  await waitForAttribute(button, "aria-pressed", "true");
  await waitForCount(target, before + 1);

  await page.reload();
  await card(page, id).waitFor();
  const reloaded = card(page, id);
  await waitForCount(reloaded, before + 1);
  assert.equal(
    await reloaded.locator('[data-testid="vote-button"]').getAttribute("aria-pressed"),
    "true",
    "the visitor's vote is remembered after a reload",
  );

  const bob = await browser().newContext();
  const second = await openDemo(bob);
  const bobCard = card(second.page, id);
  await bobCard.waitFor();
  await waitForCount(bobCard, before + 1);
  const bobButton = bobCard.locator('[data-testid="vote-button"]');
  assert.equal(await bobButton.getAttribute("aria-pressed"), "false", "another visitor");
  await bobButton.click();
  await waitForAttribute(bobButton, "aria-pressed", "true");
  await waitForCount(bobCard, before + 2);

  await page.reload();
  await waitForCount(card(page, id), before + 2);

  // The screenshot in the README is this page, as a visitor sees it after voting.
  const docs = fileURLToPath(new URL("../../docs/", import.meta.url));
  await mkdir(docs, { recursive: true });
  await page.setViewportSize({ width: 1100, height: 1300 });
  await page.screenshot({ path: `${docs}demo-page.png` });

  await assertClean({ page, problems });
  await assertClean(second);
  await alice.close();
  await bob.close();
});

test("pressing twice takes the vote back; repeated votes by one visitor count once", async () => {
  const context = await browser().newContext();
  const { page, problems } = await openDemo(context);
  const target = cards(page).nth(1);
  await target.waitFor();
  const id = await target.getAttribute("data-idea-id");
  const before = await countOf(target);
  const button = target.locator('[data-testid="vote-button"]');

  await button.click();
  await waitForAttribute(button, "aria-pressed", "true");
  await waitForCount(target, before + 1);
  await button.click();
  await waitForAttribute(button, "aria-pressed", "false");
  await waitForCount(target, before);

  // The same visitor id sent three times over the wire still counts once.
  const visitor = await page.evaluate(() => localStorage.getItem("kindred:visitor"));
  assert.match(visitor, /^[0-9a-f-]{36}$/);
  const headers = { "x-kindred-visitor": visitor };
  let last;
  for (let i = 0; i < 3; i++) {
    last = await context.request.put(`${API_URL}ideas/${id}/vote`, { headers });
    assert.equal(last.status(), 200);
  }
  assert.deepEqual(await last.json(), { idea_id: id, vote_count: before + 1, voted: true });
  await page.reload();
  await waitForCount(card(page, id), before + 1);
  await assertClean({ page, problems });
  await context.close();
});
