// Token formats from qr-assets/TOKENS.md: rotating kiosk code (k1, HMAC-SHA256),
// visitor pass (v1, Ed25519), confirmation (c1, checked by the server only), CCCD text.
import { loadScript } from '../shared/dom.js';

const subtle = window.crypto && window.crypto.subtle; // missing outside secure contexts (plain-http LAN)

export function b64url(bytes) {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromB64url(text) {
  const s = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(s, (c) => c.charCodeAt(0));
}

const ascii = (text) => new TextEncoder().encode(text);

async function hmacSha256(key, message) {
  if (subtle) {
    try {
      const k = await subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
      return new Uint8Array(await subtle.sign('HMAC', k, message));
    } catch (e) {
      // fall through to the vendored implementation
    }
  }
  await loadScript('/vendor/sha256.min.js');
  return new Uint8Array(window.sha256.hmac.arrayBuffer(key, message));
}

export const STEP_MS = 30000;

/** k1.<kioskId>.<step>.<mac> for the step containing nowMs. */
export async function kioskToken(kioskId, secretBytes, nowMs = Date.now()) {
  const step = Math.floor(nowMs / STEP_MS);
  const signed = `k1.${kioskId}.${step}`;
  const mac = await hmacSha256(secretBytes, ascii(signed));
  return { token: `${signed}.${b64url(mac.slice(0, 16))}`, step, nextAtMs: (step + 1) * STEP_MS };
}

const PASS = /^v1\.(0|[1-9]\d{0,17})\.(0|[1-9]\d{0,17})\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]{86})$/;

export function looksLikePass(text) {
  return PASS.test(text);
}

let webCryptoEd25519 = subtle ? null : false; // null = not tried yet

async function ed25519Verify(publicKeyRaw, signature, message) {
  if (webCryptoEd25519 !== false) {
    try {
      const key = await subtle.importKey('raw', publicKeyRaw, { name: 'Ed25519' }, false, ['verify']);
      const ok = await subtle.verify({ name: 'Ed25519' }, key, signature, message);
      webCryptoEd25519 = true;
      return ok;
    } catch (e) {
      if (webCryptoEd25519 === true) return false;
      webCryptoEd25519 = false; // this browser has no WebCrypto Ed25519: use the vendored library
    }
  }
  const ed = await import('/vendor/noble-ed25519.esm.js');
  if (!ed.hashes.sha512) {
    await loadScript('/vendor/sha512.min.js');
    ed.hashes.sha512 = (m) => new Uint8Array(window.sha512.arrayBuffer(m));
  }
  try {
    return ed.verify(signature, message, publicKeyRaw, { zip215: false });
  } catch (e) {
    return false;
  }
}

/** {visitorId (string), issuedAt, displayName} when the pass is genuine, else null. */
export async function verifyPass(pass, publicKeyRaw) {
  const m = PASS.exec(pass);
  if (!m || !publicKeyRaw) return null;
  let signature;
  let name;
  try {
    signature = fromB64url(m[4]);
    if (b64url(signature) !== m[4]) return null; // canonical base64url only
    const nameBytes = fromB64url(m[3]);
    if (b64url(nameBytes) !== m[3]) return null;
    name = new TextDecoder('utf-8', { fatal: true }).decode(nameBytes);
  } catch (e) {
    return null;
  }
  const signed = ascii(pass.slice(0, pass.lastIndexOf('.')));
  if (!(await ed25519Verify(publicKeyRaw, signature, signed))) return null;
  return { visitorId: m[1], issuedAt: Number(m[2]), displayName: name };
}

/** The fields of a confirmation code the kiosk may read (only the server checks its tag). */
export function parseConfirmation(text) {
  const m = /^c1\.([A-Za-z0-9-]{1,64})\.(0|[1-9]\d{0,17})\.([01d])\.([A-Za-z0-9]{0,12})\.(0|[1-9]\d{0,17})\.([A-Za-z0-9_-]{22})$/.exec(text);
  if (!m) return null;
  return { visitRef: m[1], siteId: m[2], installed: m[3] !== '0', bluezoneId: m[4] || null, expiresAt: Number(m[5]) };
}

/**
 * A CCCD QR: ID|old ID|full name|ddMMyyyy|sex|address|ddMMyyyy. Returns {idNumber, name, ...}
 * or {error} for a text that starts like a card but is not one; null for anything else.
 */
export function parseCccd(text) {
  if (!/^\d{12}\|/.test(text)) return null;
  const f = text.replace(/\s+$/, '').split('|');
  if (f.length !== 7) return { error: 'format' };
  const name = f[2].normalize('NFC').trim();
  if (!name || name.length > 100) return { error: 'name' };
  const date = (s) => /^\d{8}$/.test(s) ? `${s.slice(4)}-${s.slice(2, 4)}-${s.slice(0, 2)}` : null;
  const birth = date(f[3]);
  const issued = date(f[6]);
  if (!birth || !issued) return { error: 'date' };
  if (f[1] !== '' && !/^\d{9}$/.test(f[1])) return { error: 'oldId' };
  return { idNumber: f[0], oldId: f[1] || null, name, birthDate: birth, sex: f[4].normalize('NFC'), address: f[5], issueDate: issued };
}

/** What a scanned text is: pass, cccd, confirmation, site (a kiosk or poster URL), or unknown. */
export function classify(text) {
  const s = (text || '').trim();
  if (s.startsWith('v1.')) return { kind: 'pass', text: s };
  if (s.startsWith('c1.')) return { kind: 'confirmation', text: s, claims: parseConfirmation(s) };
  const card = parseCccd(s);
  if (card) return { kind: 'cccd', text: s, card };
  if (/\/c\/[kp]1\.[^/]+$/.test(s)) return { kind: 'site', text: s };
  return { kind: 'unknown', text: s };
}
