import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';

// HMAC-SHA256 (base64url) of the short messages that are signed on every request: the CSRF
// token of a session or anonymous cookie, a respondent's ticket. A browser sends the same cookie
// with each page, so the signatures of recent messages are kept (bounded, oldest dropped first)
// and the key is imported once per secret instead of once per signature.

const REMEMBERED = 20_000;

class Signer {
  private readonly key: KeyObject;
  private readonly recent = new Map<string, string>();

  constructor(secret: string) {
    this.key = createSecretKey(Buffer.from(secret, 'utf8'));
  }

  sign(message: string): string {
    let signature = this.recent.get(message);
    if (signature === undefined) {
      signature = createHmac('sha256', this.key).update(message).digest('base64url');
      if (this.recent.size >= REMEMBERED) this.recent.delete(this.recent.keys().next().value!);
      this.recent.set(message, signature);
    }
    return signature;
  }
}

const signers = new Map<string, Signer>();

/** The HMAC-SHA256 of `message` under `secret`, base64url: the same as createHmac would give. */
export function messageSignature(secret: string, message: string): string {
  let signer = signers.get(secret);
  if (!signer) {
    signer = new Signer(secret);
    signers.set(secret, signer);
  }
  return signer.sign(message);
}
