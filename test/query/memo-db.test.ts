import { expect, test } from "vitest";
import type { Db, Param } from "../../src/query/db.ts";
import { memoDb } from "../../src/query/memo-db.ts";

test("one run per distinct SQL and parameters; each caller gets its own array", async () => {
  const calls: [string, readonly Param[]][] = [];
  const inner: Db = {
    async query<T extends object>(sql: string, params: readonly Param[] = []) {
      calls.push([sql, params]);
      return [{ n: calls.length }] as unknown as T[];
    },
  };
  const db = memoDb(inner);
  const [a, b, c] = await Promise.all([db.query("SELECT ?", [1]), db.query("SELECT ?", [1]), db.query("SELECT ?", [2])]);
  expect(calls).toHaveLength(2);
  expect(a).toEqual(b);
  expect(a).not.toBe(b);
  expect(c).toEqual([{ n: 2 }]);
});
