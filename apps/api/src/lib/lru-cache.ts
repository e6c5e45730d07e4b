/**
 * A small least-recently-used cache: a Map keeps insertion order, so the first key is the oldest. Bounded by the
 * number of entries and, when `sizeOf` is given, by their total size (a serialised payload's length).
 */
export class LruCache<V> {
  private readonly map = new Map<string, V>();
  private bytes = 0;
  constructor(
    private readonly max: number,
    private readonly maxBytes = Infinity,
    private readonly sizeOf: (value: V) => number = () => 0,
  ) {}

  get(key: string): V | undefined {
    const value = this.map.get(key);
    if (value === undefined) return undefined;
    this.map.delete(key);
    this.map.set(key, value);
    return value;
  }

  set(key: string, value: V): void {
    const size = this.sizeOf(value);
    if (size > this.maxBytes) return;
    this.delete(key);
    this.map.set(key, value);
    this.bytes += size;
    while (this.map.size > this.max || this.bytes > this.maxBytes) this.delete(this.map.keys().next().value!);
  }

  delete(key: string): void {
    const old = this.map.get(key);
    if (old === undefined) return;
    this.map.delete(key);
    this.bytes -= this.sizeOf(old);
  }

  clear(): void {
    this.map.clear();
    this.bytes = 0;
  }

  get size(): number {
    return this.map.size;
  }
}
