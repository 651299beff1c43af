/** Drives the check-in page like a browser without JavaScript: GET the form, keep its cookie, POST it. */
export class CheckinBrowser {
  cookie = "";

  constructor(private readonly baseUrl: string) {}

  /** Opens /c/:code and returns the page and the form's hidden token. */
  async open(code: string, query = ""): Promise<{ status: number; html: string; csrf: string }> {
    const res = await fetch(`${this.baseUrl}/c/${code}${query}`, { headers: this.headers() });
    this.keepCookie(res);
    const html = await res.text();
    return { status: res.status, html, csrf: /name="csrf" value="([^"]+)"/.exec(html)?.[1] ?? "" };
  }

  /** Posts the form as an HTML form would (urlencoded). */
  async submit(
    code: string,
    fields: Record<string, string>,
    query = "",
  ): Promise<{ status: number; html: string; headers: Headers }> {
    const res = await fetch(`${this.baseUrl}/c/${code}${query}`, {
      method: "POST",
      headers: { ...this.headers(), "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(fields).toString(),
    });
    this.keepCookie(res);
    return { status: res.status, html: await res.text(), headers: res.headers };
  }

  /** Opens the form and submits it with these answers (all "no" unless given). */
  async checkIn(code: string, fields: Record<string, string>, query = "") {
    const { csrf } = await this.open(code, query);
    return this.submit(code, { csrf, symptoms: "no", closeContact: "no", travel: "no", ...fields }, query);
  }

  private headers(): Record<string, string> {
    return this.cookie ? { cookie: this.cookie } : {};
  }

  private keepCookie(res: Response): void {
    const set = res.headers.get("set-cookie");
    if (set) this.cookie = set.split(";")[0] ?? "";
  }
}

/** Registers a venue through the officers' API and returns its id and code. */
export async function registerVenue(
  baseUrl: string,
  token: string,
  overrides: Record<string, string> = {},
): Promise<{ id: string; code: string }> {
  const res = await fetch(`${baseUrl}/api/v1/venues`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({
      name: "Chợ Châu Ổ",
      category: "market",
      communeCode: "21040",
      address: "12 Phạm Văn Đồng",
      contactName: "Nguyễn Thị Lan",
      contactPhone: "0905 111 222",
      ...overrides,
    }),
  });
  if (res.status !== 201) throw new Error(`venue registration answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as { id: string; code: string };
}
