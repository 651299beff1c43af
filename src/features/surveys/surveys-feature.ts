import { commandNames } from "../../core/command-names";
import { type Button, namespace, say, type Text } from "../../core/messages";
import type { Router } from "../../core/router";
import type { OfficerRecord } from "../officers/officer-store";
import type { RequireOfficer } from "../officers/officers-feature";
import { codesCoveredBy, type District } from "../venues/district";
import { registerSurveyAnswers } from "./answer-chat";
import { createSurveyComposer, startComposer } from "./compose-flow";
import { answerLabel } from "./survey-model";
import { percent } from "./survey-results";
import type { SurveyService } from "./survey-service";
import type { SurveyRecord } from "./survey-store";

const surveyText = namespace("surveys");

/** Surveys summarised in chat at once. */
const SUMMARISED = 3;

/** The commune codes an officer's scope covers (former units included); null = the whole district. */
export function scopeCodes(district: District, communes: string[]): string[] | null {
  if (communes.length === 0) return null;
  return [...new Set(communes.flatMap((c) => [c, ...codesCoveredBy(district, c)]))];
}

/** Whether a survey concerns an officer's communes: district-wide, one of theirs, or their own. */
export function surveyVisible(survey: SurveyRecord, scope: string[] | null, createdBy?: string): boolean {
  if (!scope || survey.createdBy === createdBy) return true;
  return !survey.audience.communes || survey.audience.communes.some((c) => scope.includes(c));
}

/**
 * `/survey` (`/khaosat`), officers: a summary of the latest surveys of their communes and a button to write a
 * new one; recipients' answers (buttons, typed) are read by {@link registerSurveyAnswers}.
 */
export function registerSurveys(
  router: Router,
  deps: { service: SurveyService; district: District; requireOfficer: RequireOfficer; onCreated: () => void },
): void {
  const composer = createSurveyComposer(deps);
  router.flow(composer);
  registerSurveyAnswers(router, deps.service);

  const summary = async (officer: OfficerRecord, contactId: string): Promise<Text[]> => {
    const scope = scopeCodes(deps.district, officer.communes);
    const visible = (await deps.service.list(50)).filter((x) => surveyVisible(x, scope, contactId));
    const lines: Text[] = [];
    for (const survey of visible.slice(0, SUMMARISED)) {
      const r = await deps.service.results(survey, scope);
      lines.push(
        surveyText("summary.head", {
          id: survey.id.slice(0, 6),
          title: survey.title,
          status: surveyText(`status.${survey.status}`),
          responded: r.responded,
          recipients: r.recipients,
          rate: r.rate,
        }),
      );
      for (const q of r.questions) {
        const question = survey.questions[q.index];
        if (!question) continue;
        const parts =
          q.kind === "text"
            ? String(q.overall.answered)
            : q.kind === "number"
              ? `${q.overall.answered} (TB ${q.mean ?? "-"})`
              : q.keys
                  .map((k) => {
                    const n = q.overall.counts[k] ?? 0;
                    return `${answerLabel(question, k, "Có", "Không")} ${n} (${percent(n, q.overall.answered)}%)`;
                  })
                  .join(", ");
        lines.push({ raw: `${q.index + 1}. ${q.text.slice(0, 60)} → ${parts}` });
      }
    }
    return lines;
  };

  router.command(commandNames("survey"), async (ctx) => {
    const officer = await deps.requireOfficer(ctx, "survey");
    if (!officer) return;
    const lines = await summary(officer, ctx.contact.id);
    const buttons: Button[][] = [[{ label: surveyText("new"), payload: "surveys:new" }]];
    ctx.reply(
      say(
        lines.length ? { lines: [surveyText("summary.intro"), ...lines] } : surveyText("summary.none"),
        buttons,
      ),
    );
  });
  router.action("surveys:new", async (ctx) => {
    const officer = await deps.requireOfficer(ctx, "survey");
    if (officer) await startComposer(ctx, composer, officer.communes);
  });
}
