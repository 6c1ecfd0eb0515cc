// The dyad's timeline: one column per month (gaps filled), cooperation counts above the axis,
// conflict counts below it, and the month's mean Goldstein score as a line on its own scale.

import { el, fmt, svg } from "./dom.js";

const WIDTH = 900;
const HEIGHT = 300;
const PAD = { left: 46, right: 46, top: 18, bottom: 46 };

/** Every month from `first` to `last` (`YYYY-MM`), inclusive. */
export function monthRange(first, last) {
  const out = [];
  let [y, m] = first.split("-").map(Number);
  const [ly, lm] = last.split("-").map(Number);
  // Bounded: a corpus spanning more than a century is shown by its dated rows only.
  while ((y < ly || (y === ly && m <= lm)) && out.length < 1200) {
    out.push(`${y}-${String(m).padStart(2, "0")}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/** Columns for the chart: dated months in order with gaps filled, then undated events. */
export function timelineColumns(months) {
  const byMonth = new Map(months.filter((r) => r.month).map((r) => [r.month, r]));
  const dated = [...byMonth.keys()].sort();
  const columns = [];
  if (dated.length > 0) {
    const range = monthRange(dated[0], dated[dated.length - 1]);
    const labels = range.length < 1200 ? range : dated;
    for (const month of labels) {
      columns.push(columnOf(month, byMonth.get(month)));
    }
  }
  const undated = months.find((r) => !r.month);
  if (undated) columns.push(columnOf("undated", undated));
  return columns;
}

function columnOf(label, row) {
  const quad = row ? row.quad : [0, 0, 0, 0];
  return {
    label,
    quad,
    cooperation: quad[0] + quad[1],
    conflict: quad[2] + quad[3],
    goldstein: row && row.events > 0 ? row.goldstein_mean : null,
  };
}

/** The timeline chart of a relation's `months`, as a figure element. */
export function timelineChart(months) {
  const columns = timelineColumns(months);
  if (columns.length === 0) {
    return el("p", { class: "empty" }, "No events between these actors.");
  }
  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const mid = PAD.top + innerH / 2;
  const maxCount = Math.max(1, ...columns.map((c) => Math.max(c.cooperation, c.conflict)));
  const countScale = innerH / 2 / maxCount;
  const goldsteinY = (g) => mid - (g / 10) * (innerH / 2);
  const slot = innerW / columns.length;
  const barW = Math.max(2, Math.min(40, slot * 0.7));
  const labelEvery = Math.max(1, Math.ceil(columns.length / 14));
  const parts = [];
  const line = [];
  columns.forEach((c, i) => {
    const x = PAD.left + slot * i + (slot - barW) / 2;
    const centre = PAD.left + slot * (i + 0.5);
    const tip = `${c.label}: ${c.cooperation} cooperation (${c.quad[0]} verbal, ${c.quad[1]} material), ${c.conflict} conflict (${c.quad[2]} verbal, ${c.quad[3]} material), mean Goldstein ${fmt(c.goldstein, 2)}`;
    const column = svg("g", { class: "month", "data-month": c.label }, svg("title", null, tip));
    if (c.cooperation > 0) {
      const h = c.cooperation * countScale;
      column.append(svg("rect", { class: "bar cooperation", x: x.toFixed(1), y: (mid - h).toFixed(1), width: barW.toFixed(1), height: h.toFixed(1) }));
    }
    if (c.conflict > 0) {
      const h = c.conflict * countScale;
      column.append(svg("rect", { class: "bar conflict", x: x.toFixed(1), y: mid.toFixed(1), width: barW.toFixed(1), height: h.toFixed(1) }));
    }
    // A transparent full-height target so the tooltip shows anywhere in the column.
    column.append(svg("rect", { class: "column-hit", x: (PAD.left + slot * i).toFixed(1), y: PAD.top, width: slot.toFixed(1), height: innerH }));
    parts.push(column);
    if (c.goldstein !== null) line.push({ x: centre, y: goldsteinY(c.goldstein), dated: c.label !== "undated" });
    if (i % labelEvery === 0 || i === columns.length - 1) {
      parts.push(svg("text", { class: "tick", x: centre.toFixed(1), y: HEIGHT - PAD.bottom + 16, "text-anchor": "middle" }, c.label));
    }
  });
  const axes = [
    svg("line", { class: "axis", x1: PAD.left, x2: WIDTH - PAD.right, y1: mid, y2: mid }),
    svg("line", { class: "axis", x1: PAD.left, x2: PAD.left, y1: PAD.top, y2: PAD.top + innerH }),
    svg("line", { class: "axis", x1: WIDTH - PAD.right, x2: WIDTH - PAD.right, y1: PAD.top, y2: PAD.top + innerH }),
    svg("text", { class: "tick", x: PAD.left - 6, y: PAD.top + 4, "text-anchor": "end" }, String(maxCount)),
    svg("text", { class: "tick", x: PAD.left - 6, y: mid + 4, "text-anchor": "end" }, "0"),
    svg("text", { class: "tick", x: PAD.left - 6, y: PAD.top + innerH + 4, "text-anchor": "end" }, String(maxCount)),
    svg("text", { class: "tick goldstein-tick", x: WIDTH - PAD.right + 6, y: PAD.top + 4 }, "+10"),
    svg("text", { class: "tick goldstein-tick", x: WIDTH - PAD.right + 6, y: PAD.top + innerH + 4 }, "−10"),
  ];
  const goldstein = [];
  if (line.length > 0) {
    // The line joins dated months only; undated events get a dot of their own.
    const dated = line.filter((p) => p.dated);
    goldstein.push(svg("polyline", { class: "goldstein-line", points: dated.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(" ") }));
    for (const p of line) goldstein.push(svg("circle", { class: "goldstein-dot", cx: p.x.toFixed(1), cy: p.y.toFixed(1), r: 4 }));
  }
  return el(
    "figure",
    { class: "timeline" },
    svg("svg", { class: "chart", viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: "img", "aria-label": "Events per month" }, axes, parts, goldstein),
    el(
      "figcaption",
      null,
      el("span", { class: "key cooperation" }, "cooperation (quad 1–2), up"),
      el("span", { class: "key conflict" }, "conflict (quad 3–4), down"),
      el("span", { class: "key goldstein" }, "mean Goldstein (right scale, −10 to +10)"),
    ),
  );
}
