import fc from "fast-check";

/** Arbitraries shared by the fuzz tests. */

/** Strings that have broken parsers before: markup, script payloads, control and astral characters, lone surrogates. */
export const nastyStrings = [
  "",
  " ",
  "\u0000",
  "\ud800",
  "\udfff",
  "👨‍👩‍👧‍👦",
  "e\u0301",
  "<script>alert(1)</script>",
  "\"><img src=x onerror=alert(1)>",
  "javascript:alert(1)",
  "https://",
  "http://x",
  "HTTPS://EXAMPLE.ORG",
  "__proto__",
  "constructor",
  "toString",
  "NaN",
  "-1",
  "1e309",
  "9".repeat(40),
  "a".repeat(10_000),
  "{\"a\":",
  "```json\n{}\n```",
];

export const nastyString = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: "binary", maxLength: 60 }) },
  { weight: 2, arbitrary: fc.string({ maxLength: 60 }) },
  { weight: 2, arbitrary: fc.constantFrom(...nastyStrings) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", minLength: 200, maxLength: 400 }) },
);

/** JSON-ish values as a decoded request could carry them, plus the odd non-JSON value. */
export const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 2, arbitrary: nastyString },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 2, withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, withBoxedValues: true }) },
  { weight: 1, arbitrary: fc.constantFrom(undefined, null, Number.NaN, Infinity, -0, 2 ** 53, -1, 0, 1) },
);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A valid document with one node replaced, removed or retyped: shapes one field away from valid. */
export function mutationOf(valid: unknown): fc.Arbitrary<unknown> {
  const paths: (string | number)[][] = [];
  const walk = (node: unknown, at: (string | number)[]) => {
    paths.push(at);
    if (Array.isArray(node)) node.forEach((child, i) => walk(child, [...at, i]));
    else if (node && typeof node === "object") for (const [key, child] of Object.entries(node)) walk(child, [...at, key]);
  };
  walk(valid, []);
  return fc
    .record({
      path: fc.constantFrom(...paths),
      how: fc.constantFrom("replace", "delete", "wrap", "stringify"),
      value: fc.jsonValue({ maxDepth: 2 }),
    })
    .map(({ path, how, value }) => {
      const copy = structuredClone(valid) as Json;
      if (path.length === 0) return how === "stringify" ? JSON.stringify(copy) : value;
      const parent = path.slice(0, -1).reduce<Json>((node, key) => (node as Record<string | number, Json>)[key] as Json, copy) as Record<string | number, Json>;
      const key = path[path.length - 1] as string | number;
      if (how === "delete") {
        if (Array.isArray(parent)) parent.splice(key as number, 1);
        else delete parent[key];
      } else if (how === "wrap") parent[key] = [parent[key] as Json];
      else if (how === "stringify") parent[key] = JSON.stringify(parent[key]);
      else parent[key] = value as Json;
      return copy;
    });
}

/** The text of a body: JSON of a value, the valid text cut short, or not JSON at all. */
export function bodyTextOf(valid: unknown): fc.Arbitrary<string> {
  const text = JSON.stringify(valid);
  return fc.oneof(
    { weight: 5, arbitrary: mutationOf(valid).map((v) => JSON.stringify(v) ?? "") },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: Math.max(0, text.length - 1) }).map((n) => text.slice(0, n)) },
    { weight: 1, arbitrary: nastyString },
  );
}
