import type { OfficerService } from "../officers/officer-service";

/**
 * Is there an active officer who would see a ticket of this commune (`anyCommune`: of any commune, i.e. is
 * there any officer at all)? Asked of the officer store each time: an officer invited a minute ago answers.
 */
export async function anyoneToAnswer(
  officers: Pick<OfficerService, "list">,
  communeCode: string | null,
  anyCommune = false,
): Promise<boolean> {
  return (await officers.list()).some(
    (o) =>
      !o.revokedAt &&
      (anyCommune ||
        o.role === "admin" ||
        o.communes.length === 0 ||
        (!!communeCode && o.communes.includes(communeCode))),
  );
}
