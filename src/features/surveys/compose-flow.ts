import { z } from "zod";
import { effectId } from "../../core/effect-id";
import { defineFlow, type Flow, type FlowContext, flowAction, typedText } from "../../core/flow";
import { namespace, say } from "../../core/messages";
import type { TurnContext } from "../../core/router";
import { readYesNo } from "../../core/understanding/yes-no";
import type { Audience } from "../broadcasts/audience";
import { formatLocal } from "../broadcasts/send-time";
import type { RequireOfficer } from "../officers/officers-feature";
import { communePage } from "../subscriptions/commune-picker";
import { codesCoveredBy, type District, findUnit, findUnitByName, unitsInForce } from "../venues/district";
import { readClosingTime } from "./closing-time";
import { type Question, questionSchema, surveyTitleSchema } from "./survey-model";
import type { SurveyService } from "./survey-service";

export const SURVEY_COMPOSE_FLOW = "survey-new";

const surveyText = namespace("surveys");

const draftSchema = z.object({
  /** The officer's communes; empty = the whole district. */
  scope: z.array(z.string()),
  title: z.string().optional(),
  questions: z.array(questionSchema).max(5),
  /** The question being written, before its kind is known. */
  pending: z.string().optional(),
  role: z.enum(["venue-owner", "citizen", "all"]).optional(),
  communes: z.array(z.string()).optional(),
  communeName: z.string().optional(),
  communePage: z.number().int().optional(),
  closesAt: z.string().optional(),
});
type Draft = z.infer<typeof draftSchema>;
type Ctx = FlowContext<Draft>;

const KINDS = ["choice", "yesno", "number", "text"] as const;

/** Splits typed options: one a line, or separated by ";" or "/" ("Rồi; Chưa; Đang làm"). */
export function splitOptions(text: string): string[] {
  return text
    .split(/\n|;|\s\/\s|\|/)
    .map((o) => o.replace(/^\s*(\d+[.)]|[-•*])\s*/, "").trim())
    .filter(Boolean);
}

/**
 * The officers' survey composer: title → up to five questions (text, kind, options) → audience (venue owners,
 * citizens or all subscribers) → commune (within the officer's scope) → closing time → confirm.
 */
export function createSurveyComposer(deps: {
  service: SurveyService;
  district: District;
  requireOfficer: RequireOfficer;
  onCreated: () => void;
}): Flow<Draft> {
  const { district } = deps;
  const units = (scope: string[]) =>
    unitsInForce(district).filter(
      (u) => !scope.length || codesCoveredBy(district, u.code).some((c) => scope.includes(c)),
    );

  const ask = async (ctx: Ctx, step: string): Promise<void> => {
    const d = ctx.draft;
    switch (step) {
      case "question":
        return ctx.reply(say(surveyText("compose.question", { n: d.questions.length + 1 })));
      case "kind":
        return ctx.reply(
          say(
            surveyText("compose.kind"),
            KINDS.map((k) => [
              { label: surveyText(`kind.${k}`), payload: `${SURVEY_COMPOSE_FLOW}:kind:${k}` },
            ]),
          ),
        );
      case "options":
        return ctx.reply(say(surveyText("compose.options")));
      case "more":
        return ctx.reply(
          say(surveyText("compose.more", { count: d.questions.length }), [
            [
              {
                label: surveyText("compose.addQuestion"),
                payload: `${SURVEY_COMPOSE_FLOW}:more:yes`,
                answers: "yes",
              },
              {
                label: surveyText("compose.noMore"),
                payload: `${SURVEY_COMPOSE_FLOW}:more:no`,
                answers: "no",
              },
            ],
          ]),
        );
      case "audience":
        return ctx.reply(
          say(surveyText("compose.audience"), [
            [{ label: surveyText("audience.owners"), payload: `${SURVEY_COMPOSE_FLOW}:aud:venue-owner` }],
            [{ label: surveyText("audience.citizens"), payload: `${SURVEY_COMPOSE_FLOW}:aud:citizen` }],
            [{ label: surveyText("audience.all"), payload: `${SURVEY_COMPOSE_FLOW}:aud:all` }],
          ]),
        );
      case "commune":
        return ctx.reply(
          say(
            surveyText("compose.commune"),
            communePage(
              units(d.scope),
              d.communePage ?? 0,
              { pick: `${SURVEY_COMPOSE_FLOW}:commune:`, page: `${SURVEY_COMPOSE_FLOW}:page:` },
              [
                [
                  {
                    label: surveyText(d.scope.length ? "compose.allMine" : "compose.allDistrict"),
                    payload: `${SURVEY_COMPOSE_FLOW}:commune:all`,
                  },
                ],
              ],
            ),
          ),
        );
      case "closes":
        return ctx.reply(say(surveyText("compose.closes")));
      case "confirm":
        return ctx.reply(
          say(
            surveyText("compose.confirm", {
              title: d.title ?? "",
              count: d.questions.length,
              audience: surveyText(`audience.${d.role ?? "all"}`),
              where: d.communeName ?? surveyText(d.scope.length ? "compose.allMine" : "compose.allDistrict"),
              closes: d.closesAt ? formatLocal(new Date(d.closesAt)) : "",
            }),
            [
              [
                {
                  label: surveyText("compose.send"),
                  payload: `${SURVEY_COMPOSE_FLOW}:confirm`,
                  answers: "yes",
                },
              ],
            ],
          ),
        );
      default:
        return ctx.reply(say(surveyText("compose.title")));
    }
  };

  const go = (ctx: Ctx, step: string, draft: Draft) => {
    ctx.next(step, draft);
    return ask(ctx, step);
  };

  const addQuestion = (ctx: Ctx, question: Question) => {
    const questions = [...ctx.draft.questions, question];
    const draft = { ...ctx.draft, questions, pending: undefined };
    return go(ctx, questions.length >= 5 ? "audience" : "more", draft);
  };

  const audienceOf = (d: Draft): Audience => {
    const roles: Audience["roles"] = d.role && d.role !== "all" ? [d.role] : undefined;
    const communes = d.communes ?? (d.scope.length ? d.scope : undefined);
    const audience: Audience = { ...(communes ? { communes } : {}), ...(roles ? { roles } : {}) };
    return communes || roles ? audience : { all: true };
  };

  const pickCommune = (ctx: Ctx, code: string) => {
    if (code === "all")
      return go(ctx, "closes", { ...ctx.draft, communes: undefined, communeName: undefined });
    const name = findUnit(district, code)?.name ?? code;
    return go(ctx, "closes", { ...ctx.draft, communes: codesCoveredBy(district, code), communeName: name });
  };

  const flow: Flow<Draft> = defineFlow<Draft>({
    id: SURVEY_COMPOSE_FLOW,
    version: 1,
    draft: draftSchema,
    ask,
    cancelled: () => surveyText("compose.cancelled"),
    async handle(ctx) {
      if (!(await deps.requireOfficer(ctx, "survey"))) return ctx.end();
      const button = flowAction(ctx, flow);
      const text = typedText(ctx);
      const d = ctx.draft;
      switch (ctx.step) {
        case "title": {
          const title = surveyTitleSchema.safeParse(text);
          if (!title.success) return ctx.reply(say(surveyText("compose.badTitle")));
          return go(ctx, "question", { ...d, title: title.data });
        }
        case "question": {
          const parsed = questionSchema.safeParse({ kind: "yesno", text });
          if (!parsed.success) return ctx.reply(say(surveyText("compose.badQuestion")));
          return go(ctx, "kind", { ...d, pending: parsed.data.text });
        }
        case "kind": {
          const kind = KINDS.find((k) => k === button?.arg);
          if (!kind || !d.pending) return ctx.unmatched();
          if (kind === "choice") return go(ctx, "options", d);
          return addQuestion(ctx, { kind, text: d.pending });
        }
        case "options": {
          const question = questionSchema.safeParse({
            kind: "choice",
            text: d.pending,
            options: splitOptions(text),
          });
          if (!question.success) return ctx.reply(say(surveyText("compose.badOptions")));
          return addQuestion(ctx, question.data);
        }
        case "more": {
          const answer = button?.action === "more" ? button.arg : readYesNo(text);
          if (answer === "yes") return go(ctx, "question", d);
          if (answer === "no") return go(ctx, "audience", d);
          return ctx.unmatched();
        }
        case "audience": {
          const role = (["venue-owner", "citizen", "all"] as const).find((r) => r === button?.arg);
          if (button?.action !== "aud" || !role) return ctx.unmatched();
          return go(ctx, "commune", { ...d, role, communePage: 0 });
        }
        case "commune": {
          if (button?.action === "page") {
            ctx.goto("commune", { ...d, communePage: Number(button.arg) || 0 });
            return ask(ctx, "commune");
          }
          if (button?.action === "commune") {
            if (button.arg === "all" || units(d.scope).some((u) => u.code === button.arg))
              return pickCommune(ctx, button.arg);
          }
          if (text) {
            const match = findUnitByName(district, text, ctx.now);
            const code = match.kind === "unit" || match.kind === "former" ? match.unit.code : undefined;
            if (code && units(d.scope).some((u) => u.code === code)) return pickCommune(ctx, code);
          }
          return ctx.unmatched();
        }
        case "closes": {
          const closesAt = readClosingTime(text, ctx.now);
          if (typeof closesAt === "string")
            return ctx.reply(
              say(surveyText(closesAt === "past" ? "compose.closesPast" : "compose.badCloses")),
            );
          return go(ctx, "confirm", { ...d, closesAt: closesAt.toISOString() });
        }
        case "confirm": {
          if (button?.action !== "confirm" && readYesNo(text) !== "yes") return ctx.unmatched();
          const created = await deps.service.create({
            title: d.title ?? "",
            questions: d.questions,
            audience: audienceOf(d),
            closesAt: new Date(d.closesAt ?? ctx.now.getTime() + 86_400_000),
            createdBy: ctx.contact.id,
            creatorContactId: ctx.contact.id,
            id: effectId(ctx.turnKey, "survey"),
          });
          ctx.end();
          ctx.reply(
            say(
              surveyText("compose.created", {
                id: created.id.slice(0, 6),
                closes: formatLocal(created.closesAt),
              }),
            ),
          );
          deps.onCreated();
          return;
        }
        default:
          ctx.goto("title");
          return ask(ctx, "title");
      }
    },
  });
  return flow;
}

/** Starts the composer for an officer (their communes as the scope). */
export function startComposer(ctx: TurnContext, flow: Flow<Draft>, scope: string[]): Promise<void> {
  return ctx.enter(flow, "title", { scope, questions: [] });
}
