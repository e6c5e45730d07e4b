/**
 * The file line of each row written by a bulk import, kept as change points: in a file without multi-line or
 * rejected rows the line is the row's ordinal plus a constant, so millions of rows cost a few entries.
 */
export class LineIndex {
  private readonly ordinals: number[] = [];
  private readonly offsets: number[] = [];

  /** Records that the `ordinal`-th written row (0-based) came from `line`. Ordinals must come in order. */
  record(ordinal: number, line: number): void {
    const offset = line - ordinal;
    if (this.offsets[this.offsets.length - 1] !== offset) {
      this.ordinals.push(ordinal);
      this.offsets.push(offset);
    }
  }

  /** The line of the `ordinal`-th written row. */
  lineOf(ordinal: number): number {
    let lo = 0;
    let hi = this.ordinals.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.ordinals[mid]! <= ordinal) lo = mid;
      else hi = mid - 1;
    }
    return ordinal + (this.offsets[lo] ?? 0);
  }
}
