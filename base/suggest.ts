// "Did you mean ...?": the closest known name by edit distance, compared case-insensitively, offered
// only when it is close enough that a typo is the likely explanation.

/**
 * Optimal string alignment distance (Levenshtein plus adjacent transpositions, so `rleu` is one
 * edit from `relu`). Stops early once the distance must exceed `limit`.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const n = b.length;
  let prevPrev = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prevPrev[j - 2]! + 1);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > limit) return limit + 1;
    [prevPrev, prev, cur] = [prev, cur, prevPrev];
  }
  return prev[n]!;
}

/** How many edits a word of this length may be from a candidate and still be called a typo. */
export function typoBudget(length: number): number {
  if (length <= 2) return 0;
  if (length <= 5) return 1;
  if (length <= 10) return 2;
  return 3;
}

/**
 * The candidate closest to `word`, or undefined when none is close enough. Case is ignored
 * (`dense` suggests `Dense`); on a tie the earlier candidate wins, so list common names first.
 */
export function suggest(word: string, candidates: Iterable<string>): string | undefined {
  const lower = word.toLowerCase();
  const budget = typoBudget(word.length);
  let best: string | undefined;
  let bestDistance = Infinity;
  const seen = new Set<string>();
  for (const candidate of candidates) {
    if (seen.has(candidate) || candidate === word) continue;
    seen.add(candidate);
    const d = editDistance(lower, candidate.toLowerCase(), Math.min(budget, bestDistance));
    // A short word only matches a candidate that differs in case (0 edits) when its budget is 0.
    if (d <= budget && d < bestDistance && d < Math.max(word.length, 1)) {
      best = candidate;
      bestDistance = d;
      if (d === 0) break;
    }
  }
  return best;
}
