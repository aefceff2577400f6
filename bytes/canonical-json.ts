// The canonical JSON form every hash and signature in the ledger is taken over (and data and
// schema fingerprints, which must hash alike everywhere). It is RFC 8785
// (JCS) restricted to the values the ledger emits, so an auditor can reproduce it in any
// language: objects with keys sorted by UTF-16 code units, no whitespace, strings exactly as
// ECMAScript JSON.stringify writes them, finite numbers in ECMAScript shortest form
// (RFC 8785 section 3.2.2.3). Object keys whose value is `undefined` are absent.

// Lone surrogates cannot be encoded as UTF-8; RFC 8785 section 3.2.2.2 makes them an error.
// The first test is a cheap filter (any surrogate), the second the exact one.
const ANY_SURROGATE = /[\uD800-\uDFFF]/;
const LONE_SURROGATE = /\p{Cs}/u;
// Printable ASCII other than '"' and '\\' is written as is (a fast path for hex and ids).
const PLAIN = /^[ !#-[\]-~]*$/;

export function canonicalJson(value: unknown): string {
  return write(value, '(top level)');
}

function write(value: unknown, key: string): string {
  switch (typeof value) {
    case 'string':
      if (PLAIN.test(value)) return `"${value}"`;
      if (ANY_SURROGATE.test(value) && LONE_SURROGATE.test(value)) throw new RangeError(`the string at ${key} contains a lone surrogate`);
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new RangeError(`the number at ${key} must be finite`);
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i += 1) out += (i === 0 ? '' : ',') + write(value[i], key);
        return out + ']';
      }
      const proto: unknown = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) throw new TypeError(`the value at ${key} must be a plain object, array, string, number, boolean or null`);
      const record = value as Record<string, unknown>;
      let out = '{';
      for (const name of Object.keys(record).sort()) {
        const member = record[name];
        if (member === undefined) continue;
        out += (out.length === 1 ? '' : ',') + write(name, name) + ':' + write(member, name);
      }
      return out + '}';
    }
    default:
      throw new TypeError(`the value at ${key} has type ${typeof value}, which the ledger does not encode`);
  }
}

