// The console's settings: a moderator configures a site of the spec's own (allowed origins,
// theme defaults, what visitors may do), rotates its sign-on secret (a token signed with the
// new secret is accepted, one with no secret set is refused), and changes a board's and a
// feed's rules; refusals land beside the fields they name, and the server keeps what was saved.
import { before, test } from "node:test";
import assert from "node:assert/strict";
import { createHmac, randomUUID } from "node:crypto";

import { ADMIN_KEY, API_URL, chromiumPerSpec, moderate, axeViolations } from "./browser.js";
import { openConsole, signIn } from "./console-page.js";

const browser = chromiumPerSpec();

const RUN = randomUUID().slice(0, 8);
const SITE = `console-site-${RUN}`;
const BOARD = `console-settings-board-${RUN}`;
const FEED = `console-settings-feed-${RUN}`;
const SHOP = `https://shop-${RUN}.example`;
const NEW_SHOP = `https://new-shop-${RUN}.example`;

/** An HS256 SSO token for user `sub` of the spec's site, signed with `secret`. */
function ssoToken(sub, secret) {
  const part = (value) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const claims = { sub, name: "Settings Runner", aud: SITE, exp: Math.floor(Date.now() / 1000) + 600 };
  const signed = `${part({ alg: "HS256", typ: "JWT" })}.${part(claims)}`;
  return `${signed}.${createHmac("sha256", secret).update(signed).digest("base64url")}`;
}

/** The CORS origin the server allows a request from `origin`, if any. */
async function allowed(origin) {
  const response = await fetch(new URL(`sites/${SITE}`, API_URL), { headers: { origin } });
  return response.headers.get("access-control-allow-origin");
}

let idea;

before(async () => {
  await moderate("sites", { method: "POST", body: { slug: SITE, name: `Settings ${RUN}`, origins: [SHOP] } });
  await moderate(`sites/${SITE}/boards`, { method: "POST", body: { slug: BOARD, name: "Trail ideas" } });
  await moderate(`sites/${SITE}/feeds`, { method: "POST", body: { slug: FEED, name: "Trail photos" } });
  const response = await fetch(new URL(`boards/${BOARD}/ideas`, API_URL), {
    method: "POST",
    headers: { "content-type": "application/json", "x-kindred-visitor": randomUUID() },
    body: JSON.stringify({ title: "Softer heel collar", body: "" }),
  });
  const body = await response.text();
  assert.equal(response.status, 201, body);
  idea = JSON.parse(body).id;
});

test("a site, its sign-on secret, a board and a feed are configured in the console", async () => {
  const { context, page, problems } = await openConsole(browser());
  await signIn(page, ADMIN_KEY);
  await page.locator("#queue-heading").waitFor();
  await page.locator('a[href="#settings"]').click();
  await page.locator("#settings-heading").waitFor();
  await page.locator(`[data-testid="settings-site"] option[value="${SITE}"]`).waitFor({ state: "attached" });
  await page.locator('[data-testid="settings-site"]').selectOption(SITE);
  const site = page.locator('[data-testid="site-form"]');
  await page.waitForFunction((shop) => document.querySelector("#site-origins")?.value === shop, SHOP);
  assert.deepEqual(await axeViolations(page), []);

  // A theme line the browser cannot read, and an origin the server refuses: each said under
  // its own field, nothing saved.
  await page.locator("#site-theme").fill("--kindred-color-accent #2f6f4e");
  await site.locator('[data-testid="save-site"]').click();
  await site.locator("#site-theme-error").filter({ hasText: "is not valid" }).waitFor();
  assert.equal(await page.locator("#site-theme").getAttribute("aria-invalid"), "true");
  await page.locator("#site-theme").fill("--kindred-color-accent: #2f6f4e");
  await page.locator("#site-origins").fill(`${SHOP}\nnot an origin`);
  await site.locator('[data-testid="save-site"]').click();
  await site.locator("#site-origins-error").filter({ hasText: /\S/ }).waitFor();
  assert.equal(await page.locator("#site-origins").getAttribute("aria-invalid"), "true");
  assert.deepEqual((await moderate(`sites/${SITE}`)).origins, [SHOP]);
  assert.deepEqual(await axeViolations(page), []);

  // Fixed and saved: CORS follows at once, the theme and switches are kept.
  await page.locator("#site-origins").fill(`${SHOP}\n${NEW_SHOP}`);
  await site.getByLabel("Visitors may comment on ideas").uncheck();
  await site.locator('[data-testid="save-site"]').click();
  await site.locator('[role="status"]', { hasText: "Saved." }).waitFor();
  const saved = await moderate(`sites/${SITE}`);
  assert.deepEqual(saved.origins.sort(), [SHOP, NEW_SHOP].sort());
  assert.equal(saved.theme["--kindred-color-accent"], "#2f6f4e");
  assert.equal(saved.features.comments, false);
  assert.equal(await allowed(NEW_SHOP), NEW_SHOP);
  assert.equal(await allowed(`https://elsewhere-${RUN}.example`), null);

  // Sign-on: a new secret, confirmed first, shown once; tokens signed with it are accepted.
  const vote = (token) => fetch(new URL(`ideas/${idea}/vote`, API_URL), { method: "PUT", headers: { authorization: `Bearer ${token}` } });
  assert.equal((await vote(ssoToken("ana", "x".repeat(32)))).status, 401, "no secret is set yet");
  const sso = page.locator('[data-testid="sso"]');
  assert.match(await sso.locator('[data-testid="sso-state"]').innerText(), /No secret is set/);
  await sso.locator('[data-testid="rotate-sso"]').click();
  await sso.getByText(/replaces the old one at once/).waitFor();
  await sso.locator('[data-testid="confirm-rotate"]').click();
  const secretField = sso.locator('[data-testid="sso-secret"]');
  await secretField.waitFor();
  const secret = await secretField.inputValue();
  assert.match(secret, /^[0-9a-f]{64}$/);
  assert.match(await sso.locator('[data-testid="sso-state"]').innerText(), /a secret is set/);
  assert.equal((await moderate(`sites/${SITE}`)).sso_secret_set, true);
  assert.ok([200, 201].includes((await vote(ssoToken("ana", secret))).status), "the new secret signs tokens");
  assert.equal((await vote(ssoToken("ana", "y".repeat(64)))).status, 401);
  assert.deepEqual(await axeViolations(page), []);

  // A board's rules: a threshold, a cap, premoderation; a count that is not one is refused.
  const board = page.locator(`[data-testid="board-settings"][data-slug="${BOARD}"]`);
  await board.locator("summary").click();
  const threshold = page.locator(`#board-${BOARD}-threshold`);
  await threshold.fill("many");
  await board.locator('[data-testid="save-board"]').click();
  await board.locator(`#board-${BOARD}-threshold-error`).filter({ hasText: "is not valid" }).waitFor();
  await threshold.fill("250");
  await page.locator(`#board-${BOARD}-cap`).fill("3");
  await board.getByLabel("New ideas wait for review").check();
  await board.getByLabel("Anonymous visitors may vote").uncheck();
  await board.locator('[data-testid="save-board"]').click();
  await board.locator('[role="status"]', { hasText: "Saved." }).waitFor();
  const rules = await moderate(`boards/${BOARD}`);
  assert.equal(rules.supporter_threshold, 250);
  assert.equal(rules.vote_cap, 3);
  assert.equal(rules.premoderation, true);
  assert.equal(rules.allow_anonymous_votes, false);
  const summary = (await (await fetch(new URL(`sites/${SITE}`, API_URL))).json()).boards.find((b) => b.slug === BOARD);
  assert.equal(summary.threshold, 250, "the widget's configuration follows");

  // A feed's rules.
  const feed = page.locator(`[data-testid="feed-settings"][data-slug="${FEED}"]`);
  await feed.locator("summary").click();
  await page.locator(`#feed-${FEED}-reports`).fill("5");
  await feed.getByLabel("New photos wait for review").check();
  await page.locator(`#feed-${FEED}-consent`).fill("I took this photo and Ridgeline may show it.");
  await feed.locator('[data-testid="save-feed"]').click();
  await feed.locator('[role="status"]', { hasText: "Saved." }).waitFor();
  const photos = await moderate(`feeds/${FEED}`);
  assert.equal(photos.report_threshold, 5);
  assert.equal(photos.premoderation, true);
  assert.match(photos.consent, /I took this photo/);
  assert.deepEqual(await axeViolations(page), []);

  // Removing the secret: tokens are refused again.
  await sso.locator('[data-testid="stop-sso"]').click();
  await sso.locator('[data-testid="sso-state"]', { hasText: /No secret is set/ }).waitFor();
  assert.equal((await vote(ssoToken("ana", secret))).status, 401);

  assert.deepEqual(problems.filter((text) => !/422/.test(text)), []);
  assert.deepEqual(await page.evaluate(() => window.violations), []);
  await context.close();
});
