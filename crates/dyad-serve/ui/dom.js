// Building DOM nodes from untrusted data without ever parsing it as markup: text becomes text
// nodes, attributes are set one by one from an allow-list, links accept http(s) only.

const SVG_NS = "http://www.w3.org/2000/svg";

// Attributes that cannot run code or load anything, whatever their value.
const SAFE_ATTRIBUTES = new Set([
  "class", "id", "title", "role", "tabindex", "type", "name", "value", "placeholder", "for",
  "min", "max", "step", "lang", "dir", "colspan", "rowspan", "scope", "datetime", "rel",
  "target", "autocomplete", "spellcheck", "hidden", "checked", "disabled",
  // SVG geometry and presentation.
  "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "width", "height", "d", "points",
  "viewBox", "transform", "fill", "fill-opacity", "stroke", "stroke-width", "stroke-opacity",
  "stroke-dasharray", "stroke-linejoin", "stroke-linecap", "opacity", "text-anchor",
  "dominant-baseline", "font-size", "preserveAspectRatio",
]);

function isSafeAttribute(name) {
  return SAFE_ATTRIBUTES.has(name) || /^(data|aria)-[a-z0-9-]+$/.test(name);
}

/** The URL if it is an absolute http(s) URL, else null. */
export function safeHttpUrl(value) {
  if (typeof value !== "string") return null;
  let url;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
}

function setAttributes(node, attrs) {
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "href") {
      setHref(node, value);
    } else if (isSafeAttribute(name)) {
      node.setAttribute(name, value === true ? "" : String(value));
    } else {
      throw new Error(`attribute not allowed: ${name}`);
    }
  }
}

/** Sets a link target: in-app hash routes as they are, other URLs only when http(s). */
function setHref(node, value) {
  const v = String(value);
  if (v.startsWith("#/")) {
    node.setAttribute("href", v);
    return;
  }
  const url = safeHttpUrl(v);
  if (url) {
    node.setAttribute("href", url);
    node.setAttribute("rel", "noopener noreferrer nofollow");
    node.setAttribute("target", "_blank");
  }
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** An HTML element with allow-listed attributes; string children become text nodes. */
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  setAttributes(node, attrs);
  return append(node, children);
}

/** An SVG element, built like `el`. */
export function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  setAttributes(node, attrs);
  return append(node, children);
}

/** Removes every child of `node`, then appends `children`. */
export function replaceChildren(node, ...children) {
  node.replaceChildren();
  return append(node, children);
}

/** A link to an in-app route built from path parts (each part URI-encoded). */
export function routeHref(...parts) {
  return "#/" + parts.map((p) => encodeURIComponent(p)).join("/");
}

/** Formats a number with at most `digits` decimals, or an en dash for null. */
export function fmt(value, digits = 2) {
  if (value === null || value === undefined || Number.isNaN(value)) return "–";
  return Number(value).toLocaleString("en", { maximumFractionDigits: digits });
}

/** `text` with every case-insensitive occurrence of a term wrapped in <mark>, as nodes. */
export function markTerms(text, terms) {
  const escaped = terms
    .filter((t) => t.length > 0)
    .sort((x, y) => y.length - x.length)
    .map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  if (escaped.length === 0) return [text];
  const out = [];
  let at = 0;
  for (const m of text.matchAll(new RegExp(escaped.join("|"), "giu"))) {
    if (m[0].length === 0) continue;
    if (m.index > at) out.push(text.slice(at, m.index));
    out.push(el("mark", null, m[0]));
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}
