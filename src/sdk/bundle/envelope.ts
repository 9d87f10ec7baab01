/** DSSE envelope helpers: the pre-authentication encoding and base64, without Node's Buffer. */

/** Bytes backed by a plain ArrayBuffer, as WebCrypto accepts them. */
export type Bytes = Uint8Array<ArrayBuffer>;

const encoder = new TextEncoder();

/**
 * DSSE's pre-authentication encoding, the bytes a signature covers:
 * `"DSSEv1" SP LEN(type) SP type SP LEN(body) SP body`, lengths in bytes as ASCII decimals.
 */
export function pae(payloadType: string, body: Uint8Array): Bytes {
  const type = encoder.encode(payloadType);
  const head = encoder.encode(`DSSEv1 ${type.length} ${payloadType} ${body.length} `);
  const out = new Uint8Array(head.length + body.length);
  out.set(head, 0);
  out.set(body, head.length);
  return out;
}

const CHUNK = 0x8000;

/** Standard base64 (with padding) of bytes. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  // Chunked so large payloads do not exceed the argument limit of String.fromCharCode.
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

/** Decodes standard base64 (padding optional, whitespace ignored); undefined when it is not base64. */
export function fromBase64(text: string): Bytes | undefined {
  const clean = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 === 1) return undefined;
  let binary: string;
  try {
    binary = atob(clean);
  } catch {
    return undefined;
  }
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** Lowercase hex of bytes. */
export function toHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/** SHA-256 of bytes, as lowercase hex (WebCrypto, available in Node 20, browsers, workers). */
export async function sha256Hex(bytes: Bytes): Promise<string> {
  return toHex(new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes)));
}
