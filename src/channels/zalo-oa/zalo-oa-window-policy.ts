import type { MessagingWindow, OutboxPurpose, WindowVerdict } from "../../core/ports";
import { zaloOaWindow } from "../../sdk/zalo";
import type { ZaloOaTemplates } from "./zalo-oa-templates";

/**
 * The OA's messaging window as this deployment may use it (zalo.md §0.1): free inside 48 h; 48 h–7 d billed,
 * used only when ZALO_OA_PAID_CS allows paid messages; otherwise an approved template for the message's
 * purpose when one is configured, else not sent ("outside the Zalo window"). A reply (no purpose) has no
 * template: it waits for the person like everything else.
 */
export class ZaloOaWindowPolicy implements MessagingWindow {
  constructor(private readonly options: { paidCs: boolean; templates: ZaloOaTemplates }) {}

  verdict(lastInboundAt: Date | null, purpose: OutboxPurpose | undefined, now: Date): WindowVerdict {
    const window = zaloOaWindow(lastInboundAt, now);
    if (window === "free") return "free";
    if (window === "paid" && this.options.paidCs) return "billed";
    return this.hasTemplate(purpose) ? "template" : "outside";
  }

  hasTemplate(purpose: OutboxPurpose | undefined): boolean {
    return purpose !== undefined && this.options.templates[purpose] !== undefined;
  }
}
