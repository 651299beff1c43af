/**
 * Server-rendered HTML, escaped by construction: every value put into an `html` template is text and is
 * escaped, unless it is itself HTML (the result of `html` or `raw`). A page never joins markup by hand, so
 * forgetting to escape a venue name, a question someone typed or a translation cannot happen.
 * A page written over several source lines is a list of fragments, `html\`${[head, rows, foot]}\``: the list
 * joins with nothing between, so the bytes sent are those of one long line.
 */

/** Markup that is safe to send as it is. Only `html` and `raw` make one. */
export class SafeHtml {
  constructor(private readonly markup: string) {}

  toString(): string {
    return this.markup;
  }
}

/**
 * What a template accepts: text and numbers (escaped), markup, lists of either (joined with nothing
 * between), and `null`, `undefined` or `false` for "nothing here" (so `${cond && html`…`}` reads naturally).
 */
export type HtmlValue = SafeHtml | string | number | false | null | undefined | readonly HtmlValue[];

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Text made safe for an element's content and for a quoted attribute value. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch);

function render(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.toString();
  if (Array.isArray(value)) return value.map(render).join("");
  if (value === null || value === undefined || value === false) return "";
  return escapeHtml(String(value));
}

/** The tag: `html\`<td>${venue.name}</td>\`` escapes the name; nested `html` results go in as they are. */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let out = strings[0] ?? "";
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? "");
  });
  return new SafeHtml(out);
}

/**
 * Markup that is trusted as it is. Use it only for text that is HTML already and never comes from a person
 * (a stylesheet, a JSON block that is made safe otherwise), and say why where it is used.
 */
export const raw = (markup: string): SafeHtml => new SafeHtml(markup);
