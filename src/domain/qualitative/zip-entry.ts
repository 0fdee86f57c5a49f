// Reads one entry of a ZIP file (a .docx or .odt is one) through the central directory, the only
// part of a zip that holds trustworthy sizes: with a data descriptor the local header's sizes are
// zero. The file comes from outside, so every offset is bounds-checked, only stored and deflate
// entries are read, and inflation stops at maxBytes, which defuses a zip bomb without inflating it.
// node:zlib is pure computation (no I/O); the architecture test allows it in the domain for that.

import { inflateRawSync } from 'node:zlib';
import { err, ok, type Result } from '../result.ts';

export type ZipEntryFailure = 'corrupt' | 'too-large' | 'missing';

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;
const ENCRYPTED_FLAG = 0x0001;

export function readZipEntry(bytes: Uint8Array, name: string, maxBytes: number): Result<Uint8Array, ZipEntryFailure> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndOfCentralDirectory(view);
  if (end === undefined) return err('corrupt');
  const entryCount = view.getUint16(end + 10, true);
  const directorySize = view.getUint32(end + 12, true);
  const directoryOffset = view.getUint32(end + 16, true);
  // Zip64 markers (0xFFFF, 0xFFFFFFFF) cannot be genuine in a file this small.
  if (directoryOffset + directorySize > end) return err('corrupt');

  const wanted = new TextEncoder().encode(name);
  let at = directoryOffset;
  for (let index = 0; index < entryCount; index += 1) {
    if (at + 46 > end || view.getUint32(at, true) !== CENTRAL_DIRECTORY_HEADER) return err('corrupt');
    const nameLength = view.getUint16(at + 28, true);
    const next = at + 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    if (next > end) return err('corrupt');
    if (sameBytes(bytes, at + 46, nameLength, wanted)) {
      return readEntry(bytes, view, {
        flags: view.getUint16(at + 8, true),
        method: view.getUint16(at + 10, true),
        crc: view.getUint32(at + 16, true),
        compressedSize: view.getUint32(at + 20, true),
        size: view.getUint32(at + 24, true),
        localHeader: view.getUint32(at + 42, true),
        dataLimit: directoryOffset,
      }, maxBytes);
    }
    at = next;
  }
  return err('missing');
}

interface CentralEntry {
  readonly flags: number;
  readonly method: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localHeader: number;
  /** Entry data lies before the central directory. */
  readonly dataLimit: number;
}

function readEntry(bytes: Uint8Array, view: DataView, entry: CentralEntry, maxBytes: number): Result<Uint8Array, ZipEntryFailure> {
  if ((entry.flags & ENCRYPTED_FLAG) !== 0) return err('corrupt');
  if (entry.size > maxBytes) return err('too-large');
  const header = entry.localHeader;
  if (header + 30 > entry.dataLimit || view.getUint32(header, true) !== LOCAL_FILE_HEADER) return err('corrupt');
  const start = header + 30 + view.getUint16(header + 26, true) + view.getUint16(header + 28, true);
  if (start + entry.compressedSize > entry.dataLimit) return err('corrupt');
  const data = bytes.subarray(start, start + entry.compressedSize);

  let content: Uint8Array;
  if (entry.method === STORED) {
    if (entry.compressedSize !== entry.size) return err('corrupt');
    content = data;
  } else if (entry.method === DEFLATED) {
    try {
      content = inflateRawSync(data, { maxOutputLength: maxBytes });
    } catch (caught) {
      // Node reports an output over maxOutputLength as ERR_BUFFER_TOO_LARGE; anything else is a broken stream.
      return err((caught as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE' ? 'too-large' : 'corrupt');
    }
  } else {
    return err('corrupt');
  }
  if (content.byteLength !== entry.size || crc32(content) !== entry.crc) return err('corrupt');
  return ok(content);
}

function findEndOfCentralDirectory(view: DataView): number | undefined {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end of the file.
  const last = view.byteLength - 22;
  for (let at = last; at >= 0 && at >= last - 0xffff; at -= 1) {
    if (view.getUint32(at, true) === END_OF_CENTRAL_DIRECTORY && at + 22 + view.getUint16(at + 20, true) === view.byteLength) return at;
  }
  return undefined;
}

function sameBytes(bytes: Uint8Array, start: number, length: number, wanted: Uint8Array): boolean {
  if (length !== wanted.byteLength) return false;
  for (let index = 0; index < length; index += 1) {
    if (bytes[start + index] !== wanted[index]) return false;
  }
  return true;
}

let crcTable: Uint32Array | undefined;

function crc32(bytes: Uint8Array): number {
  crcTable ??= Uint32Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let bit = 0; bit < 8; bit += 1) c = (c & 1) !== 0 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  let crc = 0xffffffff;
  for (const byte of bytes) crc = crcTable[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
