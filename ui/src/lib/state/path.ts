// Field paths in the engine's format: `parties[1].contributions[0].valuation.value`.

export type PathPart = string | number;

/** Splits a path into keys and indexes. */
export function parsePath(path: string): PathPart[] {
  const parts: PathPart[] = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (match[1] !== undefined) parts.push(match[1]);
    else parts.push(Number(match[2]));
  }
  return parts;
}

/** Joins keys and indexes back into a path. */
export function formatPath(parts: PathPart[]): string {
  return parts
    .map((part, i) => (typeof part === "number" ? `[${part}]` : i === 0 ? part : `.${part}`))
    .join("");
}

/** The value at `path`, or undefined when any step is missing. */
export function getPath(root: unknown, path: string): unknown {
  let node: any = root;
  for (const part of parsePath(path)) {
    if (node === null || node === undefined) return undefined;
    node = node[part];
  }
  return node;
}

/** Sets the value at `path`, creating objects on the way; `undefined` deletes the key. */
export function setPath(root: any, path: string, value: unknown): void {
  const parts = parsePath(path);
  let node = root;
  for (let i = 0; i < parts.length - 1; i++) {
    const part = parts[i];
    if (node[part] === null || node[part] === undefined) {
      node[part] = typeof parts[i + 1] === "number" ? [] : {};
    }
    node = node[part];
  }
  const last = parts[parts.length - 1];
  if (value === undefined && !Array.isArray(node)) delete node[last];
  else node[last] = value;
}

/** Whether `path` is `prefix` or inside it. */
export function isWithin(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(prefix + ".") || path.startsWith(prefix + "[");
}
