// The preset and template commands the markets UI calls (data, or a thrown CommandError).
import { api } from "../lib/api";

export const presetApi = {
  marketPresets: () => api.marketPresets(),
  marketPreset: (country: string) => api.marketPreset(country),
  /** `fxSpot`: today's rate (local per reporting unit) when the currency changes. */
  applyMarketPreset: (dealJson: string, country: string, fxSpot: string | null) =>
    api.applyMarketPreset(dealJson, country, fxSpot),
  saveMarketPreset: (...args: Parameters<typeof api.saveMarketPreset>) => api.saveMarketPreset(...args),
  acceptShippedPreset: (country: string) => api.acceptShippedPreset(country),
  templates: () => api.templates(),
  newDealFromTemplate: (templateId: string, country: string, fxSpot: string | null) =>
    api.newDealFromTemplate(templateId, country, fxSpot),
  presetStatus: (dealJson: string) => api.presetStatus(dealJson),
};
