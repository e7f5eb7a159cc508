// End to end in a real browser: Vite serves the UI with the mock backend (JV_MOCK_IPC=1,
// no Rust), headless Chromium opens the Kenya example from the gallery, sees the results,
// saves a version, finds it on the home list, switches to Chinese; then starts a deal from
// the e-three-wheeler template on Nigeria, sees the CKD guardrail, switches the market to
// Kenya through the preset diff, and opens the preset panel. Screenshots go to
// tests/browser/out/.
import { mkdirSync } from "node:fs";
import { createServer as createNetServer } from "node:net";
import { dirname, join } from "node:path";
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const uiDir = join(here, "..", "..");
const repoDir = join(uiDir, "..");
const outDir = join(here, "out");

// Read by vite.config.ts when the server loads it: turns the mock backend on.
process.env.JV_MOCK_IPC = "1";
const { createServer } = await import("vite");
const { chromium } = await import("playwright-core");

/** A free loopback port. */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

let server;
let browser;
let page;
let baseUrl;
const pageErrors = [];

before(async () => {
  const port = await freePort();
  server = await createServer({
    root: uiDir,
    configFile: join(uiDir, "vite.config.ts"),
    logLevel: "warn",
    clearScreen: false,
    // The mock reads the shipped examples, which live outside ui/.
    server: { host: "127.0.0.1", port, strictPort: true, hmr: false, fs: { allow: [repoDir] } },
  });
  await server.listen();
  baseUrl = `http://127.0.0.1:${port}/`;
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: "en-US" });
  page = await context.newPage();
  page.on("pageerror", (error) => pageErrors.push(String(error)));
  mkdirSync(outDir, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test("opens the Kenya example, shows each party's results, saves, and speaks Chinese", { timeout: 120_000 }, async () => {
  // First run (the mock starts with no deals): the gallery of examples.
  await page.goto(baseUrl);
  const kenyaCard = page.getByTestId("example-kenya-e3w-ckd");
  await kenyaCard.waitFor({ timeout: 30_000 });
  assert.match(await kenyaCard.innerText(), /Kenya e-three-wheeler CKD assembly JV/);

  await kenyaCard.click();
  const results = page.getByTestId("results-panel");
  await results.waitFor();
  // The dealer's name and its cash-view NPV from the engine's evaluation of the example.
  const dealer = page.getByTestId("party-dealer");
  await dealer.waitFor();
  assert.match(await dealer.innerText(), /Nairobi motorcycle and three-wheeler dealer/);
  await page.getByTestId("npv-dealer-cash").waitFor();
  assert.match(await page.getByTestId("npv-dealer-cash").innerText(), /1,114,067/);
  assert.match(await page.getByTestId("save-state").innerText(), /not saved yet/);

  // Three columns: section nav, form, results.
  const editorNav = await page.getByTestId("editor-nav").boundingBox();
  const editorForm = await page.getByTestId("editor-form").boundingBox();
  const panel = await results.boundingBox();
  assert.ok(editorNav && editorForm && panel, "the three panes are laid out");
  assert.ok(editorNav.x < editorForm.x && editorForm.x < panel.x, "nav | form | results from left to right");
  assert.ok(panel.width >= 440, `the results pane is at least 440px wide (${panel.width})`);
  await page.screenshot({ path: join(outDir, "workspace-en.png") });

  // Save a version (Ctrl+S) with a note; the top bar then shows v1.
  await page.keyboard.press("Control+s");
  await page.getByTestId("save-note").fill("first terms from the gallery");
  await page.getByTestId("save-confirm").click();
  await page.getByTestId("save-dialog").waitFor({ state: "detached" });
  assert.match(await page.getByTestId("save-state").innerText(), /^v1 · saved/);

  // An edit: the results are re-evaluated and the edit-to-results time is measured.
  await page.locator('[data-path="name"]').fill("Kenya JV — dealer terms B");
  await page.waitForFunction(() => typeof window.__jvLastEditToResultsMs === "number");
  const measured = await page.evaluate(() => performance.getEntriesByName("edit-to-results").length);
  assert.ok(measured >= 1, "edit-to-results is measured");
  assert.match(await page.getByTestId("edit-to-results").innerText(), /results updated in \d+ ms/);
  assert.match(await page.getByTestId("save-state").innerText(), /v1 · unsaved changes/);

  // Version 2, then the versions drawer compares 1 → 2 (the name changed).
  await page.getByTestId("save-version").click();
  await page.getByTestId("save-confirm").click();
  await page.getByTestId("save-dialog").waitFor({ state: "detached" });
  await page.getByTestId("open-versions").click();
  await page.getByTestId("version-row-1").waitFor();
  await page.getByTestId("compare-run").click();
  const compare = page.getByTestId("compare-result");
  await compare.waitFor();
  assert.match(await compare.innerText(), /Kenya JV — dealer terms B/);
  assert.match(await compare.innerText(), /NPV, cash view \(USD\)/);
  await page.screenshot({ path: join(outDir, "versions-en.png") });

  // Version 1 read-only, then back.
  await page.getByTestId("version-open-1").click();
  await page.getByTestId("readonly-banner").waitFor();
  assert.match(await page.getByTestId("readonly-banner").innerText(), /Viewing version 1 \(read-only\)/);
  assert.equal(await page.locator('[data-path="name"]').inputValue(), "Kenya e-three-wheeler CKD assembly JV");
  await page.getByTestId("readonly-back").click();
  await page.getByTestId("readonly-banner").waitFor({ state: "detached" });
  assert.equal(await page.locator('[data-path="name"]').inputValue(), "Kenya JV — dealer terms B");

  // Home lists it with the dealer's figures.
  await page.getByTestId("nav-home").click();
  const row = page.locator('[data-testid^="deal-row-"]').first();
  await row.waitFor();
  assert.match(await row.getByTestId("deal-name").innerText(), /Kenya JV — dealer terms B/);
  assert.match(await row.innerText(), /1,114,067/);
  const listReady = await page.evaluate(() => performance.getEntriesByName("deal-list-ready").length);
  assert.equal(listReady, 1, "deal-list-ready is marked once the list shows data");
  await page.screenshot({ path: join(outDir, "home-en.png") });

  // Chinese: the language switch changes the visible text.
  await row.getByTestId("deal-open").click();
  await results.waitFor();
  await page.getByTestId("language-switch").selectOption("zh-CN");
  await page.getByText("保存版本").first().waitFor();
  assert.equal(await page.getByTestId("nav-home").innerText(), "首页");
  assert.equal(await page.evaluate(() => document.documentElement.lang), "zh-CN");
  assert.match(await page.getByTestId("party-dealer").innerText(), /Nairobi motorcycle and three-wheeler dealer/);
  await page.screenshot({ path: join(outDir, "workspace-zh-CN.png") });

  assert.deepEqual(pageErrors, [], "no uncaught errors in the page");
});

test("a template on Nigeria shows its guardrail; Kenya's preset, applied with a diff, clears it", { timeout: 120_000 }, async () => {
  // A fresh page: the mock backend starts empty again, on the first-run gallery.
  await page.goto(baseUrl);
  const template = page.getByTestId("template-e3w-ckd-dealer");
  await template.waitFor({ timeout: 30_000 });
  assert.match(await template.innerText(), /Electric three-wheeler CKD assembly with a dealer network/);

  // Two clicks: the template, then the market (Nigeria instead of the default Kenya) and Create.
  await template.click();
  assert.equal(await page.getByTestId("template-market").inputValue(), "KE");
  await page.getByTestId("template-market").selectOption("NG");
  // The template is in KES: Nigeria needs today's rate (no preset has one).
  await page.getByTestId("template-rate").fill("1,500");
  await page.screenshot({ path: join(outDir, "templates-en.png") });
  await page.getByTestId("template-create").click();
  await page.getByTestId("results-panel").waitFor();
  assert.match(await page.getByTestId("market-preset-used").innerText(), /Nigeria preset of 2026-11/);

  // Each value copied from the preset shows its source and date; old ones are marked.
  const tax = page.getByTestId("provenance-market.corporate_tax_rate");
  await tax.waitFor();
  assert.match(await tax.innerText(), /regfollower\.com\/nigeria-gazettes-tax-refor… · as of Jan 1, 2026/);
  const age = page.getByTestId("data-age-market.inflation");
  await age.waitFor();
  assert.match(await age.innerText(), /Data from 2024: older than 12 months/);
  await page.screenshot({ path: join(outDir, "market-provenance-en.png") });

  // The CKD technology-fee rule sits under the royalty rate, with its source.
  await page.getByTestId("section-agreements").click();
  const guardrail = page.getByTestId("warnings-agreements.licence.royalty_rate");
  await guardrail.waitFor();
  await guardrail.scrollIntoViewIfNeeded();
  const text = await guardrail.innerText();
  assert.match(text, /Technology fees refused on CKD assembly/);
  assert.match(text, /NOTAP does not approve technology-transfer agreements/);
  assert.match(text, /Rule's source: notap\.gov\.ng\/content\/…/);
  assert.equal(await page.locator('[data-testid="results-warnings"] [data-code="technology_fee_refused_on_ckd"]').count(), 1);
  await page.screenshot({ path: join(outDir, "guardrail-en.png") });

  // The preset panel: every value of Nigeria's preset with its source and date, and its rules.
  await page.getByTestId("section-market").click();
  await page.getByTestId("open-preset-panel").click();
  const panel = page.getByTestId("preset-panel");
  await panel.waitFor();
  assert.match(await page.getByTestId("preset-value-values.corporate_tax_rate").innerText(), /30 %[\s\S]*Jan 1, 2026/);
  assert.match(await page.getByTestId("preset-value-values.fx_spot").innerText(), /unknown/);
  await page.screenshot({ path: join(outDir, "preset-panel-en.png") });
  const rule = page.getByTestId("preset-rule-0");
  assert.match(await rule.innerText(), /NOTAP does not approve technology-transfer agreements/);
  await rule.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(outDir, "preset-panel-rules-en.png") });
  // The editor: each value with its source, date and note; the rules read-only.
  await page.getByTestId("preset-edit").click();
  await page.getByTestId("preset-editor").waitFor();
  assert.equal(await page.getByTestId("preset-edit-values.corporate_tax_rate").inputValue(), "30");
  await page.screenshot({ path: join(outDir, "preset-editor-en.png") });
  await page.getByTestId("preset-editor-cancel").click();
  await page.getByTestId("preset-editor").waitFor({ state: "detached" });
  // Back to the panel it was opened from.
  await panel.waitFor();
  await page.getByTestId("preset-panel-close").click();
  await panel.waitFor({ state: "detached" });

  // Switch the market to Kenya: the diff first, then one undoable step.
  await page.getByTestId("market-picker").selectOption("KE");
  const diff = page.getByTestId("preset-diff");
  await diff.waitFor();
  assert.match(await diff.innerText(), /Apply the Kenya preset \(2025-02\)\?/);
  // NGN to KES: today's rate first (the templates' own assumption, KES 129 per USD).
  await page.getByTestId("preset-diff-rate").fill("129");
  await page.getByTestId("preset-diff-rate-apply").click();
  await page.getByTestId("preset-diff-table").waitFor();
  assert.match(await page.getByTestId("preset-diff-rebased-plan.retail_price").innerText(), /NGN\s+→\s+[\d,]+ KES/);
  assert.match(await page.getByTestId("preset-diff-row-market.dividend_withholding.non_resident").innerText(), /10 %\s+→\s+15 %/);
  await page.getByTestId("preset-diff-unknown").waitFor();
  await page.screenshot({ path: join(outDir, "market-picker-en.png") });
  await page.getByTestId("preset-diff-apply").click();
  await diff.waitFor({ state: "detached" });
  assert.match(await page.getByTestId("market-preset-used").innerText(), /Kenya preset of 2025-02/);
  // Kenya does not refuse fees on CKD assembly: the guardrail is gone.
  await page.waitForFunction(
    () => document.querySelectorAll('[data-testid="results-warnings"] [data-code="technology_fee_refused_on_ckd"]').length === 0,
  );

  assert.deepEqual(pageErrors, [], "no uncaught errors in the page");
});
