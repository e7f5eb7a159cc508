// Which field shows a warning: the deepest field the editor shows at the warning's path or
// above it, so a warning at `market.royalty_cap.rate` sits under the rate, not also under
// the block's switch. A warning no field shows stays in the results pane only.
import type { Warning } from "../lib/bindings";
import { workspace } from "../lib/state/workspace.svelte";
import { isShown } from "../editor/fields/registry.svelte";

/** The path one level up ("a.b[2].c" → "a.b[2]" → "a.b" → "a"), or "" at the root. */
export function parentPath(path: string): string {
  const parent = path.replace(/(\.[^.[\]]+|\[\d+\])$/, "");
  return parent === path ? "" : parent;
}

/** The shown field a warning at `path` belongs to, or null when none shows it. */
export function ownerOf(path: string): string | null {
  let probe = path;
  while (probe) {
    if (isShown(probe)) return probe;
    probe = parentPath(probe);
  }
  return null;
}

/** The warnings of the last evaluation to show under the field at `path`. */
export function warningsAt(path: string): Warning[] {
  const warnings = workspace.evaluation?.warnings ?? [];
  return warnings.filter(
    (warning) =>
      (warning.path === path || warning.path.startsWith(`${path}.`) || warning.path.startsWith(`${path}[`)) &&
      ownerOf(warning.path) === path,
  );
}
