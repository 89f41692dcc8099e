export interface Quarter {
  year: number;
  quarter: 1 | 2 | 3 | 4;
  start: string;
  end: string;
  label: string;
}

/** The calendar quarter containing `date` (UTC), with ISO start and exclusive end dates. */
export function quarterOf(date: Date): Quarter {
  const year = date.getUTCFullYear();
  const q = (Math.floor(date.getUTCMonth() / 3) + 1) as Quarter["quarter"];
  const start = new Date(Date.UTC(year, (q - 1) * 3, 1));
  const end = new Date(Date.UTC(year, q * 3, 1));
  return { year, quarter: q, start: start.toISOString().slice(0, 10), end: end.toISOString().slice(0, 10), label: `Q${q} ${year}` };
}

/** The quarter as of now (server time, UTC). */
export function currentQuarter(): Quarter {
  return quarterOf(new Date());
}
