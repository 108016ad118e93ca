// A slip's id comes from the request, never the clock, so the same submit delivered twice
// (a Teams retry or a double click) lands on the same row and makes one slip.
import { createHash } from 'node:crypto';

export function slipIdFor(tenantId: string, senderId: string, requestKey: string): string {
  return createHash('sha256').update(`${tenantId}\n${senderId}\n${requestKey}`).digest('base64url').slice(0, 22);
}
