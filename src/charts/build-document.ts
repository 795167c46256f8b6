/** A DOM document for build-time rendering (linkedom: ≈4× faster than jsdom, see platform-notes.md). */
import { parseHTML } from "linkedom";

let doc: Document | null = null;

/** One shared linkedom document; charts only create detached elements in it. */
export function buildDocument(): Document {
  doc ??= parseHTML("<!doctype html><html lang=\"zh-CN\"><head></head><body></body></html>").document as unknown as Document;
  return doc;
}
