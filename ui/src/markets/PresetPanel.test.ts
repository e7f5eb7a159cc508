// The preset panel (every value with its source and date, the treaties, the rules) and the
// preset editor (values, sources, dates; checks before saving; Save and the shipped offer).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fireEvent, render, screen, within } from "@testing-library/svelte";
import MarketSection from "../editor/sections/MarketSection.svelte";
import ConfirmDialog from "../shell/ConfirmDialog.svelte";
import { workspace } from "../lib/state/workspace.svelte";
import { applyPreset } from "./mock-presets";
import applyNgToKenya from "../../tests/fixtures/apply-ng-to-kenya.json";
import { fixturePreset, flush, kenyaDeal, presetBackend, resetMarkets } from "./test-support";

beforeEach(resetMarkets);
afterEach(resetMarkets);

async function openPanel(country = "NG", handlers = {}) {
  const backend = presetBackend(handlers);
  // The Kenya example, its market as from the country's preset (the panel asks for it).
  const deal = country === "NG" ? JSON.parse(applyNgToKenya.deal_json) : applyPreset(kenyaDeal(), fixturePreset("KE")).deal;
  if (country !== "NG" && country !== "KE") deal.market.preset = { country, version: fixturePreset(country).version };
  workspace.load(deal);
  render(MarketSection);
  render(ConfirmDialog);
  await flush();
  await fireEvent.click(screen.getByTestId("open-preset-panel"));
  await flush();
  return backend;
}

describe("preset panel", () => {
  it("lists every value of the deal's preset with its source and date, and the rules", async () => {
    const backend = await openPanel();
    expect(backend.argsOf("market_preset")).toEqual([{ country: "NG" }]);
    const panel = screen.getByTestId("preset-panel");
    expect(panel).toHaveAccessibleName("Preset values: Nigeria (NG), version 2026-11");

    const tax = screen.getByTestId("preset-value-values.corporate_tax_rate");
    expect(tax).toHaveTextContent("Corporate income tax");
    expect(tax).toHaveTextContent("30 %");
    expect(tax).toHaveTextContent("regfollower.com/nigeria-gazettes-tax-refor…");
    expect(within(tax).getByTestId("preset-value-values.corporate_tax_rate-source")).toHaveAttribute(
      "title",
      "https://regfollower.com/nigeria-gazettes-tax-reform-acts-updates-corporate-and-minimum-effective-tax-rates",
    );
    expect(tax).toHaveTextContent("Jan 1, 2026");
    expect(tax).toHaveTextContent("Nigeria Tax Act 2025");
    const cap = screen.getByTestId("preset-value-values.royalty_cap");
    expect(cap).toHaveTextContent("5 % of net sales; Above the cap: needs approval; technical fees count");
    // Unknown values are marked: the deal keeps its own.
    const spot = screen.getByTestId("preset-value-values.fx_spot");
    expect(spot).toHaveTextContent("unknown");
    expect(spot).toHaveClass("unknown");
    // No limit rather than an empty cell.
    expect(screen.getByTestId("preset-value-values.foreign_ownership_limit")).toHaveTextContent("no limit");
    // 2024 data is more than 12 months old.
    expect(screen.getByTestId("preset-value-values.inflation")).toHaveTextContent("older than 12 months");

    expect(screen.getByTestId("preset-treaty-CN")).toHaveTextContent("CN");
    expect(screen.getByTestId("preset-treaty-CN")).toHaveTextContent("in force");
    expect(screen.getByTestId("preset-treaty-CN")).toHaveTextContent("7.5 %");

    const rule = screen.getByTestId("preset-rule-0");
    expect(rule).toHaveTextContent("Technology fees on CKD assembly");
    expect(rule).toHaveTextContent("NOTAP does not approve technology-transfer agreements based on assembling CKD parts");
    expect(rule).toHaveTextContent("as of Nov 2026");
    expect(within(rule).getByTestId("preset-rule-0-source")).toHaveAttribute(
      "title",
      "http://www.notap.gov.ng/content/extracts-cbn-foreign-exchange-manual",
    );
    expect(screen.getByTestId("preset-reference-reference.sovereign_rating")).toHaveTextContent("Caa1");

    await fireEvent.click(screen.getByTestId("preset-panel-close"));
    expect(screen.queryByTestId("preset-panel")).toBeNull();
  });

  it("says so when the deal's values were typed in rather than copied from the preset", async () => {
    const backend = presetBackend();
    workspace.load(kenyaDeal());
    render(MarketSection);
    await flush();
    await fireEvent.click(screen.getByTestId("open-preset-panel"));
    await flush();
    expect(backend.argsOf("market_preset")).toEqual([{ country: "KE" }]);
    expect(screen.getByTestId("preset-panel-not-used")).toHaveTextContent("typed in, not copied from the Kenya preset");
  });

  it("shows a scheduled duty change with its date", async () => {
    await openPanel("BR");
    const rules = [0, 1].map((i) => screen.getByTestId(`preset-rule-${i}`));
    expect(rules[0]).toHaveTextContent("Duty on finished vehicles becomes 35 % from Jul 1, 2026");
    expect(rules[1]).toHaveTextContent("Duty on kits becomes 35 % from Jan 1, 2027");
  });
});

describe("preset editor", () => {
  it("saves an edited preset as the user's own and reloads the picker", async () => {
    const backend = await openPanel("KE");
    await fireEvent.click(screen.getByTestId("preset-edit"));
    await flush();
    const editor = screen.getByTestId("preset-editor");
    expect(editor).toHaveAccessibleName("Edit the Kenya preset");
    const rate = screen.getByTestId("preset-edit-values.corporate_tax_rate") as HTMLInputElement;
    expect(rate.value).toBe("30");
    // A new rate read in the Finance Act, with its own source and date.
    await fireEvent.input(rate, { target: { value: "27.5" } });
    await fireEvent.input(screen.getByTestId("preset-edit-values.corporate_tax_rate-source"), {
      target: { value: "https://kra.go.ke/finance-act-2025" },
    });
    await fireEvent.input(screen.getByTestId("preset-edit-values.corporate_tax_rate-as_of"), { target: { value: "2025-07-01" } });
    await fireEvent.input(screen.getByTestId("preset-edit-version"), { target: { value: "2025-07" } });
    await fireEvent.click(screen.getByTestId("preset-save"));
    await flush();

    const saved = backend.argsOf("save_market_preset");
    expect(saved).toHaveLength(1);
    expect(saved[0].preset.country).toBe("KE");
    expect(saved[0].preset.version).toBe("2025-07");
    expect(saved[0].preset.values.corporate_tax_rate).toEqual({
      ...fixturePreset("KE").values.corporate_tax_rate,
      value: "0.275",
      source: "https://kra.go.ke/finance-act-2025",
      as_of: "2025-07-01",
    });
    // Everything else as shipped.
    expect(saved[0].preset.values.dividend_withholding).toEqual(fixturePreset("KE").values.dividend_withholding);
    expect(saved[0].preset.rules).toEqual(fixturePreset("KE").rules);
    expect(screen.queryByTestId("preset-editor")).toBeNull();
    // The picker is reloaded (its versions changed).
    expect(backend.argsOf("market_presets").length).toBeGreaterThanOrEqual(2);
  });

  it("shows what the preset file's rules refuse before saving, and the store's own refusal", async () => {
    const backend = await openPanel("KE", {
      save_market_preset: () => {
        throw { code: "invalid_deal", message: "the preset for KE is not valid: values.inflation: must be between 0 and 1", fields: [] };
      },
    });
    await fireEvent.click(screen.getByTestId("preset-edit"));
    await fireEvent.input(screen.getByTestId("preset-edit-values.inflation-source"), { target: { value: "" } });
    await fireEvent.click(screen.getByTestId("preset-save"));
    await flush();
    const problems = screen.getByTestId("preset-editor-problems");
    expect(problems).toHaveTextContent("1 thing to fix before saving");
    expect(problems).toHaveTextContent("Each value needs its source: a web address (https://…).");
    expect(screen.getByTestId("preset-edit-values.inflation-source")).toHaveClass("bad");
    expect(backend.argsOf("save_market_preset")).toHaveLength(0);

    await fireEvent.input(screen.getByTestId("preset-edit-values.inflation-source"), {
      target: { value: "https://data.worldbank.org/indicator/FP.CPI.TOTL.ZG" },
    });
    await fireEvent.click(screen.getByTestId("preset-save"));
    await flush();
    expect(backend.argsOf("save_market_preset")).toHaveLength(1);
    expect(screen.getByTestId("preset-editor-problems")).toHaveTextContent("values.inflation: must be between 0 and 1");
    expect(screen.getByTestId("preset-editor")).toBeInTheDocument();
  });

  it("starts a preset for another country with every value unknown until given", async () => {
    const backend = await openPanel("KE");
    await fireEvent.click(screen.getByTestId("preset-new"));
    expect(screen.getByTestId("preset-editor")).toHaveAccessibleName("New market preset");
    expect((screen.getByTestId("preset-edit-values.inflation") as HTMLInputElement).value).toBe("unknown");
    await fireEvent.input(screen.getByTestId("preset-edit-country"), { target: { value: "rw" } });
    await fireEvent.input(screen.getByTestId("preset-edit-name"), { target: { value: "Rwanda" } });
    await fireEvent.input(screen.getByTestId("preset-edit-currency"), { target: { value: "rwf" } });
    await fireEvent.input(screen.getByTestId("preset-edit-summary"), { target: { value: "Rwanda, values to be checked." } });
    // One source and date for every value not yet found.
    await fireEvent.input(screen.getByTestId("preset-fill-source"), {
      target: { value: "https://taxsummaries.pwc.com/rwanda/corporate/taxes-on-corporate-income" },
    });
    await fireEvent.input(screen.getByTestId("preset-fill-as-of"), { target: { value: "2025-03" } });
    await fireEvent.click(screen.getByTestId("preset-fill"));
    await fireEvent.click(screen.getByTestId("preset-save"));
    await flush();
    const saved = backend.argsOf("save_market_preset")[0].preset;
    expect(saved.country).toBe("RW");
    expect(saved.currency).toBe("RWF");
    expect(saved.values.inflation).toEqual({
      value: "unknown",
      source: "https://taxsummaries.pwc.com/rwanda/corporate/taxes-on-corporate-income",
      as_of: "2025-03",
    });
    expect(saved.treaties).toEqual({});
  });

  it("offers the newer shipped version over the user's copy", async () => {
    const backend = await openPanel("KE", {
      market_presets: () => [
        { country: "KE", name: "Kenya", currency: "KES", version: "2025-07", origin: "user", newer_shipped: "2026-02", user_saved_at: "2025-11-03T09:00:00Z" },
      ],
    });
    await fireEvent.click(screen.getByTestId("preset-edit"));
    expect(screen.getByTestId("preset-editor-offer")).toHaveTextContent("A newer shipped version (2026-02)");
    await fireEvent.click(screen.getByTestId("preset-accept-shipped"));
    await flush();
    // Dropping the user's edits is confirmed first.
    await fireEvent.click(screen.getByTestId("confirm-ok"));
    await flush();
    expect(backend.argsOf("accept_shipped_preset")).toEqual([{ country: "KE" }]);
    expect(screen.queryByTestId("preset-editor")).toBeNull();
  });
});
