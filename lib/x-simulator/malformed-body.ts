/** A body that breaks the field a client reads first: data[0].id becomes a number, or data loses its keys. */
function wrongShape(body: unknown): unknown {
  if (typeof body !== "object" || body === null || !("data" in body)) return { unexpected: true };
  const { data } = body;
  if (Array.isArray(data) && data.length > 0) {
    const [first, ...rest] = data as Record<string, unknown>[];
    return { ...body, data: [{ ...first, id: Number.parseInt(String(first?.id), 10) }, ...rest] };
  }
  return { ...body, data: { unexpected: "shape" } };
}

/** The text of a 2xx answer that is no JSON at all (cut in half) or JSON of no documented shape. */
export function malformedBody(body: unknown, form: "truncated_json" | "wrong_shape"): string {
  if (form === "wrong_shape") return JSON.stringify(wrongShape(body));
  const text = JSON.stringify(body);
  return text.slice(0, Math.max(1, Math.floor(text.length / 2)));
}
