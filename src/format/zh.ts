/** Chinese number formatting for every figure on the site: thousands separators, 万元, one-decimal percentages. */

const NUMBER = new Intl.NumberFormat("zh-CN", { maximumFractionDigits: 2 });
const PERCENT = new Intl.NumberFormat("zh-CN", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const SIGNED_PERCENT = new Intl.NumberFormat("zh-CN", {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
  signDisplay: "exceptZero",
});

/** Shown wherever a figure is absent from the report; never 0, which would be a claim. */
export const MISSING = "—";

/** 1234.5 → "1,234.5" (up to two decimals, as the reports print them). */
export function formatNumber(v: number | null | undefined): string {
  return v === null || v === undefined || !Number.isFinite(v) ? MISSING : NUMBER.format(v);
}

/** 532.95 → "532.95万元". */
export function formatWan(v: number | null | undefined): string {
  return v === null || v === undefined || !Number.isFinite(v) ? MISSING : `${NUMBER.format(v)}万元`;
}

/** A ratio as a percentage with one decimal: 0.1234 → "12.3%". */
export function formatShare(ratio: number | null | undefined): string {
  return ratio === null || ratio === undefined || !Number.isFinite(ratio) ? MISSING : `${PERCENT.format(ratio * 100)}%`;
}

/** A value already in percent (as printed, e.g. an execution rate of 95.27) → "95.3%". */
export function formatPercent(v: number | null | undefined): string {
  return v === null || v === undefined || !Number.isFinite(v) ? MISSING : `${PERCENT.format(v)}%`;
}

/** A change ratio with its sign: 0.125 → "+12.5%", −0.04 → "-4.0%". */
export function formatChange(ratio: number | null | undefined): string {
  return ratio === null || ratio === undefined || !Number.isFinite(ratio) ? MISSING : `${SIGNED_PERCENT.format(ratio * 100)}%`;
}

/** A number with its unit glued on the Chinese way: (37, "人") → "37人". */
export function formatWithUnit(v: number | null | undefined, unit: string | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return MISSING;
  if (unit === "%") return formatPercent(v);
  return `${NUMBER.format(v)}${unit ?? ""}`;
}

/** 96.5 → "96.5分". */
export function formatScore(v: number | null | undefined): string {
  return formatWithUnit(v, "分");
}

/** 2024 → "2024年" (no thousands separator: a year is not a quantity). */
export function formatYear(y: number | null | undefined): string {
  return y === null || y === undefined ? MISSING : `${y}年`;
}

/** A file size as people read it: 812 → "812 字节", 48_213 → "47.1 KB", 3_500_000 → "3.3 MB" (1 KB = 1,024 bytes). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} 字节`;
  if (bytes < 1024 * 1024) return `${PERCENT.format(bytes / 1024)} KB`;
  return `${PERCENT.format(bytes / 1024 / 1024)} MB`;
}
