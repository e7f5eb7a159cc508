import { describe, expect, it } from "vitest";
import { fractionToPercent, groupDigits, parseAmount, parsePercent, sumDecimals } from "./parse";

const value = (text: string) => {
  const result = parseAmount(text);
  return result.ok ? result.value : `!${result.reason}`;
};
const percent = (text: string) => {
  const result = parsePercent(text);
  return result.ok ? result.value : `!${result.reason}`;
};

describe("parseAmount", () => {
  it.each([
    ["1200000", "1200000"],
    ["1,200,000", "1200000"],
    ["1.2m", "1200000"],
    ["1.2M", "1200000"],
    ["1.2 mn", "1200000"],
    ["450k", "450000"],
    ["450K", "450000"],
    ["2.5bn", "2500000000"],
    ["0.125", "0.125"],
    ["-3", "-3"],
    ["−3", "-3"],
    ["+7", "7"],
    ["(1,000)", "-1000"],
    ["  42  ", "42"],
    ["1 200 000", "1200000"],
    ["1\u00a0200\u00a0000", "1200000"],
    ["1_000", "1000"],
    ["1,234.50", "1234.5"],
    ["007", "7"],
    [".5", "0.5"],
    ["5.", "5"],
    ["-0", "0"],
    ["0.000", "0"],
    ["1.5万", "15000"],
    ["2亿", "200000000"],
    ["１２３", "123"],
    ["2e6", "2000000"],
    ["1.25e-2", "0.0125"],
    ["0.0000001k", "0.0001"],
  ])("reads %j as %s", (text, expected) => {
    expect(value(text)).toBe(expected);
  });

  it("keeps every digit of huge and very precise numbers", () => {
    expect(value("123456789012345678901234567890")).toBe("123456789012345678901234567890");
    expect(value("123,456,789,012,345,678,901.000000000000000001")).toBe(
      "123456789012345678901.000000000000000001",
    );
    expect(value("9007199254740993")).toBe("9007199254740993"); // 2^53 + 1: a float would lose it
    expect(value("0.1k")).toBe("100"); // not 100.00000000000001
  });

  it.each([
    ["", "empty"],
    ["   ", "empty"],
    ["abc", "not_a_number"],
    ["12,5x", "not_a_number"],
    ["1.2.3", "several_points"],
    ["12,5", "decimal_comma"],
    ["1.200.000,50", "decimal_comma"],
    ["1,20,000", "not_a_number"],
    ["12%", "percent_not_allowed"],
    ["12q", "not_a_number"],
    ["-", "not_a_number"],
    [".", "not_a_number"],
    ["1e999999", "too_long"],
    ["1" + "0".repeat(70), "too_long"],
  ])("refuses %j (%s)", (text, reason) => {
    expect(value(text)).toBe(`!${reason}`);
  });
});

describe("parsePercent", () => {
  it.each([
    ["12.5", "0.125"],
    ["12.5%", "0.125"],
    ["12.5 %", "0.125"],
    ["12.5％", "0.125"],
    ["0.125", "0.00125"],
    ["30", "0.3"],
    ["100", "1"],
    ["0", "0"],
    ["-3", "-0.03"],
    ["250bp", "0.025"],
    ["4.5", "0.045"],
    ["33.333333333333", "0.33333333333333"],
  ])("reads %j as the fraction %s", (text, expected) => {
    expect(percent(text)).toBe(expected);
  });

  it.each([
    ["", "empty"],
    ["twelve", "not_a_number"],
    ["12k", "suffix_not_allowed"],
    ["1.2.3", "several_points"],
    ["12,5", "decimal_comma"],
  ])("refuses %j (%s)", (text, reason) => {
    expect(percent(text)).toBe(`!${reason}`);
  });
});

describe("display helpers", () => {
  it("shows a fraction as a percent with exact digits", () => {
    expect(fractionToPercent("0.125")).toBe("12.5");
    expect(fractionToPercent("0.30")).toBe("30");
    expect(fractionToPercent("0.045")).toBe("4.5");
    expect(fractionToPercent("1")).toBe("100");
    expect(fractionToPercent("-0.0001")).toBe("-0.01");
    expect(fractionToPercent("0.1234567891234")).toBe("12.34567891234");
    expect(fractionToPercent("not")).toBe("not");
  });

  it("groups thousands without touching the fraction", () => {
    expect(groupDigits("1200000")).toBe("1,200,000");
    expect(groupDigits("-1234567.891")).toBe("-1,234,567.891");
    expect(groupDigits("999")).toBe("999");
    expect(groupDigits("123456789012345678901234567890")).toBe("123,456,789,012,345,678,901,234,567,890");
  });

  it("adds decimal strings exactly", () => {
    expect(sumDecimals(["0.1", "0.2"])).toBe("0.3");
    expect(sumDecimals(["0.6", "0.4"])).toBe("1");
    expect(sumDecimals(["0.3333", "0.3333", "0.3334"])).toBe("1");
    expect(sumDecimals(["1", "-1.5"])).toBe("-0.5");
    expect(sumDecimals([])).toBe("0");
    expect(sumDecimals(["x"])).toBeNull();
  });
});
