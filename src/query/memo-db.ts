/** A Db that runs each distinct (SQL, parameters) once: charts on one page that share a query share its result. */
import type { Db, Param } from "./db.ts";

/** Wraps db with a result cache; make a fresh one per redraw so new data is never hidden. */
export function memoDb(db: Db): Db {
  const results = new Map<string, Promise<unknown[]>>();
  return {
    query<T extends object>(sql: string, params: readonly Param[] = []): Promise<T[]> {
      const key = `${sql}\u0000${JSON.stringify(params)}`;
      let result = results.get(key);
      if (!result) {
        result = db.query<T>(sql, params);
        results.set(key, result);
      }
      // Callers may filter or sort what they get; hand each a copy of the array, never the cached one.
      return result.then((rows) => [...rows] as T[]);
    },
  };
}
