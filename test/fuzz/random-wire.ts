// Random wire input for the fuzz tests, seeded so a failure can be replayed: random bytes,
// and random protobuf messages of any type in the schema (read from proto/*.proto by
// reflection, so a new field is fuzzed without touching this file), with random field values,
// and frames built from them with valid or broken structure.
import { fileURLToPath } from 'node:url';
import protobuf from 'protobufjs';

const PROTO_DIR = fileURLToPath(new URL('../../proto/', import.meta.url));
const root = protobuf.loadSync(['frame.proto', 'handshake.proto', 'round.proto', 'secagg.proto'].map((f) => PROTO_DIR + f));
root.resolveAll();
const ns = root.lookup('cohort.v1') as protobuf.Namespace;
export const MESSAGE_TYPES: protobuf.Type[] = ns.nestedArray.filter((t): t is protobuf.Type => t instanceof protobuf.Type);
export const FrameType = root.lookupType('cohort.v1.Frame');
export const MessageType = root.lookupType('cohort.v1.Message');

/** mulberry32: small, fast, good enough to pick test cases. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  bytes(n: number): Uint8Array {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = this.int(256);
    return out;
  }
  /** Lengths that matter to the protocol (keys, nonces, sessions, signatures) more often than not. */
  length(max = 96): number {
    return this.chance(0.5) ? this.pick([0, 1, 15, 16, 17, 31, 32, 33, 63, 64, 65]) : this.int(max);
  }
}

const STRINGS = ['', 'agency-a', 'coordinator', 'mallory', 'UNKNOWN_AGENCY', 'x'.repeat(70), '../../etc/passwd', '\u0000', 'é\u{1F600}', '{"a":1}'];

function randomScalar(rng: Rng, type: string): unknown {
  switch (type) {
    case 'string': return rng.chance(0.6) ? rng.pick(STRINGS) : Buffer.from(rng.bytes(rng.int(40))).toString('latin1');
    case 'bytes': return rng.bytes(rng.length());
    case 'bool': return rng.chance(0.5);
    case 'float': case 'double': return rng.pick([0, -0, 1, -1, 1e38, -1e-38, NaN, Infinity, -Infinity, rng.next() * 1e6 - 5e5]);
    case 'int32': case 'sint32': case 'sfixed32': return rng.pick([0, 1, -1, 2 ** 31 - 1, -(2 ** 31), rng.int(1000)]);
    case 'uint32': case 'fixed32': return rng.pick([0, 1, 2, 3, 4, 7, 0xffffffff, rng.int(2 ** 32)]);
    default: return rng.pick([0, 1, 2 ** 53 - 1, rng.int(1_000_000)]); // 64-bit kinds
  }
}

/** A random object for `type`: each field present or not, oneofs given one member, nested to `depth`. */
export function randomObject(rng: Rng, type: protobuf.Type, depth = 3): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const oneofMembers = new Set<string>();
  for (const oneof of type.oneofsArray) {
    for (const f of oneof.fieldsArray) oneofMembers.add(f.name);
    if (rng.chance(0.9)) {
      const chosen = rng.pick(oneof.fieldsArray);
      out[chosen.name] = randomField(rng, chosen, depth);
    }
  }
  for (const field of type.fieldsArray) {
    if (oneofMembers.has(field.name) || rng.chance(0.3)) continue;
    out[field.name] = randomField(rng, field, depth);
  }
  return out;
}

function randomField(rng: Rng, field: protobuf.Field, depth: number): unknown {
  const one = () => {
    const resolved = field.resolvedType;
    if (resolved instanceof protobuf.Type) return depth > 0 ? randomObject(rng, resolved, depth - 1) : {};
    if (resolved instanceof protobuf.Enum) return rng.chance(0.8) ? rng.pick(Object.values(resolved.values)) : rng.int(1000);
    return randomScalar(rng, field.type);
  };
  if (field.repeated) return Array.from({ length: rng.int(4) }, one);
  return one();
}

export function encode(type: protobuf.Type, object: Record<string, unknown>): Uint8Array {
  return type.encode(type.fromObject(object)).finish().slice();
}

/** A Frame with a random oneof and random fields (sometimes with no oneof at all). */
export function randomFrame(rng: Rng): Uint8Array {
  return encode(FrameType, randomObject(rng, FrameType));
}

/** A random Message of the schema (any kind, random fields), encoded. */
export function randomMessage(rng: Rng): Uint8Array {
  return encode(MessageType, randomObject(rng, MessageType));
}

/** Any message type's encoding, sent where another is expected. */
export function typeConfused(rng: Rng): Uint8Array {
  const type = rng.pick(MESSAGE_TYPES);
  return encode(type, randomObject(rng, type));
}

/** `bytes` cut short, or with a byte flipped. */
export function damaged(rng: Rng, bytes: Uint8Array): Uint8Array {
  if (bytes.length === 0) return rng.bytes(1 + rng.int(8));
  if (rng.chance(0.6)) return bytes.slice(0, rng.int(bytes.length));
  const out = bytes.slice();
  out[rng.int(out.length)] ^= 1 << rng.int(8);
  return out;
}
