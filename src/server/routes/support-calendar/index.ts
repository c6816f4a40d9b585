import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { importHolidays, readSupportCalendar, saveSupportCalendar } from '../../../commands/support-calendar';
import { accountParams } from '../../../contract/accounts';
import { errorResponses } from '../../../contract/errors';
import { importHolidaysBody, supportCalendar } from '../../../contract/support-calendar';
import type { AppContext } from '../../context';

export default async function supportCalendarRoutes(app: FastifyInstance, { context }: { context: AppContext }) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['contact information'];
  const path = '/api/v1/accounts/:accountId/support-calendar';

  routes.get(
    path,
    {
      config: { permission: 'account.read' },
      schema: { tags, summary: "The account's holidays and whether notifications wait for support hours", params: accountParams, response: { 200: supportCalendar, ...errorResponses(401, 403, 404) } },
    },
    async (request) => readSupportCalendar(context, request.principal, { scope: request.scope }),
  );

  routes.put(
    path,
    {
      config: { permission: 'contactInfo.write' },
      schema: {
        tags,
        summary: 'Replace the holidays and the business-hours setting (admins, editors, operators)',
        params: accountParams,
        body: supportCalendar,
        response: { 200: supportCalendar, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => saveSupportCalendar(context, request.principal, { scope: request.scope, calendar: request.body }),
  );

  routes.post(
    `${path}/import`,
    {
      config: { permission: 'contactInfo.write' },
      schema: {
        tags,
        summary: 'Add the dates of an iCalendar file to the holidays',
        params: accountParams,
        body: importHolidaysBody,
        response: { 200: supportCalendar, ...errorResponses(400, 401, 403, 404, 413) },
      },
    },
    async (request) => importHolidays(context, request.principal, { scope: request.scope, ics: request.body.ics }),
  );
}
