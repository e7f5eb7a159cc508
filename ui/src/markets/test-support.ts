// Test helpers for the markets UI: the presets fixture, a mock backend that answers the
// preset and template commands the way the Rust side does (mock-presets.ts) and the Kenya
// evaluation for evaluate_deal, and a reset of the shared state.
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { AppError, Deal, EvaluateOutcome, ExampleDeal } from "../lib/bindings";
import { setLocale } from "../lib/i18n/index.svelte";
import { workspace } from "../lib/state/workspace.svelte";
import { confirmState } from "../shell/confirm.svelte";
import { errorState } from "../shell/errors.svelte";
import { session } from "../shell/session.svelte";
import kenyaOutcome from "../../tests/fixtures/kenya-evaluation.json";
import presetFixture from "../../tests/fixtures/presets.json";
import applyNgToKenya from "../../tests/fixtures/apply-ng-to-kenya.json";
import e3wNigeria from "../../tests/fixtures/e3w-ng-deal.json";
import e3wKenya from "../../tests/fixtures/e3w-ke-deal.json";
import { applyPreset, leafChanges, summaryOf } from "./mock-presets";
import { presets } from "./state.svelte";
import type { MarketPreset, PresetStatus, PresetSummary } from "./types";

/** A file of the repository (Vitest runs from ui/ or from the root). */
export function repoFile(path: string): string {
  const file = ["..", "."].map((dir) => resolve(process.cwd(), dir, path)).find((candidate) => existsSync(candidate));
  if (!file) throw new Error(`${path} not found from ${process.cwd()}`);
  return readFileSync(file, "utf8");
}

export function kenyaDeal(): Deal {
  return JSON.parse(repoFile("examples/kenya-e3w-ckd.jvdeal")) as Deal;
}

/** A fresh copy of a shipped preset (tests/fixtures/presets.json is markets/*.toml as JSON). */
export function fixturePreset(country: string): MarketPreset {
  return JSON.parse(JSON.stringify((presetFixture as unknown as Record<string, MarketPreset>)[country]));
}

export const TEMPLATE_IDS = ["e3w-ckd-dealer", "motorcycle-assembly", "coatings-blending", "machinery-service"];

/** The shipped templates as the `templates` command describes them. */
export function templates(): ExampleDeal[] {
  return TEMPLATE_IDS.map((id) => {
    const text = repoFile(`templates/${id}.jvdeal`);
    const deal = JSON.parse(text);
    return { id, name: deal.name, country: deal.market.country, market: deal.market.name, description: deal.description ?? "", deal_json: text };
  });
}

export type Call = { cmd: string; args: any };
type Handler = (args: any) => unknown;

/** The same deal (as JSON text) as `deal`. */
function same(dealJson: string, deal: unknown): boolean {
  return JSON.stringify(JSON.parse(dealJson)) === JSON.stringify(deal);
}

/** Answers to the preset and template commands over a store of the shipped presets: the
 *  Rust side's own answers where a fixture has them (Nigeria at 1,500 NGN/USD on the Kenya
 *  example or the e-three-wheeler template, Kenya on the template), else the same steps
 *  redone in TypeScript (mock-presets.ts). */
export function presetDefaults(store: Record<string, MarketPreset> = JSON.parse(JSON.stringify(presetFixture))): Record<string, Handler> {
  const summaries = (): PresetSummary[] => Object.values(store).map((p) => summaryOf(p)).sort((a, b) => a.country.localeCompare(b.country));
  const preset = (country: string) => store[country] ?? fail("not_found", `there is no market preset for ${country}`);
  const apply = (dealJson: string, country: string, fxSpot: string | null) => {
    const before = JSON.parse(dealJson) as Deal;
    const { deal, ...rest } = applyPreset(before, preset(country), fxSpot);
    return { deal_json: JSON.stringify(deal), changes: leafChanges(before, deal), ...rest, preset: summaryOf(preset(country)) };
  };
  return {
    market_presets: summaries,
    market_preset: ({ country }) => preset(country),
    apply_market_preset: ({ dealJson, country, fxSpot }) => {
      if (country === "NG" && fxSpot === "1500" && same(dealJson, kenyaDeal())) return JSON.parse(JSON.stringify(applyNgToKenya));
      return apply(dealJson, country, fxSpot ?? null);
    },
    preset_status: ({ dealJson }): PresetStatus | null => {
      const ref = JSON.parse(dealJson).market?.preset;
      const current = ref && store[ref.country];
      if (!current) return null;
      return { country: ref.country, deal_version: ref.version, current_version: current.version, newer_available: current.version > ref.version };
    },
    templates,
    new_deal_from_template: ({ templateId, country, fxSpot }) => {
      if (templateId === "e3w-ckd-dealer" && country === "NG" && fxSpot === "1500") return JSON.parse(JSON.stringify(e3wNigeria));
      if (templateId === "e3w-ckd-dealer" && country === "KE") return JSON.parse(JSON.stringify(e3wKenya));
      const template = templates().find((item) => item.id === templateId) ?? fail("not_found", `no template ${templateId}`);
      const { deal_json } = apply(template.deal_json, country, fxSpot ?? null);
      return { ...template, country, market: preset(country).name, deal_json };
    },
    save_market_preset: ({ preset }) => {
      store[preset.country] = preset;
      return { ...summaryOf(preset, "user"), user_saved_at: "2025-11-03T09:00:00Z" };
    },
    accept_shipped_preset: ({ country }) => summaryOf(preset(country)),
  };
}

/** Installs the mock backend; `handlers` override the defaults (throw an AppError to fail). */
export function presetBackend(handlers: Record<string, Handler> = {}) {
  const calls: Call[] = [];
  const store: Record<string, MarketPreset> = JSON.parse(JSON.stringify(presetFixture));
  const defaults: Record<string, Handler> = {
    evaluate_deal: () => JSON.parse(JSON.stringify(kenyaOutcome)) as EvaluateOutcome,
    save_draft: () => null,
    ...presetDefaults(store),
  };
  mockIPC((cmd, args) => {
    calls.push({ cmd, args });
    const handler = handlers[cmd] ?? defaults[cmd];
    if (!handler) throw { code: "internal", message: `unexpected command ${cmd}`, fields: [] } satisfies AppError;
    return handler(args);
  });
  return {
    calls,
    store,
    argsOf: (cmd: string) => calls.filter((call) => call.cmd === cmd).map((call) => call.args),
  };
}

function fail(code: AppError["code"], message: string): never {
  throw { code, message, fields: [] } satisfies AppError;
}

/** Lets promises answer and the DOM catch up. */
export async function flush(): Promise<void> {
  for (let i = 0; i < 6; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

/** Puts the shared state back as the app starts. */
export function resetMarkets(): void {
  clearMocks();
  workspace.close();
  workspace.readOnly = false;
  workspace.dirty = false;
  workspace.stale = false;
  workspace.focusRequest = null;
  presets.reset();
  session.galleryOpen = false;
  session.stash = null;
  errorState.current = null;
  confirmState.current = null;
  setLocale("en");
}
