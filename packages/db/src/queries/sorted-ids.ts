/** Lists up to this long are sorted in place by insertion: a cell's few sources, most of the time. */
const SHORT = 16;

/** Distinct ids in ascending order (a typed array sorts numbers without a comparator). */
export function sortedIds(ids: Iterable<number>): number[] {
  if (Array.isArray(ids) && ids.length <= SHORT) return sortedShort(ids as number[]);
  const distinct = ids instanceof Set ? (ids as Set<number>) : new Set(ids);
  const sorted = new Float64Array(distinct.size);
  let i = 0;
  for (const id of distinct) sorted[i++] = id;
  sorted.sort();
  const list = new Array<number>(sorted.length);
  for (let k = 0; k < sorted.length; k++) list[k] = sorted[k]!;
  return list;
}

/** A short list's distinct ids in order, by insertion into a copy: a quarter of the time a set and a sort take. */
function sortedShort(ids: number[]): number[] {
  const list = ids.slice();
  for (let i = 1; i < list.length; i++) {
    const id = list[i]!;
    let j = i - 1;
    for (; j >= 0 && list[j]! > id; j--) list[j + 1] = list[j]!;
    list[j + 1] = id;
  }
  let kept = 0;
  for (const id of list) if (kept === 0 || list[kept - 1] !== id) list[kept++] = id;
  list.length = kept;
  return list;
}
