// Input problems (bad bytes, malformed front matter, no report text) as one typed error,
// so the CLI can print a single "FILE:LINE: message" line instead of a stack trace.

export interface ReportInputErrorOptions {
  line?: number;
  offset?: number;
}

export class ReportInputError extends Error {
  readonly file: string;
  readonly line: number | undefined;
  readonly offset: number | undefined;
  readonly reason: string;

  constructor(file: string, reason: string, options: ReportInputErrorOptions = {}) {
    super(formatLocation(file, options.line, reason));
    this.name = "ReportInputError";
    this.file = file;
    this.reason = reason;
    this.line = options.line;
    this.offset = options.offset;
  }

  override toString(): string {
    return this.message;
  }
}

function formatLocation(file: string, line: number | undefined, reason: string): string {
  const oneLine = reason.replace(/\s*\n\s*/g, " ");
  return line === undefined ? `${file}: ${oneLine}` : `${file}:${line}: ${oneLine}`;
}

export function isReportInputError(e: unknown): e is ReportInputError {
  return e instanceof ReportInputError;
}
