import DataLoader from 'dataloader';

/**
 * Per-request DataLoaders, made on first use: a page of N dossiers asks for its
 * counts and progress in one query each, whatever N is.
 */
export class Loaders {
  private readonly loaders = new Map<string, DataLoader<string, unknown>>();

  get<V>(name: string, batch: (keys: readonly string[]) => Promise<Map<string, V>>, fallback: V): DataLoader<string, V> {
    let loader = this.loaders.get(name) as DataLoader<string, V> | undefined;
    if (!loader) {
      loader = new DataLoader<string, V>(async (keys) => {
        const found = await batch(keys);
        return keys.map((k) => found.get(k) ?? fallback);
      });
      this.loaders.set(name, loader as DataLoader<string, unknown>);
    }
    return loader;
  }

  /** Forgets cached values after a write in the same request. */
  clear() {
    for (const loader of this.loaders.values()) loader.clearAll();
  }
}
