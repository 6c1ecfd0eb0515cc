// Search (#/search?q=…) over articles and quotations with the matching sentences, and the
// article list (#/articles) that pages through the corpus.

import { getJSON } from "./api.js";
import { articleLink } from "./dyad.js";
import { el, fmt, markTerms, replaceChildren } from "./dom.js";

const PAGE = 50;

/** Words of a query worth marking in results: terms and phrases, without operators. */
export function queryTerms(q) {
  const terms = [];
  for (const m of q.matchAll(/"([^"]+)"|(\S+)/g)) {
    const t = (m[1] || m[2]).replace(/\*$/, "").replace(/^[-+]/, "");
    if (t && t !== "OR" && t !== "NOT" && t !== "AND") terms.push(t);
  }
  return terms;
}

function searchForm(params) {
  const field = (name, label, type = "text") =>
    el("label", null, `${label} `, el("input", { type, name, value: params.get(name) || "", placeholder: name === "actor" ? "e.g. ISR" : null }));
  const form = el(
    "form",
    { class: "search-form", role: "search" },
    field("q", "Search"),
    field("actor", "actor"),
    field("from", "from", "date"),
    field("to", "to", "date"),
    el("button", { type: "submit" }, "Search"),
  );
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const query = new URLSearchParams();
    for (const [k, v] of new FormData(form).entries()) if (String(v).trim()) query.set(k, String(v).trim());
    location.hash = `#/search?${query.toString()}`;
  });
  return form;
}

/** Renders the search page; with no query it lists the corpus's articles. */
export async function renderSearch(root, params) {
  const q = (params.get("q") || "").trim();
  if (!q) {
    await renderArticles(root, params, searchForm(params));
    return;
  }
  const results = await getJSON("search", { q, actor: params.get("actor"), from: params.get("from"), to: params.get("to"), limit: PAGE });
  const terms = queryTerms(q);
  replaceChildren(
    root,
    el("h1", null, "Search"),
    searchForm(params),
    el("p", { class: "muted" }, `${results.articles.length} articles and ${results.quotes.length} quotations match “${results.query}”.`),
    el("section", { class: "article-hits" }, el("h2", null, "Articles"), results.articles.length === 0 ? el("p", { class: "empty" }, "No article matches.") : el("ol", { class: "hits" }, results.articles.map((h) => el("li", { class: "hit" }, el("p", null, articleLink(h.article, h.title), h.published ? ` · ${h.published}` : null), h.sentence ? el("blockquote", { class: "sentence" }, markTerms(h.sentence, terms)) : null)))),
    el("section", { class: "quote-hits" }, el("h2", null, "Quotations"), results.quotes.length === 0 ? el("p", { class: "empty" }, "No quotation matches.") : el("ol", { class: "hits" }, results.quotes.map((h) => el("li", { class: "hit" }, el("blockquote", null, markTerms(h.quote, terms)), el("p", { class: "attribution" }, h.speaker ? el("span", { class: "speaker" }, h.speaker) : "unattributed", " · ", articleLink(h.article, h.title)))))),
  );
}

/** Renders a page of the article list (`offset`, `actor` from the route). */
export async function renderArticles(root, params, form = null) {
  const offset = Math.max(0, Number.parseInt(params.get("offset") || "0", 10) || 0);
  const actor = params.get("actor") || "";
  const list = await getJSON("articles", { limit: PAGE, offset, actor });
  const pageLink = (to, label) => {
    const query = new URLSearchParams();
    if (actor) query.set("actor", actor);
    query.set("offset", String(to));
    return el("a", { href: `#/articles?${query.toString()}`, class: "pager" }, label);
  };
  replaceChildren(
    root,
    el("h1", null, "Articles"),
    form,
    el("p", { class: "muted" }, `${fmt(list.total, 0)} articles${actor ? ` naming ${actor}` : ""}; showing ${list.articles.length ? offset + 1 : 0}–${offset + list.articles.length}.`),
    el(
      "table",
      { class: "data articles-table" },
      el("thead", null, el("tr", null, ["title", "published", "site", "events", "entities", "quotations"].map((h) => el("th", { scope: "col" }, h)))),
      el(
        "tbody",
        null,
        list.articles.map((a) =>
          el(
            "tr",
            null,
            el("td", null, articleLink(a.id, a.title)),
            el("td", null, a.published || ""),
            el("td", null, a.site || ""),
            el("td", { class: "num" }, fmt(a.events, 0)),
            el("td", { class: "num" }, fmt(a.entities, 0)),
            el("td", { class: "num" }, fmt(a.quotes, 0)),
          ),
        ),
      ),
    ),
    el("p", { class: "pagers" }, offset > 0 ? pageLink(Math.max(0, offset - PAGE), "← previous") : null, " ", offset + PAGE < list.total ? pageLink(offset + PAGE, "next →") : null),
  );
}
