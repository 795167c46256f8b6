/** The peer group of a department, from keywords in its own name (the vocabulary lives in src/schema/vocab.ts). */
import { DEPARTMENT_KINDS, type DepartmentKind } from "../schema/vocab.ts";

type KindSpec = { keywords: readonly string[]; endings?: readonly string[] };
const ORDERED = Object.entries(DEPARTMENT_KINDS) as [DepartmentKind, KindSpec][];

/**
 * "科技和工业信息化局" → "tech_industry"; the first kind (in vocabulary order) with a keyword in the name, or a name
 * ending in one of its endings ("扬子洲镇": a 镇 is a township, while 城镇 or 城乡 inside a name say nothing), wins.
 */
export function departmentKind(ownName: string): DepartmentKind {
  for (const [kind, { keywords, endings }] of ORDERED) {
    if (keywords.some((k) => ownName.includes(k)) || endings?.some((e) => ownName.endsWith(e))) return kind;
  }
  return "other";
}
