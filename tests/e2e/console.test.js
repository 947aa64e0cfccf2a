// The console: a moderator signs in with the server's admin key (kept for the tab, never in
// the URL; a wrong key is refused), and decides on ideas visitors proposed through the ideas
// widget on a premoderated board: an approved idea appears in the widget, a rejected one
// stays out. Every page passes axe-core and works by keyboard alone. The spec works on two
// boards of its own, made for it and deleted after it, so that the demo's boards other specs
// count on stay as they are.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";

import { ADMIN_KEY, API_URL, chromiumPerSpec, moderate, openPage, assertClean, axeViolations } from "./browser.js";
import { openConsole, signIn, tabTo } from "./console-page.js";

const browser = chromiumPerSpec();

const SITE = "ridgeline";
const RUN = randomUUID().slice(0, 8);
const GEAR = `console-review-${RUN}`; // premoderated
const SHOES = `console-ideas-${RUN}`;

before(async () => {
  await moderate(`sites/${SITE}/boards`, { method: "POST", body: { slug: GEAR, name: `Reviewed ${RUN}`, premoderation: true } });
  await moderate(`sites/${SITE}/boards`, { method: "POST", body: { slug: SHOES, name: `Curated ${RUN}` } });
});

after(async () => {
  await moderate(`boards/${GEAR}`, { method: "DELETE" });
  await moderate(`boards/${SHOES}`, { method: "DELETE" });
});

/** Proposes an idea titled `title` through the ideas widget of the premoderated board. */
async function propose(title) {
  const body = `<main><h1>Ideas</h1><div id="w" data-kindred="ideas" data-board="${GEAR}" data-eager></div></main>`;
  const withoutBoardForms = (page) =>
    page.route(`${API_URL}sites/${SITE}`, async (route) => {
      const site = await (await route.fetch()).json();
      for (const summary of site.boards) delete summary.form;
      await route.fulfill({ json: site });
    });
  const opened = await openPage(browser(), "console-propose", { body, before: withoutBoardForms });
  const { page } = opened;
  await page.locator('#w [data-testid="propose"]').click();
  await page.locator('#w [data-testid="idea-form"] input[name="title"]').fill(title);
  await page.locator('#w [data-testid="submit-idea"]').click();
  await page.locator('#w [data-testid="submit-pending"]').waitFor();
  await assertClean(opened);
  await opened.context.close();
}

/** The titles the ideas widget shows on the premoderated board for a search for `words`. */
async function shownInWidget(words) {
  const body = `<main><h1>Ideas</h1><div id="w" data-kindred="ideas" data-board="${GEAR}" data-eager></div></main>`;
  const opened = await openPage(browser(), "console-check", { body, hash: `#kindred/ideas?q=${encodeURIComponent(words)}` });
  const { page } = opened;
  await page.locator('#w [data-testid="idea-card"], #w [data-testid="no-matches"]').first().waitFor();
  const titles = await page.locator('#w [data-testid="idea-card"] h3').allInnerTexts();
  await opened.context.close();
  return titles;
}

test("a wrong admin key is refused, and nothing of it is kept", async () => {
  const { context, page, problems } = await openConsole(browser());
  await signIn(page, "not-the-key");
  const error = page.locator('[data-testid="signin-error"]');
  await error.filter({ hasText: /not accepted/ }).waitFor();
  assert.equal(await page.locator("#admin-key").getAttribute("aria-invalid"), "true");
  assert.equal(await page.evaluate(() => sessionStorage.length), 0);
  assert.ok(!page.url().includes("not-the-key"));
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(problems.filter((text) => !/401/.test(text)), []);
  assert.deepEqual(await page.evaluate(() => window.violations), []);
  await context.close();
});

test("every section is reached by keyboard alone and passes axe-core, in light and dark", async () => {
  for (const colorScheme of ["light", "dark"]) {
    const { context, page, problems } = await openConsole(browser());
    await page.emulateMedia({ colorScheme });
    await signIn(page, ADMIN_KEY);
    await page.locator("#queue-heading").waitFor();
    assert.deepEqual(await axeViolations(page), [], `queue (${colorScheme})`);
    for (const [name, heading, ready] of [
      ["Ideas", "#ideas-heading", '[data-testid="ideas"], [data-testid="no-ideas"]'],
      ["Forms", "#forms-heading", '[data-testid="form-definition"], [data-testid="no-forms"]'],
      ["Settings", "#settings-heading", '[data-testid="site-form"]'],
      ["Webhooks", "#webhooks-heading", '[data-testid="webhooks"], [data-testid="no-webhooks"]'],
      ["Insights", "#insights-heading", '[data-testid="visitors"]'],
      ["Moderation queue", "#queue-heading", '[data-testid="queue-item"], [data-testid="queue-empty"]'],
    ]) {
      await tabTo(page, page.getByRole("navigation").getByRole("link", { name: new RegExp(`^${name}`) }));
      await page.keyboard.press("Enter");
      await page.locator(heading).waitFor();
      await page.locator(ready).first().waitFor();
      assert.equal(await page.getByRole("link", { name: new RegExp(`^${name}`) }).getAttribute("aria-current"), "page");
      // Every control of the section is in the tab order.
      const unreachable = await page.evaluate(() =>
        [...document.querySelectorAll("main button:not([disabled]), main select, main input, main textarea, main summary, main a[href]")]
          .filter((el) => el.tabIndex < 0 || getComputedStyle(el).visibility === "hidden").length);
      assert.equal(unreachable, 0, `${name}: controls out of the tab order`);
      assert.deepEqual(await axeViolations(page), [], `${name} (${colorScheme})`);
    }
    assert.deepEqual(problems, []);
    assert.deepEqual(await page.evaluate(() => window.violations), []);
    await context.close();
  }
});

test("a moderator approves and rejects ideas proposed through the widget, by keyboard", async () => {
  const token = randomUUID().slice(0, 8);
  const kept = `Reflective piping on the running vest ${token}`;
  const refused = `Free vests for everyone forever ${token}`;
  await propose(kept);
  await propose(refused);
  assert.deepEqual(await shownInWidget(token), [], "pending ideas are not listed");

  const { context, page, problems } = await openConsole(browser());
  await signIn(page, ADMIN_KEY);
  await page.locator("#queue-heading").waitFor();
  assert.ok(!page.url().includes(ADMIN_KEY), "the key is never in the URL");
  assert.deepEqual(await axeViolations(page), []);

  const count = page.locator('[data-testid="pending-count"]');
  await count.waitFor();
  const waiting = Number(await count.innerText());
  assert.ok(waiting >= 2, `${waiting} waiting`);
  assert.match(await page.title(), new RegExp(`^\\(${waiting}\\) Kindred console$`));

  // Newest first, on the premoderated board only.
  await page.locator('[data-testid="kind-filter"]').selectOption("ideas");
  await page.locator('[data-testid="place-filter"]').selectOption(`board=${GEAR}`);
  const item = (title) => page.locator('[data-testid="queue-item"]', { hasText: title });
  await item(kept).waitFor();
  const shown = page.locator('[data-testid="queue-item"] h2');
  assert.deepEqual((await shown.allInnerTexts()).slice(0, 2), [refused, kept]);
  assert.equal(await item(kept).getAttribute("data-kind"), "ideas");
  assert.match(await item(kept).innerText(), /New, held for review/);

  // j and k move through the queue, a approves the item in focus.
  const focused = () => page.evaluate(() => document.activeElement.closest('[data-testid="queue-item"]')?.querySelector("h2").textContent);
  await page.locator("body").click({ position: { x: 5, y: 5 } });
  await page.keyboard.press("j");
  assert.equal(await focused(), refused);
  await page.keyboard.press("j");
  assert.equal(await focused(), kept);
  await page.keyboard.press("a");
  await item(kept).waitFor({ state: "detached" });
  assert.match(await page.locator('[role="status"]').first().innerText(), /Approved: Reflective piping/);
  await page.waitForFunction((before) => document.querySelector('[data-testid="pending-count"]').textContent === String(before - 1), waiting);

  // u takes the approval back: the idea waits again, where it stood, in focus; then a again.
  assert.match(await page.locator('[data-testid="last-decision"]').innerText(), /Approved: Reflective piping/);
  assert.deepEqual(await axeViolations(page), []);
  await page.keyboard.press("u");
  await item(kept).waitFor();
  await page.locator('[data-testid="last-decision"]').waitFor({ state: "detached" });
  assert.deepEqual((await shown.allInnerTexts()).slice(0, 2), [refused, kept]);
  assert.equal(await focused(), kept);
  await page.waitForFunction((before) => document.querySelector('[data-testid="pending-count"]').textContent === String(before), waiting);
  assert.deepEqual(await shownInWidget(token), [], "an approval taken back lists nothing");
  await page.keyboard.press("a");
  await item(kept).waitFor({ state: "detached" });
  await page.waitForFunction((before) => document.querySelector('[data-testid="pending-count"]').textContent === String(before - 1), waiting);

  // r opens the rejection with the focus in its reason, which it needs.
  while ((await focused()) !== refused) await page.keyboard.press("k");
  await page.keyboard.press("r");
  const reason = item(refused).locator('[data-testid="reject-reason"]');
  await page.waitForFunction(() => document.activeElement?.dataset.testid === "reject-reason");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await item(refused).locator(".error", { hasText: /Give a reason/ }).waitFor();
  await reason.focus();
  await page.keyboard.type("Not something we can make.");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await item(refused).waitFor({ state: "detached" });
  assert.deepEqual(await axeViolations(page), []);

  // A reload keeps the moderator signed in for this tab.
  await page.reload();
  await page.locator("#queue-heading").waitFor();
  assert.equal(await page.locator("#admin-key").count(), 0);
  assert.deepEqual(problems, []);
  assert.deepEqual(await page.evaluate(() => window.violations), []);

  // Signing out forgets the key.
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.locator("#admin-key").waitFor();
  assert.equal(await page.evaluate(() => sessionStorage.length), 0);
  await context.close();

  assert.deepEqual(await shownInWidget(token), [kept]);
});

test("several items are approved at once, or rejected at once with their authors blocked", async () => {
  const token = randomUUID().slice(0, 8);
  const titles = [`Chest pocket for soft flasks ${token}`, `Thumb loops on the windshell ${token}`, `Buy followers cheap ${token}`];
  for (const title of titles) await propose(title);

  const { context, page, problems } = await openConsole(browser());
  await signIn(page, ADMIN_KEY);
  await page.locator('[data-testid="place-filter"] option[value="board=' + GEAR + '"]').waitFor({ state: "attached" });
  await page.locator('[data-testid="place-filter"]').selectOption(`board=${GEAR}`);
  const item = (title) => page.locator('[data-testid="queue-item"]', { hasText: title });
  for (const title of titles) await item(title).waitFor();

  // Two selected and approved together.
  await item(titles[0]).locator('[data-testid="select"]').check();
  await item(titles[1]).locator('[data-testid="select"]').check();
  const bulk = page.locator('[data-testid="bulk"]');
  assert.match(await bulk.innerText(), /2 items selected/);
  assert.deepEqual(await axeViolations(page), []);
  await bulk.locator('[data-testid="approve-selected"]').click();
  await item(titles[0]).waitFor({ state: "detached" });
  await item(titles[1]).waitFor({ state: "detached" });
  await bulk.waitFor({ state: "detached" });
  await page.locator('[role="status"]', { hasText: "Approved 2 items" }).waitFor({ state: "attached" });

  // The spam rejected with a reason, its author blocked from the site.
  const blocksBefore = (await (await fetch(new URL("moderation/sites/" + SITE + "/blocks", API_URL), { headers: { authorization: `Bearer ${ADMIN_KEY}` } })).json()).items.length;
  await item(titles[2]).locator('[data-testid="select"]').check();
  await bulk.locator('[data-testid="reject-selected"]').click();
  await bulk.locator('[data-testid="reject-reason"]').fill("Spam");
  await bulk.getByLabel(/block their authors/).check();
  await bulk.locator('[data-testid="confirm-reject"]').click();
  await item(titles[2]).waitFor({ state: "detached" });
  const blocks = (await (await fetch(new URL("moderation/sites/" + SITE + "/blocks", API_URL), { headers: { authorization: `Bearer ${ADMIN_KEY}` } })).json()).items;
  assert.equal(blocks.length, blocksBefore + 1);
  assert.ok(blocks.some((block) => block.reason === "Spam" && block.identity.startsWith("visitor:")));

  // Undo takes the rejection back and lifts the block it made; the spam is rejected again.
  await page.locator('[data-testid="undo"]').click();
  await item(titles[2]).waitFor();
  const lifted = (await (await fetch(new URL("moderation/sites/" + SITE + "/blocks", API_URL), { headers: { authorization: `Bearer ${ADMIN_KEY}` } })).json()).items;
  assert.equal(lifted.length, blocksBefore);
  await page.locator('[role="status"]', { hasText: "Undone: 1 item waits for review again" }).waitFor({ state: "attached" });
  await item(titles[2]).locator('[data-testid="reject"]').click();
  await item(titles[2]).locator('[data-testid="reject-reason"]').fill("Spam");
  await item(titles[2]).locator('[data-testid="confirm-reject"]').click();
  await item(titles[2]).waitFor({ state: "detached" });
  assert.deepEqual(problems, []);
  await context.close();

  assert.deepEqual((await shownInWidget(token)).sort(), titles.slice(0, 2).sort());
});

test("a moderator changes an idea's status with a public note the widget shows, pins it and edits its tags", async () => {
  const token = randomUUID().slice(0, 8);
  const title = `Rock plate in the forefoot ${token}`;
  const created = await fetch(new URL(`boards/${SHOES}/ideas`, API_URL), {
    method: "POST",
    headers: { "content-type": "application/json", "x-kindred-visitor": randomUUID() },
    body: JSON.stringify({ title, body: "Sharp scree hurts." }),
  });
  assert.equal(created.status, 201);
  const { id } = await created.json();

  const { context, page, problems } = await openConsole(browser());
  await signIn(page, ADMIN_KEY);
  await page.getByRole("link", { name: "Ideas" }).click();
  assert.equal(new URL(page.url()).hash, "#ideas");
  await page.locator(`[data-testid="board-picker"] option[value="${SHOES}"]`).waitFor({ state: "attached" });
  await page.locator('[data-testid="board-picker"]').selectOption(SHOES);
  await page.locator('[data-testid="idea-search"]').fill(token);
  await page.locator('[data-testid="idea-search"]').press("Enter");
  const row = page.locator('[data-testid="idea-row"]', { hasText: title });
  await row.waitFor();
  assert.equal(await page.locator('[data-testid="idea-row"]').count(), 1);
  assert.equal(await row.locator('[data-testid="idea-status"]').innerText(), "Open");

  await row.locator('[data-testid="change-status"]').click();
  await row.locator('[data-testid="status-choice"]').selectOption("planned");
  await row.locator('[data-testid="status-note"]').fill("On the spring roadmap, with a rock plate in every size.");
  assert.deepEqual(await axeViolations(page), []);
  await row.locator('[data-testid="save-status"]').click();
  await row.locator('[data-testid="idea-status"]', { hasText: "Planned" }).waitFor();

  await row.locator('[data-testid="pin"]').click();
  await row.locator('[data-testid="pinned"]').waitFor();
  assert.equal(await row.locator('[data-testid="pin"]').getAttribute("aria-pressed"), "true");

  await row.locator('[data-testid="edit-tags"]').click();
  await row.locator('[data-testid="tags-input"]').fill("grip,  rock plate ,");
  await row.locator('[data-testid="save-tags"]').click();
  await row.locator('[data-testid="idea-tags"]', { hasText: "Tags: grip, rock plate" }).waitFor();

  const idea = await (await fetch(new URL(`ideas/${id}`, API_URL))).json();
  assert.equal(idea.idea?.pinned ?? idea.pinned, true);
  assert.deepEqual(idea.idea?.tags ?? idea.tags, ["grip", "rock plate"]);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(problems, []);
  await context.close();

  // Visitors read the note in the idea's status history.
  const body = `<main><h1>Ideas</h1><div id="w" data-kindred="ideas" data-board="${SHOES}" data-eager></div></main>`;
  const opened = await openPage(browser(), "console-note", { body, hash: `#kindred/idea/${id}` });
  const history = opened.page.locator('#w [data-testid="status-history"]');
  await history.waitFor();
  assert.match(await history.innerText(), /On the spring roadmap, with a rock plate in every size\./);
  await assertClean(opened);
  await opened.context.close();
});

test("a moderator previews a merge and merges a duplicate without counting a supporter twice", async () => {
  const token = randomUUID().slice(0, 8);
  const create = async (title) => {
    const response = await fetch(new URL(`boards/${SHOES}/ideas`, API_URL), {
      method: "POST",
      headers: { "content-type": "application/json", "x-kindred-visitor": randomUUID() },
      body: JSON.stringify({ title }),
    });
    assert.equal(response.status, 201);
    return (await response.json()).id;
  };
  const vote = async (id, visitor) => {
    const response = await fetch(new URL(`ideas/${id}/vote`, API_URL), { method: "PUT", headers: { "x-kindred-visitor": visitor } });
    assert.equal(response.status, 200);
  };
  const duplicate = await create(`Wider toe box please ${token}`);
  const original = await create(`A wider toe box ${token}`);
  const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
  await vote(duplicate, a);
  await vote(duplicate, b); // b supports both
  await vote(original, b);
  await vote(original, c);

  const { context, page, problems } = await openConsole(browser());
  await signIn(page, ADMIN_KEY);
  await page.getByRole("link", { name: "Ideas" }).click();
  await page.locator(`[data-testid="board-picker"] option[value="${SHOES}"]`).waitFor({ state: "attached" });
  await page.locator('[data-testid="board-picker"]').selectOption(SHOES);
  await page.locator('[data-testid="idea-search"]').fill(token);
  await page.locator('[data-testid="idea-search"]').press("Enter");
  const row = page.locator('[data-testid="idea-row"]', { hasText: `Wider toe box please ${token}` });
  await row.waitFor();
  await row.locator('[data-testid="merge"]').click();
  await row.locator('[data-testid="merge-into"]').fill(String(original));
  assert.equal(await row.locator('[data-testid="confirm-merge"]').isDisabled(), true, "no merge before its preview");
  await row.locator('[data-testid="merge-preview"]').click();
  const outcome = row.locator('[data-testid="merge-outcome"]');
  await outcome.filter({ hasText: /goes from/ }).waitFor();
  assert.match(await outcome.innerText(), /from 2 votes to 3 votes: 1 vote moving, 1 supporting both counted once/);
  assert.deepEqual(await axeViolations(page), []);
  await row.locator('[data-testid="confirm-merge"]').click();
  await row.locator('[data-testid="idea-status"]', { hasText: "Duplicate" }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();

  const merged = await (await fetch(new URL(`ideas/${original}`, API_URL))).json();
  assert.equal((merged.idea ?? merged).vote_count, 3);
  const gone = await (await fetch(new URL(`ideas/${duplicate}`, API_URL))).json();
  assert.equal((gone.idea ?? gone).status, "duplicate");
});
