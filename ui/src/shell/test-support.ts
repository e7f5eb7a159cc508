// Test helpers for the shell and home tests: a mock backend that records every command
// and answers from the real fixtures, realistic deal-list rows, and a reset of the shared
// state between tests.
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import type { AppError, DealListItem, EvaluateOutcome, ExampleDeal, PartyFigures } from "../lib/bindings";
import { setLocale } from "../lib/i18n/index.svelte";
import { setChineseUnits } from "../lib/format/number";
import { workspace } from "../lib/state/workspace.svelte";
import { analysisDefaults } from "../analysis/mocks";
import kenyaOutcome from "../../tests/fixtures/kenya-evaluation.json";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { confirmState } from "./confirm.svelte";
import { errorState } from "./errors.svelte";
import { session } from "./session.svelte";
import { presetDefaults } from "../markets/test-support";
import { presets } from "../markets/state.svelte";

/** A shipped example's text (read from disk: Vite serves nothing outside ui/ to tests). */
function exampleText(file: string): string {
  const here = dirname(fileURLToPath(import.meta.url));
  return readFileSync(join(here, "..", "..", "..", "examples", file), "utf8");
}

export const KENYA_TEXT = exampleText("kenya-e3w-ckd.jvdeal");
export const BRAZIL_TEXT = exampleText("brazil-negotiated-60-40.jvdeal");
export const outcome = kenyaOutcome as unknown as EvaluateOutcome;

export function example(id: string, text: string): ExampleDeal {
  const deal = JSON.parse(text);
  return { id, name: deal.name, country: deal.market.country, market: deal.market.name, description: deal.description, deal_json: text };
}

/** The Kenya example's key figures, as the store computes them from the evaluation. */
export function kenyaFigures(): PartyFigures[] {
  if (outcome.status !== "evaluated") throw new Error("fixture not evaluated");
  const evaluation = outcome.evaluation;
  return evaluation.parties.map((party) => ({
    party_id: party.id,
    name: party.name,
    share_percent: evaluation.equity.parties.find((row) => row.id === party.id)?.percent ?? null,
    npv_cash: party.views.cash.npv,
    irr_cash: party.views.cash.irr,
    npv_economic: party.views.economic.npv,
    irr_economic: party.views.economic.irr,
  }));
}

export const KENYA_ID = "6f1c2d9e-8a4b-4c3e-9d7f-1a2b3c4d5e6f";
export const BRAZIL_ID = "0b9e7d4c-3f2a-4e1d-8c6b-5a4f3e2d1c0b";

export function dealList(): DealListItem[] {
  return [
    {
      id: KENYA_ID,
      name: "Kenya e-three-wheeler CKD assembly JV",
      market: "KE",
      archived: false,
      created_at: "2025-10-28T08:15:02.114Z",
      last_saved: "2025-11-03T14:02:41.507Z",
      latest_version: 3,
      version_count: 3,
      figures: kenyaFigures(),
    },
    {
      id: BRAZIL_ID,
      name: "Brazil cargo three-wheelers 60/40",
      market: "BR",
      archived: false,
      created_at: "2025-10-30T10:00:00.000Z",
      last_saved: "2025-10-31T16:45:12.000Z",
      latest_version: 1,
      version_count: 1,
      figures: [],
    },
  ];
}

export type Call = { cmd: string; args: any };
type Handler = (args: any) => unknown;

/** Installs a mock backend; `handlers` override the defaults. Throw an AppError to fail. */
export function backend(handlers: Record<string, Handler> = {}) {
  const calls: Call[] = [];
  const defaults: Record<string, Handler> = {
    app_status: () => ({ version: "0.1.0", database_path: "/home/ana/.local/share/jv-studio/jv-studio.db", database_error: null }),
    settings: () => ({ language: "en", chinese_units: false }),
    set_setting: () => null,
    drafts: () => [],
    startup_file: () => null,
    save_draft: () => null,
    discard_draft: () => null,
    evaluate_deal: () => JSON.parse(JSON.stringify(outcome)),
    examples: () => [example("kenya-e3w-ckd", KENYA_TEXT), example("brazil-negotiated-60-40", BRAZIL_TEXT)],
    list_deals: () => [],
    // The market presets and templates (issue 4): the shipped data, applied as Rust does.
    ...presetDefaults(),
    // The what-if analyses (Analysis section).
    ...analysisDefaults(),
  };
  mockIPC((cmd, args) => {
    calls.push({ cmd, args });
    const handler = handlers[cmd] ?? defaults[cmd];
    if (!handler) throw { code: "internal", message: `unexpected command ${cmd}`, fields: [] } satisfies AppError;
    return handler(args);
  });
  return {
    calls,
    /** The arguments of every call of `cmd`, in order. */
    argsOf: (cmd: string) => calls.filter((call) => call.cmd === cmd).map((call) => call.args),
  };
}

/** Puts every shared state back as the app starts. */
export function resetState() {
  clearMocks();
  workspace.close();
  workspace.readOnly = false;
  workspace.dirty = false;
  workspace.stale = false;
  session.status = null;
  session.savedAt = null;
  session.fileName = null;
  session.chineseUnits = false;
  session.versionsOpen = false;
  session.saveOpen = false;
  session.galleryOpen = false;
  session.stash = null;
  session.lastEditToResultsMs = null;
  errorState.current = null;
  confirmState.current = null;
  setChineseUnits(false);
  presets.reset();
  setLocale("en");
}
