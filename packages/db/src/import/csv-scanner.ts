/** One CSV record as its raw fields, with the line it ends on (the line it is on, for one-line records). */
export interface RawCsvRecord {
  line: number;
  fields: string[];
}

/** A CSV syntax error, with the code and line that csv-parse gives the same fault. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly lines: number,
  ) {
    super(message);
  }
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const CR = 0x0d;
const LF = 0x0a;
const BOM = [0xef, 0xbb, 0xbf];

/** Not enough bytes yet to finish the record: wait for the next chunk. */
const MORE = -1;

/**
 * RFC 4180 records from `Buffer` chunks, with the decisions of csv-parse (`bom`, `skip_empty_lines`,
 * `relax_column_count`, no trimming), which this replaces on the import's hot path: the record delimiter is the first
 * of CRLF, LF or CR met outside quotes; a quote opens a field only as its first character, `""` inside quotes is one
 * quote, and a closing quote must be followed by a comma, the record delimiter or the end; lines are counted as
 * csv-parse counts them (every CR and LF, the LF of a CRLF delimiter excepted), so errors point at the same line.
 * A record split across chunks is scanned again from its start once the next chunk is in.
 */
export class CsvScanner {
  private pending: Buffer | undefined;
  private started = false;
  /** The record delimiter once found: a CR followed by LF is written `CR + LF` (0x0d0a). */
  private delimiter = 0;
  /** CR and LF bytes read so far (the line is one more), and whether the last byte read was one. */
  private breaks = 0;
  private lastWasBreak = false;

  /** Scans the next chunk; returns the records it completes. */
  push(chunk: Buffer): RawCsvRecord[] {
    let buf = this.pending ? Buffer.concat([this.pending, chunk]) : chunk;
    if (!this.started) {
      if (buf.length < 3) {
        this.pending = buf;
        return [];
      }
      this.started = true;
      if (buf[0] === BOM[0] && buf[1] === BOM[1] && buf[2] === BOM[2]) buf = buf.subarray(3);
    }
    return this.scan(buf, false);
  }

  /** Ends the input: returns the last record, or throws if the file ends inside a quoted field. */
  end(): RawCsvRecord[] {
    let buf = this.pending ?? Buffer.alloc(0);
    if (!this.started) {
      this.started = true;
      if (buf.length >= 3 && buf[0] === BOM[0] && buf[1] === BOM[1] && buf[2] === BOM[2]) buf = buf.subarray(3);
    }
    return this.scan(buf, true);
  }

  private scan(buf: Buffer, final: boolean): RawCsvRecord[] {
    const records: RawCsvRecord[] = [];
    let pos = 0;
    const n = buf.length;
    while (pos < n) {
      const saved = { delimiter: this.delimiter, breaks: this.breaks, lastWasBreak: this.lastWasBreak };
      const fields: string[] = [];
      const next = this.record(buf, pos, final, fields);
      if (next === MORE) {
        Object.assign(this, saved);
        break;
      }
      if (fields.length) records.push({ line: this.lineAtRecordEnd, fields });
      pos = next;
    }
    this.pending = pos < n ? buf.subarray(pos) : undefined;
    if (final && this.pending) throw new Error("CSV scanner: bytes left at the end of the input");
    return records;
  }

  private lineAtRecordEnd = 1;

  /** Counts one byte as read, as csv-parse does: the line moves on when the byte after a CR or LF is read. */
  private read(byte: number): void {
    if (this.lastWasBreak) this.breaks++;
    this.lastWasBreak = byte === CR || byte === LF;
  }

  private get line(): number {
    return this.breaks + 1;
  }

  /** A line break outside quotes that is not the file's record delimiter: the file mixes line endings. */
  private mixedLineEndings(byte: number): CsvSyntaxError {
    const name = (d: number) => (d === 0x0d0a ? "CRLF" : d === CR ? "CR" : "LF");
    return new CsvSyntaxError(
      "CSV_MIXED_LINE_ENDINGS",
      `line ${this.line} ends with ${name(byte)} where the file's first line ends with ${name(this.delimiter)}: ` +
        `the file mixes line endings; save it with one kind (CRLF or LF) throughout`,
      this.line,
    );
  }

  /** The length of the record delimiter at `pos` (finding it first if not yet known), 0 if none, MORE to wait. */
  private delimiterAt(buf: Buffer, pos: number, final: boolean): number {
    const b = buf[pos];
    if (b !== CR && b !== LF) return 0;
    if (this.delimiter === 0) {
      if (b === CR && pos + 1 >= buf.length && !final) return MORE;
      this.delimiter = b === CR && buf[pos + 1] === LF ? 0x0d0a : b;
    }
    if (this.delimiter === 0x0d0a) {
      if (b !== CR) return 0;
      if (pos + 1 >= buf.length) return final ? 0 : MORE;
      return buf[pos + 1] === LF ? 2 : 0;
    }
    return b === this.delimiter ? 1 : 0;
  }

  /**
   * Scans one record from `pos` into `fields` (left empty for a skipped empty line); returns where the next record
   * starts, or MORE when the buffer ends first and more input is coming.
   */
  private record(buf: Buffer, pos: number, final: boolean, fields: string[]): number {
    const n = buf.length;
    let fieldStart = pos;
    let parts: string[] | undefined; // the text of the current field's quoted part, when it has one
    const field = (end: number) =>
      parts === undefined
        ? buf.toString("utf8", fieldStart, end)
        : parts.join("") + buf.toString("utf8", fieldStart, end);
    for (;;) {
      if (pos >= n) {
        if (!final) return MORE;
        // The end: the last record, unless the line is empty.
        this.lineAtRecordEnd = this.line;
        if (parts !== undefined || fields.length || pos > fieldStart) fields.push(field(pos));
        return pos;
      }
      const b = buf[pos]!;
      if (b === QUOTE) {
        this.read(b);
        if (pos === fieldStart && parts === undefined) {
          const end = this.quotedField(buf, pos + 1, final);
          if (end === MORE) return MORE;
          parts = end.parts;
          pos = fieldStart = end.next;
          continue;
        }
        const value = field(pos);
        const bom = value === "\uFEFF" ? " (utf8 bom)" : "";
        throw new CsvSyntaxError(
          "INVALID_OPENING_QUOTE",
          `Invalid Opening Quote: a quote is found on field ${fields.length} at line ${this.line}, value is ${JSON.stringify(value)}${bom}`,
          this.line,
        );
      }
      const length = this.delimiterAt(buf, pos, final);
      if (length === MORE) return MORE;
      if (length === 0 && (b === CR || b === LF)) throw this.mixedLineEndings(b);
      this.read(b);
      if (length > 0) {
        // An empty line is skipped (fields stay empty).
        if (parts === undefined && fields.length === 0 && pos === fieldStart) return pos + length;
        this.lineAtRecordEnd = this.line;
        fields.push(field(pos));
        return pos + length;
      }
      if (b === COMMA) {
        fields.push(field(pos));
        parts = undefined;
        fieldStart = pos + 1;
      }
      pos++;
    }
  }

  /** Scans a quoted field from just after its opening quote; returns its text (in pieces) and what follows it. */
  private quotedField(buf: Buffer, pos: number, final: boolean): { parts: string[]; next: number } | typeof MORE {
    const n = buf.length;
    const parts: string[] = [];
    let start = pos;
    for (;;) {
      if (pos >= n) {
        if (!final) return MORE;
        throw new CsvSyntaxError(
          "CSV_QUOTE_NOT_CLOSED",
          `Quote Not Closed: the parsing is finished with an opening quote at line ${this.line}`,
          this.line,
        );
      }
      const b = buf[pos]!;
      if (b !== QUOTE) {
        this.read(b);
        pos++;
        continue;
      }
      // A quote inside quotes: `""` is one quote; otherwise it must close the field.
      if (pos + 1 >= n && !final) return MORE;
      this.read(b);
      const next = buf[pos + 1];
      if (next === QUOTE) {
        parts.push(buf.toString("utf8", start, pos + 1));
        this.read(next);
        pos += 2;
        start = pos;
        continue;
      }
      if (next === undefined || next === 0 || next === COMMA) {
        parts.push(buf.toString("utf8", start, pos));
        return { parts, next: pos + 1 };
      }
      const length = this.delimiterAt(buf, pos + 1, final);
      if (length === MORE) return MORE;
      if (length > 0) {
        parts.push(buf.toString("utf8", start, pos));
        return { parts, next: pos + 1 };
      }
      if (next === CR || next === LF) {
        this.read(next);
        throw this.mixedLineEndings(next);
      }
      throw new CsvSyntaxError(
        "CSV_INVALID_CLOSING_QUOTE",
        `Invalid Closing Quote: got "${String.fromCharCode(next)}" at line ${this.line} instead of delimiter, record delimiter, trimable character (if activated) or comment`,
        this.line,
      );
    }
  }
}
