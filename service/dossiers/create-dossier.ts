import { sql } from 'drizzle-orm';
import { dossierSequences, dossiers } from '../../schemas/service.schema.js';
import type { HolidayTable } from '../calendar/holiday-table.js';
import { dueDateFor, vietnamDate } from '../calendar/working-days.js';
import type { Procedure } from '../procedures/procedure-catalog.js';
import type { ServiceDb } from '../service-db.js';
import { dossierDay, formatDossierCode } from './dossier-code.js';
import type { DossierRow } from './dossier-view.js';

/** Creates a dossier: next daily sequence of the agency (atomic upsert), code, receipt time and due date. */
export async function createDossier(
  db: ServiceDb,
  input: {
    procedure: Procedure;
    applicantId: string;
    applicantName?: string;
    agencyCode: string;
    receivedAt: Date;
    holidays: HolidayTable;
    createdBy: string | null;
  },
): Promise<DossierRow> {
  // Computed first: a receipt beyond the holiday table fails before a sequence number is used up.
  const dueDate = dueDateFor(input.receivedAt, input.procedure.processingWorkingDays, input.holidays);
  const day = dossierDay(vietnamDate(input.receivedAt));
  return db.transaction(async (tx) => {
    const [seq] = await tx
      .insert(dossierSequences)
      .values({ agencyCode: input.agencyCode, day, last: 1 })
      .onConflictDoUpdate({
        target: [dossierSequences.agencyCode, dossierSequences.day],
        set: { last: sql`${dossierSequences.last} + 1` },
      })
      .returning({ last: dossierSequences.last });
    const [row] = await tx
      .insert(dossiers)
      .values({
        code: formatDossierCode(input.agencyCode, day, seq!.last),
        procedureCode: input.procedure.code,
        applicantId: input.applicantId,
        applicantName: input.applicantName ?? null,
        agencyCode: input.agencyCode,
        receivedAt: input.receivedAt,
        dueDate,
        createdBy: input.createdBy,
      })
      .returning();
    return row!;
  });
}
