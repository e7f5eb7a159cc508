import { describe, expect, it } from "vitest";
import { formatPath, getPath, isWithin, parsePath, setPath } from "./path";

describe("field paths", () => {
  it("parse and format the engine's format", () => {
    const path = "parties[1].contributions[0].valuation.value";
    expect(parsePath(path)).toEqual(["parties", 1, "contributions", 0, "valuation", "value"]);
    expect(formatPath(parsePath(path))).toBe(path);
  });

  it("get and set nested values, creating containers", () => {
    const deal: any = { parties: [{ id: "a" }, { id: "b" }] };
    expect(getPath(deal, "parties[1].id")).toBe("b");
    expect(getPath(deal, "financing.loan.rate")).toBeUndefined();
    setPath(deal, "financing.loan.rate", "0.1");
    expect(deal.financing.loan.rate).toBe("0.1");
    setPath(deal, "financing.loan", undefined);
    expect(deal.financing).toEqual({});
  });

  it("tells whether a path is inside another", () => {
    expect(isWithin("parties[1].name", "parties[1]")).toBe(true);
    expect(isWithin("parties[10].name", "parties[1]")).toBe(false);
    expect(isWithin("plan.units", "plan")).toBe(true);
  });
});
