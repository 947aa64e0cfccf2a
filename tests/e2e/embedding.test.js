// The loader on pages a brand does not control: lazy loading near the viewport, a skeleton
// that reserves the widget's place, placeholders that single-page apps add and remove,
// custom elements, the script included twice, and mounting by hand hundreds of times without
// leaking. Every page is served with the strict Content-Security-Policy brands keep.
import { test } from "node:test";
import assert from "node:assert/strict";

import { chromiumPerSpec, openPage, assertClean, LOADER } from "./browser.js";

const CARD = '[data-testid="idea-card"]';

const browser = chromiumPerSpec();

/** Waits until the widget in `selector`'s host shows idea cards. */
async function waitForCards(page, selector) {
  await page.locator(`${selector} ${CARD}`).first().waitFor();
}

/** Waits until the host at `selector` has an empty shadow root with no stylesheets. */
async function waitForEmptyShadow(page, selector) {
  await page.waitForFunction((selector) => {
    const root = document.querySelector(selector)?.shadowRoot ?? window.removed?.shadowRoot;
    return root && root.childNodes.length === 0 && root.adoptedStyleSheets.length === 0;
  }, selector);
}

test("the wasm loads only when a placeholder comes near, and its place is reserved", async () => {
  const opened = await openPage(browser(), "lazy", {
    body:
      '<h1>Top of a long page</h1><div class="spacer"></div>' +
      '<div id="w" data-kindred="ideas" data-board="trail-shoes"></div>',
    css: ".spacer { height: 4000px }",
  });
  const { page, wasm } = opened;
  await page.waitForFunction(() => document.querySelector("#w").shadowRoot?.childNodes.length);
  await page.waitForTimeout(500);
  assert.deepEqual(wasm, [], "nothing loads while the placeholder is far below");
  const skeleton = await page.evaluate(() => {
    const host = document.querySelector("#w");
    return {
      part: host.shadowRoot.firstElementChild.getAttribute("part"),
      hidden: host.shadowRoot.firstElementChild.getAttribute("aria-hidden"),
      height: host.getBoundingClientRect().height,
    };
  });
  assert.deepEqual(skeleton, { part: "skeleton", hidden: "true", height: 384 });

  await page.mouse.wheel(0, 3200); // within a viewport of the placeholder, not yet on it
  await page.waitForFunction(() => window.Kindred.ready.then(() => true));
  assert.equal(wasm.length, 1, "one wasm request");
  await page.locator("#w").scrollIntoViewIfNeeded();
  await waitForCards(page, "#w");
  assert.equal(await page.evaluate(() => window.Kindred.ready.then((k) => k === window.Kindred)), true);
  await assertClean(opened);
  await opened.context.close();
});

test("the widget's stylesheet is parsed once, styles the waiting skeletons and every widget", async () => {
  const opened = await openPage(browser(), "one-sheet", {
    body:
      '<div id="a" data-kindred="ideas" data-board="trail-shoes" data-eager></div>' +
      '<div class="spacer"></div><div id="b" data-kindred="ideas" data-board="trail-shoes"></div>',
    css: ".spacer { height: 4000px }",
  });
  const { page } = opened;
  await waitForCards(page, "#a");
  const waiting = await page.evaluate(() => {
    const [a, b] = ["#a", "#b"].map((id) => document.querySelector(id).shadowRoot);
    return {
      skeleton: b.firstElementChild.getAttribute("part"),
      height: b.host.getBoundingClientRect().height,
      sheets: b.adoptedStyleSheets.length,
      shared: b.adoptedStyleSheets[0] === a.adoptedStyleSheets[0],
      widgetSheets: a.adoptedStyleSheets.length,
    };
  });
  assert.deepEqual(waiting, { skeleton: "skeleton", height: 384, sheets: 2, shared: true, widgetSheets: 1 });

  await page.locator("#b").scrollIntoViewIfNeeded();
  await waitForCards(page, "#b");
  assert.equal(
    await page.evaluate(() => {
      const [a, b] = ["#a", "#b"].map((id) => document.querySelector(id).shadowRoot.adoptedStyleSheets);
      return b.length === 1 && b[0] === a[0];
    }),
    true,
    "both widgets adopt the one sheet the loader built",
  );
  await assertClean(opened);
  await opened.context.close();
});

test("a reserved height keeps the content below the widget still", async () => {
  const body =
    '<h1>Reviews</h1><div id="w" data-kindred="ideas" data-board="trail-shoes"></div>' +
    '<p id="after">Shipping and returns</p>';
  const measure = async (css) => {
    const opened = await openPage(browser(), "reserved", { body, css });
    const { page } = opened;
    const before = await page.evaluate(() => document.querySelector("#after").offsetTop);
    await waitForCards(page, "#w");
    await page.waitForTimeout(300);
    const moved = await page.evaluate(
      (before) => document.querySelector("#after").offsetTop - before,
      before,
    );
    const shifted = await page.evaluate(() => window.shifts.reduce((a, b) => a + b, 0));
    await assertClean(opened);
    await opened.context.close();
    return { moved, shifted };
  };

  const reserved = await measure("#w { min-height: 4000px }");
  assert.deepEqual(reserved, { moved: 0, shifted: 0 });
  // Without a reserved height the skeleton and then the board push it down: the measure sees it.
  const unreserved = await measure("");
  assert.ok(unreserved.moved > 0, `the paragraph moved by ${unreserved.moved}px`);
});

test("the loader included twice, async and defer, loads one wasm and one widget per host", async () => {
  const defer = LOADER.replace(" async", " defer");
  const opened = await openPage(browser(), "twice", {
    head: LOADER + defer,
    body:
      '<div id="a" data-kindred="ideas" data-board="trail-shoes" data-eager></div>' +
      '<div id="b" data-kindred="ideas" data-board="trail-shoes" data-eager></div>',
  });
  const { page, wasm } = opened;
  await waitForCards(page, "#a");
  await waitForCards(page, "#b");
  const widgets = await page.evaluate(() =>
    ["#a", "#b"].map((id) => document.querySelector(id).shadowRoot.querySelectorAll(".kindred").length),
  );
  assert.deepEqual(widgets, [1, 1]);
  assert.equal(wasm.length, 1, "one wasm instance for the page");
  await assertClean(opened);
  await opened.context.close();
});

test("placeholders added later are mounted, and unmounted when removed", async () => {
  const opened = await openPage(browser(), "spa", { body: '<main id="app"></main>' });
  const { page } = opened;
  await page.evaluate(() => {
    const route = document.createElement("section");
    route.innerHTML = '<div id="w" data-kindred="ideas" data-board="trail-shoes" data-eager></div>';
    document.querySelector("#app").append(route);
  });
  await waitForCards(page, "#w");
  // Moving the placeholder within one task keeps its widget.
  await page.evaluate(() => {
    const host = document.querySelector("#w");
    document.body.append(host);
  });
  await page.waitForTimeout(200);
  await waitForCards(page, "#w");
  await page.evaluate(() => {
    window.removed = document.querySelector("#w");
    window.removed.remove();
  });
  await waitForEmptyShadow(page, "#w");
  await assertClean(opened);
  await opened.context.close();
});

test("<kindred-ideas> mirrors the data attributes and follows its own changes", async () => {
  const opened = await openPage(browser(), "element", {
    body: '<kindred-ideas id="w" board="trail-shoes" eager></kindred-ideas>',
  });
  const { page } = opened;
  await waitForCards(page, "#w");
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector("#w")).display), "block");
  // A changed attribute mounts the widget afresh with it: another board's ideas.
  const ids = () =>
    page.evaluate(() =>
      [...document.querySelector("#w").shadowRoot.querySelectorAll("[data-idea-id]")].map(
        (card) => card.dataset.ideaId,
      ),
    );
  const first = await ids();
  await page.evaluate(() => document.querySelector("#w").setAttribute("board", "gear-and-apparel"));
  await page.waitForFunction(
    (first) => {
      const cards = document.querySelector("#w").shadowRoot.querySelectorAll("[data-idea-id]");
      return cards.length > 0 && !first.includes(cards[0].dataset.ideaId);
    },
    first,
  );
  assert.equal(
    (await ids()).filter((id) => first.includes(id)).length,
    0,
    "only the other board's ideas",
  );
  await page.evaluate(() => {
    window.removed = document.querySelector("#w");
    window.removed.remove();
  });
  await waitForEmptyShadow(page, "#w");
  await assertClean(opened);
  await opened.context.close();
});

test("mounting and unmounting 200 times by hand leaves no DOM nodes or listeners behind", async () => {
  const opened = await openPage(browser(), "mounts", { body: '<div id="spa"></div>' });
  const { page, context } = opened;
  const cdp = await context.newCDPSession(page);
  const counters = async () => {
    await cdp.send("HeapProfiler.collectGarbage");
    return cdp.send("Memory.getDOMCounters");
  };
  const cycle = (times) =>
    page.evaluate(async (times) => {
      const host = document.querySelector("#spa");
      const rendered = () =>
        new Promise((resolve, reject) => {
          const started = performance.now();
          const poll = () => {
            if (host.shadowRoot?.querySelector('[data-testid="idea-card"]')) resolve();
            else if (performance.now() - started > 10000) reject(new Error("no cards"));
            else requestAnimationFrame(poll);
          };
          poll();
        });
      for (let i = 0; i < times; i++) {
        const handle = window.Kindred.mount(host, { kind: "ideas", board: "trail-shoes", eager: true });
        await rendered();
        handle.unmount();
        if (host.shadowRoot.childNodes.length) throw new Error("unmount left nodes behind");
      }
    }, times);

  await cycle(20);
  const warm = await counters();
  await cycle(200);
  const done = await counters();
  console.log(`DOM counters after 20 warm-up mounts: ${JSON.stringify(warm)}; after 200 more: ${JSON.stringify(done)}`);
  assert.ok(
    done.nodes - warm.nodes < 50,
    `DOM nodes ${warm.nodes} → ${done.nodes} after 200 mounts`,
  );
  assert.ok(
    done.jsEventListeners - warm.jsEventListeners <= 5,
    `listeners ${warm.jsEventListeners} → ${done.jsEventListeners} after 200 mounts`,
  );
  await assertClean(opened);
  await context.close();
});
