import type { RandomBytes } from "../domain/ids";

/**
 * Random bytes drawn from a pool refilled 64 KB at a time: getRandomValues per ID made adding 200,000 records
 * spend seconds in the crypto call itself. Still cryptographically random, so IDs stay unique without coordination.
 */
export function pooledRandomBytes(poolSize = 65_536): RandomBytes {
  let pool = new Uint8Array(0);
  let offset = 0;
  return (length) => {
    if (offset + length > pool.length) {
      pool = new Uint8Array(Math.max(poolSize, length));
      globalThis.crypto.getRandomValues(pool);
      offset = 0;
    }
    const bytes = pool.slice(offset, offset + length);
    offset += length;
    return bytes;
  };
}
