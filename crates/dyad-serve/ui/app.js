// The dyad web UI: a hash router over the pages, talking only to the JSON API under /api.
// Routes: #/graph, #/dyad/A/B, #/article/ID, #/search?q=…, #/articles.

import { getJSON } from "./api.js";
import { renderArticle } from "./article.js";
import { el, fmt, replaceChildren } from "./dom.js";
import { renderDyad } from "./dyad.js";
import { renderGraph } from "./graph.js";
import { renderArticles, renderSearch } from "./search.js";

const root = document.getElementById("app");
const status = document.getElementById("status");

/** Splits the hash into decoded path parts and query parameters. */
export function parseRoute(hash) {
  const raw = hash.replace(/^#\/?/, "");
  const q = raw.indexOf("?");
  const path = q >= 0 ? raw.slice(0, q) : raw;
  const params = new URLSearchParams(q >= 0 ? raw.slice(q + 1) : "");
  const parts = path.split("/").filter(Boolean).map((p) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return p;
    }
  });
  return { parts, params };
}

async function route() {
  const { parts, params } = parseRoute(location.hash);
  const [page, ...rest] = parts;
  for (const link of document.querySelectorAll("nav a[data-page]")) {
    link.classList.toggle("current", link.getAttribute("data-page") === (page || "graph"));
  }
  root.setAttribute("aria-busy", "true");
  try {
    if (!page || page === "graph") await renderGraph(root, params);
    else if (page === "dyad" && rest.length === 2) await renderDyad(root, rest[0], rest[1]);
    else if (page === "article" && rest.length === 1) await renderArticle(root, rest[0], params);
    else if (page === "search") await renderSearch(root, params);
    else if (page === "articles") await renderArticles(root, params);
    else replaceChildren(root, el("h1", null, "Not found"), el("p", null, "No such page."));
  } catch (err) {
    replaceChildren(root, el("h1", null, "Could not load this page"), el("p", { class: "error" }, err && err.message ? err.message : String(err)));
  } finally {
    root.removeAttribute("aria-busy");
    root.setAttribute("data-route", page || "graph");
  }
}

async function showStats() {
  try {
    const s = await getJSON("stats");
    replaceChildren(status, `${fmt(s.articles, 0)} articles · ${fmt(s.events, 0)} events · ${fmt(s.quotes, 0)} quotations · ${fmt(s.entities, 0)} entities`);
  } catch {
    replaceChildren(status, "corpus statistics unavailable");
  }
}

window.addEventListener("hashchange", route);
route();
showStats();
