/** Ids below this are marked in a byte array; any larger one (never met in practice) is kept in a set. */
const MARKED = 1 << 24;

/**
 * Distinct ids (source ids, small whole numbers), kept as marks in a byte array: adding one is a store rather than
 * a hash, and they come out in order without a sort. For the many sources of one point added up from many cells.
 */
export class IdMarks {
  private marks = new Uint8Array(64);
  private low = MARKED;
  private high = -1;
  private readonly others = new Set<number>();

  add(id: number): void {
    if (!(id >= 0 && id < MARKED && Number.isInteger(id))) {
      this.others.add(id);
      return;
    }
    if (id >= this.marks.length) {
      const marks = new Uint8Array(Math.max(id + 1, this.marks.length * 2));
      marks.set(this.marks);
      this.marks = marks;
    }
    this.marks[id] = 1;
    if (id < this.low) this.low = id;
    if (id > this.high) this.high = id;
  }

  /** The ids added, in ascending order, each once. */
  sorted(): number[] {
    const ids: number[] = [];
    for (let id = this.low; id <= this.high; id++) if (this.marks[id]) ids.push(id);
    if (this.others.size === 0) return ids;
    return [...ids, ...this.others].sort((a, b) => a - b);
  }
}
