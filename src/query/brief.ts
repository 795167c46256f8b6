/**
 * What a one-page brief adds to a unit's page data: the missed indicators and the failed checks of its latest
 * report (the first few of each, with how many there are), and its peer groups' median spending structure.
 * Bulk queries run once per build, like units.ts: no page runs a query of its own.
 */
import type { CheckRow, IndicatorRow, ReportRow } from "../schema/tables.ts";
import type { Db } from "./db.ts";

/** How many missed indicators and checks a brief lists; the rest are counted and linked. */
export const BRIEF_LIST = 6;

/** Each unit's latest report of department-level figures (the year its brief and peer panel show). */
const LATEST_CTE = `latest AS (
  SELECT report_id, unit_id FROM (
    SELECT r.report_id, r.unit_id, row_number() OVER (PARTITION BY r.unit_id ORDER BY r.fiscal_year DESC, r.report_id DESC) AS n
    FROM report_summary r WHERE r.primary_doc
  ) WHERE n = 1
)`;

/** A missed indicator of a unit's latest report, with how many that report has. */
export interface BriefIndicator extends Pick<IndicatorRow, "report_id" | "sheet" | "project" | "name" | "target_text" | "actual_text" | "source_line" | "actual_line"> {
  unit_id: string;
  total: number;
}

export const BRIEF_INDICATORS_SQL = `WITH ${LATEST_CTE},
i AS (
  SELECT l.unit_id, i.report_id, i.sheet, i.project, i.name, i.target_text, i.actual_text, i.source_line, i.actual_line,
    row_number() OVER (PARTITION BY i.report_id ORDER BY i.source_line, i.name) AS n,
    count(*) OVER (PARTITION BY i.report_id) AS total
  FROM indicators i JOIN latest l ON l.report_id = i.report_id
  WHERE i.status = 'missed'
)
SELECT * EXCLUDE (n) FROM i WHERE n <= ${BRIEF_LIST} ORDER BY unit_id, n`;

/** An error or warning of a unit's latest report (errors first), with how many such checks it has. */
export interface BriefCheck extends Pick<CheckRow, "report_id" | "rule" | "severity" | "message" | "source_line"> {
  unit_id: string;
  total: number;
}

export const BRIEF_CHECKS_SQL = `WITH ${LATEST_CTE},
c AS (
  SELECT l.unit_id, c.report_id, c.rule, c.severity, c.message, c.source_line,
    row_number() OVER (PARTITION BY c.report_id ORDER BY c.severity = 'warning', c.source_line NULLS LAST, c.rule, c.message) AS n,
    count(*) OVER (PARTITION BY c.report_id) AS total
  FROM checks c JOIN latest l ON l.report_id = c.report_id
  WHERE c.severity IN ('error', 'warning')
)
SELECT * EXCLUDE (n) FROM c WHERE n <= ${BRIEF_LIST} ORDER BY unit_id, n`;

/** The median spending structure of a peer group (department kind × year), over the reports that print it. */
export interface PeerStructure extends Pick<ReportRow, "department_kind" | "fiscal_year"> {
  basic_share: number | null;
  basic_peers: number;
  personnel_share: number | null;
  personnel_peers: number;
}

export const PEER_STRUCTURE_SQL = `SELECT r.department_kind, r.fiscal_year,
  median(r.basic_share) AS basic_share, count(r.basic_share) AS basic_peers,
  median(r.personnel_share) AS personnel_share, count(r.personnel_share) AS personnel_peers
FROM report_summary r WHERE r.primary_doc
GROUP BY ALL ORDER BY r.department_kind, r.fiscal_year`;

export function briefIndicators(db: Db): Promise<BriefIndicator[]> {
  return db.query<BriefIndicator>(BRIEF_INDICATORS_SQL);
}

export function briefChecks(db: Db): Promise<BriefCheck[]> {
  return db.query<BriefCheck>(BRIEF_CHECKS_SQL);
}

export function peerStructures(db: Db): Promise<PeerStructure[]> {
  return db.query<PeerStructure>(PEER_STRUCTURE_SQL);
}
