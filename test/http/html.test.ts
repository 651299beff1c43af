import { describe, expect, it } from "vitest";
import { escapeHtml, html, raw, SafeHtml } from "../../src/http/html";

const str = (h: SafeHtml) => h.toString();

describe("html templates escape every value unless it is markup already", () => {
  it("a venue name someone typed is shown as text, never run as a script", () => {
    const name = `Quán "Cô Ba"><script>alert(1)</script>`;
    const row = html`<td title="${name}">${name}</td>`;
    expect(str(row)).toBe(
      '<td title="Quán &quot;Cô Ba&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">Quán &quot;Cô Ba&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;</td>',
    );
    expect(str(row)).not.toContain("<script>");
  });

  it("quotes of both kinds and ampersands cannot end an attribute or start an entity", () => {
    expect(str(html`<input value="${`it's "ok" & <fine>`}">`)).toBe(
      '<input value="it&#39;s &quot;ok&quot; &amp; &lt;fine&gt;">',
    );
    expect(str(html`<a href='/c/${"x' onclick='alert(1)"}'>`)).toBe(
      "<a href='/c/x&#39; onclick=&#39;alert(1)'>",
    );
  });

  it("Vietnamese text and the markup written in the template itself stay as they are", () => {
    expect(str(html`<p class="ok">✓ ${"Chợ Châu Ổ, xã Bình Sơn"}</p>`)).toBe(
      '<p class="ok">✓ Chợ Châu Ổ, xã Bình Sơn</p>',
    );
  });

  it("a fragment built with html goes into another as markup, and its values are escaped once, not twice", () => {
    const cell = html`<td>${"Tom & Jerry"}</td>`;
    expect(str(html`<tr>${cell}</tr>`)).toBe("<tr><td>Tom &amp; Jerry</td></tr>");
  });

  it("a list of rows is joined with nothing between; a list of texts is escaped item by item", () => {
    const rows = ["<b>", "a&b"].map((t) => html`<li>${t}</li>`);
    expect(str(html`<ul>${rows}</ul>`)).toBe("<ul><li>&lt;b&gt;</li><li>a&amp;b</li></ul>");
    expect(str(html`${["<", [">", html`<br>`]]}`)).toBe("&lt;&gt;<br>");
    expect(str(html`<ul>${[]}</ul>`)).toBe("<ul></ul>");
  });

  it("numbers are printed, and null, undefined and false print nothing (but zero and the empty text stay)", () => {
    const none = (x: number) => x > 1 && html`<b>many</b>`;
    expect(str(html`${0} ${12.5} ${-3}`)).toBe("0 12.5 -3");
    expect(str(html`[${null}][${undefined}][${none(1)}][${none(2)}][${""}]`)).toBe("[][][][<b>many</b>][]");
  });

  it("raw passes trusted markup through untouched, and is the only way besides html to do so", () => {
    const css = "body{font-family:'Segoe UI'}a>b{color:red}";
    expect(str(html`<style>${raw(css)}</style>`)).toBe(`<style>${css}</style>`);
    expect(str(html`<style>${css}</style>`)).toBe(
      "<style>body{font-family:&#39;Segoe UI&#39;}a&gt;b{color:red}</style>",
    );
    expect(raw("<hr>")).toBeInstanceOf(SafeHtml);
  });

  it("a page is sent as a string: String() and template literals give the markup", () => {
    const page = html`<!doctype html><title>${"A < B"}</title>`;
    expect(String(page)).toBe("<!doctype html><title>A &lt; B</title>");
    expect(`${page}`).toBe(String(page));
  });

  it("escapeHtml escapes the five characters that matter in text and attributes, and nothing else", () => {
    expect(escapeHtml(`<a href="x">'&'</a> đã khai báo`)).toBe(
      "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt; đã khai báo",
    );
    expect(escapeHtml("&amp;")).toBe("&amp;amp;");
  });
});
