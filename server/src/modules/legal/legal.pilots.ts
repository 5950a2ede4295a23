import { levelOf } from '@rg/domain/regions/region-code';
import type { AppContext } from '../../core/context.ts';
import { addPilotVillage, removePilotVillage } from './legal.pilots.repository.ts';

/**
 * Keeps the legal module's list of pilot villages from the programmes module's events: a village
 * designated by any programme is a pilot village until the designation is revoked.
 */
export function subscribePilotVillages(ctx: AppContext): void {
  ctx.events.on('programs.designated', async (tx, event) => {
    if (levelOf(event.regionCode) !== 'village') return;
    const designationId = String(event.payload.designationId ?? '');
    if (!designationId) return;
    await addPilotVillage(tx, { designation_id: designationId, village_code: event.regionCode, title: String(event.payload.title ?? '') });
  });
  ctx.events.on('programs.revoked', async (tx, event) => {
    await removePilotVillage(tx, String(event.payload.designationId ?? ''));
  });
}
