// Byte encodings that cross a boundary: base64url for JWK key import, and little-endian uint32
// words, the form masked inputs travel in.

/** Base64url without padding (RFC 4648 §5), as JWK key import wants. */
export function base64url(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64url');
}

/** Little-endian bytes of uint32 words (masked inputs travel this way). */
export function encodeUint32LE(words: Uint32Array): Uint8Array {
  const out = new Uint8Array(words.length * 4);
  const view = new DataView(out.buffer);
  for (let i = 0; i < words.length; i++) view.setUint32(i * 4, words[i], true);
  return out;
}

/** Uint32 words from little-endian bytes at any offset (protobuf bytes may be unaligned views). */
export function decodeUint32LE(bytes: Uint8Array): Uint32Array {
  if (bytes.length % 4 !== 0) throw new RangeError(`bytes must hold whole uint32 words: length ${bytes.length} is not a multiple of 4`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Uint32Array(bytes.length / 4);
  for (let i = 0; i < out.length; i++) out[i] = view.getUint32(i * 4, true);
  return out;
}
