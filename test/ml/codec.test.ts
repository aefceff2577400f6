import { describe, expect, it } from 'vitest';
import { decodeFloat32LE, encodeFloat32LE } from '../../ml/codec.js';

function bitsOf(v: Float32Array): number[] {
  return Array.from(new Uint32Array(v.buffer, v.byteOffset, v.length));
}

describe('float32 little-endian codec', () => {
  it('round-trips bit-exactly: NaN payloads, -0, subnormals, infinities', () => {
    const bits = new Uint32Array([0x7fc00001, 0xffa12345, 0x7f800001, 0x80000000, 0x00000001, 0x807fffff, 0x7f800000, 0xff800000, 0x3f800000]);
    const values = new Float32Array(bits.buffer);
    const back = decodeFloat32LE(encodeFloat32LE(values));
    expect(bitsOf(back)).toEqual(Array.from(bits));
  });

  it('writes little-endian bytes', () => {
    expect(Array.from(encodeFloat32LE(new Float32Array([1, -2])))).toEqual([0, 0, 0x80, 0x3f, 0, 0, 0, 0xc0]);
  });

  it('encodes a view without leaking the rest of its buffer', () => {
    const all = new Float32Array([1, 2, 3, 4]);
    const bytes = encodeFloat32LE(all.subarray(1, 3));
    expect(bytes.byteLength).toBe(8);
    expect(bytes.buffer.byteLength).toBe(8);
    expect(Array.from(decodeFloat32LE(bytes))).toEqual([2, 3]);
  });

  it('decodes from an unaligned view and copies', () => {
    const frame = new Uint8Array(1 + 8);
    frame.set(encodeFloat32LE(new Float32Array([0.5, -0])), 1);
    const view = frame.subarray(1);
    const values = decodeFloat32LE(view);
    expect(values[0]).toBe(0.5);
    expect(Object.is(values[1], -0)).toBe(true);
    frame.fill(0xff);
    expect(values[0]).toBe(0.5);
  });

  it('refuses a length that is not whole floats, and non-byte input', () => {
    expect(() => decodeFloat32LE(new Uint8Array(7))).toThrow(RangeError);
    expect(() => decodeFloat32LE([1, 2, 3, 4] as unknown as Uint8Array)).toThrow(TypeError);
    expect(() => encodeFloat32LE(new Float64Array(2) as unknown as Float32Array)).toThrow(TypeError);
  });
});
