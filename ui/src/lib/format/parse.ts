// What people type into a number field, turned into the deal file's decimal strings.
// Every scaling (k, m, %, bp, 万…) moves the decimal point on the digit string itself, so
// "1.2m" becomes exactly "1200000" and a 30-digit amount keeps every digit: no value ever
// passes through binary floating point on its way into the deal.

/** Why a text is not a number; the editor turns each into a sentence (editor.parse.*). */
export type ParseFailure =
  | "empty"
  | "not_a_number"
  | "several_points"
  | "decimal_comma"
  | "percent_not_allowed"
  | "suffix_not_allowed"
  | "too_long";

export type ParseResult = { ok: true; value: string } | { ok: false; reason: ParseFailure };

/** Powers of ten of the scale words people use after an amount. */
const AMOUNT_SUFFIXES: Record<string, number> = {
  k: 3,
  thousand: 3,
  m: 6,
  mm: 6,
  mn: 6,
  mio: 6,
  million: 6,
  b: 9,
  bn: 9,
  billion: 9,
  万: 4,
  亿: 8,
};

/** Past this many digits a typed number is surely a slip of the finger (the engine's own
 *  decimals hold 28); refusing it keeps "1e999999" from building a megabyte string. */
const MAX_DIGITS = 60;

type Lexed = { negative: boolean; body: string; suffix: string };

/** Splits sign, digits and suffix; spacing, full-width forms and accounting brackets go. */
function lex(text: string): Lexed | ParseFailure {
  // NFKC turns full-width digits, points and ％ typed with a Chinese IME into ASCII.
  let s = text.normalize("NFKC").trim();
  if (s === "") return "empty";
  let negative = false;
  if (s.startsWith("(") && s.endsWith(")")) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  if (/^[-−–]/.test(s)) {
    negative = !negative;
    s = s.slice(1);
  } else if (s.startsWith("+")) {
    s = s.slice(1);
  }
  // Group separators people type besides the comma: spaces (also no-break ones) and "_".
  s = s.replace(/[\s_]/g, "");
  const match = /^(.*?)([a-z万亿%]*)$/i.exec(s);
  const body = match?.[1] ?? s;
  const suffix = (match?.[2] ?? "").toLowerCase();
  return { negative, body, suffix };
}

/** Reads the digits: "1,200.50" → digits "120050", 2 after the point. */
function readBody(body: string): { digits: string; scale: number } | ParseFailure {
  // An exponent counts as a suffix the user wrote in digits: "1.2e6".
  const exp = /^(.*?)e([+-]?\d+)$/i.exec(body);
  let mantissa = body;
  let shift = 0;
  if (exp) {
    mantissa = exp[1];
    shift = Number(exp[2]);
    if (Math.abs(shift) > MAX_DIGITS) return "too_long";
  }
  const m = /^(\d{1,3}(?:,\d{3})+|\d*)(?:\.(\d*))?$/.exec(mantissa);
  if (!m || (m[1] === "" && (m[2] ?? "") === "")) {
    if ((mantissa.match(/\./g) ?? []).length > 1 && /^[\d.,]+$/.test(mantissa)) {
      return /^\d{1,3}(\.\d{3})+(,\d+)?$/.test(mantissa) ? "decimal_comma" : "several_points";
    }
    if (/^\d+,\d{1,2}$/.test(mantissa) || /^\d+(\.\d{3})*,\d+$/.test(mantissa)) return "decimal_comma";
    return "not_a_number";
  }
  const whole = m[1].replace(/,/g, "");
  const fraction = m[2] ?? "";
  return { digits: whole + fraction, scale: fraction.length - shift };
}

/** Digits with `scale` of them after the point, as the shortest canonical decimal. */
function canonical(negative: boolean, digits: string, scale: number): ParseResult {
  let text = digits;
  if (scale <= 0) {
    text = digits + "0".repeat(-scale);
  } else {
    text = digits.padStart(scale + 1, "0");
    text = `${text.slice(0, text.length - scale)}.${text.slice(text.length - scale)}`;
    text = text.replace(/0+$/, "").replace(/\.$/, "");
  }
  text = text.replace(/^0+(?=\d)/, "");
  if (text.replace(/[.0]/g, "").length === 0) return { ok: true, value: "0" };
  if (text.replace(".", "").length > MAX_DIGITS) return { ok: false, reason: "too_long" };
  return { ok: true, value: negative ? `-${text}` : text };
}

/** An amount as typed: `1,200,000`, `1.2m`, `450k`, `-3`, `(1,000)`, `1.5万`, `2e6`. */
export function parseAmount(text: string): ParseResult {
  const lexed = lex(text);
  if (typeof lexed === "string") return { ok: false, reason: lexed };
  let power = 0;
  if (lexed.suffix !== "") {
    if (lexed.suffix.includes("%")) return { ok: false, reason: "percent_not_allowed" };
    const known = AMOUNT_SUFFIXES[lexed.suffix];
    if (known === undefined) return { ok: false, reason: "not_a_number" };
    power = known;
  }
  const body = readBody(lexed.body);
  if (typeof body === "string") return { ok: false, reason: body };
  return canonical(lexed.negative, body.digits, body.scale - power);
}

/**
 * A rate as typed in a percent field, returned as the fraction the deal stores. The user
 * types percents, with or without the sign: "12.5" and "12.5%" both mean 0.125, and
 * "0.125" means 0.125 % (0.00125). Basis points work too: "250bp" is 0.025.
 */
export function parsePercent(text: string): ParseResult {
  const lexed = lex(text);
  if (typeof lexed === "string") return { ok: false, reason: lexed };
  let power: number;
  if (lexed.suffix === "" || lexed.suffix === "%") power = -2;
  else if (lexed.suffix === "bp" || lexed.suffix === "bps") power = -4;
  else if (lexed.suffix in AMOUNT_SUFFIXES) return { ok: false, reason: "suffix_not_allowed" };
  else return { ok: false, reason: "not_a_number" };
  const body = readBody(lexed.body);
  if (typeof body === "string") return { ok: false, reason: body };
  return canonical(lexed.negative, body.digits, body.scale - power);
}

/** Splits a decimal string into sign, digits and scale; null when it is not one. */
function split(value: string): { negative: boolean; digits: string; scale: number } | null {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value.trim());
  if (!m) return null;
  return { negative: m[1] === "-", digits: m[2] + (m[3] ?? ""), scale: (m[3] ?? "").length };
}

/** A stored fraction as the percent the user sees: "0.125" → "12.5" (exact digits). */
export function fractionToPercent(value: string): string {
  const parts = split(value);
  if (!parts) return value;
  const result = canonical(parts.negative, parts.digits, parts.scale - 2);
  return result.ok ? result.value : value;
}

/** A canonical decimal with thousands separators: "-1234567.5" → "-1,234,567.5". */
export function groupDigits(value: string): string {
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(value.trim());
  if (!m) return value;
  return `${m[1]}${m[2].replace(/\B(?=(\d{3})+(?!\d))/g, ",")}${m[3] ?? ""}`;
}

/** The exact sum of decimal strings (for totals such as negotiated shares); null when one
 *  of them is not a decimal. */
export function sumDecimals(values: string[]): string | null {
  let total = 0n;
  let scale = 0;
  const parsed = values.map(split);
  if (parsed.some((p) => p === null)) return null;
  for (const p of parsed) scale = Math.max(scale, p!.scale);
  for (const p of parsed) {
    const n = BigInt(p!.digits + "0".repeat(scale - p!.scale));
    total += p!.negative ? -n : n;
  }
  const negative = total < 0n;
  const result = canonical(negative, (negative ? -total : total).toString(), scale);
  return result.ok ? result.value : null;
}
