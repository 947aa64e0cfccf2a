// The browser half of `cargo xtask bench widget`: loads the demo page RUNS times, each in a
// fresh browser context (a first visit: nothing cached), and prints, for each moment, its
// median and 90th percentile in milliseconds after navigation start, one per line:
// `<moment> <median> <p90>`. Moments: the loader's skeleton shown, the widget's code loaded
// (`Kindred.ready`), the first idea card rendered.
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
await browser.close();

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];
};
for (const [moment, values] of Object.entries(samples)) {
  console.log(`${moment} ${percentile(values, 50).toFixed(1)} ${percentile(values, 90).toFixed(1)}`);
}
