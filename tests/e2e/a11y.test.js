// Accessibility (WCAG 2.2 AA): axe-core finds no violations in light and dark themes and in
// Arabic; everything works by keyboard with a visible focus ring; confirmed votes are
// announced; touch targets are at least 24px; reduced motion turns animations off.
import { test } from "node:test";
import assert from "node:assert/strict";

import { chromiumPerSpec, openPage, assertClean, axeViolations } from "./browser.js";

const browser = chromiumPerSpec();
const BOARD = '<main><h1>Trail shoes</h1><div id="w" data-kindred="ideas" data-board="trail-shoes" data-eager></div></main>';
const CARD = '#w [data-testid="idea-card"]';


/** Opens the board (in `lang`, with `context` options) and waits for its ideas. */
async function openBoard(name, options = {}) {
  const opened = await openPage(browser(), name, { body: BOARD, ...options });
  await opened.page.locator(CARD).first().waitFor();
  return opened;
}

for (const [name, options] of [
  ["light", {}],
  ["dark", { context: { colorScheme: "dark" } }],
  ["arabic", { lang: "ar" }],
]) {
  test(`axe-core finds no WCAG 2.2 AA violations (${name})`, async () => {
    const opened = await openBoard(`axe-${name}`, options);
    const { page } = opened;
    assert.deepEqual(await axeViolations(page), []);
    // After a vote, with its announcement in place.
    await page.locator(`${CARD} [data-testid="vote-button"]`).first().click();
    await page.waitForFunction(() => window.kindredEvents.some((e) => e.type === "kindred:vote"));
    assert.deepEqual(await axeViolations(page), []);
    await assertClean(opened);
    await opened.context.close();
  });
}

const STATUSES = ["open", "under_review", "planned", "in_progress", "shipped", "declined", "duplicate"];

/**
 * Gives the board's first ideas every status, on cards and among similar ideas, and has the
 * built-in proposal form show (the site's answer without the boards' own forms).
 */
async function everyStatus(page) {
  await page.route(/\/v1\/sites\/ridgeline$/, async (route) => {
    const site = await (await route.fetch()).json();
    for (const summary of site.boards) delete summary.form;
    await route.fulfill({ json: site });
  });
  await page.route(/\/v1\/boards\/trail-shoes\/ideas\?/, async (route) => {
    const answer = await (await route.fetch()).json();
    answer.items.forEach((idea, n) => (idea.status = STATUSES[n % STATUSES.length]));
    await route.fulfill({ json: answer });
  });
  await page.route(/\/v1\/boards\/trail-shoes\/ideas\/similar\?/, (route) =>
    route.fulfill({
      json: {
        items: STATUSES.slice(1, 6).map((status, n) => ({ id: String(900 + n), title: `A similar idea ${n}`, status, vote_count: n })),
        next_cursor: null,
      },
    }),
  );
}

for (const [name, options] of [
  ["light", {}],
  ["dark", { context: { colorScheme: "dark" } }],
]) {
  test(`every status's badge reads clearly on cards and among similar ideas (${name})`, async () => {
    const opened = await openBoard(`axe-statuses-${name}`, { ...options, before: everyStatus });
    const { page } = opened;
    assert.deepEqual(await axeViolations(page), []);
    await page.locator('#w [data-testid="propose"]').click();
    await page.locator('#w [data-testid="idea-form"] input[name="title"]').fill("A similar idea");
    await page.locator('#w .similar .badge').first().waitFor();
    assert.ok((await page.locator("#w .similar .badge").count()) >= 5);
    assert.deepEqual(await axeViolations(page), []);
    await opened.context.close();
  });
}

test("keyboard: Tab reaches the votes, focus is visible, Space votes and the result is announced", async () => {
  const opened = await openBoard("keyboard");
  const { page } = opened;
  const focused = () =>
    page.evaluate(() => {
      const inner = document.activeElement?.shadowRoot?.activeElement;
      if (!inner) return null;
      const style = getComputedStyle(inner);
      return {
        testid: inner.dataset.testid,
        pressed: inner.getAttribute("aria-pressed"),
        outline: `${style.outlineStyle} ${style.outlineWidth}`,
        count: inner.querySelector('[data-testid="vote-count"]')?.textContent,
      };
    });
  // The board's "Propose an idea", the list's controls and the first idea's link come first.
  // The button shows once the site's configuration says proposals are open, which may arrive
  // after the ideas.
  await page.locator('#w [data-testid="propose"]').waitFor();
  const visited = [];
  for (let presses = 0; presses < 10 && visited.at(-1) !== "vote-button"; presses++) {
    await page.keyboard.press("Tab");
    visited.push((await focused())?.testid ?? "?");
  }
  assert.deepEqual(visited, ["propose", "search", "sort", "status-filter", "tag-filter", "idea-link", "vote-button"]);
  const first = await focused();
  assert.equal(first.outline, "solid 2px", "a visible focus ring");
  assert.equal(first.pressed, "false");

  await page.keyboard.press("Space");
  await page.waitForFunction(() => window.kindredEvents.some((e) => e.type === "kindred:vote"));
  const voted = await focused();
  assert.equal(voted.pressed, "true");
  const notice = page.locator(`${CARD} [data-testid="vote-notice"]`).first();
  assert.equal(await notice.getAttribute("role"), "status");
  assert.equal(await notice.textContent(), `Vote added, ${voted.count} votes`);

  await page.keyboard.press("Tab");
  assert.equal((await focused()).testid, "idea-link", "the next card's link");
  await page.keyboard.press("Tab");
  assert.equal((await focused()).testid, "vote-button", "the next card's vote button");
  await assertClean(opened);
  await opened.context.close();
});

test("every control is at least 24px square", async () => {
  const opened = await openBoard("targets", { context: { viewport: { width: 360, height: 740 } } });
  const small = await opened.page.evaluate(() =>
    [...document.querySelector("#w").shadowRoot.querySelectorAll("button, a, input, select, textarea")]
      .map((element) => [element.dataset.testid || element.localName, element.getBoundingClientRect()])
      .filter(([, box]) => box.width < 24 || box.height < 24)
      .map(([name, box]) => `${name} ${box.width}×${box.height}`),
  );
  assert.deepEqual(small, []);
  await assertClean(opened);
  await opened.context.close();
});

test("prefers-reduced-motion turns transitions and animations off", async () => {
  const duration = async (reducedMotion) => {
    const opened = await openBoard(`motion-${reducedMotion}`, { context: { reducedMotion } });
    const value = await opened.page
      .locator(`${CARD} [data-testid="vote-button"]`)
      .first()
      .evaluate((button) => getComputedStyle(button).transitionDuration);
    await opened.context.close();
    return value;
  };
  assert.notEqual(await duration("no-preference"), "0s");
  assert.equal(await duration("reduce"), "0s");
});
