// Reading one file the loader parses: the bytes (never blocking on a FIFO, never over the size limit), decoded
// as the backend would read them. Shared by the loader and its worker threads, so both report the same.
import { FileTooLarge, NotRegularFile } from '../util/files.js';
import type { Finding } from './finding.js';
import type { RepoFile } from './types.js';
import type { XmlParseResult } from './xml.js';

/** The BPMN/DMN files: parsed as XML (by worker threads too). */
export const XML_EXTENSIONS = new Set(['bpmn', 'dmn']);

/** A file name's extension, lower case ('' for none and for a name that only starts with a dot). */
export function extension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** Files larger than this are listed but not parsed (the check would take longer than it is worth). */
export const MAX_PARSE_BYTES = 64 * 1024 * 1024;

/** A BPMN/DMN file read, decoded and parsed elsewhere (a worker thread): what the loader would have made. */
export interface PreParsed extends Omit<ReadResult, 'text'> {
  /** The file was read and decoded (its text is read again here when a finding needs it). */
  hadText: boolean;
  parsed: XmlParseResult;
}

/** What reading one file the loader parses gives: its text, or the finding that says why there is none. */
export interface ReadResult {
  size: number;
  bom?: boolean;
  /** Not a regular file after all (a FIFO, a socket, a device): never read. */
  special?: string;
  text?: string;
  finding?: Finding;
}

/** Reads and decodes one file (shared by the loader and its worker threads, so both report the same). */
export function readText(
  f: Pick<RepoFile, 'path' | 'ext' | 'modelId' | 'size'>,
  read: () => Buffer,
): ReadResult {
  let buf: Buffer;
  try {
    buf = read();
  } catch (err) {
    if (err instanceof FileTooLarge) return { size: err.size, finding: tooLargeFinding(f, err.size) };
    if (err instanceof NotRegularFile)
      return { size: f.size, special: err.kind, finding: specialFileFinding(f, err.kind) };
    return {
      size: f.size,
      finding: finding('unreadable-file', 'error', `cannot read: ${(err as Error).message}`, f),
    };
  }
  const size = buf.length;
  const bom = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? true : undefined;
  if (size > MAX_PARSE_BYTES) return { size, bom, finding: tooLargeFinding(f, size) };
  const decoded = decode(buf, f.ext === 'bpmn' || f.ext === 'dmn');
  if (typeof decoded !== 'string')
    return {
      size,
      bom,
      finding: finding('invalid-encoding', 'error', `${decoded.problem}: save the file as UTF-8`, f, null),
    };
  return { size, bom, text: decoded };
}

export function specialFileFinding(f: Pick<RepoFile, 'path' | 'modelId'>, kind: string): Finding {
  return finding(
    'special-file',
    'error',
    `${kind}, not a regular file: the backend would block or fail reading it. ` +
      'Replace it with a regular file, or remove it',
    f,
  );
}

function tooLargeFinding(f: Pick<RepoFile, 'path' | 'modelId'>, size: number): Finding {
  return finding(
    'file-too-large',
    'warning',
    `not checked: ${(size / 1048576).toFixed(0)} MiB is over the ${MAX_PARSE_BYTES / 1048576} MiB limit`,
    f,
  );
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * UTF-8 (BOM stripped). XML files may also be UTF-16 (a byte-order mark, or `<?` as UTF-16) or declare another
 * encoding the decoder knows, as lxml reads them in the backend; JSON files are UTF-8 only (json.load). When the
 * text cannot be read, `problem` says why in the words of what was accepted.
 */
function decode(buf: Buffer, xml: boolean): string | { problem: string } {
  const utf16 =
    buf[0] === 0xff && buf[1] === 0xfe
      ? 'utf-16le'
      : buf[0] === 0xfe && buf[1] === 0xff
        ? 'utf-16be'
        : buf[0] === 0x3c && buf[1] === 0 && buf[2] === 0x3f && buf[3] === 0
          ? 'utf-16le'
          : buf[0] === 0 && buf[1] === 0x3c && buf[2] === 0 && buf[3] === 0x3f
            ? 'utf-16be'
            : null;
  if (utf16) {
    if (!xml) return { problem: 'UTF-16 text: JSON files must be UTF-8 (the backend reads them as UTF-8)' };
    try {
      return new TextDecoder(utf16, { fatal: true }).decode(buf);
    } catch {
      return { problem: `not valid ${utf16.toUpperCase()} text, which its first bytes announce` };
    }
  }
  let start = 0;
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) start = 3;
  const body = buf.subarray(start);
  try {
    return utf8.decode(body);
  } catch {
    const notUtf8 = { problem: 'not valid UTF-8 text' };
    if (!xml) return notUtf8;
    const head = body.subarray(0, 200).toString('latin1');
    const m = /^<\?xml[^>]*encoding=["']([A-Za-z0-9._-]+)["']/.exec(head);
    if (!m || /^utf-?8$/i.test(m[1])) return notUtf8;
    try {
      return new TextDecoder(m[1].toLowerCase(), { fatal: true }).decode(body);
    } catch (err) {
      return err instanceof RangeError
        ? {
            problem: `not valid UTF-8 text, and ${m[1]} (what its XML declaration says) is no encoding we know`,
          }
        : { problem: `neither valid UTF-8 nor valid ${m[1]} (what its XML declaration says)` };
    }
  }
}

function finding(
  ruleId: string,
  severity: 'error' | 'warning',
  message: string,
  file: Pick<RepoFile, 'path' | 'modelId'>,
  modelId: string | null = file.modelId,
): Finding {
  return { ruleId, severity, message, file: file.path, line: 1, column: 1, modelId };
}
