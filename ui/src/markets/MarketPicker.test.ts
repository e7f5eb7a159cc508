// The market picker: applying a preset shows what changes (with sources and dates) and what
// the preset does not know, applies as one undo step; the banner for a newer preset.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fireEvent, render, screen, within } from "@testing-library/svelte";
import MarketSection from "../editor/sections/MarketSection.svelte";
import { workspace } from "../lib/state/workspace.svelte";
import { flush, kenyaDeal, presetBackend, resetMarkets } from "./test-support";

beforeEach(resetMarkets);
afterEach(resetMarkets);

async function openKenya() {
  const backend = presetBackend();
  workspace.load(kenyaDeal());
  render(MarketSection);
  await flush();
  return backend;
}

describe("market picker", () => {
  it("lists the presets by region with code, name, currency and version", async () => {
    await openKenya();
    const picker = screen.getByTestId("market-picker") as HTMLSelectElement;
    expect(picker).toHaveAccessibleName("Market preset");
    const africa = picker.querySelector('optgroup[label="Africa"]');
    expect(africa).not.toBeNull();
    const lines = (group: string) => [...picker.querySelectorAll(`optgroup[label="${group}"] option`)].map((o) => o.textContent);
    // The 16 shipped markets: ten in Africa, five in South America, Mexico elsewhere.
    expect(lines("Africa")).toHaveLength(10);
    expect(lines("Africa")).toContain("KE · Kenya · KES · 2025-02");
    expect(lines("Africa")).toContain("NG · Nigeria · NGN · 2026-11");
    expect(lines("South America")).toEqual([
      "AR · Argentina · ARS · 2025-12",
      "BR · Brazil · BRL · 2026-01",
      "CL · Chile · CLP · 2025-01",
      "CO · Colombia · COP · 2025-02",
      "PE · Peru · PEN · 2025-02",
    ]);
    expect(lines("Other markets")).toEqual(["MX · Mexico · MXN · 2026-01"]);
    // The Kenya example was typed in, not copied from a preset.
    expect(picker.value).toBe("");
    expect(screen.getByTestId("market-preset-used")).toHaveTextContent("No preset");
  });

  it("asks for the exchange rate, applies Nigeria after showing the diff; undo restores Kenya", async () => {
    const backend = await openKenya();
    await fireEvent.change(screen.getByTestId("market-picker"), { target: { value: "NG" } });
    await flush();

    // KES to NGN: no preset has a spot rate, so the rate comes first.
    const dialog = screen.getByTestId("preset-diff");
    expect(dialog).toHaveAccessibleName("Apply the Nigeria preset (2026-11)?");
    expect(screen.getByTestId("preset-diff-rate-box")).toHaveTextContent("Exchange rate at closing");
    expect(screen.getByTestId("preset-diff-rate-box")).toHaveTextContent("NGN per USD");
    expect(screen.getByTestId("preset-diff-apply")).toBeDisabled();
    expect(backend.argsOf("apply_market_preset")).toHaveLength(0);
    await fireEvent.click(screen.getByTestId("preset-diff-rate-apply"));
    expect(screen.getByTestId("preset-diff-rate-error")).toHaveTextContent("Enter the rate as a number above zero");
    await fireEvent.input(screen.getByTestId("preset-diff-rate"), { target: { value: "1,500" } });
    await fireEvent.click(screen.getByTestId("preset-diff-rate-apply"));
    await flush();
    expect(backend.argsOf("apply_market_preset")).toEqual([
      { dealJson: JSON.stringify(kenyaDeal()), country: "NG", fxSpot: "1500" },
    ]);
    // Nothing changes before Apply.
    expect(workspace.deal!.market.country).toBe("KE");

    const dividend = screen.getByTestId("preset-diff-row-market.dividend_withholding.non_resident");
    expect(dividend).toHaveTextContent("Withholding tax on dividends · Non-resident");
    expect(dividend).toHaveTextContent("15 %");
    expect(dividend).toHaveTextContent("10 %");
    expect(dividend).toHaveTextContent("taxsummaries.pwc.com/nigeria/…");
    expect(dividend).toHaveTextContent("Sep 16, 2024");
    const source = within(dividend).getByTestId("preset-diff-source-market.dividend_withholding.non_resident");
    expect(source).toHaveAttribute("title", "https://taxsummaries.pwc.com/nigeria/corporate/withholding-taxes");
    // A click shows the full address as selectable text (the app opens no browser).
    await fireEvent.click(source);
    expect(screen.getByTestId("preset-diff-source-market.dividend_withholding.non_resident-full")).toHaveTextContent(
      "https://taxsummaries.pwc.com/nigeria/corporate/withholding-taxes",
    );
    const inflation = screen.getByTestId("preset-diff-row-market.inflation");
    expect(inflation).toHaveTextContent("4.5 %");
    expect(inflation).toHaveTextContent("33.2 %");
    expect(inflation).toHaveTextContent("paintmaps.com/statistics/…");
    expect(screen.getByTestId("preset-diff-row-market.fx_spot")).toHaveTextContent(/129\s*→\s*1,500/);
    // The China treaty rate Nigeria has in force appears as a new treaty row.
    const treaty = screen.getByTestId("preset-diff-row-market.dividend_withholding.treaties[0]");
    expect(treaty).toHaveTextContent("Treaty rate CN");
    expect(treaty).toHaveTextContent(/domestic rate\s*→\s*CN 7.5 %/);
    expect(screen.getByTestId("preset-diff-row-market.royalty_cap")).toHaveTextContent(/none\s*→\s*5 % of net sales/);
    // Bookkeeping (provenance, sources, rules) is not listed leaf by leaf.
    expect(screen.queryByTestId(/preset-diff-row-market\.(provenance|sources|rules|preset)/)).toBeNull();
    // Amounts in KES become NGN at the same value in USD; the Kenyan dealer moves along.
    expect(screen.getByTestId("preset-diff-rebased-plan.retail_price")).toHaveTextContent(
      /Retail price per unit\s*520,000 KES\s*→\s*7,707,133 NGN/,
    );
    expect(screen.getByTestId("preset-diff-rebased-plan.capex[0].amount")).toHaveTextContent(
      "Investment · Assembly line, jigs and end-of-line test bench · Amount",
    );
    expect(screen.getByTestId("preset-diff-moved")).toHaveTextContent(
      "Now resident in Nigeria: Nairobi motorcycle and three-wheeler dealer.",
    );

    // What Nigeria's sources do not give: the deal keeps its own, highlighted.
    const unknown = screen.getByTestId("preset-diff-unknown");
    expect(unknown).toHaveTextContent("12 values the preset does not know");
    expect(screen.getByTestId("preset-diff-unknown-market.tax_incentive")).toHaveTextContent(
      "Reduced tax rate for the first years keeps 15 % for the first 5 years",
    );
    expect(screen.getByTestId("preset-diff-unknown-market.loss_carry_forward_years")).toHaveTextContent("keeps no limit");
    expect(screen.queryByTestId("preset-diff-unknown-market.fx_spot")).toBeNull();
    // The rules the deal will be checked against, with their sources.
    expect(screen.getByTestId("preset-diff-rule-0")).toHaveTextContent("NOTAP does not approve technology-transfer agreements");
    expect(screen.getByTestId("preset-diff-rule-0-source")).toHaveAttribute(
      "title",
      "http://www.notap.gov.ng/content/extracts-cbn-foreign-exchange-manual",
    );
    expect(screen.getByTestId("preset-diff-rule-1")).toHaveTextContent("Certificate of Capital Importation");

    await fireEvent.click(screen.getByTestId("preset-diff-apply"));
    await flush();
    expect(screen.queryByTestId("preset-diff")).toBeNull();
    const market = workspace.deal!.market as any;
    expect(market.country).toBe("NG");
    expect(market.currency).toBe("NGN");
    expect(market.fx_spot).toBe("1500");
    expect(market.dividend_withholding.non_resident).toBe("0.10");
    expect(market.preset).toEqual({ country: "NG", version: "2026-11" });
    expect(market.provenance).toContainEqual({
      field: "inflation",
      source: "https://paintmaps.com/statistics/481/Inflation-consumer-prices-annual-percentage-on-africa-map",
      as_of: "2024",
    });
    expect((workspace.deal as any).plan.retail_price).toBe("7707133");
    // The first value Nigeria's preset does not give is shown.
    expect(workspace.focusRequest?.path).toBe("market.tax_incentive");
    expect(screen.getByTestId("market-preset-used")).toHaveTextContent("Nigeria preset of 2026-11");
    // Each value the preset does not know is marked under its field until changed.
    expect(screen.getByTestId("preset-unknown-market.tax_incentive")).toHaveTextContent(
      "Not in the Nigeria preset: enter this market's value (a rule of the previous market was removed, other values kept).",
    );
    expect(screen.getByTestId("preset-unknown-market.other_import_levies")).toBeInTheDocument();
    // Values it knows show their source instead.
    expect(screen.getByTestId("provenance-market.inflation")).toHaveTextContent("paintmaps.com/statistics/… · as of 2024");
    workspace.set("market.other_import_levies", "0.045");
    await flush();
    expect(screen.getByTestId("preset-unknown-market.other_import_levies")).toBeInTheDocument();
    workspace.set("market.other_import_levies", "0.02");
    await flush();
    expect(screen.queryByTestId("preset-unknown-market.other_import_levies")).toBeNull();

    // Undo: the edit, then the whole preset in one step.
    workspace.undo();
    workspace.undo();
    await flush();
    expect(screen.queryByTestId(/^preset-unknown-/)).toBeNull();
    expect(screen.queryByTestId("provenance-market.inflation")).toBeNull();
    const restored = workspace.deal as any;
    expect(restored.market.country).toBe("KE");
    expect(restored.market.fx_spot).toBe("129");
    expect(restored.market.dividend_withholding.non_resident).toBe("0.15");
    expect(restored.market.preset).toBeUndefined();
    expect(restored.market.provenance).toBeUndefined();
    expect(restored.plan.retail_price).toBe("520000");
    expect(restored.parties[1].home_country).toBe("KE");
    expect(workspace.canUndo).toBe(false);
  });

  it("leaves the deal alone when the diff is cancelled", async () => {
    const backend = await openKenya();
    await fireEvent.change(screen.getByTestId("market-picker"), { target: { value: "NG" } });
    await flush();
    await fireEvent.input(screen.getByTestId("preset-diff-rate"), { target: { value: "1500" } });
    await fireEvent.click(screen.getByTestId("preset-diff-rate-apply"));
    await flush();
    expect(backend.argsOf("apply_market_preset")).toHaveLength(1);
    await fireEvent.click(screen.getByTestId("preset-diff-cancel"));
    await flush();
    expect(screen.queryByTestId("preset-diff")).toBeNull();
    expect(workspace.deal!.market.country).toBe("KE");
    expect(workspace.canUndo).toBe(false);
    expect((screen.getByTestId("market-picker") as HTMLSelectElement).value).toBe("");
  });

  it("offers a newer version of the deal's preset with the same reviewed apply", async () => {
    const backend = presetBackend();
    const deal = kenyaDeal();
    (deal.market as any).preset = { country: "KE", version: "2024-06" };
    workspace.load(deal);
    render(MarketSection);
    await flush();

    const banner = screen.getByTestId("preset-newer-banner");
    expect(banner).toHaveTextContent("This deal uses the Kenya preset of 2024-06; a newer one (2025-02) is available.");
    expect(backend.argsOf("preset_status")).toHaveLength(1);
    await fireEvent.click(screen.getByTestId("preset-newer-review"));
    await flush();
    expect(backend.argsOf("apply_market_preset").at(-1).country).toBe("KE");
    expect(screen.getByTestId("preset-diff")).toHaveAccessibleName("Apply the Kenya preset (2025-02)?");
    await fireEvent.click(screen.getByTestId("preset-diff-apply"));
    await flush();
    expect((workspace.deal!.market as any).preset).toEqual({ country: "KE", version: "2025-02" });
    // The deal now has the current version: the banner goes.
    expect(screen.queryByTestId("preset-newer-banner")).toBeNull();
  });

  it("shows no banner when the deal has the preset's current version", async () => {
    presetBackend();
    const deal = kenyaDeal();
    (deal.market as any).preset = { country: "KE", version: "2025-02" };
    workspace.load(deal);
    render(MarketSection);
    await flush();
    expect(screen.queryByTestId("preset-newer-banner")).toBeNull();
    expect((screen.getByTestId("market-picker") as HTMLSelectElement).value).toBe("KE");
    expect(screen.getByTestId("market-preset-used")).toHaveTextContent("Kenya preset of 2025-02");
  });
});
