// End-to-end test of the web UI in a real browser: builds a small corpus with the dyad binary
// (the bundled examples plus two hostile fixtures), serves it with `dyad serve` on a free
// loopback port, and drives Debian's chromium through playwright-core. Screenshots go to
// target/browser/.
//
// Environment: DYAD_BIN (default target/debug/dyad), CHROMIUM_BIN (default /usr/bin/chromium).

import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, "..", "..");
const DYAD = process.env.DYAD_BIN || path.join(ROOT, "target", "debug", "dyad");
const CHROMIUM = process.env.CHROMIUM_BIN || "/usr/bin/chromium";
const SHOTS = path.join(ROOT, "target", "browser");
const FIXTURES = path.join(HERE, "fixtures");
const BROWSER_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** CAMEO code → name, read from the table the engine embeds. */
const CAMEO_NAMES = new Map(
  readFileSync(path.join(ROOT, "data", "cameo", "eventcodes.tsv"), "utf8")
    .split("\n")
    .filter((l) => l && !l.startsWith("#"))
    .map((l) => l.split("\t"))
    .map(([code, , name]) => [code, name]),
);

let work;
let server;
let serverLog = "";
let base;

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function api(pathAndQuery) {
  const response = await fetch(base + pathAndQuery);
  assert.equal(response.status, 200, `${pathAndQuery}: ${response.status}`);
  return response.json();
}

async function waitForServer(deadlineMs) {
  const until = Date.now() + deadlineMs;
  while (Date.now() < until) {
    if (server.exitCode !== null) throw new Error(`dyad serve exited with ${server.exitCode}:\n${serverLog}`);
    try {
      const response = await fetch(base + "/api/stats");
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`dyad serve did not answer within ${deadlineMs} ms:\n${serverLog}`);
}

/** A fresh browser profile; `bypassCSP` turns the page's CSP off so escaping alone is tested. */
async function openBrowser({ bypassCSP = false } = {}) {
  const profile = mkdtempSync(path.join(work, "profile-"));
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: BROWSER_ARGS,
    viewport: { width: 1280, height: 900 },
    bypassCSP,
  });
}

/** A page that records script errors, console errors, dialogs and requests off the API. */
async function watchedPage(context) {
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  const seen = { errors: [], dialogs: [], stray: [] };
  page.on("pageerror", (e) => seen.errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") seen.errors.push(`console: ${m.text()}`);
  });
  page.on("dialog", (d) => {
    seen.dialogs.push(d.message());
    d.dismiss().catch(() => {});
  });
  page.on("request", (r) => {
    const url = new URL(r.url());
    const ours = url.origin === base && (url.pathname === "/" || url.pathname.startsWith("/assets/") || url.pathname.startsWith("/api/"));
    if (!ours) seen.stray.push(r.url());
  });
  return { page, seen };
}

/** Opens a route and waits for the router to finish rendering it. */
async function openRoute(page, route) {
  await page.goto(`${base}/${route}`);
  await page.waitForSelector("#app[data-route]:not([aria-busy])");
}

async function shot(page, name) {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** Everything in the DOM that data could have injected: handlers, foreign elements, URLs. */
function domFindings(page) {
  return page.evaluate(() => {
    const bad = [];
    for (const node of document.querySelectorAll("*")) {
      for (const attr of node.attributes) {
        const name = attr.name.toLowerCase();
        if (name.startsWith("on") || ["autofocus", "srcdoc", "formaction", "xlink:href"].includes(name)) {
          bad.push(`${node.tagName} ${name}`);
        }
        if ((name === "href" || name === "src" || name === "action") && !/^(#\/|https?:\/\/|\/assets\/)/.test(attr.value)) {
          bad.push(`${node.tagName} ${name}=${attr.value}`);
        }
      }
    }
    const foreign = document.querySelectorAll(
      "img, iframe, frame, object, embed, b, base, form[action], meta[http-equiv], svg:not(.graph):not(.chart), foreignObject, textarea",
    );
    for (const node of foreign) bad.push(`element ${node.tagName}`);
    const scripts = [...document.scripts].map((s) => s.getAttribute("src"));
    if (scripts.length !== 1 || scripts[0] !== "/assets/app.js") bad.push(`scripts ${JSON.stringify(scripts)}`);
    if (window.__dyadInjected !== undefined) bad.push(`script ran: ${window.__dyadInjected}`);
    return bad;
  });
}

async function assertInert(page, seen, where) {
  assert.deepEqual(await domFindings(page), [], `${where}: injected markup`);
  assert.deepEqual(seen.dialogs, [], `${where}: dialogs opened`);
  assert.deepEqual(seen.errors, [], `${where}: script or console errors`);
  assert.deepEqual(seen.stray, [], `${where}: requests outside the API and assets`);
}

/**
 * For every entity mention, quotation and event of the article on screen, the highlighted
 * segments starting inside its code-point span spell out exactly its text.
 */
function spanMismatches(page, id) {
  return page.evaluate(async (articleId) => {
    const record = await (await fetch(`/api/articles/${encodeURIComponent(articleId)}`)).json();
    const cps = Array.from(record.text);
    const segs = [...document.querySelectorAll(".article-text .ann[data-start]")].map((s) => ({
      start: Number(s.getAttribute("data-start")),
      text: s.textContent,
    }));
    const shown = (start, end) =>
      segs
        .filter((s) => s.start >= start && s.start < end)
        .map((s) => s.text)
        .join("");
    const squash = (s) => s.replace(/\s+/g, "");
    const out = [];
    const spans = [
      ...record.entities.flatMap((e) => e.mentions.map((m) => ({ what: `entity ${e.id}`, ...m }))),
      ...record.quotes.map((q) => ({ what: `quote ${q.id}`, start: q.start, end: q.end })),
      ...record.events.map((e) => ({ what: `event ${e.id}`, ...e.evidence })),
    ];
    for (const s of spans) {
      const expected = s.text ?? cps.slice(s.start, s.end).join("");
      if (squash(shown(s.start, s.end)) !== squash(expected)) out.push(`${s.what}: ${JSON.stringify(shown(s.start, s.end))} != ${JSON.stringify(expected)}`);
    }
    return { checked: spans.length, mismatches: out };
  }, id);
}

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  work = mkdtempSync(path.join(tmpdir(), "dyad-browser-"));
  const db = path.join(work, "corpus.db");
  const ingest = spawnSync(
    DYAD,
    ["ingest", "--db", db, path.join(ROOT, "examples", "articles"), path.join(FIXTURES, "hostile.html"), path.join(FIXTURES, "hostile-url.jsonl")],
    { encoding: "utf8" },
  );
  assert.equal(ingest.status, 0, `dyad ingest failed: ${ingest.stderr}`);
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(DYAD, ["serve", "--db", db, "--addr", `127.0.0.1:${port}`], { stdio: ["ignore", "pipe", "pipe"] });
  server.stdout.on("data", (d) => (serverLog += d));
  server.stderr.on("data", (d) => (serverLog += d));
  await waitForServer(30000);
});

after(() => {
  if (server && server.exitCode === null) server.kill("SIGTERM");
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("web UI under the server's Content-Security-Policy", () => {
  let context;
  let page;
  let seen;

  before(async () => {
    context = await openBrowser();
    ({ page, seen } = await watchedPage(context));
  });

  after(async () => {
    if (context) await context.close();
  });

  test("the page is served with a Content-Security-Policy", async () => {
    const response = await page.goto(`${base}/`);
    const csp = response.headers()["content-security-policy"] || "";
    assert.match(csp, /default-src 'self'/);
  });

  test("the relations graph renders nodes, edges and blocs, and nodes can be dragged", async () => {
    const graph = await api("/api/graph");
    assert.ok(graph.nodes.length >= 3 && graph.edges.length >= 2 && graph.blocs.length >= 2, "corpus too small for the test");
    await openRoute(page, "#/graph");
    assert.equal(await page.locator("svg.graph .node").count(), graph.nodes.length);
    assert.equal(await page.locator("svg.graph .edge").count(), graph.edges.length);
    assert.equal(await page.locator("svg.graph .hull").count(), graph.blocs.length);
    assert.equal(await page.locator(".bloc-list .bloc").count(), graph.blocs.length);
    const conflicts = graph.edges.filter((e) => e.weight < 0).length;
    const cooperation = graph.edges.filter((e) => e.weight > 0).length;
    assert.ok(conflicts > 0 && cooperation > 0, "the corpus has both kinds of edge");
    assert.equal(await page.locator("svg.graph .edge.conflict").count(), conflicts);
    assert.ok((await page.locator("svg.graph .edge.cooperation").count()) >= cooperation);
    // Nodes of one bloc share a colour; each bloc's legend entry names its members.
    for (const [i, bloc] of graph.blocs.entries()) {
      const fills = await page.locator(`svg.graph .node[data-bloc="${i}"] circle`).evaluateAll((cs) => [...new Set(cs.map((c) => c.getAttribute("fill")))]);
      assert.equal(fills.length, 1, `bloc ${i} has one colour`);
      assert.equal(await page.locator(`.bloc-list .bloc[data-bloc="${i}"]`).textContent(), `Bloc ${i + 1}: ${bloc.join(", ")}`);
    }

    // Drag the busiest node: it moves and its edges follow.
    const busiest = [...graph.nodes].sort((x, y) => y.events - x.events)[0].code;
    const node = page.locator(`svg.graph .node[data-code="${busiest}"]`);
    const edge = page.locator(`svg.graph .edge[data-a="${busiest}"] .edge-line, svg.graph .edge[data-b="${busiest}"] .edge-line`).first();
    const before = { node: await node.getAttribute("transform"), edge: await edge.evaluate((l) => [l.getAttribute("x1"), l.getAttribute("x2"), l.getAttribute("y1"), l.getAttribute("y2")].join()) };
    const box = await node.locator("circle").boundingBox();
    const from = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    // Drop it on empty ground, so that no other node covers it for the hover below.
    const to = await page.evaluate(({ x, y }) => {
      const offsets = [[60, 45], [-60, 45], [60, -45], [-60, -45], [90, 0], [-90, 0], [0, 90], [0, -90], [120, 120], [-120, -120]];
      const clear = (px, py) => [[0, 0], [20, 0], [-20, 0], [0, 20], [0, -20]].every(([dx, dy]) => {
        const top = document.elementFromPoint(px + dx, py + dy);
        return top && !top.closest(".node");
      });
      const [dx, dy] = offsets.find(([ox, oy]) => clear(x + ox, y + oy)) || offsets[0];
      return { x: x + dx, y: y + dy };
    }, from);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 8 });
    await page.mouse.up();
    assert.notEqual(await node.getAttribute("transform"), before.node, "node moved");
    assert.notEqual(await edge.evaluate((l) => [l.getAttribute("x1"), l.getAttribute("x2"), l.getAttribute("y1"), l.getAttribute("y2")].join()), before.edge, "edge followed");

    // Hovering a node picks out its edges; clicking it lists its partners.
    const dropped = await node.locator("circle").boundingBox();
    await page.mouse.move(dropped.x + dropped.width / 2, dropped.y + dropped.height / 2);
    assert.ok(await page.locator("svg.graph.focused").count(), "hover focuses the graph");
    assert.ok((await page.locator("svg.graph .edge.lit").count()) >= 1);
    await page.mouse.click(dropped.x + dropped.width / 2, dropped.y + dropped.height / 2);
    assert.equal(await page.locator(".node-detail h2").textContent(), busiest);
    const partners = graph.edges.filter((e) => e.a === busiest || e.b === busiest).length;
    assert.equal(await page.locator(".node-detail .partners li").count(), partners);
    await shot(page, "graph");
    await assertInert(page, seen, "graph");
  });

  test("clicking an edge opens the dyad page with its timeline", async () => {
    await openRoute(page, "#/graph");
    // An edge whose midpoint is not covered by a node or another edge, clicked with the mouse.
    const target = await page.evaluate(() => {
      document.querySelector("svg.graph").scrollIntoView();
      for (const g of document.querySelectorAll("svg.graph .edge")) {
        const r = g.querySelector(".edge-hit").getBoundingClientRect();
        const x = r.left + r.width / 2;
        const y = r.top + r.height / 2;
        const top = document.elementFromPoint(x, y);
        if (top && g.contains(top)) return { a: g.getAttribute("data-a"), b: g.getAttribute("data-b"), x, y };
      }
      return null;
    });
    assert.ok(target, "some edge is clickable at its midpoint");
    await page.mouse.click(target.x, target.y);
    await page.waitForFunction((t) => location.hash === `#/dyad/${t.a}/${t.b}`, target);
    await page.waitForSelector("#app[data-route='dyad']:not([aria-busy])");
    const relation = await api(`/api/relation?a=${target.a}&b=${target.b}`);
    assert.ok(relation.events > 0);
    const bars = relation.months.reduce((n, m) => n + (m.quad[0] + m.quad[1] > 0) + (m.quad[2] + m.quad[3] > 0), 0);
    assert.equal(await page.locator(".timeline svg.chart .bar").count(), bars);
    assert.equal(await page.locator(".timeline svg.chart .goldstein-dot").count(), relation.months.filter((m) => m.events > 0).length);
    assert.equal(await page.locator(".evidence-item").count(), relation.evidence.length);
    assert.equal(await page.locator(".quote-item").count(), relation.quotes.length);
    const summary = await page.locator("dl.summary").textContent();
    assert.ok(summary.includes(`events${relation.events}`), summary);
    await shot(page, "dyad");
    await assertInert(page, seen, "dyad");
  });

  test("the busiest dyad's timeline has a column per month and its evidence links to the article", async () => {
    const graph = await api("/api/graph");
    const top = [...graph.edges].sort((x, y) => y.events - x.events || x.a.localeCompare(y.a))[0];
    const relation = await api(`/api/relation?a=${top.a}&b=${top.b}`);
    await openRoute(page, `#/dyad/${top.a}/${top.b}`);
    const months = await page.locator(".timeline svg.chart .month").evaluateAll((ms) => ms.map((m) => m.getAttribute("data-month")));
    const dated = relation.months.filter((m) => m.month).map((m) => m.month);
    for (const m of dated) assert.ok(months.includes(m), `month ${m} shown`);
    if (relation.months.some((m) => !m.month)) assert.equal(months[months.length - 1], "undated");

    const first = relation.evidence[0];
    await page.locator(".evidence-item .article-link").first().click();
    await page.waitForFunction((e) => location.hash === `#/article/${e.article}?event=${e.event}`, first);
    await page.waitForSelector("#app[data-route='article']:not([aria-busy])");
    assert.equal(await page.locator(".card-event .cameo-code").textContent(), first.cameo);
    assert.equal(await page.locator(".card-event .cameo-label").textContent(), CAMEO_NAMES.get(first.cameo));
    assert.ok((await page.locator(".article-text .ann.event.selected").count()) >= 1, "the event's words are marked");
    await assertInert(page, seen, "evidence link");
  });

  test("article pages highlight entities, quotations and events at their code-point spans", async () => {
    const list = await api("/api/articles?limit=200");
    assert.ok(list.total >= 7);
    for (const a of list.articles) {
      await openRoute(page, `#/article/${a.id}`);
      const { checked, mismatches } = await spanMismatches(page, a.id);
      assert.ok(checked > 0, `${a.id} has annotations`);
      assert.deepEqual(mismatches, [], `${a.id}: highlights off their spans`);
    }
    await assertInert(page, seen, "articles");
  });

  test("clicking an event in the text shows its codes", async () => {
    const list = await api("/api/articles?limit=200");
    const withEvents = list.articles.filter((a) => a.events > 0 && a.quotes > 0 && a.entities > 0);
    const id = withEvents[0].id;
    const record = await api(`/api/articles/${id}`);
    await openRoute(page, `#/article/${id}`);
    assert.ok((await page.locator(".article-text .ann.entity").count()) >= 1);
    assert.ok((await page.locator(".article-text .ann.quote").count()) >= 1);
    assert.ok((await page.locator(".article-text .ann.event").count()) >= 1);

    const segment = page.locator(".article-text .ann.event").first();
    await segment.click();
    const card = page.locator(".ann-detail .card-event").first();
    await card.waitFor();
    const labels = await card.locator("dt").allTextContents();
    for (const want of ["CAMEO root", "quad class", "Goldstein", "PLOVER", "source", "target", "negated", "hypothetical"]) {
      assert.ok(labels.includes(want), `event card shows ${want}: ${labels}`);
    }
    const covering = (await segment.getAttribute("data-ann")).split(" ");
    assert.ok(covering.length >= 1);
    const code = await card.locator(".cameo-code").textContent();
    assert.ok(record.events.some((e) => e.cameo === code), `${code} is one of the article's events`);
    assert.equal(await card.locator(".cameo-label").textContent(), CAMEO_NAMES.get(code));
    await shot(page, "article-event");

    // Each event of the side list shows its own codes.
    for (const e of record.events) {
      await page.locator(`.event-list button[data-event="${e.id}"]`).click();
      const shown = page.locator(".ann-detail .card-event");
      assert.equal(await shown.locator(".cameo-code").textContent(), e.cameo);
      const row = async (label) => shown.locator("dt", { hasText: new RegExp(`^${label}$`) }).locator("xpath=following-sibling::dd[1]").textContent();
      assert.equal(await row("negated"), e.negated ? "yes" : "no");
      assert.equal(await row("hypothetical"), e.hypothetical ? "yes" : "no");
      assert.ok((await row("quad class")).startsWith(String(e.quad)));
    }
    await shot(page, "article");
    await assertInert(page, seen, "article events");
  });

  test("search returns the matching sentences and quotations", async () => {
    const term = "embassies";
    const results = await api(`/api/search?q=${term}`);
    assert.ok(results.articles.length >= 1, "the examples mention embassies");
    await openRoute(page, "#/search");
    await page.fill(".search-form input[name=q]", term);
    await page.press(".search-form input[name=q]", "Enter");
    await page.waitForFunction(() => location.hash.startsWith("#/search?q=embassies"));
    await page.waitForSelector("#app .article-hits");
    assert.equal(await page.locator(".article-hits .hit").count(), results.articles.length);
    assert.equal(await page.locator(".quote-hits .hit").count(), results.quotes.length);
    const marks = await page.locator(".article-hits mark").allTextContents();
    assert.ok(marks.length >= 1 && marks.every((m) => m.toLowerCase() === term), `marked: ${marks}`);
    await shot(page, "search");

    await openRoute(page, "#/articles");
    const list = await api("/api/articles?limit=50");
    assert.equal(await page.locator(".articles-table tbody tr").count(), list.articles.length);
    await assertInert(page, seen, "search");
  });
});

/** Visits every page that shows the hostile articles and checks that nothing was injected. */
async function visitHostilePages(page, seen, label) {
  const list = await api("/api/articles?limit=200");
  const html = list.articles.find((a) => (a.title || "").startsWith("Border talks"));
  const jsonl = list.articles.find((a) => (a.title || "").startsWith("UN envoy"));
  assert.ok(html && jsonl, "both hostile fixtures were ingested");

  await openRoute(page, `#/article/${html.id}`);
  const title = await page.locator(".article-title").textContent();
  assert.ok(title.includes(`<img src=x onerror="window.__dyadInjected='title'`), `title shown as text: ${title}`);
  const text = await page.locator(".article-text").textContent();
  assert.ok(text.includes("<script>window.__dyadInjected='text'"), "script payload shown as text");
  assert.ok(text.includes(`autofocus onfocus="window.__dyadInjected='attribute'"`), "attribute payload shown as text");
  for (const quote of await page.locator(".article-text .ann.quote").all()) await quote.click();
  for (const button of await page.locator(".event-list button").all()) await button.click();
  await shot(page, `hostile-article-${label}`);
  await assertInert(page, seen, `${label}: hostile HTML article`);

  await openRoute(page, `#/article/${jsonl.id}`);
  const source = page.locator(".source-url");
  assert.equal(await source.evaluate((n) => n.tagName), "SPAN", "a javascript: URL is not a link");
  assert.ok((await source.textContent()).startsWith("javascript:"));
  for (const quote of await page.locator(".article-text .ann.quote").all()) await quote.click();
  await shot(page, `hostile-url-article-${label}`);
  await assertInert(page, seen, `${label}: hostile JSONL article`);

  for (const q of ["provocation", "restraint", "onerror", "script"]) {
    await openRoute(page, `#/search?q=${q}`);
    await assertInert(page, seen, `${label}: search ${q}`);
  }
  await shot(page, `hostile-search-${label}`);
  for (const route of ["#/dyad/AZE/ARM", "#/dyad/TUR/AZE", "#/graph", "#/articles"]) {
    await openRoute(page, route);
    await assertInert(page, seen, `${label}: ${route}`);
  }
}

describe("hostile article text stays inert", () => {
  test("under the server's CSP", async () => {
    const context = await openBrowser();
    try {
      const { page, seen } = await watchedPage(context);
      await visitHostilePages(page, seen, "csp");
    } finally {
      await context.close();
    }
  });

  test("with CSP bypassed, so escaping alone keeps it inert", async () => {
    const context = await openBrowser({ bypassCSP: true });
    try {
      const { page, seen } = await watchedPage(context);
      await visitHostilePages(page, seen, "no-csp");
    } finally {
      await context.close();
    }
  });
});
