/**
 * Where the arrow keys go among the start times, laid out in rows that wrap and in several parts
 * of day: Left/Right to the previous/next time (swapped right to left), Up/Down to the nearest
 * time in the row above/below (across parts), Home/End to the day's first/last. Only enabled times
 * are targets; past either end the focus stays.
 */

/** The target of `key` from `current` among `targets` (in reading order), or undefined for another key. */
export function arrowTarget(
  targets: readonly HTMLElement[],
  current: HTMLElement,
  key: string,
  rtl: boolean,
): HTMLElement | undefined {
  const index = targets.indexOf(current);
  const forward = rtl ? 'ArrowLeft' : 'ArrowRight';
  const back = rtl ? 'ArrowRight' : 'ArrowLeft';
  switch (key) {
    case forward:
      return targets[index + 1] ?? current;
    case back:
      return targets[index - 1] ?? current;
    case 'Home':
      return targets[0];
    case 'End':
      return targets.at(-1);
    case 'ArrowDown':
    case 'ArrowUp':
      return verticalTarget(targets, current, key === 'ArrowDown' ? 1 : -1) ?? current;
    default:
      return undefined;
  }
}

/** The time in the nearest row below (1) or above (-1) whose centre is closest to the current one's. */
function verticalTarget(
  targets: readonly HTMLElement[],
  current: HTMLElement,
  direction: 1 | -1,
): HTMLElement | undefined {
  const box = (el: HTMLElement): DOMRect => el.getBoundingClientRect();
  const from = box(current);
  const centre = (rect: DOMRect): number => rect.left + rect.width / 2;
  const beyond = targets.filter((el) => {
    const rect = box(el);
    return direction === 1 ? rect.top >= from.bottom - 1 : rect.bottom <= from.top + 1;
  });
  if (!beyond.length) return undefined;
  const rowTop =
    direction === 1 ? Math.min(...beyond.map((el) => box(el).top)) : Math.max(...beyond.map((el) => box(el).top));
  const row = beyond.filter((el) => Math.abs(box(el).top - rowTop) < 1);
  return row.reduce((best, el) =>
    Math.abs(centre(box(el)) - centre(from)) < Math.abs(centre(box(best)) - centre(from)) ? el : best,
  );
}
