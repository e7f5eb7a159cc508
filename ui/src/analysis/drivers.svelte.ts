// The drivers an analysis may move and the default Monte Carlo spec, as the engine builds
// them (the `analysis_drivers` command): nothing here recomputes the catalogue, the base
// values or the default distributions. The answer is cached per deal and refreshed when the
// deal changes; while a call is in flight the last answer stays, and an invalid deal (which
// has no catalogue) keeps it too.
import { commands, type AnalysisDrivers, type DistributionSpec, type DriverDefaults } from "../lib/bindings";
import { t } from "../lib/i18n/index.svelte";
import { partyName } from "./shared";

export type Kind = DistributionSpec["kind"];

/** The kinds in the order the editor offers them (the engine's `DistributionKind::ALL`). */
export const KINDS: Kind[] = ["fixed", "uniform", "triangular", "pert", "normal", "lognormal"];

/** The parameters of each kind, in the order they are shown. */
export const PARAMS: Record<Kind, string[]> = {
  fixed: ["value"],
  uniform: ["min", "max"],
  triangular: ["min", "mode", "max"],
  pert: ["min", "mode", "max"],
  normal: ["mean", "sd"],
  lognormal: ["mean", "sd"],
};

/** A driver as people read it ("Discount rate of Nairobi dealer"); an unknown id as it is. */
export function driverLabel(id: string): string {
  const dot = id.indexOf(".");
  if (dot > 0) return t(`analysis.drivers.${id.slice(0, dot)}`, { party: partyName(id.slice(dot + 1)) });
  const key = `analysis.drivers.${id}`;
  const label = t(key);
  return label === key ? id : label;
}

/** The engine's default distribution of `kind` for `driver`. */
export function defaultOfKind(driver: DriverDefaults, kind: Kind): DistributionSpec | undefined {
  return driver.by_kind.find((d) => d.kind === kind);
}

/** The engine's drivers of the deal being edited, asked for once per change of the deal. */
class DriverCatalogue {
  /** The last answer, or null before the first one arrives. */
  answer = $state<AnalysisDrivers | null>(null);
  #dealJson: string | null = null;
  #pending: Promise<AnalysisDrivers | null> = Promise.resolve(null);
  #ticket = 0;

  /** Asks the engine for the drivers of `dealJson` unless this deal was the last one asked. */
  load(dealJson: string | null): Promise<AnalysisDrivers | null> {
    if (dealJson === this.#dealJson) return this.#pending;
    this.#dealJson = dealJson;
    const ticket = ++this.#ticket;
    if (dealJson === null) {
      this.answer = null;
      this.#pending = Promise.resolve(null);
      return this.#pending;
    }
    this.#pending = commands
      .analysisDrivers(dealJson)
      .then((result) => {
        // A newer deal was asked for meanwhile: its answer wins.
        if (ticket === this.#ticket && result.status === "ok") this.answer = result.data;
        return this.answer;
      })
      .catch(() => this.answer);
    return this.#pending;
  }

  /** The answer for the deal last asked for, once it has arrived. */
  ready(): Promise<AnalysisDrivers | null> {
    return this.#pending;
  }

  /** Forgets the deal, so the next `load` asks again (tests, a closed deal). */
  reset() {
    this.#dealJson = null;
    this.#ticket += 1;
    this.#pending = Promise.resolve(null);
    this.answer = null;
  }
}

export const driverCatalogue = new DriverCatalogue();
