// Reading text fields of a browser FormData: `get` returns a File for file inputs and null for missing
// fields; both read as '' here instead of "[object File]" or "null".

/** The text value of a form field, or '' when it is missing or a file. */
export function formText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}
