// Small cells re-identify people (domain.md): a group with fewer answers than the threshold is
// not shown. Hiding that one cell is not enough when the total is shown: total minus the other
// groups gives it back, for n and (through the sums) for the mean and shares too. So a second,
// complementary cell is hidden as well — the smallest shown one — and more while the hidden
// cells together still hold fewer answers than the threshold (their union would be a small
// group of its own).

export type SuppressionReason = 'threshold' | 'complement';

/**
 * Which cells to hide, by index. `sizes` are the answers per cell of one breakdown whose total
 * is shown. Cells of size 0 hold nobody and stay visible.
 */
export function suppressCells(sizes: readonly number[], hideBelow: number): Map<number, SuppressionReason> {
  const hidden = new Map<number, SuppressionReason>();
  sizes.forEach((n, index) => {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`cell size must be a whole number, got ${n}`);
    if (n > 0 && n < hideBelow) hidden.set(index, 'threshold');
  });
  const hiddenTotal = () => [...hidden.keys()].reduce((total, index) => total + sizes[index]!, 0);
  while (hidden.size > 0 && (hidden.size === 1 || hiddenTotal() < hideBelow)) {
    let smallest = -1;
    sizes.forEach((n, index) => {
      if (n > 0 && !hidden.has(index) && (smallest < 0 || n < sizes[smallest]!)) smallest = index;
    });
    if (smallest < 0) break;
    hidden.set(smallest, 'complement');
  }
  return hidden;
}
