// DOM ids derived from field paths ("parties[0].id" → "in-parties-0--id"), for label/for
// and aria-describedby; the path itself stays in data-path.
export function fieldId(path: string, suffix = ""): string {
  return `in-${path.replace(/[^A-Za-z0-9_]/g, "-")}${suffix}`;
}

/** An engine message as a sentence: "must not be negative" → "Must not be negative." */
export function sentence(message: string): string {
  const text = message.trim();
  if (text === "") return text;
  const first = text[0].toUpperCase() + text.slice(1);
  return /[.!?]$/.test(first) ? first : `${first}.`;
}
