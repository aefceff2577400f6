// Weights on the wire: little-endian float32 bytes, never a float array in a schema (a
// repeated float decodes to a JS number array: 2x the bytes and a copy per value). Bytes are copied, never reinterpreted: a decoded protobuf `bytes` field
// may be a view at any offset of a shared buffer, and float32 needs 4-byte alignment. Copying
// bytes rather than numbers also keeps the round trip bit-exact (NaN payloads, -0, subnormals):
// a float read out as a JavaScript number may lose its NaN payload.

const BYTES = Float32Array.BYTES_PER_ELEMENT;
const HOST_IS_LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** The little-endian bytes of `values`, in a fresh buffer of exactly that length. */
export function encodeFloat32LE(values: Float32Array): Uint8Array {
  if (!(values instanceof Float32Array)) throw new TypeError('values must be a Float32Array');
  const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength).slice();
  if (!HOST_IS_LITTLE_ENDIAN) swapWords(bytes);
  return bytes;
}

/** The floats in little-endian `bytes` (any offset, any alignment), as a fresh Float32Array. */
export function decodeFloat32LE(bytes: Uint8Array): Float32Array {
  if (!(bytes instanceof Uint8Array)) throw new TypeError('bytes must be a Uint8Array');
  if (bytes.byteLength % BYTES !== 0) {
    throw new RangeError(`bytes must hold whole float32 values: length ${bytes.byteLength} is not a multiple of ${BYTES}`);
  }
  const copy = bytes.slice(); // aligned, and no longer shared with the caller's buffer
  if (!HOST_IS_LITTLE_ENDIAN) swapWords(copy);
  return new Float32Array(copy.buffer, 0, copy.byteLength / BYTES);
}

function swapWords(bytes: Uint8Array): void {
  for (let i = 0; i < bytes.length; i += BYTES) {
    const b0 = bytes[i];
    const b1 = bytes[i + 1];
    bytes[i] = bytes[i + 3];
    bytes[i + 1] = bytes[i + 2];
    bytes[i + 2] = b1;
    bytes[i + 3] = b0;
  }
}
