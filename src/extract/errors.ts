/** A report that cannot be read: names the file, the line and what was expected there. */
export class ParseError extends Error {
  readonly file: string;
  readonly line: number | null;
  readonly expected: string;
  readonly found: string;

  constructor(file: string, line: number | null, expected: string, found: string) {
    const where = line === null ? file : `${file}:${line}`;
    super(`${where}: expected ${expected}, found ${found}`);
    this.name = "ParseError";
    this.file = file;
    this.line = line;
    this.expected = expected;
    this.found = found;
  }
}
