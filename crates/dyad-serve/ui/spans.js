// Turning code-point spans over a text into flat, non-overlapping segments. Record offsets
// count Unicode code points, while JavaScript strings index UTF-16 units, so the text is cut
// from its array of code points, never with String.prototype.slice.

/**
 * Splits `codePoints` (an array of one-code-point strings) at every span boundary and every
 * `breaks` offset. `spans` are `{start, end}` (end exclusive; out-of-range spans are clipped,
 * empty ones dropped). Returns `[{start, end, text, covering}]` in order, where `covering`
 * lists the indices into `spans` of the spans that contain the segment.
 */
export function segments(codePoints, spans, breaks = []) {
  const n = codePoints.length;
  const clipped = spans.map((s) => ({
    start: Math.max(0, Math.min(n, s.start | 0)),
    end: Math.max(0, Math.min(n, s.end | 0)),
  }));
  const cuts = new Set([0, n]);
  for (const s of clipped) {
    if (s.start < s.end) {
      cuts.add(s.start);
      cuts.add(s.end);
    }
  }
  for (const b of breaks) if (b >= 0 && b <= n) cuts.add(b);
  const points = [...cuts].sort((x, y) => x - y);
  // Sweep: spans sorted by start enter the active set; those that ended leave it.
  const order = clipped
    .map((s, i) => i)
    .filter((i) => clipped[i].start < clipped[i].end)
    .sort((x, y) => clipped[x].start - clipped[y].start);
  let next = 0;
  let active = [];
  const out = [];
  for (let k = 0; k + 1 < points.length; k++) {
    const start = points[k];
    const end = points[k + 1];
    while (next < order.length && clipped[order[next]].start <= start) active.push(order[next++]);
    active = active.filter((i) => clipped[i].end > start);
    out.push({
      start,
      end,
      text: codePoints.slice(start, end).join(""),
      covering: active.filter((i) => clipped[i].start <= start).sort((x, y) => x - y),
    });
  }
  return out;
}

/** The text of a code-point span. */
export function spanText(codePoints, start, end) {
  return codePoints.slice(Math.max(0, start), Math.max(0, end)).join("");
}
