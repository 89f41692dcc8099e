export interface Rng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [0, 2^32). */
  nextUint32(): number;
}

/** FNV-1a over the UTF-8 bytes, so equal strings give the same seed in every JS runtime. */
export function hashSeed(seed: string): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(seed)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32: tiny and fast with a full 2^32 period; not cryptographic, which forecasting does not need. */
export function createRng(seed: number | string): Rng {
  if (typeof seed === "number" && !Number.isInteger(seed)) {
    throw new RangeError(`seed must be an integer or a string, got ${seed}`);
  }
  let state = typeof seed === "string" ? hashSeed(seed) : seed >>> 0;
  const nextUint32 = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  };
  return { nextUint32, next: () => nextUint32() / 4294967296 };
}
