// A deterministic force-directed layout for the relations graph: nodes repel, edges pull,
// and each bloc pulls its members together so that alignment blocs read as clusters.

// Pull towards the centre and towards the node's bloc, per unit of distance. With repulsion
// k²/d and k² proportional to the area per node, a gravity near 1 keeps the drawing at about
// a third of the box whatever the number of nodes.
const GRAVITY = 0.7;
const BLOC_PULL = 1.0;

/**
 * Positions `count` nodes in a `width`×`height` box.
 * `edges` are `[i, j, strength]` (strength > 0), `groups[i]` is node i's bloc.
 * Returns an array of `{x, y}`.
 */
export function forceLayout(count, edges, groups, width, height, iterations = 300) {
  const blocCount = Math.max(1, ...groups.map((g) => g + 1));
  const cx = width / 2;
  const cy = height / 2;
  const spread = Math.min(width, height) * (blocCount > 1 ? 0.3 : 0);
  const members = new Array(blocCount).fill(0);
  const pos = groups.map((g, i) => {
    const angle = (2 * Math.PI * g) / blocCount;
    const k = members[g]++;
    const jitter = 20 + 9 * k;
    return {
      x: cx + spread * Math.cos(angle) + jitter * Math.cos(k * 2.4),
      y: cy + spread * Math.sin(angle) + jitter * Math.sin(k * 2.4),
    };
  });
  if (count === 0) return pos;
  const k = Math.sqrt((width * height) / count) * 0.4;
  let temperature = Math.min(width, height) / 8;
  const cool = temperature / (iterations + 1);
  const margin = 40;
  for (let it = 0; it < iterations; it++) {
    const dx = new Float64Array(count);
    const dy = new Float64Array(count);
    for (let i = 0; i < count; i++) {
      for (let j = i + 1; j < count; j++) {
        let ex = pos[i].x - pos[j].x;
        let ey = pos[i].y - pos[j].y;
        let d2 = ex * ex + ey * ey;
        if (d2 < 0.01) {
          ex = 0.1 * (i - j);
          ey = 0.1;
          d2 = ex * ex + ey * ey;
        }
        const f = (k * k) / d2;
        dx[i] += ex * f;
        dy[i] += ey * f;
        dx[j] -= ex * f;
        dy[j] -= ey * f;
      }
    }
    for (const [i, j, strength] of edges) {
      const ex = pos[i].x - pos[j].x;
      const ey = pos[i].y - pos[j].y;
      const d = Math.sqrt(ex * ex + ey * ey) || 0.1;
      const f = (d / k) * strength;
      dx[i] -= ex * f;
      dy[i] -= ey * f;
      dx[j] += ex * f;
      dy[j] += ey * f;
    }
    const centroids = blocCentroids(pos, groups, blocCount);
    for (let i = 0; i < count; i++) {
      const c = centroids[groups[i]];
      dx[i] += (c.x - pos[i].x) * BLOC_PULL;
      dy[i] += (c.y - pos[i].y) * BLOC_PULL;
      dx[i] += (cx - pos[i].x) * GRAVITY;
      dy[i] += (cy - pos[i].y) * GRAVITY;
      const len = Math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]) || 1;
      const step = Math.min(len, temperature);
      pos[i].x = clamp(pos[i].x + (dx[i] / len) * step, margin, width - margin);
      pos[i].y = clamp(pos[i].y + (dy[i] / len) * step, margin, height - margin);
    }
    temperature -= cool;
  }
  return pos;
}

function blocCentroids(pos, groups, blocCount) {
  const sums = Array.from({ length: blocCount }, () => ({ x: 0, y: 0, n: 0 }));
  groups.forEach((g, i) => {
    sums[g].x += pos[i].x;
    sums[g].y += pos[i].y;
    sums[g].n += 1;
  });
  return sums.map((s) => (s.n ? { x: s.x / s.n, y: s.y / s.n } : { x: 0, y: 0 }));
}

function clamp(v, lo, hi) {
  return Math.max(lo, Math.min(hi, v));
}

/** The convex hull of points (Andrew's monotone chain), counter-clockwise. */
export function convexHull(points) {
  const pts = [...points].sort((p, q) => p.x - q.x || p.y - q.y);
  if (pts.length <= 2) return pts;
  const cross = (o, a, b) => (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
  const lower = [];
  for (const p of pts) {
    while (lower.length >= 2 && cross(lower[lower.length - 2], lower[lower.length - 1], p) <= 0) {
      lower.pop();
    }
    lower.push(p);
  }
  const upper = [];
  for (const p of pts.reverse()) {
    while (upper.length >= 2 && cross(upper[upper.length - 2], upper[upper.length - 1], p) <= 0) {
      upper.pop();
    }
    upper.push(p);
  }
  return lower.slice(0, -1).concat(upper.slice(0, -1));
}
