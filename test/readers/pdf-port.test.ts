/** DirectPort: pdf.js's messages copied as structuredClone would, delivered later and in order. */
import { describe, expect, it } from "vitest";
import { DirectPort } from "../../src/readers/pdf/port.ts";

class Glyph {
  unicode: string;
  width: number;
  constructor(unicode: string, width: number) {
    this.unicode = unicode;
    this.width = width;
  }
  get category(): string {
    return "letter";
  }
}

const receive = (port: DirectPort) => {
  const got: unknown[] = [];
  port.addEventListener("message", (e) => got.push(e.data));
  return got;
};

describe("DirectPort", () => {
  it("copies what structuredClone copies, keeping shared references shared", async () => {
    const port = new DirectPort();
    const got = receive(port);
    const glyph = new Glyph("中", 1000);
    const message = {
      fnArray: [1, 2],
      argsArray: [[glyph, -150, glyph], null],
      map: new Map([["a", [1]]]),
      set: new Set(["x"]),
      floats: new Float32Array([1, 2]),
      when: new Date(0),
    };
    port.postMessage(message);
    expect(got).toEqual([]);
    await Promise.resolve();
    expect(got).toHaveLength(1);
    const data = got[0] as typeof message;
    expect(data).toEqual(structuredClone(message));
    expect(data).not.toBe(message);
    expect(data.argsArray[0]).not.toBe(message.argsArray[0]);
    const [a, , b] = data.argsArray[0] as object[];
    expect(a).toBe(b);
    expect(a).not.toBeInstanceOf(Glyph);
    expect(data.floats).not.toBe(message.floats);
    // The sender may reuse its arrays once a message is sent.
    message.fnArray.length = 0;
    expect(data.fnArray).toEqual([1, 2]);
  });

  it("moves transferred buffers and copies the others", async () => {
    const port = new DirectPort();
    const got = receive(port);
    const moved = new Uint8Array([1, 2, 3]);
    const copied = new Uint8Array([4]);
    port.postMessage({ moved, copied }, [moved.buffer]);
    await Promise.resolve();
    const data = got[0] as { moved: Uint8Array; copied: Uint8Array };
    expect(data.moved.buffer).toBe(moved.buffer);
    expect(data.copied.buffer).not.toBe(copied.buffer);
    expect([...data.copied]).toEqual([4]);
  });

  it("delivers in order to every listener, and not after removal or an abort", async () => {
    const port = new DirectPort();
    const first = receive(port);
    const second: unknown[] = [];
    const listener = (e: { data: unknown }) => second.push(e.data);
    const abort = new AbortController();
    const third: unknown[] = [];
    port.addEventListener("message", listener);
    port.addEventListener("message", (e) => third.push(e.data), { signal: abort.signal });
    port.postMessage(1);
    port.postMessage(2);
    await Promise.resolve();
    port.removeEventListener("message", listener);
    abort.abort();
    port.postMessage(3);
    await Promise.resolve();
    expect(first).toEqual([1, 2, 3]);
    expect(second).toEqual([1, 2]);
    expect(third).toEqual([1, 2]);
  });
});
