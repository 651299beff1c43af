import { randomUUID } from "node:crypto";
import { foldText } from "../../core/fold-text";
import type { Language } from "../../core/messages";
import type { TextRenderer } from "../../core/renderer";
import { type District, findUnit } from "./district";
import { buildPosterTexts } from "./render/poster-texts";
import { renderQrPng } from "./render/qr-png";
import { renderPosterOffLoop } from "./render/render-poster-off-loop";
import { generateVenueCode } from "./venue-code";
import type { VenueDetails, VenueRecord, VenueStore } from "./venue-store";

/** Venue registration rules shared by the chat flow, the admin API and the CSV import. */
export class VenueService {
  constructor(
    private readonly store: VenueStore,
    private readonly district: District,
    private readonly texts: TextRenderer,
    private readonly publicUrl: string,
  ) {}

  /** The check-in URL a venue's QR code encodes. */
  checkinUrl(code: string): string {
    return `${this.publicUrl}/c/${code}`;
  }

  /** The venue's poster at a URL that lasts as long as the venue (sent as a link on Zalo). */
  posterUrl(code: string): string {
    return `${this.checkinUrl(code)}/poster.pdf`;
  }

  /**
   * The name of the unit a stored code means. Pass when it was stored (a venue's registration): codes were
   * reused on 1/7/2025, so 21040 stored in 2021 is Thị trấn Châu Ổ and stored in 2026 is Xã Bình Sơn.
   */
  communeName(code: string, storedAt?: Date): string {
    return findUnit(this.district, code, storedAt)?.name ?? code;
  }

  /** Venues already registered with the same name and address (compared without case or diacritics). */
  findDuplicates(details: Pick<VenueDetails, "name" | "address" | "communeCode">): Promise<VenueRecord[]> {
    return this.store.findByDedupeKey(dedupeKey(details));
  }

  /**
   * Registers a venue with a fresh random code (drawn again on the rare collision). `id`: the chat passes
   * one derived from the turn's update (src/core/effect-id.ts); a venue with that id already there is
   * returned as it is, so a turn run twice registers once.
   */
  async register(details: VenueDetails, ownerContactId: string | null, id?: string): Promise<VenueRecord> {
    const venueId = id ?? randomUUID();
    for (let attempt = 0; attempt < 5; attempt++) {
      const earlier = id ? await this.store.findById(venueId) : null;
      if (earlier) return earlier;
      const created = await this.store.create({
        ...details,
        id: venueId,
        code: generateVenueCode(),
        dedupeKey: dedupeKey(details),
        ownerContactId,
      });
      if (created !== "code-taken") return created;
    }
    throw new Error("could not draw a free venue code");
  }

  /** Changes a venue's details; the code (and so the printed QR) stays the same. */
  update(id: string, details: VenueDetails): Promise<VenueRecord> {
    return this.store.update(id, { ...details, dedupeKey: dedupeKey(details) });
  }

  renderQr(venue: VenueRecord): Promise<Buffer> {
    return renderQrPng(this.checkinUrl(venue.code));
  }

  renderPoster(venue: VenueRecord): Promise<Buffer> {
    return renderPosterOffLoop({
      venueName: venue.name,
      address: venue.address,
      communeName: this.communeName(venue.communeCode, venue.createdAt),
      code: venue.code,
      checkinUrl: this.checkinUrl(venue.code),
      texts: buildPosterTexts((lng: Language, key) => this.texts.render({ key: `venues:${key}` }, lng)),
    });
  }
}

function dedupeKey(d: Pick<VenueDetails, "name" | "address" | "communeCode">): string {
  return `${d.communeCode}|${foldText(d.name)}|${foldText(d.address)}`;
}
