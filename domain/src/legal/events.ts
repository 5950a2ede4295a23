import { z } from 'zod';
import { SERVICE_TYPES, SERVICE_WINDOWS } from './service.schema.ts';

const date = z.iso.date();

/**
 * What the legal module publishes (name → payload), owned here by the publisher; subscribers and the
 * indicator feeds read these types, never guess them.
 */
export const legalEvents = {
  /** 一次一记: a service was recorded in the ledger (P1.4(3)); `occurredOn` is the day it was given. */
  'legal.service_recorded': z.object({ window: z.enum(SERVICE_WINDOWS), serviceType: z.enum(SERVICE_TYPES) }),
  /** A recorded service was corrected: its type or its day may have changed (`previous` holds both as they were). */
  'legal.service_changed': z.object({
    window: z.enum(SERVICE_WINDOWS),
    serviceType: z.enum(SERVICE_TYPES),
    previous: z.object({ serviceType: z.enum(SERVICE_TYPES), occurredOn: date }),
  }),
} as const;
