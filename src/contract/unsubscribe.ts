import { z } from 'zod';
import { CATEGORIES } from '../domain/routing';

export const unsubscribeParams = z.strictObject({ token: z.string().min(1).max(500).describe('From the List-Unsubscribe link') });
export const unsubscribeQuery = z.object({ category: z.enum(CATEGORIES).describe('The category to stop receiving') });

export const unsubscribeView = z
  .object({
    accountName: z.string().describe('The account whose notifications these are'),
    email: z.string().describe('The address the link belongs to'),
    category: z.enum(CATEGORIES).describe('The category of the link'),
    mandatory: z.boolean().describe('Emergencies (and an integration being disabled) cannot be unsubscribed from'),
    unsubscribed: z.boolean().describe('This address no longer receives this category of this account'),
  })
  .describe('Unsubscribe');

export const unsubscribesList = z.object({
  items: z
    .array(
      z.object({
        email: z.string().describe('The address that unsubscribed'),
        category: z.enum(CATEGORIES).describe('The category it no longer receives'),
        at: z.string().describe('When'),
      }),
    )
    .describe('Newest first'),
});
