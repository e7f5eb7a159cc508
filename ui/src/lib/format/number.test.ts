import { afterEach, describe, expect, it } from "vitest";
import { setLocale } from "../i18n/index.svelte";
import {
  formatAmount,
  formatCompact,
  formatCount,
  formatDelta,
  formatMultiple,
  formatPercent,
  formatPercentValue,
  setChineseUnits,
  toNumber,
} from "./number";

afterEach(() => {
  setLocale("en");
  setChineseUnits(false);
});

describe("missing values", () => {
  it("show a dash for null, undefined, empty and non-finite input", () => {
    for (const format of [formatAmount, formatCount, formatDelta, formatPercent, formatPercentValue, formatMultiple, formatCompact]) {
      expect(format(null)).toBe("—");
      expect(format(undefined)).toBe("—");
      expect(format("")).toBe("—");
      expect(format("  ")).toBe("—");
      expect(format("abc")).toBe("—");
      expect(format(Number.NaN)).toBe("—");
      expect(format(Number.POSITIVE_INFINITY)).toBe("—");
    }
    expect(toNumber("1e3")).toBe(1000);
    expect(toNumber("")).toBeNull();
  });
});

describe("formatAmount", () => {
  it("rounds to whole units with thousands separators", () => {
    expect(formatAmount("3669599.055959")).toBe("3,669,599");
    expect(formatAmount(1114066.553807)).toBe("1,114,067");
    expect(formatAmount("0")).toBe("0");
    expect(formatAmount("1234.5678", 2)).toBe("1,234.57");
  });

  it("writes negatives with a minus sign and never a minus zero", () => {
    expect(formatAmount("-1200000")).toBe("−1,200,000");
    expect(formatAmount(-0.4)).toBe("0");
    expect(formatAmount(-0)).toBe("0");
    expect(formatAmount("-0.004", 2)).toBe("0.00");
  });

  it("uses 万 and 亿 only when the setting is on and the UI is Chinese", () => {
    setChineseUnits(true);
    expect(formatAmount("3669599.055959")).toBe("3,669,599");
    setLocale("zh-CN");
    expect(formatAmount("3669599.055959")).toBe("366.96万");
    expect(formatAmount("-1381962400.816856")).toBe("−13.82亿");
    expect(formatAmount("9999")).toBe("9,999");
    setChineseUnits(false);
    expect(formatAmount("3669599.055959")).toBe("3,669,599");
  });
});

describe("formatCount", () => {
  it("keeps counts exact, even with 万 / 亿 on", () => {
    setLocale("zh-CN");
    setChineseUnits(true);
    expect(formatCount("602029")).toBe("602,029");
    expect(formatCount(-25000)).toBe("−25,000");
  });
});

describe("formatDelta", () => {
  it("always carries a sign", () => {
    expect(formatDelta(120400)).toBe("+120,400");
    expect(formatDelta("-5000")).toBe("−5,000");
    expect(formatDelta(0)).toBe("0");
    expect(formatDelta(-0.2)).toBe("0");
  });
});

describe("percentages", () => {
  it("shows a fraction as a percent with one decimal", () => {
    expect(formatPercent("0.453193")).toBe("45.3 %");
    expect(formatPercent("0.25")).toBe("25.0 %");
    expect(formatPercent("-0.0421")).toBe("−4.2 %");
    expect(formatPercent("-0.0001")).toBe("0.0 %");
    expect(formatPercent("0.123456", 2)).toBe("12.35 %");
  });

  it("shows a figure already in percent", () => {
    expect(formatPercentValue("60.2029")).toBe("60.2 %");
    expect(formatPercentValue(100)).toBe("100.0 %");
  });
});

describe("formatMultiple", () => {
  it("shows a multiple with two decimals", () => {
    expect(formatMultiple("11.651473")).toBe("11.65×");
    expect(formatMultiple("0.5")).toBe("0.50×");
  });
});

describe("formatCompact", () => {
  it("abbreviates for chart axes", () => {
    expect(formatCompact(0)).toBe("0");
    expect(formatCompact(950)).toBe("950");
    expect(formatCompact(2.5)).toBe("2.5");
    expect(formatCompact(350000)).toBe("350k");
    expect(formatCompact(1200000)).toBe("1.2m");
    expect(formatCompact("-1250000")).toBe("−1.3m");
    expect(formatCompact(999960)).toBe("1m");
    expect(formatCompact(1381962400)).toBe("1.4bn");
    expect(formatCompact(-0.3)).toBe("−0.3");
    expect(formatCompact(-0.04)).toBe("0");
  });

  it("uses 万 and 亿 in Chinese", () => {
    setLocale("zh-CN");
    expect(formatCompact(3669599)).toBe("367万");
    expect(formatCompact(15000)).toBe("1.5万");
    expect(formatCompact(280800000)).toBe("2.8亿");
    expect(formatCompact(-99999600)).toBe("−1亿");
    expect(formatCompact(-99999000)).toBe("−9,999.9万");
    expect(formatCompact(9000)).toBe("9,000");
  });
});
