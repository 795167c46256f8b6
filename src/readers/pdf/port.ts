/**
 * The message port between pdf.js's API and its worker code, both on this thread. pdf.js's own fake-worker
 * port (LoopbackPort) passes every message through structuredClone, a serialise-and-parse of each operator
 * list chunk with its thousands of glyph objects: a seventh of the reading time. This one copies messages in
 * JavaScript instead, with the same result for the data pdf.js sends (arrays, plain objects and class
 * instances as plain objects, Maps, Sets, typed arrays), handing transferred buffers over without a copy, and
 * glyphs, which pdf.js never changes once made, by reference.
 */

type Listener = (this: unknown, event: { data: unknown }) => void;

export class DirectPort {
  readonly #listeners = new Map<Listener, (() => void) | null>();

  postMessage(message: unknown, transfer?: Transferable[] | { transfer?: Transferable[] } | null): void {
    const list = Array.isArray(transfer) ? transfer : (transfer?.transfer ?? []);
    const event = { data: copy(message, new Set<unknown>(list), new Map()) };
    // Delivered later, in order, as LoopbackPort does.
    queueMicrotask(() => {
      for (const listener of [...this.#listeners.keys()]) listener.call(this, event);
    });
  }

  addEventListener(_name: string, listener: Listener, options?: { signal?: AbortSignal } | null): void {
    const signal = options?.signal;
    if (signal?.aborted) return;
    let unhook: (() => void) | null = null;
    if (signal) {
      const onAbort = () => this.removeEventListener(_name, listener);
      signal.addEventListener("abort", onAbort);
      unhook = () => signal.removeEventListener("abort", onAbort);
    }
    this.#listeners.set(listener, unhook);
  }

  removeEventListener(_name: string, listener: Listener): void {
    this.#listeners.get(listener)?.();
    this.#listeners.delete(listener);
  }

  terminate(): void {
    for (const unhook of this.#listeners.values()) unhook?.();
    this.#listeners.clear();
  }
}

/** A structured copy: shared references stay shared; buffers in `transfer` move instead of being copied. */
function copy(value: unknown, transfer: Set<unknown>, seen: Map<object, unknown>): unknown {
  if (typeof value !== "object" || value === null) return value;
  // Glyphs (pdf.js's Glyph class: fontChar, unicode, width …), thousands in every text operator list, are made
  // once per font and character and never changed (a lazily cached getter aside); so are a text's glyph arrays,
  // which each font caches per string (charsToGlyphs), and the glyph-and-spacing arrays of TJ: shared, not copied.
  if (isGlyph(value) || isGlyphRun(value)) return value;
  const known = seen.get(value);
  if (known !== undefined) return known;
  if (Array.isArray(value)) {
    const out: unknown[] = new Array(value.length);
    seen.set(value, out);
    for (let i = 0; i < value.length; i++) out[i] = copy(value[i], transfer, seen);
    return out;
  }
  if (ArrayBuffer.isView(value)) {
    // A typed array's own elements (slice), not structuredClone's copy of its whole buffer: the fill colours alone
    // are two thousand small Uint8ClampedArrays per report.
    const out = transfer.has(value.buffer) ? value : value instanceof DataView ? structuredClone(value) : (value as Uint8Array).slice();
    seen.set(value, out);
    return out;
  }
  if (value instanceof ArrayBuffer) {
    const out = transfer.has(value) ? value : value.slice(0);
    seen.set(value, out);
    return out;
  }
  if (value instanceof Map) {
    const out = new Map();
    seen.set(value, out);
    for (const [k, v] of value) out.set(copy(k, transfer, seen), copy(v, transfer, seen));
    return out;
  }
  if (value instanceof Set) {
    const out = new Set();
    seen.set(value, out);
    for (const v of value) out.add(copy(v, transfer, seen));
    return out;
  }
  if (Object.prototype.toString.call(value) !== "[object Object]") {
    // Dates, errors, regular expressions …: rare here; the platform's own copy.
    const out: unknown = structuredClone(value);
    seen.set(value, out);
    return out;
  }
  const out: Record<string, unknown> = {};
  seen.set(value, out);
  for (const key of Object.keys(value)) out[key] = copy((value as Record<string, unknown>)[key], transfer, seen);
  return out;
}

const PLAIN = Object.prototype;
const isGlyph = (value: object) => Object.getPrototypeOf(value) !== PLAIN && "fontChar" in value && "unicode" in value && "width" in value;
/** An array of glyphs, and numbers (TJ's spacing): it opens with a glyph, or with a number and a glyph. */
function isGlyphRun(value: object): boolean {
  if (!Array.isArray(value)) return false;
  const first: unknown = typeof value[0] === "number" ? value[1] : value[0];
  return typeof first === "object" && first !== null && isGlyph(first);
}
