// An idea's own view: a deep link opens it directly, a card's title opens it in place and
// Back returns to the list, visitors comment and reply, and axe-core finds nothing to fix.
import { test } from "node:test";
import assert from "node:assert/strict";

import { chromiumPerSpec, openPage, assertClean, API_URL, axeViolations } from "./browser.js";

const browser = chromiumPerSpec();
const BOARD = '<main><h1>Trail shoes</h1><div id="w" data-kindred="ideas" data-board="trail-shoes" data-eager></div></main>';
const CARD = '#w [data-testid="idea-card"]';
const DETAIL = '#w [data-testid="idea-detail"]';
const TITLE = `${DETAIL} .detail__title`;

/** An idea of the board, as the API lists it (the specs share the data, so no fixed id). */
async function someIdea(index = 0) {
  const response = await fetch(new URL("boards/trail-shoes/ideas?sort=new", API_URL));
  assert.equal(response.status, 200);
  const { items } = await response.json();
  assert.ok(items.length > index, "the demo board has ideas");
  return items[index];
}

/** An idea the brand has moved along (with a status history), else any idea. */
async function movedIdea() {
  const response = await fetch(new URL("boards/trail-shoes/ideas?status=shipped&limit=1", API_URL));
  const { items } = await response.json();
  return items[0] ?? someIdea();
}

/** Posts a comment on idea `id` as a new anonymous visitor, and a reply to it; answers the comment. */
async function discuss(id) {
  const post = async (body) => {
    const response = await fetch(new URL(`ideas/${id}/comments`, API_URL), {
      method: "POST",
      headers: { "content-type": "application/json", "x-kindred-visitor": crypto.randomUUID() },
      body: JSON.stringify(body),
    });
    assert.equal(response.status, 201);
    return response.json();
  };
  const comment = await post({ body: "Seconded: *more* grip on wet rock, see https://example.com/grip" });
  await post({ body: "Same here.", parent_id: comment.id });
  return comment;
}

/** Opens the board page straight at idea `id`'s deep link, as a shared link would. */
async function openIdea(name, id, options = {}) {
  const opened = await openPage(browser(), name, { body: BOARD, ...options });
  await opened.page.goto(`${opened.page.url()}#kindred/idea/${encodeURIComponent(id)}`);
  await opened.page.reload();
  await opened.page.locator(TITLE).waitFor();
  return opened;
}

/** What has the focus inside the widget's shadow root. */
function focusedInWidget(page) {
  return page.evaluate(() => {
    const inner = document.querySelector("#w").shadowRoot.activeElement;
    return inner ? { tag: inner.localName, className: inner.className, text: inner.textContent } : null;
  });
}

test("a deep link opens that idea directly, its title focused", async () => {
  const idea = await someIdea();
  const opened = await openIdea("detail-deep-link", idea.id);
  const { page } = opened;
  assert.equal(await page.locator(TITLE).textContent(), idea.title);
  assert.equal(await page.locator(CARD).count(), 0, "the list is not shown");
  assert.equal(await page.locator(`${DETAIL} [data-idea-id]`).getAttribute("data-idea-id"), String(idea.id));
  const focused = await focusedInWidget(page);
  assert.equal(focused?.className, "detail__title");
  assert.equal(await page.locator(`${DETAIL} [data-testid="vote-button"]`).count(), 1);
  await page.locator(`${DETAIL} [data-testid="comments"] h4`).waitFor();
  await assertClean(opened);
  await opened.context.close();
});

test("the status history shows every move with the brand's note, as text", async () => {
  const idea = await movedIdea();
  const detail = await (await fetch(new URL(`ideas/${idea.id}`, API_URL))).json();
  const opened = await openIdea("detail-history", idea.id);
  const steps = opened.page.locator(`${DETAIL} [data-testid="status-history"] li`);
  await steps.first().waitFor();
  assert.equal(await steps.count(), detail.history.length);
  for (const [index, change] of detail.history.entries()) {
    const step = steps.nth(index);
    if (change.note) assert.equal(await step.locator(".history__note").textContent(), change.note);
    assert.equal(await step.locator("time").getAttribute("datetime"), change.at);
  }
  await assertClean(opened);
  await opened.context.close();
});

test("a missing idea says so and offers the way back", async () => {
  const opened = await openPage(browser(), "detail-missing", { body: BOARD });
  const { page } = opened;
  await page.goto(`${page.url()}#kindred/idea/999999999`);
  await page.reload();
  const gone = page.locator(`${DETAIL} [data-testid="idea-gone"][role="alert"]`);
  await gone.waitFor();
  assert.match(await gone.textContent(), /no longer exists/);
  await page.locator(`${DETAIL} [data-testid="back-to-ideas"]`).click();
  await page.locator(CARD).first().waitFor();
  // The failed load is reported on the console by design; nothing else may be.
  opened.problems.splice(0, opened.problems.length, ...opened.problems.filter((p) => !/404/.test(p)));
  await assertClean(opened);
  await opened.context.close();
});

test("a card's title opens the idea in place and Back returns to the list", async () => {
  const opened = await openPage(browser(), "detail-open", { body: BOARD });
  const { page } = opened;
  const first = page.locator(CARD).first();
  await first.waitFor();
  const id = await first.getAttribute("data-idea-id");
  const title = await first.locator(".card__link").textContent();
  await first.locator(".card__link").click();
  await page.locator(TITLE).waitFor();
  assert.equal(await page.locator(TITLE).textContent(), title);
  assert.equal(new URL(page.url()).hash, `#kindred/idea/${id}`);

  await page.locator(`${DETAIL} [data-testid="back-to-ideas"]`).click();
  await page.locator(CARD).first().waitFor();
  assert.equal(await page.locator(DETAIL).count(), 0);
  assert.equal(new URL(page.url()).hash, "#kindred/ideas");

  // The browser's own Back button leaves a detail too.
  await page.locator(`${CARD} .card__link`).first().click();
  await page.locator(TITLE).waitFor();
  await page.goBack();
  await page.locator(CARD).first().waitFor();
  await assertClean(opened);
  await opened.context.close();
});

test("a visitor comments and replies, and both appear", async () => {
  const idea = await someIdea(1);
  const opened = await openIdea("detail-comments", idea.id);
  const { page } = opened;
  const comments = page.locator(`${DETAIL} [data-testid="comments"]`);
  const composer = comments.locator('[data-testid="composer"]').last();

  // An empty comment is refused before anything is sent, with the reason beside the box.
  await composer.locator('[data-testid="composer-submit"]').click();
  const problems = composer.locator('[data-testid="composer-problems"]');
  await problems.waitFor();
  assert.equal(await problems.textContent(), "Write your comment first.");
  assert.equal(await composer.locator("textarea").getAttribute("aria-invalid"), "true");

  const stamp = Date.now().toString(36);
  const text = `Grippier <b>lugs</b> please ${stamp}`;
  await composer.locator("textarea").fill(text);
  const saved = page.waitForResponse(
    (r) => r.url().endsWith(`/v1/ideas/${idea.id}/comments`) && r.request().method() === "POST",
  );
  await composer.locator('[data-testid="composer-submit"]').click();
  assert.equal((await saved).status(), 201);
  const mine = comments.locator('[data-testid="comment"]', { hasText: stamp });
  await mine.waitFor();
  assert.equal(await mine.locator(".comment__body").textContent(), text, "markup stays text");
  assert.equal(await composer.locator("textarea").inputValue(), "", "the box is emptied");
  assert.equal(
    await comments.locator('[data-testid="comment-announcement"]').textContent(),
    "Your comment was posted.",
  );

  const replyButton = mine.locator('[data-testid="reply-button"]');
  assert.equal(await replyButton.getAttribute("aria-expanded"), "false");
  await replyButton.click();
  assert.equal(await replyButton.getAttribute("aria-expanded"), "true");
  const field = mine.locator('[data-testid="composer-field"]');
  await field.waitFor();
  assert.equal((await focusedInWidget(page))?.tag, "textarea", "the reply box takes the focus");
  await field.fill(`Agreed ${stamp}`);
  await mine.locator('[data-testid="composer-submit"]').click();
  const reply = mine.locator('[data-testid="reply"]', { hasText: `Agreed ${stamp}` });
  await reply.waitFor();
  assert.equal(await mine.locator('[data-testid="composer"]').count(), 0, "the reply box closes");
  assert.equal((await focusedInWidget(page))?.text, "Reply", "focus returns to the Reply button");

  // Both are on the server, for everyone.
  const thread = await (await fetch(new URL(`ideas/${idea.id}/comments?limit=100`, API_URL))).json();
  const top = thread.items.find((c) => c.body === text);
  assert.ok(top, "the comment was stored");
  assert.ok(top.replies.some((r) => r.body === `Agreed ${stamp}`), "the reply was stored");
  await assertClean(opened);
  await opened.context.close();
});

for (const [name, options] of [
  ["light", {}],
  ["dark", { context: { colorScheme: "dark" } }],
  ["arabic", { lang: "ar" }],
]) {
  test(`axe-core finds no WCAG 2.2 AA violations in an idea's view (${name})`, async () => {
    const idea = await movedIdea();
    await discuss(idea.id);
    const opened = await openIdea(`detail-axe-${name}`, idea.id, options);
    const { page } = opened;
    await page.locator(`${DETAIL} [data-testid="comments"] [data-testid="reply"]`).first().waitFor();
    await page.waitForFunction(
      () => !document.querySelector("#w").shadowRoot.querySelector('[aria-busy="true"]'),
    );
    assert.deepEqual(await axeViolations(page), []);
    // With a reply box open and a refused, empty comment explained.
    const reply = page.locator(`${DETAIL} [data-testid="reply-button"]`).first();
    if (await reply.count()) await reply.click();
    await page.locator(`${DETAIL} [data-testid="composer-submit"]`).last().click();
    await page.locator(`${DETAIL} [data-testid="composer-problems"]`).first().waitFor();
    assert.deepEqual(await axeViolations(page), []);

    const small = await page.evaluate(() =>
      [...document.querySelector("#w").shadowRoot.querySelectorAll(".detail button, .detail a:not(.markdown a, .detail__duplicate a)")]
        .map((element) => [element.dataset.testid || element.className || element.localName, element.getBoundingClientRect()])
        .filter(([, box]) => box.width < 24 || box.height < 24)
        .map(([name, box]) => `${name} ${box.width}×${box.height}`),
    );
    assert.deepEqual(small, [], "every control is at least 24px square");
    await assertClean(opened);
    await opened.context.close();
  });
}
