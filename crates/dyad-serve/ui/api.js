// The JSON API under /api: one fetch helper that turns error bodies into exceptions.

/** GETs `/api/<path>` with the given query parameters (empty values left out). */
export async function getJSON(path, params = {}) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== null && v !== undefined && v !== "") query.set(k, String(v));
  }
  const qs = query.toString();
  const response = await fetch(`/api/${path}${qs ? "?" + qs : ""}`, {
    headers: { Accept: "application/json" },
  });
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) {
    const message = body && typeof body.error === "string" ? body.error : response.statusText;
    throw new ApiError(response.status, message);
  }
  return body;
}

/** An API answer with an error status. */
export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}
