/** The peer group of a department, from keywords in its own name (the vocabulary lives in src/schema/vocab.ts). */
import { DEPARTMENT_KINDS, type DepartmentKind } from "../schema/vocab.ts";

const ORDERED = Object.entries(DEPARTMENT_KINDS) as [DepartmentKind, (typeof DEPARTMENT_KINDS)[DepartmentKind]][];

/** "科技和工业信息化局" → "tech_industry"; the first kind (in vocabulary order) with a keyword in the name wins. */
export function departmentKind(ownName: string): DepartmentKind {
  for (const [kind, { keywords }] of ORDERED) if (keywords.some((k) => ownName.includes(k))) return kind;
  return "other";
}
