// Currency codes shown beside fields: the JV's books are in the local currency (LCY,
// market.currency), returns and kit prices in the reporting currency (RCY).
import { workspace } from "../lib/state/workspace.svelte";

export function lcy(): string {
  const code = workspace.deal?.market?.currency;
  return code && code.trim() !== "" ? code : "LCY";
}

export function rcy(): string {
  const code = workspace.deal?.reporting_currency;
  return code && code.trim() !== "" ? code : "RCY";
}
