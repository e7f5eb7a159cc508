// A MOCK backend for the browser test only: answers every command in memory, from the
// shipped examples, templates and market presets, and the engine's evaluation fixtures
// (the e-three-wheeler template on Nigeria and on Kenya evaluate to their own results, every
// other deal to the Kenya example's). Presets are applied as jv_markets does
// (markets/mock-presets.ts). Loaded by main.ts only when __JV_MOCK_IPC__ is true; never in
// the real app.
import { mockIPC } from "@tauri-apps/api/mocks";
import type {
  AppError,
  AppSettings,
  AppStatus,
  DealListItem,
  Draft,
  EvaluateOutcome,
  ExampleDeal,
  PartyFigures,
  VersionDiff,
  VersionMeta,
} from "../lib/bindings";
import kenyaOutcome from "../../tests/fixtures/kenya-evaluation.json";
import kenya from "../../../examples/kenya-e3w-ckd.jvdeal?raw";
import brazil from "../../../examples/brazil-negotiated-60-40.jvdeal?raw";
import nigeria from "../../../examples/nigeria-dealer-diluted.jvdeal?raw";
import vesting from "../../../examples/vesting-three-tranches.jvdeal?raw";
import noCash from "../../../examples/no-cash-tech-partner.jvdeal?raw";
import blank from "../../../src-tauri/templates/blank.jvdeal?raw";
import e3w from "../../../templates/e3w-ckd-dealer.jvdeal?raw";
import motorcycle from "../../../templates/motorcycle-assembly.jvdeal?raw";
import coatings from "../../../templates/coatings-blending.jvdeal?raw";
import machinery from "../../../templates/machinery-service.jvdeal?raw";
import presetFixture from "../../tests/fixtures/presets.json";
import e3wNigeria from "../../tests/fixtures/e3w-ng-evaluation.json";
import e3wKenya from "../../tests/fixtures/e3w-ke-evaluation.json";
import e3wNigeriaDeal from "../../tests/fixtures/e3w-ng-deal.json";
import e3wKenyaDeal from "../../tests/fixtures/e3w-ke-deal.json";
import { applyPreset, leafChanges, summaryOf } from "../markets/mock-presets";
import { analysisDefaults } from "../analysis/mocks";
import type { MarketPreset, PresetSummary } from "../markets/types";

/** Searched for in dist/ to prove the mock is not in the production bundle. */
export const MOCK_MARKER = "JV-STUDIO-MOCK-BACKEND";

const EXAMPLE_TEXTS: [string, string][] = [
  ["kenya-e3w-ckd", kenya],
  ["brazil-negotiated-60-40", brazil],
  ["nigeria-dealer-diluted", nigeria],
  ["vesting-three-tranches", vesting],
  ["no-cash-tech-partner", noCash],
];

const TEMPLATE_TEXTS: [string, string][] = [
  ["e3w-ckd-dealer", e3w],
  ["motorcycle-assembly", motorcycle],
  ["coatings-blending", coatings],
  ["machinery-service", machinery],
];

/** The engine's results for the e-three-wheeler template by market (`jv evaluate --market`). */
const TEMPLATE_OUTCOMES: Record<string, unknown> = { NG: e3wNigeria, KE: e3wKenya };

type StoredVersion = VersionMeta & { deal_json: string };
type StoredDeal = { id: string; archived: boolean; created_at: string; versions: StoredVersion[] };

const outcome = kenyaOutcome as unknown as EvaluateOutcome;
const deals = new Map<string, StoredDeal>();
const drafts: Draft[] = [];
const settings: AppSettings = { language: null, chinese_units: false };
let clock = Date.parse("2025-11-03T09:00:00Z");
/** The shipped presets and the user's saved ones, by country. */
const presets: Record<string, MarketPreset> = JSON.parse(JSON.stringify(presetFixture));
const userPresets = new Set<string>();

function now(): string {
  clock += 60_000;
  return new Date(clock).toISOString();
}

function fail(code: AppError["code"], message: string): never {
  throw { code, message, fields: [] } satisfies AppError;
}

function describe(id: string, text: string): ExampleDeal {
  const deal = JSON.parse(text);
  return { id, name: deal.name, country: deal.market.country, market: deal.market.name, description: deal.description ?? "", deal_json: text };
}

function presetSummary(country: string): PresetSummary {
  const preset = presets[country] ?? fail("not_found", `there is no market preset for ${country}`);
  return { ...summaryOf(preset, userPresets.has(country) ? "user" : "shipped"), user_saved_at: userPresets.has(country) ? now() : null };
}

/** apply_market_preset: the preset copied in, amounts converted at `fxSpot` when the
 *  currency changes (needs_fx_spot without it), as jv_markets does. */
function applyTo(dealJson: string, country: string, fxSpot: string | null) {
  const before = JSON.parse(dealJson);
  const preset = presets[country] ?? fail("not_found", `there is no market preset for ${country}`);
  const { deal, ...rest } = applyPreset(before, preset, fxSpot);
  return { deal_json: JSON.stringify(deal, null, 2), changes: leafChanges(before, deal), ...rest, preset: presetSummary(country) };
}

/** What the engine gives for this deal: the template's own results on Nigeria or Kenya. */
function evaluate(dealJson: string): EvaluateOutcome {
  const deal = JSON.parse(dealJson);
  const template = JSON.parse(e3w);
  const own = deal.name === template.name ? TEMPLATE_OUTCOMES[deal.market?.country] : undefined;
  return JSON.parse(JSON.stringify(own ?? outcome)) as EvaluateOutcome;
}

function figures(): PartyFigures[] {
  if (outcome.status !== "evaluated") return [];
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

function stored(dealId: string): StoredDeal {
  return deals.get(dealId) ?? fail("not_found", `mock: no deal ${dealId}`);
}

function version(deal: StoredDeal, number: number): StoredVersion {
  return deal.versions.find((v) => v.number === number) ?? fail("not_found", `mock: no version ${number}`);
}

function addVersion(deal: StoredDeal, dealJson: string, note: string | null): VersionMeta {
  const meta: VersionMeta = { deal_id: deal.id, number: deal.versions.length + 1, saved_at: now(), note, evaluated: true };
  deal.versions.push({ ...meta, deal_json: dealJson });
  return meta;
}

function record(deal: StoredDeal, v: StoredVersion) {
  const { deal_json, ...meta } = v;
  return { meta, deal: JSON.parse(deal_json) };
}

function listItem(deal: StoredDeal): DealListItem {
  const latest = deal.versions[deal.versions.length - 1];
  const parsed = JSON.parse(latest.deal_json);
  return {
    id: deal.id,
    name: parsed.name,
    market: parsed.market?.country ?? "",
    archived: deal.archived,
    created_at: deal.created_at,
    last_saved: latest.saved_at,
    latest_version: latest.number,
    version_count: deal.versions.length,
    figures: figures(),
  };
}

/** Leaf paths of a JSON value, in the engine's path format. */
function leaves(value: unknown, path = "", out = new Map<string, string>()): Map<string, string> {
  if (Array.isArray(value)) value.forEach((item, i) => leaves(item, `${path}[${i}]`, out));
  else if (value !== null && typeof value === "object")
    for (const [key, item] of Object.entries(value)) leaves(item, path ? `${path}.${key}` : key, out);
  else if (value !== null && value !== undefined) out.set(path, String(value));
  return out;
}

function compare(deal: StoredDeal, from: number, to: number): VersionDiff {
  const before = leaves(JSON.parse(version(deal, from).deal_json));
  const after = leaves(JSON.parse(version(deal, to).deal_json));
  const paths = [...new Set([...before.keys(), ...after.keys()])];
  const inputs = paths
    .filter((path) => before.get(path) !== after.get(path))
    .map((path) => ({ path, before: before.get(path) ?? null, after: after.get(path) ?? null }));
  const parties = figures().map((f) => ({ party_id: f.party_id, name: f.name, before: f, after: f }));
  return { deal_id: deal.id, from, to, inputs, parties };
}

/** A blank A4 page saying it comes from the mock backend. */
function mockPage(n: number): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="595" height="842" viewBox="0 0 595 842"><rect width="595" height="842" fill="#fff"/><text x="60" y="90" font-family="sans-serif" font-size="18">Memo preview (mock backend), page ${n}</text></svg>`;
}

function handle(cmd: string, args: any): unknown {
  // The what-if analyses answer with fixed, realistic figures for the Kenya example.
  const analysis = analysisDefaults()[cmd];
  if (analysis) return analysis(args);
  switch (cmd) {
    case "app_status":
      return { version: "0.1.0 (mock backend)", database_path: "(in memory: mock backend)", database_error: null } satisfies AppStatus;
    case "settings":
      return { ...settings };
    case "set_setting":
      if (args.key === "language") settings.language = args.value;
      else settings.chinese_units = args.value === "true";
      return null;
    case "drafts":
      return [...drafts];
    case "startup_file":
      return null;
    case "save_draft":
    case "discard_draft":
      return null;
    case "examples":
      return EXAMPLE_TEXTS.map(([id, text]) => describe(id, text));
    case "blank_deal":
      return describe("blank", blank);
    case "evaluate_deal":
      return evaluate(args.dealJson);
    case "market_presets":
      return Object.keys(presets).sort().map(presetSummary);
    case "market_preset":
      return presets[args.country] ?? fail("not_found", `there is no market preset for ${args.country}`);
    case "apply_market_preset":
      return applyTo(args.dealJson, args.country, args.fxSpot ?? null);
    case "preset_status": {
      const ref = JSON.parse(args.dealJson).market?.preset;
      const current = ref ? presets[ref.country] : undefined;
      if (!ref || !current) return null;
      return { country: ref.country, deal_version: ref.version, current_version: current.version, newer_available: current.version > ref.version };
    }
    case "save_market_preset":
      presets[args.preset.country] = args.preset;
      userPresets.add(args.preset.country);
      return presetSummary(args.preset.country);
    case "accept_shipped_preset":
      presets[args.country] = JSON.parse(JSON.stringify((presetFixture as Record<string, unknown>)[args.country]));
      userPresets.delete(args.country);
      return presetSummary(args.country);
    case "templates":
      return TEMPLATE_TEXTS.map(([id, text]) => describe(id, text));
    case "new_deal_from_template": {
      // The Rust side's own answers where the fixtures have them.
      if (args.templateId === "e3w-ckd-dealer" && args.country === "NG" && args.fxSpot === "1500") return e3wNigeriaDeal;
      if (args.templateId === "e3w-ckd-dealer" && args.country === "KE") return e3wKenyaDeal;
      const text = TEMPLATE_TEXTS.find(([id]) => id === args.templateId)?.[1] ?? fail("not_found", `no template ${args.templateId}`);
      return describe(args.templateId, applyTo(text, args.country, args.fxSpot ?? null).deal_json);
    }
    case "list_deals": {
      const search = (args.filter.search ?? "").toLowerCase();
      return [...deals.values()]
        .filter((deal) => deal.archived === args.filter.archived)
        .map(listItem)
        .filter((item) => item.name.toLowerCase().includes(search))
        .sort((a, b) => b.last_saved.localeCompare(a.last_saved));
    }
    case "create_deal": {
      const deal: StoredDeal = { id: crypto.randomUUID(), archived: false, created_at: now(), versions: [] };
      deals.set(deal.id, deal);
      return addVersion(deal, args.dealJson, args.note ?? null);
    }
    case "save_version":
      return addVersion(stored(args.dealId), args.dealJson, args.note ?? null);
    case "duplicate_deal": {
      const source = stored(args.dealId);
      const json = JSON.parse(source.versions[source.versions.length - 1].deal_json);
      const copy: StoredDeal = { id: crypto.randomUUID(), archived: false, created_at: now(), versions: [] };
      deals.set(copy.id, copy);
      return addVersion(copy, JSON.stringify({ ...json, name: args.newName }), null);
    }
    case "set_archived":
      stored(args.dealId).archived = args.archived;
      return null;
    case "list_versions":
      return stored(args.dealId).versions.map(({ deal_json: _, ...meta }) => meta).reverse();
    case "open_version": {
      const deal = stored(args.dealId);
      return record(deal, version(deal, args.number));
    }
    case "latest_version": {
      const deal = stored(args.dealId);
      return record(deal, deal.versions[deal.versions.length - 1]);
    }
    case "restore_version": {
      const deal = stored(args.dealId);
      return addVersion(deal, version(deal, args.number).deal_json, args.note ?? null);
    }
    case "compare_versions":
      return compare(stored(args.dealId), args.from, args.to);
    case "import_deal_file":
      return { file_name: String(args.path).split("/").pop(), name: JSON.parse(kenya).name, deal_json: kenya };
    case "export_deal_file":
      return null;
    case "memo_preview":
      // The real preview is Typst's pages; the mock shows two labelled blank A4 pages.
      return [1, 2].map(mockPage);
    case "export_memo":
    case "export_xlsx":
      return { path: args.path, bytes: 1000 };
    case "plugin:dialog|open":
      return "/mock/kenya-e3w-ckd.jvdeal";
    case "plugin:dialog|save":
      return `/mock/${args.options?.defaultPath ?? "deal.jvdeal"}`;
    default:
      return fail("internal", `mock backend: no answer for ${cmd}`);
  }
}

/** Replaces the Tauri IPC with the mock backend. */
export function installMockIpc(): void {
  console.info(`${MOCK_MARKER}: commands are answered in memory; nothing is saved.`);
  mockIPC((cmd, args) => handle(cmd, args));
}
