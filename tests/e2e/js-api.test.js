// The loader's JavaScript API for brands: DOM events that bubble out of the placeholder for
// analytics, and signing a visitor in and out with the brand's SSO token.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHmac, randomUUID } from "node:crypto";

import { chromiumPerSpec, openPage, assertClean } from "./browser.js";

/** The demo site and its published SSO secret (see `kindred_server::seed`). */
const SITE = "ridgeline";
const SSO_SECRET = "ridgeline-demo-sso-secret";

const BOARD = '<div id="w" data-kindred="ideas" data-board="trail-shoes" data-eager></div>';

const browser = chromiumPerSpec();

/** An HS256 SSO token for user `sub` of the demo site, signed with `secret`. */
function ssoToken(sub, secret = SSO_SECRET) {
  const part = (value) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const claims = { sub, name: "Test Runner", aud: SITE, exp: Math.floor(Date.now() / 1000) + 600 };
  const signed = `${part({ alg: "HS256", typ: "JWT" })}.${part(claims)}`;
  return `${signed}.${createHmac("sha256", secret).update(signed).digest("base64url")}`;
}

/** Waits for the `n`th (1-based) `type` event and answers all of that type so far. */
async function events(page, type, n = 1) {
  await page.waitForFunction(
    ([type, n]) => window.kindredEvents.filter((event) => event.type === type).length >= n,
    [type, n],
  );
  return page.evaluate((type) => window.kindredEvents.filter((event) => event.type === type), type);
}

/** The id and vote count of the first idea in the widget `#w`. */
async function firstIdea(page) {
  const first = page.locator('#w [data-testid="idea-card"]').first();
  const id = await first.getAttribute("data-idea-id");
  const count = await first.locator('[data-testid="vote-count"]').innerText();
  return { id, count: Number(count.replace(/\D/g, "")) };
}

/** The vote button of idea `id` in the widget `#w`. */
function voteButton(page, id) {
  return page.locator(`#w [data-idea-id="${id}"] [data-testid="vote-button"]`);
}

/** Waits until idea `id` shows `count` votes and the pressed state `pressed`. */
async function waitForVote(page, id, count, pressed) {
  await page.waitForFunction(
    ([id, count, pressed]) => {
      const card = document.querySelector("#w").shadowRoot?.querySelector(`[data-idea-id="${id}"]`);
      const button = card?.querySelector('[data-testid="vote-button"]');
      return (
        button?.getAttribute("aria-pressed") === String(pressed) &&
        Number(button.textContent.replace(/\D/g, "")) === count
      );
    },
    [id, count, pressed],
  );
}

test("the widget tells the host page when it is ready and of every vote", async () => {
  const opened = await openPage(browser(), "events", { body: BOARD });
  const { page } = opened;
  const [ready] = await events(page, "kindred:ready");
  const shown = await page.locator('#w [data-testid="idea-card"]').count();
  assert.deepEqual(ready, {
    type: "kindred:ready",
    target: "w",
    bubbles: true,
    composed: true,
    detail: { kind: "ideas", board: "trail-shoes", count: shown },
  });

  const { id, count } = await firstIdea(page);
  // The button shows a vote at once; the event waits for the server's answer.
  await voteButton(page, id).click();
  await events(page, "kindred:vote", 1);
  await waitForVote(page, id, count + 1, true);
  await voteButton(page, id).click();
  const votes = await events(page, "kindred:vote", 2);
  await waitForVote(page, id, count, false);
  assert.deepEqual(
    votes.map((event) => [event.target, event.bubbles, event.composed, event.detail]),
    [
      ["w", true, true, { ideaId: id, voted: true, voteCount: count + 1 }],
      ["w", true, true, { ideaId: id, voted: false, voteCount: count }],
    ],
  );
  assert.equal((await events(page, "kindred:ready")).length, 1, "ready fires once");
  await assertClean(opened);
  await opened.context.close();
});

test("Kindred.identify votes as the brand's user, and Kindred.logout as the visitor again", async () => {
  const opened = await openPage(browser(), "identity", { body: BOARD });
  const { page } = opened;
  await events(page, "kindred:ready");
  const { id, count } = await firstIdea(page);

  // The anonymous visitor votes, and the server has it.
  await voteButton(page, id).click();
  await events(page, "kindred:vote", 1);
  await waitForVote(page, id, count + 1, true);

  // Signed in, the list reloads as the user, who has not voted yet; their vote adds up.
  await page.evaluate((token) => window.Kindred.identify(token), ssoToken(`e2e-${randomUUID()}`));
  await waitForVote(page, id, count + 1, false);
  await voteButton(page, id).click();
  await events(page, "kindred:vote", 2);
  await waitForVote(page, id, count + 2, true);

  // Signed out, the list reloads as the visitor, whose own vote shows again.
  const loads = await page.evaluate(() => performance.getEntriesByType("resource").length);
  await page.evaluate(() => window.Kindred.logout());
  await page.waitForFunction(
    (loads) =>
      performance
        .getEntriesByType("resource")
        .slice(loads)
        .some((entry) => entry.name.includes("/v1/boards/trail-shoes/ideas")),
    loads,
  );
  await waitForVote(page, id, count + 2, true);
  await assertClean(opened);
  await opened.context.close();
});

test("a token the server refuses is reported as a kindred:error and shown", async () => {
  const opened = await openPage(browser(), "forged", { body: BOARD });
  const { page } = opened;
  await events(page, "kindred:ready");
  const forged = ssoToken("mallory", "not-the-site-secret-at-all");
  await page.evaluate((token) => window.Kindred.identify(token), forged);
  const [error] = await events(page, "kindred:error");
  assert.equal(error.target, "w");
  assert.deepEqual(
    { ...error.detail, message: typeof error.detail.message },
    { action: "load", code: "unauthorized", status: 401, message: "string" },
  );
  await page.locator('#w [data-testid="ideas-error"]').waitFor();
  // The browser logs the refused request itself; nothing else may go wrong.
  await assertClean({
    ...opened,
    problems: opened.problems.filter((text) => !text.includes("status of 401")),
  });
  await opened.context.close();
});
