import type { DirectiveInput, DirectiveRecord, DirectiveStore } from "../features/directives/directive-store";
import type { Db } from "./database";

/** Prisma implementation of {@link DirectiveStore}. */
export class PrismaDirectiveStore implements DirectiveStore {
  constructor(private readonly db: Db) {}

  add(input: DirectiveInput & { id: string; createdBy: string }): Promise<DirectiveRecord> {
    return this.db.directive.create({ data: input });
  }

  latest(limit: number): Promise<DirectiveRecord[]> {
    return this.db.directive.findMany({
      orderBy: [{ issuedOn: "desc" }, { createdAt: "desc" }],
      take: limit,
    });
  }
}
