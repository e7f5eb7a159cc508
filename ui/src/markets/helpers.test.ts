// The small readers and formatters behind the markets UI.
import { afterEach, describe, expect, it } from "vitest";
import { setLocale } from "../lib/i18n/index.svelte";
import { formatAsOf, formatMonth } from "./dates";
import { shortSource } from "./provenance";
import { groupPresets, regionOf } from "./regions";
import { staleMonths } from "./preset-rows";
import { readRate } from "./review";
import marketPresets from "../../tests/fixtures/market-presets.json";
import type { PresetSummary } from "./types";

afterEach(() => setLocale("en"));

describe("as-of dates", () => {
  it("reads a day, a month or a year, in the UI language", () => {
    expect(formatAsOf("2025-02-18")).toBe("Feb 18, 2025");
    expect(formatAsOf("2025-02")).toBe("Feb 2025");
    expect(formatAsOf("2024")).toBe("2024");
    expect(formatMonth("2024-09-16")).toBe("Sep 2024");
    setLocale("zh-CN");
    expect(formatAsOf("2025-02-18")).toBe("2025年2月18日");
    expect(formatMonth("2025-02")).toBe("2025年2月");
  });

  it("shows a date that does not read as written", () => {
    expect(formatAsOf("last reviewed Feb 2025")).toBe("last reviewed Feb 2025");
    expect(formatAsOf("")).toBe("—");
  });

  it("counts a value as old after 12 months, from the first day a month or year names", () => {
    const today = new Date(2026, 10, 29);
    expect(staleMonths("2025-11-30", today)).toBeNull();
    expect(staleMonths("2025-11-29", today)).toBeNull();
    expect(staleMonths("2025-11-28", today)).toBe(12);
    expect(staleMonths("2024-09-16", today)).toBe(26);
    expect(staleMonths("2024", today)).toBe(34);
    expect(staleMonths("soon", today)).toBeNull();
  });
});

describe("sources", () => {
  it("shortens an address to its host and first folder", () => {
    expect(shortSource("https://taxsummaries.pwc.com/kenya/corporate/withholding-taxes")).toBe("taxsummaries.pwc.com/kenya/…");
    expect(shortSource("https://www.aluko-oyebode.com/insights/minimum-share-capital-requirement/")).toBe("aluko-oyebode.com/insights/…");
    expect(shortSource("https://data.worldbank.org")).toBe("data.worldbank.org");
    expect(shortSource("Finance Act 2023, s. 12")).toBe("Finance Act 2023, s. 12");
  });
});

describe("regions", () => {
  it("groups the 16 shipped markets: Africa, South America, the rest", () => {
    expect(regionOf("ke")).toBe("africa");
    expect(regionOf("BR")).toBe("south_america");
    expect(regionOf("MX")).toBe("other");
    const groups = groupPresets(marketPresets as PresetSummary[]);
    expect(groups.map((g) => [g.region, g.presets.length])).toEqual([
      ["africa", 10],
      ["south_america", 5],
      ["other", 1],
    ]);
    // Sorted by name within a group.
    expect(groups[0].presets.slice(0, 3).map((p) => p.name)).toEqual(["Côte d'Ivoire", "Egypt", "Ethiopia"]);
  });
});

describe("exchange rates as typed", () => {
  it("reads separators and suffixes and refuses what is not above zero", () => {
    expect(readRate("1,500")).toBe("1500");
    expect(readRate("1.5k")).toBe("1500");
    expect(readRate("129.35")).toBe("129.35");
    expect(readRate("0")).toBeNull();
    expect(readRate("-3")).toBeNull();
    expect(readRate("abc")).toBeNull();
    expect(readRate("")).toBeNull();
  });
});
