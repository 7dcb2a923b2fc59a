/**
 * Myers' O((N+M)·D) difference of two sequences, the algorithm behind `diff` and `git diff`:
 * fast when the sequences are mostly alike, which consecutive versions of a report are. Items
 * are compared by a key (paragraph text, sentence text, word), so callers decide what "equal"
 * means. Ties resolve the same way every time: deletions before insertions.
 */

export type Edit = { op: 'same'; a: number; b: number } | { op: 'del'; a: number } | { op: 'ins'; b: number };

export function diffSequences<T>(a: readonly T[], b: readonly T[], key: (item: T) => string = String): Edit[] {
  const ka = a.map(key);
  const kb = b.map(key);
  // Common head and tail cost nothing; most of a revised report is shared.
  let head = 0;
  while (head < ka.length && head < kb.length && ka[head] === kb[head]) head += 1;
  let tail = 0;
  while (tail < ka.length - head && tail < kb.length - head && ka[ka.length - 1 - tail] === kb[kb.length - 1 - tail]) tail += 1;

  const edits: Edit[] = [];
  for (let i = 0; i < head; i += 1) edits.push({ op: 'same', a: i, b: i });
  for (const edit of myers(ka.slice(head, ka.length - tail), kb.slice(head, kb.length - tail))) {
    if (edit.op === 'same') edits.push({ op: 'same', a: edit.a + head, b: edit.b + head });
    else if (edit.op === 'del') edits.push({ op: 'del', a: edit.a + head });
    else edits.push({ op: 'ins', b: edit.b + head });
  }
  for (let i = tail; i > 0; i -= 1) edits.push({ op: 'same', a: ka.length - i, b: kb.length - i });
  return edits;
}

function myers(a: readonly string[], b: readonly string[]): Edit[] {
  const n = a.length;
  const m = b.length;
  if (n === 0) return b.map((_, j) => ({ op: 'ins', b: j }));
  if (m === 0) return a.map((_, i) => ({ op: 'del', a: i }));
  const max = n + m;
  const offset = max;
  const v = new Int32Array(2 * max + 2);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d += 1) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x += 1;
        y += 1;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  // Walk back through the saved frontiers.
  const edits: Edit[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d -= 1) {
    const vd = trace[d]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && vd[offset + k - 1]! < vd[offset + k + 1]!) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : vd[offset + prevK]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x -= 1;
      y -= 1;
      edits.push({ op: 'same', a: x, b: y });
    }
    if (d > 0) {
      if (x === prevX) edits.push({ op: 'ins', b: prevY });
      else edits.push({ op: 'del', a: prevX });
    }
    x = prevX;
    y = prevY;
  }
  return edits.reverse();
}
