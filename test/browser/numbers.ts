/** Reading numbers back off the page the way they were printed: "1,234.5万元", "+12.5%", "95". */

/** A number as shown, with how many decimals it was shown to. */
export interface Shown {
  value: number;
  decimals: number;
}

/** The numbers in a text, read the Chinese way ("1,234.5万元" → 1234.5; "，" also separates thousands). */
export function numbersIn(text: string): Shown[] {
  return [...text.replaceAll(/(?<=\d)[,，](?=\d{3})/g, "").matchAll(/[-+]?\d+(?:\.(\d+))?/g)].map((m) => ({
    value: Number(m[0]),
    decimals: m[1]?.length ?? 0,
  }));
}

/** Whether value, rounded to the decimals shown, is the number shown (1234.567 shows as 1,234.57). */
export function roundsTo(value: number, shown: Shown): boolean {
  return Math.abs(value - shown.value) <= 0.5 * 10 ** -shown.decimals + 1e-9;
}
