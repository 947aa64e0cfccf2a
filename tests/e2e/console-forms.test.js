// The console's forms section: a moderator picks a form, edits its definition as JSON, sees an
// invalid edit refused with the path of the problem while the preview (the real form widget)
// keeps the last good definition, sees the preview follow a good edit, saves it (the widget on
// a brand page then asks the new question), and exports the form's submissions as CSV. The
// spec works on a form of its own, made for it and deleted after it.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";

import { ADMIN_KEY, API_URL, chromiumPerSpec, moderate, openPage, assertClean, axeViolations } from "./browser.js";
import { openConsole, signIn } from "./console-page.js";

const browser = chromiumPerSpec();

const RUN = randomUUID().slice(0, 8);
const FORM = `console-form-${RUN}`;
const TITLE = `Roast panel ${RUN}`;

const definition = {
  schema: {
    slug: FORM,
    title: TITLE,
    fields: [
      { name: "roast", label: "Favourite roast", required: true, kind: { type: "short_text", max_len: 60 } },
      { name: "notes", label: "Tasting notes", kind: { type: "long_text", max_len: 400 } },
    ],
  },
  target: { kind: "response" },
};

/** Sends `answers` to the form as a visitor of its own. */
async function answer(answers) {
  const response = await fetch(new URL(`forms/${FORM}/submissions`, API_URL), {
    method: "POST",
    headers: { "content-type": "application/json", "x-kindred-visitor": randomUUID(), "idempotency-key": randomUUID() },
    body: JSON.stringify({ answers, website: "" }),
  });
  assert.equal(response.status, 201, await response.text());
}

before(async () => {
  await moderate("sites/ridgeline/forms", { method: "POST", body: definition });
  await answer({ roast: "Dark, =SUM(1) as a test", notes: "Chocolate, \"smoky\"" });
  await answer({ roast: "Light" });
});

after(async () => {
  await moderate(`forms/${FORM}`, { method: "DELETE" });
});

/** The labels of the questions the preview's widget shows. */
const previewLabels = (page) =>
  page.locator('[data-testid="form-preview"]').evaluate((host) =>
    [...(host.shadowRoot?.querySelectorAll(".field__label, label") ?? [])].map((label) => label.textContent.trim()).filter(Boolean));

test("a form is edited with live checks and a live preview, saved, and its answers exported", async () => {
  const { context, page, problems } = await openConsole(browser());
  await signIn(page, ADMIN_KEY);
  await page.locator("#queue-heading").waitFor();
  await page.locator('a[href="#forms"]').click();
  await page.locator("#forms-heading").waitFor();
  await page.locator('[data-testid="form-picker"]').selectOption(FORM);
  const editor = page.locator('[data-testid="form-definition"]');
  await page.waitForFunction((title) => document.querySelector('[data-testid="form-definition"]')?.value.includes(title), TITLE);
  const saved = JSON.parse(await editor.inputValue());
  assert.deepEqual(saved.schema.fields.map((field) => field.name), ["roast", "notes"]);

  // The preview is the form widget itself, in its own shadow root, saying it sends nothing.
  const preview = page.locator('[data-testid="form-preview"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="form-preview"]')?.shadowRoot?.querySelector('[data-testid="schema-form"]'));
  assert.ok((await previewLabels(page)).some((label) => label.startsWith("Favourite roast")), String(await previewLabels(page)));
  assert.match(await preview.evaluate((host) => host.shadowRoot.querySelector('[data-testid="form-preview-note"]').textContent), /not sent/);
  assert.deepEqual(await axeViolations(page), []);

  // An invalid edit: refused with the path of the problem, and the preview stays as it was.
  const broken = structuredClone(saved);
  broken.schema.fields[1].label = "";
  await editor.fill(JSON.stringify(broken, null, 2));
  const problem = page.locator('[data-testid="form-problem"]');
  await problem.first().waitFor();
  assert.deepEqual(await problem.allInnerTexts(), ["schema.fields[1].label is required."]);
  assert.equal(await editor.getAttribute("aria-invalid"), "true");
  assert.ok(await page.locator('[data-testid="save-form"]').isDisabled(), "an invalid definition cannot be saved");
  // Text that is not JSON says where it breaks; a wrong shape names its path.
  await editor.fill(JSON.stringify(saved).replace('"roast",', '"roast"'));
  assert.match(await problem.first().innerText(), /not valid JSON \(line 1, column \d+\)/);
  const wrongKind = structuredClone(saved);
  wrongKind.schema.fields[0].kind.type = "essay";
  await editor.fill(JSON.stringify(wrongKind));
  assert.match(await problem.first().innerText(), /^schema\.fields\[0\]\.kind\.type .*unknown variant `essay`/);
  assert.deepEqual(await axeViolations(page), []);

  // A good edit: the preview follows, asking the new question.
  const edited = structuredClone(saved);
  edited.schema.fields[0].label = "Favourite origin";
  edited.schema.fields.push({ name: "grind", label: "Grind size", kind: { type: "short_text", max_len: 20 } });
  await editor.fill(JSON.stringify(edited, null, 2));
  await page.locator('[data-testid="no-problems"]').waitFor();
  await page.waitForFunction(() => {
    const labels = [...(document.querySelector('[data-testid="form-preview"]')?.shadowRoot?.querySelectorAll("label") ?? [])];
    return labels.some((label) => label.textContent.includes("Grind size"));
  });
  const labels = await previewLabels(page);
  assert.ok(labels.some((label) => label.startsWith("Favourite origin")), String(labels));
  assert.ok(!labels.some((label) => label.startsWith("Favourite roast")), String(labels));
  // Answers in the preview are checked as visitors' are, and not sent.
  const inPreview = (selector) => preview.locator(selector);
  await inPreview('[data-testid="send-form"]').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="form-preview"]').shadowRoot.querySelector('[aria-invalid="true"]'));
  await inPreview('[data-field="roast"] input').fill("Ethiopia");
  await inPreview('[data-testid="send-form"]').click();
  await inPreview('[data-testid="form-preview-checked"]').filter({ hasText: /pass every check/ }).waitFor();

  // Saved: the server keeps it, and a brand page's widget asks the new question.
  await page.locator('[data-testid="save-form"]').click();
  await page.locator('[data-testid="form-notice"]').filter({ hasText: "Form saved" }).waitFor();
  const stored = await moderate(`forms/${FORM}`);
  assert.deepEqual(stored.schema.fields.map((field) => field.label), ["Favourite origin", "Tasting notes", "Grind size"]);
  assert.equal(stored.submission_count, 2, "no answer from the preview was sent");
  const opened = await openPage(browser(), "console-form", { body: `<main><h1>Panel</h1><div id="w" data-kindred="form" data-form="${FORM}" data-eager></div></main>` });
  await opened.page.locator('#w [data-field="grind"]').waitFor();
  await assertClean(opened);
  await opened.context.close();

  // The server's own refusal lands on its path too: a board that is not on the site.
  const elsewhere = structuredClone(edited);
  elsewhere.target = { kind: "idea", board: `no-such-board-${RUN}`, title_field: "roast" };
  await editor.fill(JSON.stringify(elsewhere, null, 2));
  await page.locator('[data-testid="no-problems"]').waitFor();
  await page.locator('[data-testid="save-form"]').click();
  await problem.filter({ hasText: "target.board" }).waitFor();
  assert.match(await problem.first().innerText(), /^target\.board names something that does not exist/);
  await page.getByRole("button", { name: "Discard changes" }).click();
  await page.locator('[data-testid="no-problems"]').waitFor();

  // Export: the CSV the server makes, downloaded with the key.
  const download = page.waitForEvent("download");
  await page.locator('[data-testid="export-csv"]').click();
  const file = await download;
  assert.equal(file.suggestedFilename(), `${FORM}-submissions.csv`);
  const chunks = [];
  for await (const chunk of await file.createReadStream()) chunks.push(chunk);
  const csv = Buffer.concat(chunks).toString("utf8");
  const [header, ...rows] = csv.trim().split("\r\n");
  assert.deepEqual(header.split(",").slice(3, 6), ["roast", "notes", "grind"]);
  assert.equal(rows.length, 2);
  assert.ok(rows.some((row) => row.includes('"Dark, =SUM(1) as a test","Chocolate, ""smoky"""')), csv);
  assert.ok(rows.some((row) => row.includes("Light")), csv);
  await page.locator('[data-testid="export-status"]').filter({ hasText: "Exported." }).waitFor();

  assert.deepEqual(problems.filter((text) => !/422/.test(text)), []);
  assert.deepEqual(await page.evaluate(() => window.violations), []);
  await context.close();
});
