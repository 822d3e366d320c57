// Name-derived UUIDs for the template generator, so regenerating a template gives the same file
// byte for byte. Shaped like a version-5 UUID (a hash of a namespace and a name); the hash is a
// small non-cryptographic 128-bit mix, not SHA-1: shared/ has no crypto library, and these ids only
// need to be stable and distinct. Models made from a template get fresh random ids (withFreshIds).

/** Four 32-bit lanes of a multiply-xorshift hash over the UTF-16 code units. */
function hash128(text: string): [number, number, number, number] {
  let h1 = 0x6a09e667;
  let h2 = 0xbb67ae85;
  let h3 = 0x3c6ef372;
  let h4 = 0xa54ff53a;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  // Final avalanche so that names differing in their last character differ everywhere.
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

const hex8 = (n: number) => n.toString(16).padStart(8, '0');

/** A UUID (version nibble 5, RFC 4122 variant) derived from `namespace` and `name`: same input, same id. */
export function stableUuid(namespace: string, name: string): string {
  // The separator cannot occur in a namespace we use, so ("a/b", "c") and ("a", "b/c") differ.
  const [a, b, c, d] = hash128(`${namespace}\u0000${name}`);
  const hex = hex8(a) + hex8(b) + hex8(c) + hex8(d);
  const version = `5${hex.slice(13, 16)}`;
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16) + hex.slice(17, 20);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${version}-${variant}-${hex.slice(20, 32)}`;
}
