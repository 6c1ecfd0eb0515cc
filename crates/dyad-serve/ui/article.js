// The article page (#/article/ID): the clean text with entities, quotations, events, amounts
// and dates highlighted from their code-point spans. Clicking highlighted text shows what
// covers it; an event shows its CAMEO code and label, quad class, Goldstein score, PLOVER
// type, source and target actors, and whether it is negated or hypothetical.

import { getJSON } from "./api.js";
import { cameoName, loadCodebook, ploverDetail, quadName } from "./cameo.js";
import { el, fmt, replaceChildren, routeHref, safeHttpUrl } from "./dom.js";
import { segments, spanText } from "./spans.js";

const LAYERS = [
  ["entity", "entities"],
  ["quote", "quotations"],
  ["event", "events"],
  ["amount", "amounts"],
  ["date", "dates"],
];

/** Renders article `id` into `root`; `params.event` preselects an event. */
export async function renderArticle(root, id, params) {
  const [record, book] = await Promise.all([getJSON(`articles/${encodeURIComponent(id)}`), loadCodebook()]);
  const page = new ArticlePage(record, book);
  replaceChildren(root, page.element);
  const wanted = params.get("event");
  if (wanted) page.selectEvent(wanted, true);
}

/** Every annotation of the record as `{layer, start, end, item}`. */
function annotations(record) {
  const out = [];
  for (const entity of record.entities || []) {
    for (const m of entity.mentions || []) out.push({ layer: "entity", start: m.start, end: m.end, item: entity });
  }
  for (const q of record.quotes || []) out.push({ layer: "quote", start: q.start, end: q.end, item: q });
  for (const e of record.events || []) {
    if (e.evidence) out.push({ layer: "event", start: e.evidence.start, end: e.evidence.end, item: e });
  }
  for (const a of record.amounts || []) out.push({ layer: "amount", start: a.start, end: a.end, item: a });
  // A date read in the caption (`within`) points into that field, not into the text.
  for (const d of record.dates || []) {
    if (!d.within) out.push({ layer: "date", start: d.start, end: d.end, item: d });
  }
  return out;
}

/** The CSS classes of a segment covered by the given annotations. */
function segmentClasses(anns) {
  const classes = new Set(["ann"]);
  for (const a of anns) {
    classes.add(a.layer);
    if (a.layer === "entity") classes.add(`kind-${a.item.kind}`);
    if (a.layer === "event") {
      classes.add(`quad-${a.item.quad}`);
      if (a.item.negated) classes.add("negated");
      if (a.item.hypothetical) classes.add("hypothetical");
    }
  }
  return [...classes].join(" ");
}

class ArticlePage {
  constructor(record, book) {
    this.record = record;
    this.book = book;
    this.cps = Array.from(record.text || "");
    this.anns = annotations(record);
    this.entities = new Map((record.entities || []).map((e) => [e.id, e]));
    this.quotes = new Map((record.quotes || []).map((q) => [q.id, q]));
    /** Segment elements by annotation index. */
    this.segmentsOf = this.anns.map(() => []);
    this.detail = el("section", { class: "ann-detail", "aria-live": "polite" }, el("p", { class: "muted" }, "Click highlighted text or an event to see its codes."));
    this.body = el("div", { class: "article-text" }, this.renderText());
    this.body.addEventListener("click", (ev) => {
      const seg = ev.target instanceof Element ? ev.target.closest(".ann") : null;
      if (seg) this.showCovering(seg);
    });
    this.element = el(
      "article",
      { class: "article-page" },
      this.header(),
      this.layerToggles(),
      el("div", { class: "article-layout" }, this.body, el("aside", { class: "article-side" }, this.detail, this.eventList(), this.entityList())),
    );
  }

  header() {
    const r = this.record;
    const meta = r.meta || {};
    const url = (r.source && r.source.url) || meta.canonical_url || null;
    const safe = safeHttpUrl(url);
    const facts = [
      meta.published ? ["published", meta.published] : null,
      meta.site ? ["site", meta.site] : null,
      meta.byline && meta.byline.length ? ["by", meta.byline.join(", ")] : null,
      meta.language ? ["language", meta.language] : null,
      r.tone ? ["tone", fmt(r.tone.tone, 2)] : null,
      r.themes && r.themes.length ? ["themes", r.themes.join(", ")] : null,
      url ? ["source", safe ? el("a", { href: safe, class: "source-url" }, url) : el("span", { class: "source-url" }, url)] : null,
      r.source && r.source.path ? ["file", r.source.path] : null,
    ].filter(Boolean);
    return el(
      "header",
      { class: "article-header" },
      el("h1", { class: "article-title" }, meta.title || "(untitled)"),
      el("dl", { class: "facts" }, facts.map(([k, v]) => [el("dt", null, k), el("dd", null, v)])),
      el("p", { class: "muted" }, `${(r.entities || []).length} entities · ${(r.quotes || []).length} quotations · ${(r.events || []).length} events · ${(r.amounts || []).length} amounts · ${(r.dates || []).length} dates`),
    );
  }

  layerToggles() {
    return el(
      "fieldset",
      { class: "layers" },
      el("legend", null, "Highlight"),
      LAYERS.map(([layer, label]) => {
        const box = el("input", { type: "checkbox", id: `layer-${layer}`, checked: true });
        box.addEventListener("change", () => this.body.classList.toggle(`hide-${layer}`, !box.checked));
        return el("label", { for: `layer-${layer}`, class: `layer-toggle ${layer}` }, box, ` ${label}`);
      }),
    );
  }

  /** Blocks of the text as paragraphs and headings, each cut into annotated segments. */
  renderText() {
    const n = this.cps.length;
    const blocks = [...(this.record.blocks || [])]
      .map((b) => ({ kind: b.kind, start: Math.max(0, b.start), end: Math.min(n, b.end) }))
      .filter((b) => b.start < b.end)
      .sort((x, y) => x.start - y.start);
    // Text that no block covers is kept as a paragraph of its own unless it is blank.
    const parts = [];
    let at = 0;
    for (const b of blocks) {
      if (b.start > at) parts.push({ kind: "gap", start: at, end: b.start });
      if (b.start >= at) {
        parts.push(b);
        at = b.end;
      }
    }
    if (at < n) parts.push({ kind: "gap", start: at, end: n });
    const breaks = parts.flatMap((p) => [p.start, p.end]);
    const segs = segments(this.cps, this.anns, breaks);
    const out = [];
    let s = 0;
    for (const part of parts) {
      while (s < segs.length && segs[s].start < part.start) s++;
      const children = [];
      while (s < segs.length && segs[s].end <= part.end) children.push(this.renderSegment(segs[s++]));
      if (part.kind === "gap" && spanText(this.cps, part.start, part.end).trim() === "") continue;
      const tag = part.kind === "heading" ? "h2" : "p";
      out.push(el(tag, { class: `block ${part.kind}`, "data-start": part.start, "data-end": part.end }, children));
    }
    return out;
  }

  renderSegment(seg) {
    if (seg.covering.length === 0) return document.createTextNode(seg.text);
    const anns = seg.covering.map((i) => this.anns[i]);
    const span = el("span", { class: segmentClasses(anns), "data-ann": seg.covering.join(" "), "data-start": seg.start, title: anns.map((a) => this.describe(a)).join("\n") }, seg.text);
    for (const i of seg.covering) this.segmentsOf[i].push(span);
    return span;
  }

  /** A one-line description of an annotation, for tooltips. */
  describe(a) {
    const it = a.item;
    switch (a.layer) {
      case "entity":
        return `${it.name} (${it.kind}${it.code ? ", " + it.code : ""})`;
      case "quote":
        return `${it.kind} quotation${this.speakerOf(it) ? " by " + this.speakerOf(it) : ""}`;
      case "event":
        return `event ${it.cameo} ${cameoName(this.book, it.cameo) || ""}`.trim();
      case "amount":
        return `amount ${fmt(it.value, 2)} ${it.unit}`;
      default:
        return `date ${it.value}`;
    }
  }

  speakerOf(q) {
    if (q.speaker_name) return q.speaker_name;
    const e = q.speaker ? this.entities.get(q.speaker) : null;
    return e ? e.name : q.speaker_text || null;
  }

  /** Shows every annotation covering a clicked segment, events first. */
  showCovering(seg) {
    const indices = (seg.getAttribute("data-ann") || "").split(" ").filter(Boolean).map(Number);
    const rank = { event: 0, quote: 1, entity: 2, amount: 3, date: 4 };
    indices.sort((x, y) => rank[this.anns[x].layer] - rank[this.anns[y].layer] || x - y);
    this.mark(indices.filter((i) => this.anns[i].layer === "event"));
    replaceChildren(this.detail, indices.map((i) => this.card(this.anns[i])));
  }

  /** Selects the event with id `eventId`: marks its text and shows its card. */
  selectEvent(eventId, scroll) {
    const i = this.anns.findIndex((a) => a.layer === "event" && a.item.id === eventId);
    if (i < 0) return;
    this.mark([i]);
    replaceChildren(this.detail, this.card(this.anns[i]));
    if (scroll && this.segmentsOf[i].length > 0) this.segmentsOf[i][0].scrollIntoView({ block: "center" });
  }

  mark(indices) {
    for (const old of this.body.querySelectorAll(".selected")) old.classList.remove("selected");
    for (const i of indices) for (const span of this.segmentsOf[i]) span.classList.add("selected");
  }

  card(a) {
    switch (a.layer) {
      case "event":
        return this.eventCard(a.item);
      case "quote":
        return this.quoteCard(a.item);
      case "entity":
        return this.entityCard(a.item);
      case "amount":
        return detailCard("amount", "amount", `${a.item.approximate ? "≈ " : ""}${fmt(a.item.value, 2)} ${a.item.unit}`, [["about", a.item.about], ["text", spanText(this.cps, a.start, a.end)]]);
      default:
        return detailCard("date", "date", a.item.value, [["text", a.item.text]]);
    }
  }

  actor(code, entityId) {
    const entity = entityId ? this.entities.get(entityId) : null;
    if (!code && !entity) return "–";
    return [code ? el("code", null, code) : null, entity ? ` ${entity.name}` : null];
  }

  eventCard(e) {
    const plover = ploverDetail(this.book, e.cameo);
    const root = e.cameo.slice(0, 2);
    const quote = e.quote ? this.quotes.get(e.quote) : null;
    return detailCard("event", "event", [el("code", { class: "cameo-code" }, e.cameo), " ", el("span", { class: "cameo-label" }, cameoName(this.book, e.cameo) || "unknown code")], [
      ["CAMEO root", `${root} ${cameoName(this.book, root) || ""}`.trim()],
      ["quad class", `${e.quad} · ${quadName(e.quad)}`],
      ["Goldstein", fmt(e.goldstein, 1)],
      ["PLOVER", e.plover ? [e.plover, plover && (plover.mode || plover.context) ? ` (${[plover.mode, plover.context].filter(Boolean).join(", ")})` : null] : "–"],
      ["source", this.actor(e.source, e.source_entity)],
      ["target", this.actor(e.target, e.target_entity)],
      ["negated", e.negated ? "yes" : "no"],
      ["hypothetical", e.hypothetical ? "yes" : "no"],
      ["date", e.date || "–"],
      ["confidence", fmt(e.confidence, 2)],
      ["quotation", quote ? quote.text : null],
      ["evidence", spanText(this.cps, e.evidence.start, e.evidence.end)],
      ["dyad", e.source && e.target ? el("a", { href: routeHref("dyad", e.source.slice(0, 3), e.target.slice(0, 3)) }, `${e.source.slice(0, 3)} – ${e.target.slice(0, 3)}`) : null],
    ]);
  }

  quoteCard(q) {
    return detailCard("quote", `${q.kind} quotation`, el("q", null, q.text), [
      ["speaker", this.speakerOf(q) || "unattributed"],
      ["cue", q.cue],
    ]);
  }

  entityCard(e) {
    return detailCard("entity", e.kind, e.name, [
      ["code", e.code],
      ["country", e.country],
      ["roles", e.roles && e.roles.length ? e.roles.join(", ") : null],
      ["affiliation", e.affiliation],
      ["mentions", String((e.mentions || []).length)],
    ]);
  }

  eventList() {
    const events = this.record.events || [];
    if (events.length === 0) return el("section", { class: "event-list" }, el("h2", null, "Events"), el("p", { class: "empty" }, "None."));
    return el(
      "section",
      { class: "event-list" },
      el("h2", null, "Events"),
      el(
        "ul",
        null,
        events.map((e) => {
          const button = el(
            "button",
            { type: "button", class: `event-button quad-${e.quad}`, "data-event": e.id },
            `${e.source || "?"} → ${e.target || "?"} `,
            el("code", null, e.cameo),
            ` ${cameoName(this.book, e.cameo) || ""}`,
            e.negated ? " (negated)" : null,
            e.hypothetical ? " (hypothetical)" : null,
          );
          button.addEventListener("click", () => this.selectEvent(e.id, true));
          return el("li", null, button);
        }),
      ),
    );
  }

  entityList() {
    const entities = [...(this.record.entities || [])].sort((x, y) => (y.mentions || []).length - (x.mentions || []).length || x.name.localeCompare(y.name));
    return el(
      "section",
      { class: "entity-list" },
      el("h2", null, "Entities"),
      el("ul", null, entities.map((e) => el("li", null, el("span", { class: `ann entity kind-${e.kind}` }, e.name), ` ${e.kind}${e.code ? " · " + e.code : ""} · ${(e.mentions || []).length}×`))),
    );
  }
}

/** A card of label/value rows; rows with an empty value are left out. */
function detailCard(layer, kind, heading, rows) {
  return el(
    "div",
    { class: `card card-${layer}` },
    el("p", { class: "card-kind" }, kind),
    el("h3", null, heading),
    el(
      "dl",
      null,
      rows.filter(([, v]) => v !== null && v !== undefined && v !== "").map(([k, v]) => [el("dt", null, k), el("dd", null, v)]),
    ),
  );
}
