// UUIDs from the platform's CSPRNG (present in browsers, Electron and node >= 19 alike).
declare const crypto: { randomUUID(): string };

export function newId(): string {
  return crypto.randomUUID();
}
