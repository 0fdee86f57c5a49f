// A page's bytes (UTF-8) written into a shared block of memory instead of a new allocation per
// page, as Node does itself for small buffers: a page view is mostly this encoding. A part of a
// block is never written twice; a block is freed when no response holds a part of it.

const BLOCK_SIZE = 512 * 1024;
let block = Buffer.allocUnsafeSlow(BLOCK_SIZE);
let used = 0;

export function pageBytes(text: string): Buffer {
  // At most three bytes per UTF-16 unit.
  const most = text.length * 3;
  if (most > BLOCK_SIZE / 4) return Buffer.from(text, 'utf8');
  if (used + most > BLOCK_SIZE) {
    block = Buffer.allocUnsafeSlow(BLOCK_SIZE);
    used = 0;
  }
  const start = used;
  const length = block.write(text, start, 'utf8');
  // Next part on an 8-byte boundary, as Node's own pool keeps them.
  used = (start + length + 7) & ~7;
  return block.subarray(start, start + length);
}
