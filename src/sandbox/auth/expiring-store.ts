import { randomBytes } from 'node:crypto';

/** A random, URL-safe identifier with 256 bits of entropy, for codes, tokens and launch ids. */
export function randomId(): string {
  return randomBytes(32).toString('base64url');
}

/** Milliseconds since the epoch; injectable so tests can move time instead of sleeping. */
export type Clock = () => number;

/**
 * An in-memory map whose entries stop existing after their lifetime. Keys are random ids made here, so
 * nobody can choose or guess one.
 */
export interface ExpiringStore<T> {
  /** Stores `value` for `lifetimeMs` and returns its new random key. */
  add(value: T, lifetimeMs: number): string;
  /** The value, or undefined when the key is unknown or has expired. */
  get(key: string | null | undefined): T | undefined;
  delete(key: string): void;
}

export function createExpiringStore<T>(now: Clock): ExpiringStore<T> {
  const entries = new Map<string, { value: T; expiresAt: number }>();

  function sweep(): void {
    const time = now();
    for (const [key, entry] of entries) {
      if (entry.expiresAt <= time) {
        entries.delete(key);
      }
    }
  }

  return {
    add(value, lifetimeMs) {
      sweep();
      const key = randomId();
      entries.set(key, { value, expiresAt: now() + lifetimeMs });
      return key;
    },
    get(key) {
      const entry = key ? entries.get(key) : undefined;
      if (!entry) {
        return undefined;
      }
      if (entry.expiresAt <= now()) {
        entries.delete(key ?? '');
        return undefined;
      }
      return entry.value;
    },
    delete(key) {
      entries.delete(key);
    },
  };
}

/** Remembers keys chosen by others (JWT `jti`s) until they expire, to refuse the same one twice. */
export interface ReplayGuard {
  /** True the first time a key is seen before `expiresAt` (ms since the epoch); false for a replay. */
  remember(key: string, expiresAt: number): boolean;
}

export function createReplayGuard(now: Clock): ReplayGuard {
  const seen = new Map<string, number>();
  return {
    remember(key, expiresAt) {
      const time = now();
      for (const [old, until] of seen) {
        if (until <= time) {
          seen.delete(old);
        }
      }
      if (seen.has(key)) {
        return false;
      }
      seen.set(key, Math.max(expiresAt, time + 1));
      return true;
    },
  };
}
