// Proposing an idea: the form checks what it can before sending, offers similar ideas while
// the title is typed, tells the host page with `kindred:submit`, opens the new idea or thanks
// the visitor on a premoderated board, and asks anonymous visitors to sign in where a board
// keeps posting for members. A board with a co-creation form of its own proposes ideas
// through that form instead.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHmac, randomUUID } from "node:crypto";

import { API_URL, chromiumPerSpec, openPage, assertClean, axeViolations } from "./browser.js";

const browser = chromiumPerSpec();

/** The demo site, its published SSO secret, and its boards (see `kindred_server::seed`). */
const SITE = "ridgeline";
const SSO_SECRET = "ridgeline-demo-sso-secret";
const SHOES = "trail-shoes";
const GEAR = "gear-and-apparel"; // premoderated

const board = (slug) =>
  `<main><h1>Ideas</h1><div id="w" data-kindred="ideas" data-board="${slug}" data-eager></div></main>`;

/** Records the submit and sign-in events too, before the page loads. */
async function listen(page) {
  await page.addInitScript(() => {
    window.heard = [];
    for (const name of ["kindred:submit", "kindred:signin"]) {
      document.addEventListener(name, (event) => window.heard.push({ type: event.type, detail: event.detail }));
    }
  });
}

/** Has the site's answer leave out its boards' own forms, so the widget's built-in form shows. */
async function withoutBoardForms(page) {
  await page.route(`${API_URL}sites/${SITE}`, async (route) => {
    const site = await (await route.fetch()).json();
    for (const summary of site.boards) delete summary.form;
    await route.fulfill({ json: site });
  });
}

/** Listens for events and shows the built-in form. */
async function builtInForm(page) {
  await listen(page);
  await withoutBoardForms(page);
}

/** Waits for the first `type` event this spec listens to and answers its detail. */
async function heard(page, type) {
  await page.waitForFunction((type) => window.heard.some((event) => event.type === type), type);
  return page.evaluate((type) => window.heard.find((event) => event.type === type).detail, type);
}

/** An HS256 SSO token for user `sub` named `name` of the demo site. */
function ssoToken(sub, name) {
  const part = (value) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const claims = { sub, name, aud: SITE, exp: Math.floor(Date.now() / 1000) + 600 };
  const signed = `${part({ alg: "HS256", typ: "JWT" })}.${part(claims)}`;
  return `${signed}.${createHmac("sha256", SSO_SECRET).update(signed).digest("base64url")}`;
}

/** Opens board `slug` and the built-in form through its "Propose an idea" button. */
async function openForm(name, slug, options = {}) {
  const opened = await openPage(browser(), name, { body: board(slug), before: builtInForm, ...options });
  const { page } = opened;
  await page.locator('#w [data-testid="propose"]').click();
  await page.locator('#w [data-testid="idea-form"]').waitFor();
  assert.equal(new URL(page.url()).hash, "#kindred/new");
  return opened;
}

/** The title field of the form. */
const title = (page) => page.locator('#w [data-testid="idea-form"] input[name="title"]');

test("the form checks fields before sending and ties each error to its field", async () => {
  const opened = await openForm("submit-checks", SHOES);
  const { page } = opened;
  await title(page).fill("abc");
  await page.locator('#w [data-testid="submit-idea"]').click();
  await page.waitForFunction(() =>
    document.querySelector("#w").shadowRoot.activeElement?.getAttribute("aria-invalid") === "true",
  );
  const field = title(page);
  assert.equal(await field.getAttribute("aria-invalid"), "true");
  const errorId = (await field.getAttribute("aria-describedby")).split(" ").find((id) => id.endsWith("-error"));
  const message = await page.locator(`#w #${errorId}`).innerText();
  assert.match(message, /at least 5 characters/);
  assert.equal(await field.inputValue(), "abc", "what was typed stays");
  assert.deepEqual(await page.evaluate(() => window.heard), [], "nothing was sent");
  // The honeypot is out of sight and out of the accessibility tree.
  const trap = page.locator('#w input[name="website"]');
  assert.equal(await trap.getAttribute("tabindex"), "-1");
  assert.equal(await trap.evaluate((input) => input.closest("[aria-hidden]")?.getAttribute("aria-hidden")), "true");
  assert.deepEqual(await axeViolations(page), []);
  await assertClean(opened);
  await opened.context.close();
});

test("similar ideas appear while a title is typed, and a posted idea opens with kindred:submit", async () => {
  const listed = await (await fetch(`${API_URL}boards/${SHOES}/ideas?sort=top&limit=1`)).json();
  const existing = listed.items[0];
  const opened = await openForm("submit-post", SHOES);
  const { page } = opened;

  await title(page).pressSequentially(existing.title.slice(0, 24), { delay: 20 });
  const suggestion = page.locator('#w [data-testid="similar-idea"]').first();
  await suggestion.waitFor();
  assert.ok(await suggestion.locator('[data-testid="vote-button"]').isVisible(), "a vote instead");
  assert.match(await page.locator('#w [data-testid="similar-status"]').innerText(), /Similar ideas found: \d+/);
  assert.deepEqual(await axeViolations(page), []);

  const text = `Reflective heel tabs ${randomUUID().slice(0, 8)}`;
  await title(page).fill(text);
  await page.locator('#w textarea[name="body"]').fill("So cars see us on dawn runs.");
  await page.locator('#w input[name="tags"]').fill("safety, night");
  await page.locator('#w [data-testid="submit-idea"]').click();
  const detail = await heard(page, "kindred:submit");
  assert.deepEqual(Object.keys(detail).sort(), ["board", "ideaId", "kind", "pendingReview"]);
  assert.equal(detail.kind, "idea");
  assert.equal(detail.board, SHOES);
  assert.equal(detail.pendingReview, false);
  await page.waitForFunction((id) => location.hash === `#kindred/idea/${id}`, detail.ideaId);
  const idea = await (await fetch(`${API_URL}ideas/${detail.ideaId}`)).json();
  assert.equal(idea.title, text);
  assert.deepEqual(idea.tags, ["safety", "night"]);
  await assertClean(opened);
  await opened.context.close();
});

test("a board's own co-creation form proposes its ideas, with similar ideas under the title question", async () => {
  const listed = await (await fetch(`${API_URL}boards/${SHOES}/ideas?sort=top&limit=1`)).json();
  const existing = listed.items[0];
  const opened = await openPage(browser(), "submit-board-form", { body: board(SHOES), before: listen });
  const { page } = opened;
  await page.locator('#w [data-testid="propose"]').click();
  const form = page.locator('#w [data-testid="schema-form"]');
  await form.waitFor();
  assert.equal(await form.locator("h3").innerText(), "Propose a trail shoe idea");
  assert.match(await form.locator('[data-field="details"] label').innerText(), /Tell us more \(optional\)/);

  // Sent blank: the required question is marked, focused, and its error tied to it.
  await page.locator('#w [data-testid="send-form"]').click();
  await page.waitForFunction(() =>
    document.querySelector("#w").shadowRoot.activeElement?.getAttribute("aria-invalid") === "true",
  );
  const question = form.locator('input[name="idea"]');
  assert.equal(await question.getAttribute("placeholder"), "A rock plate I can take out");
  const errorId = (await question.getAttribute("aria-describedby")).split(" ").find((id) => id.endsWith("-error"));
  assert.equal(await page.locator(`#w #${errorId}`).innerText(), "Please answer this question.");
  assert.deepEqual(await page.evaluate(() => window.heard), [], "nothing was sent");

  await question.pressSequentially(existing.title.slice(0, 24), { delay: 20 });
  await page.locator('#w [data-testid="similar-idea"]').first().waitFor();
  assert.equal(await question.getAttribute("aria-invalid"), null, "answered, the error is gone");
  assert.deepEqual(await axeViolations(page), []);

  const text = `Removable rock plate ${randomUUID().slice(0, 8)}`;
  await question.fill(text);
  await form.locator('textarea[name="details"]').fill("For the days the trail is all roots.");
  await page.locator('#w [data-testid="send-form"]').click();
  const detail = await heard(page, "kindred:submit");
  assert.equal(detail.board, SHOES);
  assert.equal(detail.pendingReview, false);
  await page.waitForFunction((id) => location.hash === `#kindred/idea/${id}`, detail.ideaId);
  const idea = await (await fetch(`${API_URL}ideas/${detail.ideaId}`)).json();
  assert.equal(idea.title, text);
  assert.equal(idea.body, "For the days the trail is all roots.");
  await assertClean(opened);
  await opened.context.close();
});

test("in Arabic the board's form speaks the catalog's words, right to left, without axe violations", async () => {
  const opened = await openPage(browser(), "submit-board-form-ar", { body: board(SHOES), lang: "ar", before: listen });
  const { page } = opened;
  await page.locator('#w [data-testid="propose"]').click();
  const form = page.locator('#w [data-testid="schema-form"]');
  await form.waitFor();
  assert.equal(await form.evaluate((el) => getComputedStyle(el).direction), "rtl");
  assert.match(await form.locator('[data-field="details"] label').innerText(), /\(اختياري\)/);
  await page.locator('#w [data-testid="send-form"]').click();
  const question = form.locator('input[name="idea"]');
  await page.waitForFunction(() =>
    document.querySelector("#w").shadowRoot.activeElement?.getAttribute("aria-invalid") === "true",
  );
  const errorId = (await question.getAttribute("aria-describedby")).split(" ").find((id) => id.endsWith("-error"));
  assert.equal(await page.locator(`#w #${errorId}`).innerText(), "يرجى الإجابة عن هذا السؤال.");
  assert.equal(await page.locator('#w [data-testid="send-form"]').innerText(), "إرسال");
  assert.deepEqual(await axeViolations(page), []);
  await assertClean(opened);
  await opened.context.close();
});

test("on a premoderated board a posted idea waits for review, and the form says so", async () => {
  const opened = await openForm("submit-review", GEAR);
  const { page } = opened;
  await page.locator('#w [data-testid="reviewed-first"]').waitFor();
  await title(page).fill(`Pole holster for vests ${randomUUID().slice(0, 8)}`);
  await page.locator('#w [data-testid="submit-idea"]').click();
  const pending = page.locator('#w [data-testid="submit-pending"]');
  await pending.waitFor();
  assert.match(await pending.innerText(), /once it has been reviewed/);
  const detail = await heard(page, "kindred:submit");
  assert.equal(detail.board, GEAR);
  assert.equal(detail.pendingReview, true);
  assert.equal(new URL(page.url()).hash, "#kindred/new");
  assert.deepEqual(await axeViolations(page), []);
  await page.locator('#w [data-testid="back-to-ideas"]').click();
  await page.locator('#w [data-testid="idea-card"]').first().waitFor();
  await assertClean(opened);
  await opened.context.close();
});

test("a members-only board asks to sign in, then posts under the member's name", async () => {
  // The site's answer says the board keeps posting for members, as a brand would set it.
  const membersOnly = async (page) => {
    await listen(page);
    await page.route(`${API_URL}sites/${SITE}`, async (route) => {
      const site = await (await route.fetch()).json();
      for (const summary of site.boards) {
        summary.allow_anonymous_posts = false;
        delete summary.form;
      }
      await route.fulfill({ json: site });
    });
  };
  const opened = await openPage(browser(), "submit-members", { body: board(SHOES), before: membersOnly });
  const { page } = opened;
  await page.locator('#w [data-testid="propose"]').click();
  const prompt = page.locator('#w [data-testid="signin-prompt"]');
  await prompt.waitFor();
  assert.match(await prompt.innerText(), /Sign in to propose an idea/);
  assert.deepEqual(await axeViolations(page), []);
  await prompt.locator('[data-testid="signin"]').click();
  assert.deepEqual(await heard(page, "kindred:signin"), { board: SHOES, action: "submit" });

  // The brand's page signs the visitor in; the form replaces the prompt.
  await page.evaluate((token) => window.Kindred.identify(token), ssoToken(`e2e-${randomUUID()}`, "Mira Alpine"));
  await title(page).fill(`Gaiter hooks on every model ${randomUUID().slice(0, 8)}`);
  await page.locator('#w [data-testid="submit-idea"]').click();
  const { ideaId } = await heard(page, "kindred:submit");
  const idea = await (await fetch(`${API_URL}ideas/${ideaId}`)).json();
  assert.equal(idea.author.name, "Mira Alpine");
  await assertClean(opened);
  await opened.context.close();
});
