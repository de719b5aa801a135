const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** 'YYYY-MM' → months since year 0, so that calendar arithmetic is integer arithmetic. */
export function monthIndex(month: string): number {
  const match = MONTH_PATTERN.exec(month);
  if (match === null || match[1] === undefined || match[2] === undefined) {
    throw new RangeError(`Not a month (YYYY-MM): ${month}`);
  }
  return Number(match[1]) * 12 + Number(match[2]) - 1;
}

export function monthFromIndex(index: number): string {
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

export function addMonths(month: string, offset: number): string {
  return monthFromIndex(monthIndex(month) + offset);
}

/** Calendar months strictly between the first and the last of a sorted list that are absent. */
export function missingMonths(sortedMonths: readonly string[]): string[] {
  const first = sortedMonths[0];
  const last = sortedMonths[sortedMonths.length - 1];
  if (first === undefined || last === undefined) return [];
  const present = new Set(sortedMonths);
  const missing: string[] = [];
  for (let index = monthIndex(first) + 1; index < monthIndex(last); index += 1) {
    const month = monthFromIndex(index);
    if (!present.has(month)) missing.push(month);
  }
  return missing;
}
