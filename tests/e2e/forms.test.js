// Co-creation forms on their own (`data-kindred="form"`) against the real server, with the
// example forms of docs/forms.md: a survey of three pages and every kind of question filled
// in, with inline errors, a reload midway that finds the draft, and its answers
// in the CSV export with the hidden ones the page gave; a photo story posted on the feed; a
// product idea proposed on a board; and axe-core on every page of each, in English and
// Arabic.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

import { chromiumPerSpec, openPage, assertClean, axeViolations, moderate, photo, API_URL, ADMIN_KEY } from "./browser.js";

const browser = chromiumPerSpec();
const W = (selector) => `#w ${selector}`;
const example = (file) => JSON.parse(readFileSync(new URL(`../../docs/forms/${file}`, import.meta.url), "utf8"));

/** A page with form `slug`, about `product`, from `campaign`. */
const formPage = (slug, extra = "") =>
  `<main><h1>Ridgeline</h1><div id="w" data-kindred="form" data-form="${slug}" ${extra} data-eager></div></main>`;

/** Records the form's `kindred:submit` details in `window.submits`, before the page loads. */
const listen = (page) =>
  page.addInitScript(() => {
    window.submits = [];
    document.addEventListener("kindred:submit", (event) => window.submits.push(event.detail));
  });

/** Which page of the form shows, by its `data-page`. */
function pageShown(page) {
  return page.evaluate(() =>
    [...document.getElementById("w").shadowRoot.querySelectorAll("[data-page]")]
      .filter((element) => !element.hidden)
      .map((element) => element.dataset.page)
      .join(","),
  );
}

async function next(page, expected) {
  await page.locator(W('[data-testid="send-form"]')).click();
  await page.waitForFunction((want) => {
    const shown = [...document.getElementById("w").shadowRoot.querySelectorAll("[data-page]")].filter((e) => !e.hidden);
    return shown.length === 1 && shown[0].dataset.page === want;
  }, expected);
}

/** The error shown under question `name`, or "". */
function errorOf(page, name) {
  return page.locator(W(`[data-field="${name}"] .field__error`)).innerText();
}

test("a survey of three pages: inline errors, a draft that survives a reload, the answers in the CSV export", async () => {
  const survey = example("flavour-survey.json").schema;
  const campaign = `e2e-${Date.now()}`;
  const opened = await openPage(browser(), "form-survey", {
    body: formPage(survey.slug, `data-product="summit-3" data-campaign="${campaign}"`),
    before: listen,
  });
  const { page } = opened;
  await page.locator(W('[data-page="0"]')).waitFor();
  assert.equal(await page.locator(W(".schema-form__step")).innerText(), "Step 1 of 3");

  // Next with nothing answered: the page's required questions say so, focus on the first.
  await page.locator(W('[data-testid="send-form"]')).click();
  await page.waitForFunction(() => document.getElementById("w").shadowRoot.querySelector('[aria-invalid="true"]'));
  assert.equal(await errorOf(page, "flavour"), "Please answer this question.");
  assert.equal(await errorOf(page, "sweetness"), "Please answer this question.");
  assert.equal(await pageShown(page), "0");
  const focused = await page.evaluate(() => document.getElementById("w").shadowRoot.activeElement?.name);
  assert.equal(focused, "flavour");

  await page.locator(W('[name="flavour"][value="caramel"]')).check();
  await page.locator(W('[name="notes"][value="ginger"]')).check();
  await page.locator(W('[name="notes"][value="vanilla"]')).check();
  await page.locator(W('[name="sweetness"][value="4"]')).check({ force: true });
  // A question asked only for caffeine, then its bounds.
  assert.equal(await page.locator(W('[data-field="caffeine_mg"]')).count(), 0);
  await page.locator(W('[name="caffeine"][value="yes"]')).check();
  await page.locator(W('[data-field="caffeine_mg"] input')).fill("400");
  await page.locator(W('[data-field="caffeine_mg"] input')).blur();
  await page.waitForFunction(() =>
    document.getElementById("w").shadowRoot.querySelector('[data-field="caffeine_mg"] input[aria-invalid="true"]'),
  );
  assert.equal(await errorOf(page, "caffeine_mg"), "Enter a number from 10 to 150.");
  await page.locator(W('[data-field="caffeine_mg"] input')).fill("80");
  await next(page, "1");

  await page.locator(W('[data-field="longest"] input')).fill("42,2");
  await page.locator(W('[data-field="race"] input')).fill("2026-09-12");
  await page.locator(W('[data-field="club"] input')).fill("not a site");
  await page.locator(W('[data-field="story"] textarea')).fill("It froze solid at the summit.");
  await page.locator(W('[data-testid="send-form"]')).click();
  await page.waitForFunction(() =>
    document.getElementById("w").shadowRoot.querySelector('[data-field="club"] input[aria-invalid="true"]'),
  );
  assert.equal(await errorOf(page, "club"), "Enter a web address, like https://example.com.");
  await page.locator(W('[data-field="club"] input')).fill("https://ridge-runners.example");

  // A reload midway: the draft is there, on the page the visitor was on.
  await page.waitForFunction(() =>
    JSON.parse(localStorage.getItem(Object.keys(localStorage).find((key) => key.startsWith("kindred:form-draft:")) ?? "null"))
      ?.answers?.club === "https://ridge-runners.example",
  );
  await page.reload();
  await page.locator(W('[data-page="1"]:not([hidden])')).waitFor();
  assert.equal(await page.locator(W(".schema-form__step")).innerText(), "Step 2 of 3");
  assert.equal(await page.locator(W('[data-field="story"] textarea')).inputValue(), "It froze solid at the summit.");
  assert.equal(await page.locator(W('[data-field="club"] input')).inputValue(), "https://ridge-runners.example");
  // A photo is a file, which no draft keeps: chosen after the reload.
  const png = await photo(page, "image/png", 800, 600);
  await page.locator(W('[data-field="snack"] input[type="file"]')).setInputFiles({ name: "snack.png", mimeType: "image/png", buffer: png });
  await page.locator(W('[data-testid="form-back"]')).click();
  await page.locator(W('[data-page="0"]:not([hidden])')).waitFor();
  assert.ok(await page.locator(W('[name="flavour"][value="caramel"]')).isChecked());
  assert.equal(await page.locator(W('[data-field="caffeine_mg"] input')).inputValue(), "80");
  await next(page, "1");
  await next(page, "2");

  await page.locator(W('[data-field="colour"] input')).fill("orange");
  await page.locator(W('[data-field="name_it"] input')).fill("Summit Toffee");
  await page.locator(W('[name="likely"][value="9"]')).check({ force: true });
  await page.locator(W('[data-field="postcode"] input')).fill("SW1A 1AA");
  await page.locator(W('[data-testid="send-form"]')).click();
  await page.waitForFunction(() =>
    document.getElementById("w").shadowRoot.querySelector('[data-field="colour"] input[aria-invalid="true"]'),
  );
  assert.match(await errorOf(page, "colour"), /#2f6f4e/);
  assert.equal(await errorOf(page, "consent"), "Please tick this box to go on.");
  await page.locator(W('[data-field="colour"] input')).fill("#e8702c");
  await page.locator(W('[data-field="consent"] input')).check();
  await page.locator(W('[data-testid="send-form"]')).click();
  const thanks = page.locator(W('[data-testid="form-success"]'));
  await thanks.waitFor();
  assert.equal(await thanks.locator("p").innerText(), survey.success_message);
  assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith("kindred:form-draft:")).length), 0);
  const submitted = await page.evaluate(() => window.submits[0]);
  assert.equal(submitted.form, survey.slug);
  assert.equal(submitted.target, "response");

  // The response, in the CSV export: every answer, the hidden ones from the page.
  const response = await fetch(new URL(`moderation/forms/${survey.slug}/submissions.csv`, API_URL), {
    headers: { authorization: `Bearer ${ADMIN_KEY}` },
  });
  assert.equal(response.status, 200);
  const csv = await response.text();
  const [header, ...rows] = csv.trim().split("\r\n");
  const columns = header.split(",");
  const row = rows.find((line) => line.includes(campaign));
  assert.ok(row, `the response is exported: ${csv.slice(0, 400)}`);
  for (const name of ["flavour", "notes", "caffeine_mg", "longest", "race", "club", "snack", "colour", "likely", "product", "page", "campaign"]) {
    assert.ok(columns.includes(name), `a ${name} column`);
  }
  for (const value of ["caramel", "ginger; vanilla", "80", "42.2", "2026-09-12", "https://ridge-runners.example", "#e8702c", "Summit Toffee", "summit-3", "SW1A 1AA"]) {
    assert.ok(row.includes(value), `${value} in ${row}`);
  }
  assert.ok(row.includes("/e2e/form-survey.html"), "the page's address");
  assert.match(row, /\/v1\/media\/[^,]+\.jpg/, "the photo, stored");
  await assertClean(opened);
  await opened.context.close();
});

test("a photo story posts its photo on the feed", async () => {
  const story = example("photo-story.json");
  const opened = await openPage(browser(), "form-story", { body: formPage(story.schema.slug), before: listen });
  const { page } = opened;
  await page.locator(W('[data-page="0"]')).waitFor();
  const png = await photo(page, "image/png", 900, 600);
  await page.locator(W('[data-field="photo"] input[type="file"]')).setInputFiles({ name: "ridge.png", mimeType: "image/png", buffer: png });
  const alt = `Runner on a ridge at dawn ${Date.now()}`;
  await page.locator(W('[data-field="alt"] input')).fill(alt);
  await page.locator(W('[data-field="story"] textarea')).fill("First light on the ridge. #formstory");
  await page.locator(W('[name="gear"][value="summit-3"]')).check();
  await page.locator(W('[data-field="handle"] input')).fill("not a handle");
  await page.locator(W('[data-testid="send-form"]')).click();
  await page.waitForFunction(() =>
    document.getElementById("w").shadowRoot.querySelector('[data-field="handle"] input[aria-invalid="true"]'),
  );
  assert.equal(await errorOf(page, "handle"), "Enter a handle of letters, digits, _ and ., like @name.");
  assert.equal(await errorOf(page, "rights"), "Please tick this box to go on.");
  await page.locator(W('[data-field="handle"] input')).fill("@dawn.runner");
  await page.locator(W('[data-field="rights"] input')).check();
  await page.locator(W('[data-testid="send-form"]')).click();
  await page.locator(W('[data-testid="form-success"]')).waitFor();
  const submitted = await page.evaluate(() => window.submits[0]);
  assert.equal(submitted.target, "post");

  // The post on the feed, which the demo keeps open (a feed that reviews posts first would
  // hold it in the moderation queue), tagged with the shoe picked.
  const listed = await (await fetch(new URL(`feeds/${story.target.feed}/posts?product=summit-3`, API_URL))).json();
  const post = listed.items.find((item) => item.alt === alt);
  assert.ok(post, "the post is on the feed");
  assert.deepEqual(post.product_tags, ["summit-3"]);
  assert.match(post.caption, /First light on the ridge/);
  await assertClean(opened);
  await opened.context.close();
});

/**
 * Creates the product idea example, pointed at a board of its own so the demo's boards keep
 * their intake; answers the form's and the board's slugs.
 */
async function createProductIdea() {
  const definition = example("product-idea.json");
  const suffix = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  const board = `e2e-ideas-${suffix}`;
  await moderate("sites/ridgeline/boards", { method: "POST", body: { slug: board, name: "Summit ideas" } });
  definition.schema.slug = `${definition.schema.slug}-${suffix}`;
  definition.target.board = board;
  await moderate("sites/ridgeline/forms", { method: "POST", body: definition });
  return { slug: definition.schema.slug, board };
}

test("a product idea proposes an idea on its board", async () => {
  const { slug, board } = await createProductIdea();
  const opened = await openPage(browser(), "form-idea", { body: formPage(slug, 'data-product="summit-3"') });
  const { page } = opened;
  await page.locator(W('[data-page="0"]')).waitFor();
  const title = `A rock plate that clips out ${Date.now()}`;
  await page.locator(W('[data-field="idea"] input')).fill(title);
  await page.locator(W('[data-field="details"] textarea')).fill("Clip it in for scree, out for forest trails, without new shoes.");
  await page.locator(W('[name="terrain"][value="rock"]')).check();
  await next(page, "1");
  assert.equal(await page.locator(W('[data-field="test"]')).count(), 0, "asked only with an email");
  await page.locator(W('[data-field="email"] input')).fill("ana@example.com");
  await page.locator(W('[data-field="test"] input')).check();
  await page.locator(W('[data-testid="send-form"]')).click();
  await page.locator(W('[data-testid="form-success"]')).waitFor();
  const ideas = await (await fetch(new URL(`boards/${board}/ideas?sort=new`, API_URL))).json();
  const idea = ideas.items.find((item) => item.title === title);
  assert.ok(idea, "the idea is on the board");
  assert.match(idea.body, /Clip it in for scree/);
  await assertClean(opened);
  await opened.context.close();
});

for (const lang of ["en", "ar"]) {
  test(`axe-core finds no violations on any page of the example forms (${lang})`, async () => {
    const { slug: idea } = await createProductIdea();
    for (const slug of ["trail-fuel-lab", "trail-story", idea]) {
      const opened = await openPage(browser(), `form-axe-${slug}-${lang}`, { body: formPage(slug), lang });
      const { page } = opened;
      await page.locator(W('[data-page="0"]')).waitFor();
      const pages = await page.locator(W("[data-page]")).count();
      for (let at = 0; at < pages; at++) {
        assert.deepEqual(await axeViolations(page), [], `${slug}, page ${at + 1} (${lang})`);
        // With the page's errors showing: sent with its required questions unanswered.
        await page.locator(W('[data-testid="send-form"]')).click();
        await page.waitForFunction(
          (at) => {
            const shadow = document.getElementById("w").shadowRoot;
            const shown = [...shadow.querySelectorAll("[data-page]")].find((element) => !element.hidden);
            return shown?.dataset.page !== String(at) || shown.querySelector('[aria-invalid="true"]');
          },
          at,
        );
        assert.deepEqual(await axeViolations(page), [], `${slug}, page ${at + 1} with errors (${lang})`);
        if (at + 1 < pages && (await pageShown(page)) === String(at)) {
          await answerRequired(page, slug);
          await next(page, String(at + 1));
        }
      }
      await assertClean(opened);
      await opened.context.close();
    }
  });
}

/** Answers the required questions on the pages of form `slug` that have some before its last. */
async function answerRequired(page, slug) {
  if (slug === "trail-fuel-lab") {
    await page.locator(W('[name="flavour"][value="berry"]')).check();
    await page.locator(W('[name="sweetness"][value="3"]')).check({ force: true });
    await page.locator(W('[name="caffeine"][value="no"]')).check();
  } else {
    await page.locator(W('[data-field="idea"] input')).fill("Laces that never come undone");
    await page.locator(W('[name="terrain"][value="mud"]')).check();
  }
}
