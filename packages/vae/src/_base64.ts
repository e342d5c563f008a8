// Standard base64 with padding (RFC 4648 §4), the same text as Node's Buffer writes, without Buffer: the VAE
// checkpoint's arrays are encoded with it in browsers too.

const alphabet = new TextEncoder().encode('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/');
const pad = 61; // '='
const sextets = new Uint8Array(256).fill(255);
alphabet.forEach((code, i) => {
  sextets[code] = i;
});

export function toBase64(bytes: Uint8Array): string {
  const out = new Uint8Array(Math.ceil(bytes.length / 3) * 4);
  let o = 0;
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out[o++] = alphabet[n >>> 18]!;
    out[o++] = alphabet[(n >>> 12) & 63]!;
    out[o++] = alphabet[(n >>> 6) & 63]!;
    out[o++] = alphabet[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest > 0) {
    const n = (bytes[i]! << 16) | (rest === 2 ? bytes[i + 1]! << 8 : 0);
    out[o++] = alphabet[n >>> 18]!;
    out[o++] = alphabet[(n >>> 12) & 63]!;
    out[o++] = rest === 2 ? alphabet[(n >>> 6) & 63]! : pad;
    out[o++] = pad;
  }
  return new TextDecoder().decode(out);
}

/** The bytes `text` encodes, or undefined unless it is padded standard base64. */
export function fromBase64(text: string): Uint8Array | undefined {
  const codes = new TextEncoder().encode(text);
  if (codes.length % 4 !== 0) return undefined;
  const padding = codes.length === 0 ? 0 : (codes[codes.length - 1] === pad ? 1 : 0) + (codes[codes.length - 2] === pad ? 1 : 0);
  const out = new Uint8Array((codes.length / 4) * 3 - padding);
  let o = 0;
  for (let i = 0; i < codes.length; i += 4) {
    const last = i + 4 === codes.length;
    const a = sextets[codes[i]!]!;
    const b = sextets[codes[i + 1]!]!;
    const c = last && padding === 2 ? 0 : sextets[codes[i + 2]!]!;
    const d = last && padding >= 1 ? 0 : sextets[codes[i + 3]!]!;
    if (((a | b | c | d) & 192) !== 0) return undefined; // a character outside the alphabet (255)
    const n = (a << 18) | (b << 12) | (c << 6) | d;
    out[o++] = n >>> 16;
    if (o < out.length) out[o++] = (n >>> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  return out;
}
