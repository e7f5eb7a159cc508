// Every party keeps one colour everywhere: tables, charts, memo. Colour-blind-safe,
// AA contrast against white for text; party colours are reserved for data.
export const PARTY_COLOURS = ["#2563eb", "#d97706", "#059669", "#9333ea", "#dc2626", "#0891b2"];

/** The colour of the party at `index` in the deal's party list. */
export function partyColour(index: number): string {
  return PARTY_COLOURS[((index % PARTY_COLOURS.length) + PARTY_COLOURS.length) % PARTY_COLOURS.length];
}
