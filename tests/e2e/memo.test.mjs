// The memo in the real app: the Kenya example, the Memo button in the top bar, and the
// preview's pages set by Typst in the backend (slow in a debug build) shown as images that
// have really drawn. The save dialog cannot be driven by WebDriver: the exports are covered
// by src-tauri/tests/memo.rs.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startDriver, openApp, screenshot, $, shown } from "./driver.mjs";

const root = fileURLToPath(new URL("../../", import.meta.url));
const out = join(root, "target", "e2e");
mkdirSync(out, { recursive: true });
const database = join(mkdtempSync(join(tmpdir(), "jv-e2e-memo-")), "deals.db");
const { driver, port } = await startDriver(database);
after(() => driver.kill());


test("the memo preview shows the Kenya memo's pages", async () => {
  const { browser } = await openApp(port);
  try {
    await shown(browser, "example-gallery", 15_000);
    await (await $(browser, "example-kenya-e3w-ckd")).click();
    await shown(browser, "deal-workspace");

    const memoButton = await shown(browser, "open-memo");
    const asked = performance.now();
    await memoButton.click();
    await shown(browser, "memo-view");
    // A debug build sets the Kenya memo in about ten seconds.
    await browser.waitUntil(async () => (await browser.$$('img[data-testid^="memo-page-"]').length) >= 5, {
      timeout: 120_000,
      timeoutMsg: "the preview never showed five pages",
    });
    await shown(browser, "memo-page-count");
    console.log(`memo preview shown ${Math.round(performance.now() - asked)} ms after the click`);
    // Each page image decoded and has the A4 proportions the memo is set in.
    const sizes = await browser.execute(() =>
      [...document.querySelectorAll('img[data-testid^="memo-page-"]')].map((img) => ({
        complete: img.complete,
        width: img.naturalWidth,
        height: img.naturalHeight,
        shownWidth: img.getBoundingClientRect().width,
      })),
    );
    assert.ok(sizes.length >= 5, `${sizes.length} pages`);
    for (const size of sizes) {
      assert.ok(size.complete && size.width > 0 && size.height > 0, JSON.stringify(size));
      assert.ok(Math.abs(size.height / size.width - 297 / 210) < 0.02, JSON.stringify(size));
      assert.ok(size.shownWidth > 300, JSON.stringify(size));
    }
    // The first page drew something: not every pixel of it is the same.
    const distinct = await browser.execute(() => {
      const img = document.querySelector('[data-testid="memo-page-1"]');
      const canvas = document.createElement("canvas");
      canvas.width = 200;
      canvas.height = 283;
      const context = canvas.getContext("2d");
      context.drawImage(img, 0, 0, canvas.width, canvas.height);
      const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
      const colours = new Set();
      for (let i = 0; i < data.length; i += 4) colours.add(`${data[i]},${data[i + 1]},${data[i + 2]},${data[i + 3]}`);
      return colours.size;
    });
    assert.ok(distinct > 10, `the first page has ${distinct} colours`);

    const path = join(out, "memo-preview.png");
    await screenshot(path);
    if (process.env.JV_E2E_DOC_SHOTS === "1") copyFileSync(path, join(root, "docs", "img", "memo-preview.png"));

    // Escape goes back to the editor.
    await browser.keys(["Escape"]);
    await shown(browser, "deal-workspace");
  } finally {
    await browser.deleteSession();
  }
});
