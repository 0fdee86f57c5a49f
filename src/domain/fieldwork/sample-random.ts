// The random source of a sample draw, reproducible from a seed text that the researcher can
// write down. The seed is hashed to 128 bits with cyrb128 (four interleaved 32-bit
// multiply-xorshift lanes) and drives sfc32 (Chris Doty-Humphrey's Small Fast Counting
// generator: 128-bit state, passes PractRand to terabytes, period at least 2^32). Both are
// public-domain algorithms; written out here so the draw never depends on a library or the
// JavaScript engine. The same seed always gives the same sequence, on every machine.
//
// This is not cryptographic randomness and must never make access codes: a sample only needs
// to be unbiased and reproducible, and the seed is recorded on purpose.

function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

export interface SampleRandom {
  /** Uniform integer in [0, exclusiveMax), without modulo bias (rejection sampling). */
  int(exclusiveMax: number): number;
}

export function sampleRandom(seed: string): SampleRandom {
  let [a, b, c, d] = cyrb128(seed);
  const next32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  // Mix the state away from the hash before the first number is used.
  for (let i = 0; i < 15; i++) next32();
  return {
    int(exclusiveMax) {
      if (!Number.isInteger(exclusiveMax) || exclusiveMax < 1 || exclusiveMax > 2 ** 32) throw new RangeError(`bad range ${exclusiveMax}`);
      const limit = 2 ** 32 - (2 ** 32 % exclusiveMax);
      for (;;) {
        const x = next32();
        if (x < limit) return x % exclusiveMax;
      }
    },
  };
}
