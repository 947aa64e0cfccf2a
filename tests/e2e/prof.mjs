import { launch } from "./browser.js";
import fs from "node:fs";
const BASE = "http://127.0.0.1:7901/";
const browser = await launch();
const context = await browser.newContext({ viewport: { width: 1100, height: 1300 } });
const page = await context.newPage();
const html =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>archive</title>' +
  '<script src="/kindred/embed.js" data-api="/" data-site="ridgeline" async></script></head>' +
  '<body><div id="w" data-kindred="ideas" data-board="community-archive" data-eager></div></body></html>';
const url = new URL("/bench/archive.html", BASE).href;
await page.route(url, (route) => route.fulfill({ contentType: "text/html", body: html }));
await page.addInitScript(() => {
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
    new MutationObserver(() => {
      const cards = shadow.querySelectorAll('[data-testid="idea-card"]').length;
      if (cards >= 20 && !performance.getEntriesByName("shown").length) performance.mark("shown");
    }).observe(shadow, { childList: true, subtree: true });
  };
  watch();
});
await browser.startTracing(page, { path: "/tmp/prof/trace.json", categories: ["devtools.timeline","v8","v8.wasm","blink.user_timing","disabled-by-default-v8.compile","disabled-by-default-devtools.timeline"] });
const cdp = await context.newCDPSession(page);
await cdp.send("Profiler.enable");
await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
await cdp.send("Profiler.start");
await page.goto(url);
await page.waitForFunction(() => performance.getEntriesByName("shown").length > 0, null, { timeout: 30000 });
const { profile } = await cdp.send("Profiler.stop");
await browser.stopTracing();
const t = await page.evaluate(() => ({ data: performance.getEntriesByName("data")[0].startTime, shown: performance.getEntriesByName("shown")[0].startTime, res: performance.getEntriesByType("resource").map(e => [e.name.slice(-50), Math.round(e.startTime), Math.round(e.responseEnd)]) }));
console.log(JSON.stringify(t, null, 1));
fs.writeFileSync("/tmp/prof/profile.cpuprofile", JSON.stringify(profile));
await browser.close();
