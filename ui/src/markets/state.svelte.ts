// The presets the pickers offer, loaded once and reloaded after the user saves or accepts
// one; whether the preset panel is open; and what the last applied preset left to check.
import { showError } from "../shell/errors.svelte";
import { presetApi } from "./api";
import type { Deal } from "../lib/bindings";
import { getPath } from "../lib/state/path";
import type { PresetRef, PresetSummary } from "./types";

/** Values the last applied preset did not know: the deal kept its own, which the user should
 *  check. Remembered for the deal it was applied to, while each value stays as it was kept. */
export type Asked = { preset: PresetRef; presetName: string; deal: string; fields: { field: string; kept: string }[] };

class Presets {
  /** Every country's preset in use; null until loaded. */
  list = $state<PresetSummary[] | null>(null);
  /** Bumped when a preset changed, so the banner asks again. */
  nonce = $state(0);
  /** The preset panel is open. */
  panelOpen = $state(false);
  /** What the last applied preset left to the user (see Asked). */
  asked = $state<Asked | null>(null);
  #loading: Promise<PresetSummary[]> | null = null;

  /** Remembers the values a preset did not know, as `deal` (just applied) keeps them. */
  ask(deal: Deal, presetName: string, unknown: string[]) {
    const preset = deal.market.preset;
    if (!preset || unknown.length === 0) {
      this.asked = null;
      return;
    }
    this.asked = {
      preset: { country: preset.country, version: preset.version },
      presetName,
      deal: deal.name,
      fields: unknown.map((field) => ({ field, kept: JSON.stringify(getPath(deal.market, field) ?? null) })),
    };
  }

  /** The list, loading it the first time; [] after a failure (which is shown). */
  load(): Promise<PresetSummary[]> {
    if (this.list) return Promise.resolve(this.list);
    this.#loading ??= presetApi
      .marketPresets()
      .then((list) => (this.list = list))
      .catch((thrown) => {
        showError(thrown);
        return [];
      })
      .finally(() => (this.#loading = null));
    return this.#loading;
  }

  /** Reloads after a preset was saved or accepted. */
  async refresh(): Promise<void> {
    this.list = null;
    this.nonce += 1;
    await this.load();
  }

  /** The summary of one country's preset, if loaded. */
  summary(country: string | null | undefined): PresetSummary | null {
    const code = (country ?? "").trim().toUpperCase();
    return this.list?.find((preset) => preset.country === code) ?? null;
  }

  /** Back to the start (tests). */
  reset() {
    this.list = null;
    this.nonce = 0;
    this.panelOpen = false;
    this.asked = null;
    this.#loading = null;
  }
}

export const presets = new Presets();
