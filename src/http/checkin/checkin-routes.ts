import express, { type Router as ExpressRouter, type Request, type Response } from "express";
import { readCookie } from "../../channels/webchat/webchat-session";
import { type Language, languageFromHint } from "../../core/messages";
import type { TextRenderer } from "../../core/renderer";
import { formatVietnamTime } from "../../core/vietnam-time";
import type { CheckinService } from "../../features/checkin/checkin-service";
import { HEALTH_QUESTIONS } from "../../features/checkin/health-questions";
import type { HealthAnswers } from "../../features/checkin/visit-store";
import { normaliseVietnamesePhone } from "../../features/venues/phone";
import type { VenueService } from "../../features/venues/venue-service";
import type { VenueRecord, VenueStore } from "../../features/venues/venue-store";
import { cleanBody } from "../clean-body";
import type { IpRateLimit } from "../ip-rate-limit";
import { CHECKIN_COOKIE, CheckinCsrf } from "./checkin-csrf";
import { CheckinPages, type FormValues, type VenueView } from "./checkin-html";
import type { UsedTokens } from "./used-tokens";

export interface CheckinPageDeps {
  venues: VenueStore;
  venueService: VenueService;
  checkin: CheckinService;
  texts: TextRenderer;
  /** Signs the form tokens (SESSION_SECRET, or a per-process random one). */
  secret: string;
  /** Posts per minute per client address (CHECKIN_POSTS_PER_MINUTE), shared across processes on PostgreSQL. */
  postsPerIp: IpRateLimit;
  telegramBot: string | undefined;
  secureCookies: boolean;
  /** Form tokens already used (in the database: shared by every process). */
  usedTokens: UsedTokens;
  now?: () => Date;
}

// Pages carry a one-off token and personal answers: never cached. No script may run, no foreign form target.
const PAGE_HEADERS = {
  "Content-Type": "text/html; charset=utf-8",
  "Cache-Control": "no-store",
  "Content-Security-Policy":
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
};

/**
 * GET/POST /c/:code — where a venue's QR code points: a one-screen form (phone, optional name, three
 * yes/no questions) that works without JavaScript, protected by a signed double-submit token (403) and a
 * per-IP rate limit (429), plus links to check in by chat instead.
 */
export function mountCheckinPage(router: ExpressRouter, deps: CheckinPageDeps): void {
  const now = deps.now ?? (() => new Date());
  const csrf = new CheckinCsrf(deps.secret);
  const limit = deps.postsPerIp;
  const { usedTokens } = deps;
  const pages = new CheckinPages(deps.texts, {
    retentionDays: deps.checkin.retentionDays,
    telegramBot: deps.telegramBot,
  });
  // The app's JSON parser leaves forms alone (see create-app); only this route reads them, and only small.
  const form = [express.urlencoded({ extended: false, limit: "4kb", parameterLimit: 20 }), cleanBody];

  const send = (res: Response, status: number, html: string) =>
    res.status(status).set(PAGE_HEADERS).send(html);

  /** The browser's nonce, set in a cookie when it has none yet. */
  const nonceFor = (req: Request, res: Response): string => {
    const existing = csrf.validNonce(readCookie(req.get("cookie"), CHECKIN_COOKIE));
    if (existing) return existing;
    const fresh = csrf.newNonce();
    res.cookie(CHECKIN_COOKIE, fresh, {
      httpOnly: true,
      sameSite: "lax",
      secure: deps.secureCookies,
      path: "/c",
      maxAge: 24 * 3600 * 1000,
    });
    return fresh;
  };

  router.get("/c/:code", async (req: Request, res: Response) => {
    const lang = languageOf(req);
    const venue = await activeVenue(deps.venues, req.params.code);
    if (!venue) return void send(res, 404, pages.message(lang, "notFound"));
    const token = csrf.token(venue.code, nonceFor(req, res), now());
    send(res, 200, pages.form(lang, view(venue, deps.venueService), token, emptyForm(), []));
  });

  router.post("/c/:code", form, async (req: Request, res: Response) => {
    const lang = languageOf(req);
    if (!(await limit.take(req.ip ?? "unknown"))) {
      res.setHeader("Retry-After", "60");
      return void send(res, 429, pages.message(lang, "tooMany", String(req.params.code)));
    }
    const venue = await activeVenue(deps.venues, req.params.code);
    if (!venue) return void send(res, 404, pages.message(lang, "notFound"));
    const body = (req.body ?? {}) as Record<string, unknown>;
    const at = now();
    const nonce = csrf.validNonce(readCookie(req.get("cookie"), CHECKIN_COOKIE));
    if (!csrf.verify(body.csrf, venue.code, nonce, at)) {
      return void send(res, 403, pages.message(lang, "forbidden", venue.code));
    }

    const values = readForm(body);
    const errors: string[] = [];
    const phone = normaliseVietnamesePhone(values.phone, { allowLandline: true });
    if (!phone.ok) errors.push(deps.texts.render({ key: `venues:flow.phone.${phone.reason}` }, lang));
    const name = values.name.replace(/\s+/g, " ").trim();
    if (name.length > 80) errors.push(deps.texts.render({ key: "checkin:page.nameTooLong" }, lang));
    for (const q of HEALTH_QUESTIONS) {
      if (!values.answers[q]) {
        const question = deps.texts.render({ key: `checkin:questions.${q}` }, lang);
        errors.push(deps.texts.render({ key: "checkin:page.missingAnswer", params: { question } }, lang));
      }
    }
    if (!phone.ok || errors.length > 0) {
      const token = csrf.token(venue.code, nonce ?? "", at);
      return void send(res, 400, pages.form(lang, view(venue, deps.venueService), token, values, errors));
    }

    if (!(await usedTokens.claim(String(body.csrf), phone.e164, at.getTime()))) {
      const token = csrf.token(venue.code, nonce ?? "", at);
      const used = [deps.texts.render({ key: "checkin:page.formUsed" }, lang)];
      return void send(res, 409, pages.form(lang, view(venue, deps.venueService), token, emptyForm(), used));
    }

    const answers: HealthAnswers = {
      symptoms: values.answers.symptoms === "yes",
      closeContact: values.answers.closeContact === "yes",
      travel: values.answers.travel === "yes",
    };
    const { visit, repeat } = await deps.checkin.checkIn({
      venueId: venue.id,
      source: "web",
      phone: phone.e164,
      name: name || null,
      answers,
      now: at,
    });
    const time = formatVietnamTime(visit.visitedAt, lang);
    send(res, 200, pages.done(lang, view(venue, deps.venueService), time, repeat, visit.flagged));
  });
}

function languageOf(req: Request): Language {
  return languageFromHint(typeof req.query.lang === "string" ? req.query.lang : undefined);
}

async function activeVenue(store: VenueStore, raw: unknown): Promise<VenueRecord | null> {
  const code = String(raw).toUpperCase();
  const venue = /^[2-9A-Z]{6,16}$/.test(code) ? await store.findByCode(code) : null;
  return venue?.active ? venue : null;
}

function view(venue: VenueRecord, service: VenueService): VenueView {
  return {
    code: venue.code,
    name: venue.name,
    address: `${venue.address}, ${service.communeName(venue.communeCode, venue.createdAt)}`,
  };
}

function emptyForm(): FormValues {
  return { phone: "", name: "", answers: {} };
}

function readForm(body: Record<string, unknown>): FormValues {
  const text = (v: unknown, max: number) => (typeof v === "string" ? v.slice(0, max) : "");
  const answers: FormValues["answers"] = {};
  for (const q of HEALTH_QUESTIONS) {
    const v = body[q];
    if (v === "yes" || v === "no") answers[q] = v;
  }
  return { phone: text(body.phone, 64), name: text(body.name, 200), answers };
}
