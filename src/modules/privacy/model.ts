import * as z from 'zod';

export const erasureView = z.object({ erased: z.literal(true), formerMemberId: z.string(), photosDeleted: z.number().int() });
