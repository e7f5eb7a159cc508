// Which field paths the editor currently shows. An engine error whose path no field shows
// (a list-level rule, a field of a block that is switched off) is then still listed, under
// its section, instead of disappearing.
import { untrack } from "svelte";

const shown = $state<Record<string, number>>({});

/** Marks `path` as shown; call the returned function when the field goes away. */
export function register(path: string): () => void {
  untrack(() => {
    shown[path] = (shown[path] ?? 0) + 1;
  });
  return () =>
    untrack(() => {
      const left = (shown[path] ?? 1) - 1;
      if (left > 0) shown[path] = left;
      else delete shown[path];
    });
}

/** Whether some field or list shows errors at `path`. */
export function isShown(path: string): boolean {
  return (shown[path] ?? 0) > 0;
}
