import { z } from 'zod';
import { CATEGORIES } from '../domain/routing';

export const unsubscribeParams = z.strictObject({ token: z.string().min(1).max(500).describe('From the List-Unsubscribe link') });
export const unsubscribeQuery = z.object({ category: z.enum(CATEGORIES).describe('The category to stop receiving') });

export const unsubscribeView = z
  .object({
    accountName: z.string(),
    email: z.string(),
    category: z.enum(CATEGORIES),
    mandatory: z.boolean().describe('Emergencies (and an integration being disabled) cannot be unsubscribed from'),
    unsubscribed: z.boolean(),
  })
  .describe('Unsubscribe');

export const unsubscribesList = z.object({
  items: z.array(z.object({ email: z.string(), category: z.enum(CATEGORIES), at: z.string() })),
});
