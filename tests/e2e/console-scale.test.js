// The console's queue with the demo's review backlog: ten thousand ideas waiting on the
// premoderated `campaign-inbox` board. The queue pages through it fifty at a time (never
// rendering the whole backlog), stays quick to move through by keyboard and to decide in, and
// keeps the pending count exact. The timings are printed as the spec's diagnostics; the bounds
// only catch a queue that renders the whole backlog or stalls, not a slow machine.
import { test } from "node:test";
import assert from "node:assert/strict";

import { ADMIN_KEY, chromiumPerSpec, axeViolations } from "./browser.js";
import { openConsole, signIn } from "./console-page.js";

const browser = chromiumPerSpec();

const BACKLOG = "campaign-inbox";
const PAGE = 50;

/** Milliseconds from now until `done` holds in the page. */
async function timed(page, act, done, arg) {
  const started = await page.evaluate(() => performance.now());
  await act();
  await page.waitForFunction(done, arg, { polling: "raf" });
  return (await page.evaluate(() => performance.now())) - started;
}

const items = () => document.querySelectorAll('[data-testid="queue-item"]').length;

test("the queue stays responsive with ten thousand ideas waiting", async (t) => {
  const { context, page, problems } = await openConsole(browser());
  await signIn(page, ADMIN_KEY);
  await page.locator('[data-testid="queue-item"]').first().waitFor();
  const count = page.locator('[data-testid="pending-count"]');
  const waiting = Number(await count.innerText());
  // Ten thousand on a fresh server; each run of this spec decides one of them.
  assert.ok(waiting >= 9_990, `${waiting} waiting`);

  // The backlog's first page: fifty items, newest first, not ten thousand (timed from a
  // board with nothing waiting).
  await page.locator('[data-testid="place-filter"]').selectOption("board=community-archive");
  await page.locator('[data-testid="queue-empty"]').waitFor();
  const firstPage = await timed(
    page,
    () => page.locator('[data-testid="place-filter"]').selectOption(`board=${BACKLOG}`),
    ([size, board]) => {
      const shown = [...document.querySelectorAll('[data-testid="queue-item"]')];
      return shown.length === size && shown.every((item) => item.textContent.includes(`/ ${board}`));
    },
    [PAGE, BACKLOG],
  );
  assert.equal(await page.evaluate(items), PAGE);

  // Load more, four times: fifty more each time, the ones shown kept.
  const loads = [];
  const first = await page.locator('[data-testid="queue-item"] h2').first().innerText();
  for (let shown = PAGE; shown < 5 * PAGE; shown += PAGE) {
    loads.push(await timed(page, () => page.getByRole("button", { name: "Load more" }).click(),
      (size) => document.querySelectorAll('[data-testid="queue-item"]').length === size, shown + PAGE));
  }
  assert.equal(await page.evaluate(items), 5 * PAGE);
  assert.equal(await page.locator('[data-testid="queue-item"] h2').first().innerText(), first);
  const titles = await page.locator('[data-testid="queue-item"] h2').allInnerTexts();
  assert.equal(new Set(titles).size, titles.length, "no item twice across pages");

  // By keyboard through all of them: j moves one item on, in a frame or so each.
  await page.locator("body").click({ position: { x: 5, y: 5 } });
  const focusedIndex = () => [...document.querySelectorAll('[data-testid="queue-item"]')]
    .findIndex((item) => item.contains(document.activeElement));
  const started = await page.evaluate(() => performance.now());
  for (let i = 0; i < 5 * PAGE; i++) await page.keyboard.press("j");
  await page.waitForFunction((last) => {
    const shown = [...document.querySelectorAll('[data-testid="queue-item"]')];
    return shown.findIndex((item) => item.contains(document.activeElement)) === last;
  }, 5 * PAGE - 1);
  const perKey = ((await page.evaluate(() => performance.now())) - started) / (5 * PAGE);
  for (let i = 0; i < 10; i++) await page.keyboard.press("k");
  assert.equal(await page.evaluate(focusedIndex), 5 * PAGE - 11);

  // A decision deep in the list: the item leaves, the count goes down by one, focus stays.
  const decided = await page.evaluate(() => document.activeElement.closest('[data-testid="queue-item"]').querySelector("h2").textContent);
  const decision = await timed(page, () => page.keyboard.press("a"),
    (size) => document.querySelectorAll('[data-testid="queue-item"]').length === size, 5 * PAGE - 1);
  assert.ok(!(await page.locator('[data-testid="queue-item"] h2').allInnerTexts()).includes(decided));
  await page.waitForFunction((before) => document.querySelector('[data-testid="pending-count"]').textContent === String(before - 1), waiting);
  assert.equal(await page.evaluate(focusedIndex), 5 * PAGE - 11, "focus moves to the next item");

  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(problems, []);
  assert.deepEqual(await page.evaluate(() => window.violations), []);

  const ms = (value) => `${Math.round(value)} ms`;
  t.diagnostic(`backlog first page: ${ms(firstPage)}`);
  t.diagnostic(`load more (50 each): ${loads.map(ms).join(", ")}`);
  t.diagnostic(`j through 250 items: ${perKey.toFixed(1)} ms a key`);
  t.diagnostic(`approve with a at item 240: ${ms(decision)}`);
  // Bounds that only a queue rendering the whole backlog, or stalling, would break.
  assert.ok(firstPage < 10_000 && Math.max(...loads) < 10_000 && decision < 10_000, "the queue answers");
  await context.close();
});
