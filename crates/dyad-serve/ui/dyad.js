// The dyad page (#/dyad/A/B): what two actors did to each other, month by month, with the
// quotations, amounts and evidence sentences behind the counts.

import { getJSON } from "./api.js";
import { cameoName, isConflict, loadCodebook, quadName } from "./cameo.js";
import { el, fmt, replaceChildren, routeHref } from "./dom.js";
import { timelineChart } from "./timeline.js";

/** A link to an article page, optionally selecting one of its events. */
export function articleLink(id, title, event) {
  const href = routeHref("article", id) + (event ? `?event=${encodeURIComponent(event)}` : "");
  return el("a", { href, class: "article-link" }, title || id);
}

/** Renders the dyad of `a` and `b` into `root`. */
export async function renderDyad(root, a, b) {
  const [relation, book] = await Promise.all([getJSON("relation", { a, b }), loadCodebook()]);
  const sideName = (side) => (side.codes.length === 1 && side.codes[0] === side.query ? side.query : `${side.query} (${side.codes.join(", ")})`);
  replaceChildren(
    root,
    el("h1", null, `${sideName(relation.a)} – ${sideName(relation.b)}`),
    el("p", null, el("a", { href: routeHref("dyad", b, a) }, "swap sides")),
    summary(relation),
    el("section", { class: "timeline-section" }, el("h2", null, "Timeline"), timelineChart(relation.months)),
    typesSection(relation, book),
    quotesSection(relation),
    amountsSection(relation),
    evidenceSection(relation, book),
  );
}

function summary(r) {
  const item = (label, value) => el("div", null, el("dt", null, label), el("dd", null, value));
  return el(
    "dl",
    { class: "summary" },
    item("events", fmt(r.events, 0)),
    item(`${r.a.query} → ${r.b.query}`, fmt(r.a_to_b, 0)),
    item(`${r.b.query} → ${r.a.query}`, fmt(r.b_to_a, 0)),
    item("cooperation", fmt(r.cooperation, 0)),
    item("conflict", fmt(r.conflict, 0)),
    item("mean Goldstein", fmt(r.goldstein_mean, 2)),
    item("articles", fmt(r.articles, 0)),
    item("mean tone", fmt(r.tone_mean, 2)),
  );
}

/** Totals over all months of a per-month count map. */
function totals(months, key) {
  const sum = new Map();
  for (const m of months) {
    for (const [k, n] of Object.entries(m[key] || {})) sum.set(k, (sum.get(k) || 0) + n);
  }
  return [...sum.entries()].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]));
}

function typesSection(r, book) {
  const roots = totals(r.months, "cameo_roots");
  const plover = totals(r.months, "plover");
  if (roots.length === 0 && plover.length === 0) return null;
  return el(
    "section",
    { class: "types" },
    el("h2", null, "Event types"),
    el(
      "div",
      { class: "two-columns" },
      countTable("CAMEO root", roots.map(([code, n]) => [`${code} ${cameoName(book, code) || ""}`.trim(), n])),
      countTable("PLOVER type", plover),
    ),
  );
}

function countTable(heading, rows) {
  return el(
    "table",
    { class: "data" },
    el("thead", null, el("tr", null, el("th", { scope: "col" }, heading), el("th", { scope: "col" }, "events"))),
    el("tbody", null, rows.map(([label, n]) => el("tr", null, el("td", null, label), el("td", { class: "num" }, fmt(n, 0))))),
  );
}

function quotesSection(r) {
  return el(
    "section",
    { class: "quotes" },
    el("h2", null, "What they say of each other"),
    r.quotes.length === 0
      ? el("p", { class: "empty" }, "No quotations.")
      : el(
          "ul",
          { class: "quote-list" },
          r.quotes.map((q) =>
            el(
              "li",
              { class: "quote-item" },
              el("blockquote", null, q.quote),
              el(
                "p",
                { class: "attribution" },
                el("span", { class: "speaker" }, q.speaker || q.speaker_code),
                ` (${q.speaker_code}, about ${q.about})`,
                q.published ? ` · ${q.published}` : null,
                " · ",
                articleLink(q.article, q.title),
              ),
            ),
          ),
        ),
  );
}

function amountsSection(r) {
  if (r.amounts.length === 0) return null;
  return el(
    "section",
    { class: "amounts" },
    el("h2", null, "Key amounts"),
    el(
      "table",
      { class: "data" },
      el("thead", null, el("tr", null, ["amount", "about", "as written", "article"].map((h) => el("th", { scope: "col" }, h)))),
      el(
        "tbody",
        null,
        r.amounts.map((m) =>
          el(
            "tr",
            null,
            el("td", { class: "num" }, `${m.approximate ? "≈ " : ""}${fmt(m.value, 2)} ${m.unit}`),
            el("td", null, m.about || ""),
            el("td", null, m.text),
            el("td", null, articleLink(m.article, null)),
          ),
        ),
      ),
    ),
  );
}

function evidenceSection(r, book) {
  return el(
    "section",
    { class: "evidence" },
    el("h2", null, "Evidence"),
    r.evidence.length === 0
      ? el("p", { class: "empty" }, "No events.")
      : el(
          "ol",
          { class: "evidence-list" },
          r.evidence.map((e) =>
            el(
              "li",
              { class: `evidence-item ${isConflict(e.quad) ? "conflict" : "cooperation"}` },
              el(
                "p",
                { class: "event-line" },
                el("span", { class: "date" }, e.date || "undated"),
                " ",
                el("strong", null, `${e.source || "?"} → ${e.target || "?"}`),
                " ",
                el("code", { class: "cameo" }, e.cameo),
                ` ${cameoName(book, e.cameo) || ""} · ${quadName(e.quad)} · Goldstein ${fmt(e.goldstein, 1)}`,
                e.plover ? ` · ${e.plover}` : null,
              ),
              el("blockquote", { class: "sentence" }, e.sentence),
              el("p", { class: "source" }, articleLink(e.article, e.title, e.event)),
            ),
          ),
        ),
  );
}
