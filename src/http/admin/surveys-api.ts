import type { Router as ExpressRouter, Request, Response } from "express";
import { z } from "zod";
import { audienceSchema } from "../../features/broadcasts/audience";
import type { AuditStore } from "../../features/checkin/visit-store";
import { answerLabel, questionsSchema, surveyTitleSchema } from "../../features/surveys/survey-model";
import { resultsCsv } from "../../features/surveys/survey-results";
import type { SurveyService } from "../../features/surveys/survey-service";
import type { SurveyRecord } from "../../features/surveys/survey-store";
import { type District, findUnit } from "../../features/venues/district";
import { HttpError } from "../errors";
import { fieldErrors } from "./broadcasts-api";

const createSchema = z
  .object({
    title: surveyTitleSchema,
    questions: questionsSchema,
    audience: audienceSchema,
    closesAt: z.iso.datetime({ offset: true }),
  })
  .strict();

const communesQuery = z
  .string()
  .regex(/^\d{5}(,\d{5})*$/)
  .optional();

/** The survey's public shape in the API. */
function surveyJson(s: SurveyRecord) {
  return {
    id: s.id,
    title: s.title,
    questions: s.questions,
    audience: s.audience,
    status: s.status,
    closesAt: s.closesAt.toISOString(),
    createdAt: s.createdAt.toISOString(),
    closedAt: s.closedAt?.toISOString() ?? null,
  };
}

/**
 * Surveys over the officers' API (bearer token): create, list, read, results (`?communes=21040,21043`
 * narrows them), results as CSV, close. Reading results is audited: answers are personal opinions.
 */
export function mountSurveysApi(
  router: ExpressRouter,
  deps: { service: SurveyService; district: District; audit: AuditStore; kick: () => void },
): void {
  const find = async (req: Request) => {
    const survey = await deps.service.get(String(req.params.id));
    if (!survey) throw new HttpError(404, "survey_not_found");
    return survey;
  };
  const communesOf = (req: Request): string[] | null => {
    const parsed = communesQuery.safeParse(req.query.communes);
    if (!parsed.success)
      throw new HttpError(400, "invalid_query", { communes: "5-digit codes, comma-separated" });
    return parsed.data ? parsed.data.split(",") : null;
  };
  const audit = (
    action: "survey.results" | "survey.csv" | "survey.create" | "survey.close",
    count: number,
    communes: string[] | null,
  ) =>
    deps.audit.append({
      actor: "admin-api",
      action,
      communeCode: communes?.join(",") ?? null,
      resultCount: count,
    });

  router.post("/api/v1/surveys", async (req: Request, res: Response) => {
    const parsed = createSchema.safeParse(req.body);
    if (!parsed.success) throw new HttpError(400, "invalid_survey", fieldErrors(parsed.error));
    const unknown = (parsed.data.audience.communes ?? []).filter((c) => !findUnit(deps.district, c));
    if (unknown.length)
      throw new HttpError(400, "invalid_survey", { "audience.communes": `unknown: ${unknown}` });
    const closesAt = new Date(parsed.data.closesAt);
    if (closesAt <= new Date())
      throw new HttpError(400, "invalid_survey", { closesAt: "must be in the future" });
    const created = await deps.service.create({ ...parsed.data, closesAt, createdBy: "api" });
    await audit("survey.create", 1, parsed.data.audience.communes ?? null);
    deps.kick();
    res.status(201).json(surveyJson(created));
  });

  router.get("/api/v1/surveys", async (_req: Request, res: Response) => {
    res.json({ items: (await deps.service.list(100)).map(surveyJson) });
  });

  router.get("/api/v1/surveys/:id", async (req: Request, res: Response) => {
    res.json(surveyJson(await find(req)));
  });

  router.get("/api/v1/surveys/:id/results", async (req: Request, res: Response) => {
    const survey = await find(req);
    const communes = communesOf(req);
    const results = await deps.service.results(survey, communes);
    await audit("survey.results", results.responded, communes);
    res.json({ survey: surveyJson(survey), ...results });
  });

  router.get("/api/v1/surveys/:id/results.csv", async (req: Request, res: Response) => {
    const survey = await find(req);
    const communes = communesOf(req);
    const results = await deps.service.results(survey, communes);
    await audit("survey.csv", results.responded, communes);
    res
      .status(200)
      .set({
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="survey-${survey.id.slice(0, 8)}.csv"`,
      })
      .send(
        resultsCsv(survey, results, {
          header: ["question", "text", "commune", "answer", "count", "percent"],
          commune: (code) => findUnit(deps.district, code)?.name ?? code,
          answer: (q, key) => answerLabel(q, key, "yes", "no"),
        }),
      );
  });

  // A venue's answers to venue-owner surveys (what its owner said about it), newest survey first.
  router.get("/api/v1/venues/:id/survey-answers", async (req: Request, res: Response) => {
    const rows = await deps.service.venueAnswers(String(req.params.id));
    const items = [];
    for (const surveyId of [...new Set(rows.map((r) => r.surveyId))]) {
      const survey = await deps.service.get(surveyId);
      if (!survey) continue;
      items.push({
        surveyId,
        title: survey.title,
        answers: rows
          .filter((r) => r.surveyId === surveyId)
          .map((r) => {
            const question = survey.questions[r.question];
            return {
              question: r.question,
              text: question?.text ?? "",
              answer: question ? answerLabel(question, r.value, "yes", "no") : r.value,
              answeredAt: r.answeredAt.toISOString(),
            };
          }),
      });
    }
    await audit("survey.results", rows.length, null);
    res.json({ items });
  });

  router.post("/api/v1/surveys/:id/close", async (req: Request, res: Response) => {
    const survey = await find(req);
    const closed = await deps.service.close(survey.id, new Date());
    if (!closed) throw new HttpError(409, "survey_not_open");
    await audit("survey.close", 1, null);
    res.json(surveyJson(closed));
  });
}
