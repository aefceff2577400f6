// Length-prefixed concatenation for signed transcripts: every field is preceded by its length
// as a big-endian uint32, so no two field lists encode alike and nothing can be shifted between
// fields. Handshakes, envelopes, SecAgg keys and masks all sign or derive over these.

export type Field = Uint8Array | string | number;

export function transcript(...fields: Field[]): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const field of fields) {
    const bytes = typeof field === 'string' ? new TextEncoder().encode(field)
      : typeof field === 'number' ? u32(field) : field;
    parts.push(u32(bytes.length), bytes);
  }
  return concat(parts);
}

export function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function u32(value: number): Uint8Array {
  if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) {
    throw new RangeError(`transcript integer ${value} is not a uint32`);
  }
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, value, false);
  return out;
}
