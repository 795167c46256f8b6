/** A failed query: keeps the engine's error as cause and shows the SQL that failed (cf. mosaic query-error.ts). */

export class QueryError extends Error {
  readonly sql: string;
  /** The engine's own message, shown verbatim to users of the SQL box. */
  readonly engineMessage: string;
  constructor(sql: string, cause: unknown) {
    const engineMessage = cause instanceof Error ? cause.message : String(cause);
    super(`${engineMessage}\nSQL Query: ${sql}`, { cause });
    this.name = "QueryError";
    this.sql = sql;
    this.engineMessage = engineMessage;
  }
}
