// Browsing a board: order, status and tag filters and search, each reflected in the page's
// hash so a shared link reproduces the view; further pages appended without re-rendering the
// cards already shown, by button or by scrolling; supporter thresholds; and, on a board of a
// thousand ideas, how long the first page takes to render once its data has arrived.
import { test } from "node:test";
import assert from "node:assert/strict";

import { chromiumPerSpec, openPage, assertClean, API_URL } from "./browser.js";

const browser = chromiumPerSpec();
const CARD = '#w [data-testid="idea-card"]';
const ARCHIVE = "community-archive";

/** A page with the board `board` (with extra attributes `attrs`), opened at `hash`. */
async function openBoard(name, { board = "trail-shoes", attrs = "", hash = "", before } = {}) {
  const body = `<main><h1>Ideas</h1><div id="w" data-kindred="ideas" data-board="${board}" data-eager ${attrs}></div></main>`;
  const opened = await openPage(browser(), name, { body, hash, before });
  await opened.page.locator(CARD).first().waitFor();
  return opened;
}

/** The ids the API lists for `board` with `params`, first page. */
async function listed(board, params = "") {
  const response = await fetch(new URL(`boards/${board}/ideas?${params}`, API_URL));
  assert.equal(response.status, 200);
  return (await response.json()).items.map((idea) => idea.id);
}

/** The ids of the cards shown, in order. */
function shownIds(page) {
  return page.locator(CARD).evaluateAll((cards) => cards.map((card) => card.dataset.ideaId));
}

/** Waits until the cards shown are exactly `ids`, in order. */
async function waitForIds(page, ids) {
  await page.waitForFunction(
    (ids) => {
      const shadow = document.getElementById("w").shadowRoot;
      const shown = [...shadow.querySelectorAll('[data-testid="idea-card"]')].map((c) => c.dataset.ideaId);
      return JSON.stringify(shown) === JSON.stringify(ids);
    },
    ids,
  );
}

/** The page's hash. */
function hash(page) {
  return page.evaluate(() => location.hash);
}

test("the order, the status filter and the tag filter change the list and the hash", async () => {
  const opened = await openBoard("browse-controls");
  const { page } = opened;
  await waitForIds(page, await listed("trail-shoes", "sort=top"));

  await page.locator('#w [data-testid="sort"]').selectOption("new");
  await waitForIds(page, await listed("trail-shoes", "sort=new"));
  assert.equal(await hash(page), "#kindred/ideas?sort=new");

  await page.locator('#w [data-testid="status-filter"]').selectOption("shipped");
  const shipped = await listed("trail-shoes", "sort=new&status=shipped");
  assert.ok(shipped.length > 0);
  await waitForIds(page, shipped);
  const badges = await page.locator(`${CARD} [part="status"]`).allInnerTexts();
  assert.ok(badges.every((badge) => badge === "Shipped"), badges.join());
  assert.equal(await hash(page), "#kindred/ideas?sort=new&status=shipped");

  await page.locator('#w [data-testid="status-filter"]').selectOption("");
  await page.locator('#w [data-testid="tag-filter"]').selectOption("grip");
  await waitForIds(page, await listed("trail-shoes", "sort=new&tag=grip"));
  assert.equal(await hash(page), "#kindred/ideas?sort=new&tag=grip");
  await assertClean(opened);
  await opened.context.close();
});

test("search waits for a pause in typing, and an empty result offers to clear the filters", async () => {
  const opened = await openBoard("browse-search");
  const { page } = opened;
  const search = page.locator('#w [data-testid="search"]');
  const requests = [];
  page.on("request", (request) => {
    if (request.url().includes("/ideas?") && request.url().includes("q=")) requests.push(request.url());
  });
  await search.pressSequentially("lace", { delay: 40 });
  const expected = await listed("trail-shoes", "sort=top&q=lace");
  assert.ok(expected.length > 0);
  await waitForIds(page, expected);
  assert.equal(requests.length, 1, `one request for the whole word: ${requests}`);
  assert.equal(await hash(page), "#kindred/ideas?q=lace");

  await search.fill("zzzzqx");
  await page.locator('#w [data-testid="no-matches"]').waitFor();
  await page.locator('#w [data-testid="no-matches"] button').click();
  await waitForIds(page, await listed("trail-shoes", "sort=top"));
  assert.equal(await hash(page), "#kindred/ideas");
  assert.equal(await search.inputValue(), "");
  await assertClean(opened);
  await opened.context.close();
});

test("a shared link reproduces the view", async () => {
  const opened = await openBoard("browse-link", { hash: "#kindred/ideas?sort=discussed&status=open&q=the" });
  const { page } = opened;
  await waitForIds(page, await listed("trail-shoes", "sort=discussed&status=open&q=the"));
  assert.equal(await page.locator('#w [data-testid="sort"]').inputValue(), "discussed");
  assert.equal(await page.locator('#w [data-testid="status-filter"]').inputValue(), "open");
  assert.equal(await page.locator('#w [data-testid="search"]').inputValue(), "the");
  await assertClean(opened);
  await opened.context.close();
});

test("supporter thresholds show what is missing, and celebrate when reached", async () => {
  const opened = await openBoard("browse-threshold");
  const { page } = opened;
  const meters = await page.locator(CARD).evaluateAll((cards) =>
    cards.map((card) => ({
      count: Number(card.querySelector('[data-testid="vote-count"]').textContent.replace(/[^0-9]/g, "")),
      reached: card.querySelector('[data-testid="threshold"]').dataset.reached,
      text: card.querySelector('[data-testid="threshold"]').textContent,
      value: card.querySelector("progress").value,
      max: card.querySelector("progress").max,
    })),
  );
  assert.ok(meters.some((m) => m.reached === "true") && meters.some((m) => m.reached === "false"));
  for (const meter of meters) {
    assert.equal(meter.max, 50);
    assert.equal(meter.value, Math.min(meter.count, 50));
    if (meter.count >= 50) {
      assert.equal(meter.reached, "true");
      assert.match(meter.text, /Goal reached/);
    } else {
      assert.equal(meter.reached, "false");
      const missing = 50 - meter.count;
      assert.match(meter.text, new RegExp(`^${missing} more supporters? needed$`));
    }
  }
  await assertClean(opened);
  await opened.context.close();
});

test("a thousand ideas: the first page renders quickly and Load more keeps the cards shown", async () => {
  // Marks when the first page's response has fully arrived and when its last card is in the
  // DOM, and records every card node removed from the list from then on.
  const before = (page) =>
    page.addInitScript(() => {
      window.removedCards = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          if (entry.name.includes("/ideas?") && !performance.getEntriesByName("kindred:first-page-data").length) {
            performance.mark("kindred:first-page-data", { startTime: entry.responseEnd });
          }
        }
      }).observe({ type: "resource" });
      const watchShadow = () => {
        const shadow = document.getElementById("w")?.shadowRoot;
        if (!shadow) return requestAnimationFrame(watchShadow);
        new MutationObserver((records) => {
          const count = shadow.querySelectorAll('[data-testid="idea-card"]').length;
          if (count >= 20 && !performance.getEntriesByName("kindred:first-page-shown").length) {
            performance.mark("kindred:first-page-shown");
          }
          for (const record of records) {
            for (const node of record.removedNodes) {
              if (node.nodeType === 1 && (node.matches?.(".board__item") || node.querySelector?.('[data-testid="idea-card"]'))) {
                window.removedCards += 1;
              }
            }
          }
        }).observe(shadow, { childList: true, subtree: true });
      };
      watchShadow();
    });
  const opened = await openBoard("browse-thousand", { board: ARCHIVE, before });
  const { page } = opened;
  await page.waitForFunction(() => performance.getEntriesByName("kindred:first-page-shown").length > 0);
  const renderMs = await page.evaluate(
    () =>
      performance.getEntriesByName("kindred:first-page-shown")[0].startTime -
      performance.getEntriesByName("kindred:first-page-data")[0].startTime,
  );
  console.log(`# first page of ${ARCHIVE}: rendered ${renderMs.toFixed(1)} ms after its data arrived`);
  assert.ok(renderMs >= 0);

  const first = await shownIds(page);
  assert.equal(first.length, 20);
  await page.evaluate(() => {
    for (const card of document.getElementById("w").shadowRoot.querySelectorAll('[data-testid="idea-card"]')) {
      card.kindredSeen = true;
    }
  });
  const more = page.locator('#w [data-testid="load-more"]');
  const pageTimes = [];
  for (const expected of [40, 60]) {
    const started = await page.evaluate(() => performance.now());
    await more.click();
    await page.waitForFunction(
      (expected) => document.getElementById("w").shadowRoot.querySelectorAll('[data-testid="idea-card"]').length === expected,
      expected,
    );
    pageTimes.push((await page.evaluate(() => performance.now())) - started);
  }
  console.log(`# Load more on ${ARCHIVE}: ${pageTimes.map((ms) => `${ms.toFixed(0)} ms`).join(", ")} (request and render)`);
  const shown = await page.locator(CARD).evaluateAll((cards) => cards.map((card) => [card.dataset.ideaId, card.kindredSeen === true]));
  assert.deepEqual(shown.slice(0, 20).map(([id, seen]) => [id, seen]), first.map((id) => [id, true]), "the first cards are the same nodes");
  assert.ok(shown.slice(20).every(([, seen]) => !seen));
  assert.equal(new Set(shown.map(([id]) => id)).size, 60, "no idea twice");
  assert.equal(await page.evaluate(() => window.removedCards), 0, "no card re-rendered");
  await assertClean(opened);
  await opened.context.close();
});

test("with data-paging=infinite, scrolling to the end loads the next page", async () => {
  const opened = await openBoard("browse-infinite", { board: ARCHIVE, attrs: 'data-paging="infinite"' });
  const { page } = opened;
  assert.equal((await shownIds(page)).length, 20);
  await page.locator('#w [data-testid="load-more"]').scrollIntoViewIfNeeded();
  await page.waitForFunction(
    () => document.getElementById("w").shadowRoot.querySelectorAll('[data-testid="idea-card"]').length >= 40,
  );
  await assertClean(opened);
  await opened.context.close();
});
