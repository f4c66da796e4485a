// Path segments that may still hold percent-escapes (a handle typed as `%40name`): decoded when they
// decode, kept as they are when they do not (`%E0%A4%A` is not UTF-8), so a malformed `%` is a clear
// validation error of the handle, never an exception.
export function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
