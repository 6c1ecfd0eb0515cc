// The CAMEO codebook and the CAMEO → PLOVER table, read from the same TSV files the engine
// embeds (served as UI assets), so labels in the UI never drift from the coder's.

let codebook = null;

/** Parses a `#`-commented TSV into rows of fields. */
function parseTsv(text) {
  return text
    .split("\n")
    .filter((line) => line.trim() !== "" && !line.startsWith("#"))
    .map((line) => line.split("\t"));
}

async function fetchText(path) {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response.text();
}

/** Loads both tables once; later calls share the first load. */
export function loadCodebook() {
  if (!codebook) {
    codebook = Promise.all([
      fetchText("/assets/cameo-eventcodes.tsv"),
      fetchText("/assets/cameo-plover.tsv"),
    ]).then(([events, plover]) => {
      const names = new Map();
      for (const [code, goldstein, name] of parseTsv(events)) {
        names.set(code, { name, goldstein: Number(goldstein) });
      }
      const plovers = new Map();
      for (const [code, type, mode, context] of parseTsv(plover)) {
        plovers.set(code, { type, mode: mode || null, context: context || null });
      }
      return { names, plovers };
    });
    codebook.catch(() => {
      codebook = null;
    });
  }
  return codebook;
}

/** The codebook name of a CAMEO code, or null. */
export function cameoName(book, code) {
  const entry = book.names.get(code);
  return entry ? entry.name : null;
}

/** The PLOVER mode and context the table gives a CAMEO code, or null. */
export function ploverDetail(book, code) {
  return book.plovers.get(code) || null;
}

const QUAD_CLASSES = ["verbal cooperation", "material cooperation", "verbal conflict", "material conflict"];

/** The name of a quad class 1–4. */
export function quadName(quad) {
  return QUAD_CLASSES[quad - 1] || `quad class ${quad}`;
}

/** True for quad classes 3 and 4. */
export function isConflict(quad) {
  return quad >= 3;
}
