// The console as a moderator opens it: a fresh browser context on /console/, watched for
// errors and Content-Security-Policy violations, and the sign-in form filled by keyboard.
import { BASE_URL } from "./browser.js";

/** The console's address. */
export const CONSOLE = new URL("/console/", BASE_URL).href;

/** Opens the console in a fresh context, recording errors and policy violations. */
export async function openConsole(browser) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  page.on("console", (message) => message.type() === "error" && problems.push(message.text()));
  page.on("pageerror", (error) => problems.push(String(error)));
  await page.addInitScript(() => {
    window.violations = [];
    document.addEventListener("securitypolicyviolation", (event) => window.violations.push(event.violatedDirective));
  });
  await page.goto(CONSOLE);
  return { context, page, problems };
}

/** Signs in by keyboard alone: Tab to the key, type it, Enter. */
export async function signIn(page, key) {
  const field = page.locator("#admin-key");
  await field.waitFor();
  while (!(await field.evaluate((el) => el === document.activeElement))) await page.keyboard.press("Tab");
  await page.keyboard.type(key);
  await page.keyboard.press("Enter");
}

/** Presses Tab until `target` (a locator) has the focus; fails after `most` presses. */
export async function tabTo(page, target, most = 80) {
  for (let i = 0; i < most; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${target}`);
}
