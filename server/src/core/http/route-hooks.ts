/**
 * A route's hooks of one kind as an array, whatever form the route declared them in: the core adds its
 * hooks in `onRoute` to the routes that need them only, so that other routes pay nothing per request.
 */
export function hooksOf<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}
