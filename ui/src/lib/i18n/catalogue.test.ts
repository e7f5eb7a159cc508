import { describe, expect, it } from "vitest";
import { catalogues, keysOf } from "./index.svelte";

describe("message catalogues", () => {
  const en = keysOf(catalogues.en).sort();
  const zh = keysOf(catalogues["zh-CN"]).sort();

  it("have the same keys in English and Chinese", () => {
    expect(zh.filter((key) => !en.includes(key))).toEqual([]);
    expect(en.filter((key) => !zh.includes(key))).toEqual([]);
  });

  it("are complete: no empty message and the same placeholders in each", () => {
    for (const key of en) {
      const english = key.split(".").reduce<any>((node, part) => node[part], catalogues.en);
      const chinese = key.split(".").reduce<any>((node, part) => node[part], catalogues["zh-CN"]);
      expect(english.trim(), key).not.toBe("");
      expect(chinese.trim(), key).not.toBe("");
      const holes = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(holes(chinese), key).toEqual(holes(english));
    }
  });

  it("has real Chinese, not English copied", () => {
    // Most messages carry Chinese characters; proper names and codes may not.
    const withHan = zh.filter((key) =>
      /[\u4e00-\u9fff]/.test(key.split(".").reduce<any>((n, p) => n[p], catalogues["zh-CN"])),
    );
    expect(withHan.length / zh.length).toBeGreaterThan(0.8);
  });
});
