// The relations graph page (#/graph): actors as nodes coloured by alignment bloc with a hull
// around each bloc, edges coloured by cooperation or conflict and as wide as their weight.
// Nodes can be dragged; hovering or clicking a node picks out its edges; clicking an edge
// opens the dyad page.

import { getJSON } from "./api.js";
import { el, fmt, replaceChildren, routeHref, svg } from "./dom.js";
import { convexHull, forceLayout } from "./layout.js";

const WIDTH = 900;
const HEIGHT = 600;

/** Colours of the blocs, in bloc order (repeating past the last). */
export const BLOC_COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f"];

function blocColour(index) {
  return BLOC_COLOURS[index % BLOC_COLOURS.length];
}

/** The kind of relation an edge stands for: the sign of its weight, else the larger count. */
function edgeKind(edge) {
  if (edge.weight > 0) return "cooperation";
  if (edge.weight < 0) return "conflict";
  if (edge.cooperation !== edge.conflict) return edge.cooperation > edge.conflict ? "cooperation" : "conflict";
  return "neutral";
}

/** Renders the graph page into `root`. */
export async function renderGraph(root, params) {
  const minEvents = Math.max(1, Number.parseInt(params.get("min_events") || "1", 10) || 1);
  const graph = await getJSON("graph", { min_events: minEvents });
  const form = minEventsForm(minEvents);
  if (graph.nodes.length === 0) {
    replaceChildren(root, el("h1", null, "Relations"), form, el("p", { class: "empty" }, "No relations between actors in this corpus yet."));
    return;
  }
  const view = new GraphView(graph);
  replaceChildren(
    root,
    el("h1", null, "Relations"),
    form,
    el("div", { class: "graph-layout" }, view.svg, el("aside", { class: "graph-side" }, legend(graph), view.detail)),
    edgeTable(graph),
  );
}

function minEventsForm(minEvents) {
  const input = el("input", { type: "number", min: 1, name: "min_events", value: minEvents, id: "min-events" });
  const form = el(
    "form",
    { class: "inline-form" },
    el("label", { for: "min-events" }, "Edges with at least "),
    input,
    el("span", null, " events "),
    el("button", { type: "submit" }, "Show"),
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    location.hash = `#/graph?min_events=${encodeURIComponent(input.value)}`;
  });
  return form;
}

function legend(graph) {
  return el(
    "section",
    { class: "legend", "aria-label": "Legend" },
    el("h2", null, "Blocs"),
    el(
      "ul",
      { class: "bloc-list" },
      graph.blocs.map((bloc, i) => {
        const swatch = el("span", { class: "swatch" });
        swatch.style.backgroundColor = blocColour(i);
        return el("li", { class: "bloc", "data-bloc": i }, swatch, `Bloc ${i + 1}: `, bloc.join(", "));
      }),
    ),
    el("p", { class: "muted" }, `Frustrated weight: ${fmt(graph.frustration, 1)}`),
    el("h2", null, "Edges"),
    el(
      "ul",
      { class: "edge-legend" },
      el("li", null, el("span", { class: "swatch cooperation" }), "cooperation (sum of Goldstein > 0)"),
      el("li", null, el("span", { class: "swatch conflict" }), "conflict (sum of Goldstein < 0)"),
      el("li", { class: "muted" }, "width: |sum of Goldstein|; click an edge for the dyad"),
    ),
  );
}

function edgeTable(graph) {
  const rows = [...graph.edges].sort((x, y) => y.events - x.events || x.a.localeCompare(y.a) || x.b.localeCompare(y.b));
  return el(
    "section",
    null,
    el("h2", null, "Dyads"),
    el(
      "table",
      { class: "data edges-table" },
      el("thead", null, el("tr", null, ["dyad", "events", "cooperation", "conflict", "weight"].map((h) => el("th", { scope: "col" }, h)))),
      el(
        "tbody",
        null,
        rows.map((e) =>
          el(
            "tr",
            { class: edgeKind(e) },
            el("td", null, el("a", { href: routeHref("dyad", e.a, e.b) }, `${e.a} – ${e.b}`)),
            el("td", { class: "num" }, fmt(e.events, 0)),
            el("td", { class: "num" }, fmt(e.cooperation, 0)),
            el("td", { class: "num" }, fmt(e.conflict, 0)),
            el("td", { class: "num" }, fmt(e.weight, 1)),
          ),
        ),
      ),
    ),
  );
}

/** The interactive SVG drawing and the panel describing the selected node. */
class GraphView {
  constructor(graph) {
    this.graph = graph;
    this.index = new Map(graph.nodes.map((n, i) => [n.code, i]));
    const links = graph.edges.map((e) => [this.index.get(e.a), this.index.get(e.b), edgeKind(e) === "conflict" ? 0.25 : 1]);
    this.pos = forceLayout(graph.nodes.length, links, graph.nodes.map((n) => n.bloc), WIDTH, HEIGHT);
    this.detail = el("section", { class: "node-detail", "aria-live": "polite" }, el("p", { class: "muted" }, "Hover or click an actor; drag to move it."));
    this.build();
  }

  build() {
    const maxWeight = Math.max(1e-9, ...this.graph.edges.map((e) => Math.abs(e.weight)));
    const maxEvents = Math.max(1, ...this.graph.nodes.map((n) => n.events));
    this.hulls = this.graph.blocs.map((_, i) => {
      const path = svg("path", { class: "hull", "data-bloc": i, fill: blocColour(i), stroke: blocColour(i) });
      return path;
    });
    this.edges = this.graph.edges.map((e) => {
      const width = 1 + 7 * Math.sqrt(Math.abs(e.weight) / maxWeight);
      const line = svg("line", { class: "edge-line", "stroke-width": width.toFixed(2) });
      const hit = svg("line", { class: "edge-hit" });
      const group = svg(
        "g",
        { class: `edge ${edgeKind(e)}`, "data-a": e.a, "data-b": e.b, tabindex: 0, role: "link", "aria-label": `${e.a} and ${e.b}` },
        svg("title", null, `${e.a} – ${e.b}: ${e.events} events (${e.cooperation} cooperation, ${e.conflict} conflict), weight ${fmt(e.weight, 1)}`),
        line,
        hit,
      );
      const open = () => {
        location.hash = routeHref("dyad", e.a, e.b);
      };
      group.addEventListener("click", open);
      group.addEventListener("keydown", (ev) => {
        if (ev.key === "Enter") open();
      });
      return { data: e, group, lines: [line, hit] };
    });
    this.nodes = this.graph.nodes.map((n, i) => {
      const radius = 7 + 13 * Math.sqrt(n.events / maxEvents);
      const group = svg(
        "g",
        { class: "node", "data-code": n.code, "data-bloc": n.bloc, tabindex: 0 },
        svg("title", null, `${n.code}: ${n.events} events, bloc ${n.bloc + 1}`),
        svg("circle", { r: radius.toFixed(1), fill: blocColour(n.bloc) }),
        svg("text", { class: "node-label", y: (radius + 13).toFixed(1), "text-anchor": "middle" }, n.code),
      );
      this.attachNodeEvents(group, i);
      return { data: n, group };
    });
    this.svg = svg(
      "svg",
      { class: "graph", viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: "img", "aria-label": "Relations graph" },
      svg("g", { class: "hulls" }, this.hulls),
      svg("g", { class: "edges" }, this.edges.map((e) => e.group)),
      svg("g", { class: "nodes" }, this.nodes.map((n) => n.group)),
    );
    this.redraw();
  }

  redraw() {
    for (const e of this.edges) {
      const p = this.pos[this.index.get(e.data.a)];
      const q = this.pos[this.index.get(e.data.b)];
      for (const line of e.lines) {
        line.setAttribute("x1", p.x.toFixed(1));
        line.setAttribute("y1", p.y.toFixed(1));
        line.setAttribute("x2", q.x.toFixed(1));
        line.setAttribute("y2", q.y.toFixed(1));
      }
    }
    this.nodes.forEach((n, i) => {
      n.group.setAttribute("transform", `translate(${this.pos[i].x.toFixed(1)} ${this.pos[i].y.toFixed(1)})`);
    });
    this.graph.blocs.forEach((bloc, b) => {
      const hull = convexHull(bloc.map((code) => this.pos[this.index.get(code)]));
      const d = hull.map((p, k) => `${k === 0 ? "M" : "L"}${p.x.toFixed(1)} ${p.y.toFixed(1)}`).join(" ");
      this.hulls[b].setAttribute("d", hull.length === 1 ? `${d} L${hull[0].x.toFixed(1)} ${hull[0].y.toFixed(1)}` : `${d} Z`);
    });
  }

  /** Drag with the pointer; a press without movement selects the node. */
  attachNodeEvents(group, i) {
    let drag = null;
    group.addEventListener("pointerdown", (ev) => {
      ev.preventDefault();
      group.setPointerCapture(ev.pointerId);
      drag = { x: ev.clientX, y: ev.clientY, moved: false };
    });
    group.addEventListener("pointermove", (ev) => {
      if (!drag) return;
      if (Math.abs(ev.clientX - drag.x) + Math.abs(ev.clientY - drag.y) > 3) drag.moved = true;
      if (!drag.moved) return;
      const point = this.toSvgPoint(ev.clientX, ev.clientY);
      this.pos[i] = { x: Math.max(10, Math.min(WIDTH - 10, point.x)), y: Math.max(10, Math.min(HEIGHT - 10, point.y)) };
      this.redraw();
    });
    group.addEventListener("pointerup", (ev) => {
      if (drag && !drag.moved) this.select(i);
      drag = null;
      group.releasePointerCapture(ev.pointerId);
    });
    group.addEventListener("pointerenter", () => this.highlight(i));
    group.addEventListener("pointerleave", () => this.highlight(this.selected ?? null));
    group.addEventListener("keydown", (ev) => {
      if (ev.key === "Enter") this.select(i);
    });
  }

  toSvgPoint(clientX, clientY) {
    const matrix = this.svg.getScreenCTM();
    if (!matrix) return { x: clientX, y: clientY };
    const p = new DOMPoint(clientX, clientY).matrixTransform(matrix.inverse());
    return { x: p.x, y: p.y };
  }

  /** Picks out node `i`'s edges and neighbours (or clears with null). */
  highlight(i) {
    const code = i === null ? null : this.graph.nodes[i].code;
    this.svg.classList.toggle("focused", code !== null);
    for (const e of this.edges) {
      e.group.classList.toggle("lit", code !== null && (e.data.a === code || e.data.b === code));
    }
    const neighbours = new Set();
    for (const e of this.graph.edges) {
      if (e.a === code) neighbours.add(e.b);
      if (e.b === code) neighbours.add(e.a);
    }
    for (const n of this.nodes) {
      n.group.classList.toggle("lit", n.data.code === code || neighbours.has(n.data.code));
    }
  }

  select(i) {
    this.selected = i;
    this.highlight(i);
    const node = this.graph.nodes[i];
    const mine = this.graph.edges
      .filter((e) => e.a === node.code || e.b === node.code)
      .sort((x, y) => y.events - x.events);
    replaceChildren(
      this.detail,
      el("h2", null, node.code),
      el("p", null, `${node.events} events, bloc ${node.bloc + 1}`),
      el(
        "ul",
        { class: "partners" },
        mine.map((e) => {
          const other = e.a === node.code ? e.b : e.a;
          return el(
            "li",
            { class: edgeKind(e) },
            el("a", { href: routeHref("dyad", node.code, other) }, other),
            ` ${e.events} events (${e.cooperation} cooperation, ${e.conflict} conflict)`,
          );
        }),
      ),
    );
  }
}
