// Writes a ZIP file in memory, so tests can build real .docx and .odt files. Its output was
// checked once with `unzip -t` and Python's zipfile. The CRC-32 is computed here by hand, apart
// from the reader's, so the two check each other.

import { deflateRawSync } from 'node:zlib';

export interface ZipFileEntry {
  readonly name: string;
  readonly data: string | Uint8Array;
  /** Deflate unless told otherwise; an ODF `mimetype` must be stored. */
  readonly method?: 'stored' | 'deflate';
  /** Write sizes and CRC in a data descriptor after the data, leaving zeros in the local header. */
  readonly dataDescriptor?: boolean;
  /** Lie about the inflated size in the central directory (zip-bomb tests). */
  readonly declaredSize?: number;
}

export function zipFile(entries: readonly ZipFileEntry[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = new TextEncoder().encode(entry.name);
    const content = typeof entry.data === 'string' ? new TextEncoder().encode(entry.data) : entry.data;
    const stored = entry.method === 'stored';
    const data = stored ? content : new Uint8Array(deflateRawSync(content));
    const crc = crc32(content);
    const size = entry.declaredSize ?? content.byteLength;
    const flags = 0x0800 | (entry.dataDescriptor ? 0x0008 : 0);
    const method = stored ? 0 : 8;

    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(6, flags, true);
    local.setUint16(8, method, true);
    local.setUint16(12, 0x21, true); // 1980-01-01
    if (!entry.dataDescriptor) {
      local.setUint32(14, crc, true);
      local.setUint32(18, data.byteLength, true);
      local.setUint32(22, size, true);
    }
    local.setUint16(26, name.byteLength, true);
    chunks.push(new Uint8Array(local.buffer), name, data);
    let length = 30 + name.byteLength + data.byteLength;
    if (entry.dataDescriptor) {
      const descriptor = new DataView(new ArrayBuffer(16));
      descriptor.setUint32(0, 0x08074b50, true);
      descriptor.setUint32(4, crc, true);
      descriptor.setUint32(8, data.byteLength, true);
      descriptor.setUint32(12, size, true);
      chunks.push(new Uint8Array(descriptor.buffer));
      length += 16;
    }

    const header = new DataView(new ArrayBuffer(46));
    header.setUint32(0, 0x02014b50, true);
    header.setUint16(4, 20, true);
    header.setUint16(6, 20, true);
    header.setUint16(8, flags, true);
    header.setUint16(10, method, true);
    header.setUint16(14, 0x21, true);
    header.setUint32(16, crc, true);
    header.setUint32(20, data.byteLength, true);
    header.setUint32(24, size, true);
    header.setUint16(28, name.byteLength, true);
    header.setUint32(42, offset, true);
    central.push(new Uint8Array(header.buffer), name);
    offset += length;
  }
  const directorySize = central.reduce((sum, chunk) => sum + chunk.byteLength, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, directorySize, true);
  end.setUint32(16, offset, true);
  return concat([...chunks, ...central, new Uint8Array(end.buffer)]);
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const result = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0));
  let at = 0;
  for (const chunk of chunks) {
    result.set(chunk, at);
    at += chunk.byteLength;
  }
  return result;
}

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit += 1) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
