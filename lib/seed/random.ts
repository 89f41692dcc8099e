/** A seeded pseudo-random generator: seeds must reproduce the same data run after run. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  float(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  weighted<T>(entries: readonly (readonly [T, number])[]): T;
  shuffle<T>(items: readonly T[]): T[];
  /** Up to `count` distinct items, in random order. */
  sample<T>(items: readonly T[], count: number): T[];
  dateBetween(start: Date, end: Date): Date;
  /** A version-4-shaped UUID drawn from this stream, so ids are reproducible too. */
  uuid(): string;
  /** An independent stream, so adding draws in one place does not shift every later value. */
  fork(label: string): Rng;
}

/** FNV-1a, so seeds can be readable strings. */
export function hashSeed(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function createRng(seed: number | string): Rng {
  const seedNumber = typeof seed === "string" ? hashSeed(seed) : seed >>> 0;
  const next = mulberry32(seedNumber);

  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));

  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error("pick from an empty list");
    return items[Math.floor(next() * items.length)] as T;
  };

  const shuffle = <T>(items: readonly T[]): T[] => {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy;
  };

  return {
    next,
    int,
    float: (min, max) => min + next() * (max - min),
    chance: (probability) => next() < probability,
    pick,
    weighted<T>(entries: readonly (readonly [T, number])[]): T {
      const total = entries.reduce((sum, [, weight]) => sum + Math.max(0, weight), 0);
      if (total <= 0) throw new Error("weighted pick needs a positive weight");
      let roll = next() * total;
      for (const [item, weight] of entries) {
        roll -= Math.max(0, weight);
        if (roll < 0) return item;
      }
      return entries[entries.length - 1]![0];
    },
    shuffle,
    sample: (items, count) => shuffle(items).slice(0, Math.max(0, count)),
    dateBetween(start, end) {
      const from = start.getTime();
      const to = Math.max(from, end.getTime());
      return new Date(from + Math.floor(next() * (to - from + 1)));
    },
    uuid() {
      const hex = Array.from({ length: 16 }, () => int(0, 255).toString(16).padStart(2, "0"));
      hex[6] = `4${hex[6]!.slice(1)}`;
      hex[8] = ((parseInt(hex[8]!, 16) & 0x3f) | 0x80).toString(16);
      const s = hex.join("");
      return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
    },
    fork: (label) => createRng(hashSeed(`${seedNumber}:${label}`)),
  };
}
