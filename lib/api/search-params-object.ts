/** Search parameters as the query schemas read them: a repeated key as an array, any other as a string. */
export function searchParamsToObject(searchParams: URLSearchParams): Record<string, string | string[]> {
  // No prototype: a parameter named `__proto__` is then a key like any other (and refused as unknown).
  const query: Record<string, string | string[]> = Object.create(null);
  for (const key of new Set(searchParams.keys())) {
    const values = searchParams.getAll(key);
    query[key] = values.length === 1 ? values[0]! : values;
  }
  return query;
}
