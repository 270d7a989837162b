/**
 * Editor JSON as plain objects. ProseMirror builds node attributes with
 * Object.create(null), and React's server-action encoding does not send such
 * objects (they arrive as a temporary reference, so every heading level and image
 * src was lost on save). A JSON round trip gives ordinary objects.
 */
export function toPlainJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
