// The browser half of `cargo xtask bench widget`: loads the demo page RUNS times, each in a
// fresh browser context (a first visit: nothing cached), and prints, for each moment, its
// median and 90th percentile in milliseconds after navigation start, one per line:
// `<moment> <median> <p90>`. Moments: the loader's skeleton shown, the widget's code loaded
// (`Kindred.ready`), the first idea card rendered.
//
// Then, on the demo's board of a thousand ideas, each in a fresh context too: how long the
// first page of 20 cards takes to be in the DOM after its response has fully arrived, and
// after the widget's code has read the response's body, and how long "Load more" takes from
// the click reaching the page to 20 more cards, the request included (performance marks).
// Those lines start with `archive:`. A run where Load more removed or
// replaced a card already shown fails the benchmark. Then the same visitor loads the page
// again, with the widget's files and compiled code in the browser's caches, and the first
// page is measured once more.
import { launch, BASE_URL } from "./browser.js";

const runs = Number(process.env.RUNS ?? 20);
const browser = await launch();
const samples = { skeleton: [], ready: [], first_card: [] };

for (let run = 0; run < runs; run++) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 1300 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    const marks = (window.marks = {});
    const poll = () => {
      const root = document.querySelector("[data-kindred]")?.shadowRoot;
      if (root?.querySelector('[part="skeleton"]')) marks.skeleton ??= performance.now();
      if (window.Kindred && !marks.watching) {
        marks.watching = true;
        window.Kindred.ready.then(() => (marks.ready = performance.now()));
      }
      if (root?.querySelector('[data-testid="idea-card"]')) marks.first_card = performance.now();
      else setTimeout(poll, 1);
    };
    poll();
  });
  await page.goto(BASE_URL);
  await page.waitForFunction(() => window.marks.first_card !== undefined, null, { timeout: 30000 });
  const marks = await page.evaluate(() => window.marks);
  for (const moment of Object.keys(samples)) samples[moment].push(marks[moment]);
  await context.close();
}
const archive = {
  "archive:first_page_after_response": [],
  "archive:first_page_after_widget_read": [],
  "archive:load_more": [],
  "archive:repeat_visit_first_page_after_response": [],
};
const since = (page, mark) =>
  page.evaluate((mark) => performance.getEntriesByName("shown")[0].startTime - performance.getEntriesByName(mark)[0].startTime, mark);
for (let run = 0; run < runs; run++) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 1300 } });
  const page = await context.newPage();
  const html =
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>archive</title>' +
    '<script src="/kindred/embed.js" data-api="/" data-site="ridgeline" async></script></head>' +
    '<body><div id="w" data-kindred="ideas" data-board="community-archive" data-eager></div></body></html>';
  const url = new URL("/bench/archive.html", BASE_URL).href;
  await page.route(url, (route) => route.fulfill({ contentType: "text/html", body: html }));
  await page.addInitScript(() => {
    window.removed = 0;
    // When the widget's code has the first page's body in hand.
    const text = Response.prototype.text;
    Response.prototype.text = function () {
      const ideas = this.url.includes("/ideas?");
      return text.call(this).then((body) => {
        if (ideas && !performance.getEntriesByName("read").length) performance.mark("read");
        return body;
      });
    };
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (entry.name.includes("/ideas?") && !performance.getEntriesByName("data").length) {
          performance.mark("data", { startTime: entry.responseEnd });
        }
      }
    }).observe({ type: "resource" });
    const watch = () => {
      const shadow = document.getElementById("w")?.shadowRoot;
      if (!shadow) return requestAnimationFrame(watch);
      // The click on Load more as the page receives it, after the driver's own checks.
      shadow.addEventListener("click", (event) => {
        if (event.target.closest?.('[data-testid="load-more"]')) performance.mark("more");
      }, true);
      new MutationObserver((records) => {
        const cards = shadow.querySelectorAll('[data-testid="idea-card"]').length;
        if (cards >= 20 && !performance.getEntriesByName("shown").length) performance.mark("shown");
        if (cards >= 40 && !performance.getEntriesByName("more-shown").length) performance.mark("more-shown");
        for (const record of records) {
          for (const node of record.removedNodes) if (node.querySelector?.('[data-testid="idea-card"]')) window.removed += 1;
        }
      }).observe(shadow, { childList: true, subtree: true });
    };
    watch();
  });
  const shown = () => page.waitForFunction(() => performance.getEntriesByName("shown").length > 0, null, { timeout: 30000 });
  await page.goto(url);
  await shown();
  archive["archive:first_page_after_response"].push(await since(page, "data"));
  archive["archive:first_page_after_widget_read"].push(await since(page, "read"));
  await page.locator('[data-testid="load-more"]').click();
  await page.waitForFunction(() => performance.getEntriesByName("more-shown").length > 0);
  archive["archive:load_more"].push(
    await page.evaluate(() => performance.getEntriesByName("more-shown")[0].startTime - performance.getEntriesByName("more")[0].startTime),
  );
  if ((await page.evaluate(() => window.removed)) !== 0) throw new Error("Load more re-rendered cards already shown");
  // The same visitor comes back: the browser has the widget's files and compiled code cached.
  await page.reload();
  await shown();
  archive["archive:repeat_visit_first_page_after_response"].push(await since(page, "data"));
  await context.close();
}
Object.assign(samples, archive);
await browser.close();

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];
};
for (const [moment, values] of Object.entries(samples)) {
  console.log(`${moment} ${percentile(values, 50).toFixed(1)} ${percentile(values, 90).toFixed(1)}`);
}
