import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Router as ExpressRouter, Request, Response } from "express";
import type { ZaloSiteVerification } from "../zalo-config";

const webchatIndex = fileURLToPath(new URL("../channels/webchat/public/index.html", import.meta.url));

const escapeAttribute = (value: string) =>
  value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The web chat page with Zalo's verification tag as the first thing in `<head>`. */
export function withZaloMeta(html: string, content: string): string {
  const tag = `<meta name="zalo-platform-site-verification" content="${escapeAttribute(content)}" />`;
  const head = /<head[^>]*>/i.exec(html);
  return head ? html.replace(head[0], `${head[0]}\n    ${tag}`) : `${tag}\n${html}`;
}

/**
 * Zalo's domain verification (zalo.md §0.3), which the developer console asks for before it accepts a
 * webhook URL on the domain: ZALO_SITE_VERIFICATION puts its meta tag into the page at `/`, and
 * ZALO_SITE_VERIFIER_FILE serves the downloaded verifier file at `/<its name>`, byte for byte. Mounted before
 * the web chat's static files; with neither set, nothing here answers and the page is served unchanged.
 */
export function mountZaloSiteVerification(
  router: ExpressRouter,
  verification: ZaloSiteVerification,
  indexPath = webchatIndex,
): void {
  const { file, metaContent } = verification;
  if (file) {
    router.get(`/${file.name}`, (_req: Request, res: Response) => {
      res.type("html").send(file.content);
    });
  }
  if (metaContent) {
    // Read per request: the page is small, and a changed page (the web chat's own files) is served as it is.
    const page = (_req: Request, res: Response) => {
      res
        .type("html")
        .set("Cache-Control", "no-cache")
        .send(withZaloMeta(readFileSync(indexPath, "utf8"), metaContent));
    };
    router.get("/", page);
    router.get("/index.html", page);
  }
}
