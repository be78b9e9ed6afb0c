import type { FieldCipher } from './field-cipher';

/**
 * Owns the data key while the app is unlocked, in memory only: never written anywhere, zeroed
 * and dropped on lock. One per tab; each tab is unlocked on its own.
 */
export class Vault {
  #dataKey: Uint8Array | undefined;
  #cipher: FieldCipher | undefined;
  #ownerId: string | undefined;
  readonly #listeners = new Set<(unlocked: boolean) => void>();

  get unlocked(): boolean {
    return this.#cipher !== undefined;
  }

  get cipher(): FieldCipher | undefined {
    return this.#cipher;
  }

  /** The data key itself, to wrap it again (new PIN, new recovery key). */
  get dataKey(): Uint8Array | undefined {
    return this.#dataKey;
  }

  /** The agent whose data key this is, when the opener said so. */
  get ownerId(): string | undefined {
    return this.#ownerId;
  }

  open(dataKey: Uint8Array, cipher: FieldCipher, ownerId?: string): void {
    if (this.#dataKey !== undefined && this.#dataKey !== dataKey) this.#dataKey.fill(0);
    this.#dataKey = dataKey;
    this.#cipher = cipher;
    this.#ownerId = ownerId;
    this.#notify();
  }

  close(): void {
    if (this.#cipher === undefined) return;
    this.#dataKey?.fill(0);
    this.#dataKey = undefined;
    this.#cipher = undefined;
    this.#ownerId = undefined;
    this.#notify();
  }

  subscribe(observer: { next: (unlocked: boolean) => void }): { unsubscribe(): void } {
    const listener = (unlocked: boolean) => observer.next(unlocked);
    this.#listeners.add(listener);
    observer.next(this.unlocked);
    return { unsubscribe: () => void this.#listeners.delete(listener) };
  }

  #notify(): void {
    for (const listener of this.#listeners) listener(this.unlocked);
  }
}
