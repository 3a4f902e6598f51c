/** The transfers API (OpenAPI tag `movements`). */
import { Type } from '@sinclair/typebox';
import type { App, AppContext } from '../../../http/context.js';
import {
  ArrivalBody,
  BoardQuery,
  BoardReply,
  CancelBody,
  ConvoyBody,
  ConvoyView,
  DecisionBody,
  DepartBody,
  IdParam,
  NewTransferBody,
  NoticeBody,
  TransferList,
  TransferView,
} from './schemas.js';
import {
  cancelTransfer,
  createConvoy,
  decideTransfer,
  departConvoy,
  getConvoy,
  getTransfer,
  listTransfers,
  receiveTransfer,
  recordNotice,
  requestTransfer,
  transferBoard,
} from './service.js';

const tags = ['movements'];
const ConvoyList = Type.Object({ convoy: ConvoyView, transfers: Type.Array(TransferView) });

// eslint-disable-next-line @typescript-eslint/require-await -- Fastify plugins are async
export async function transferRoutes(app: App, { database }: AppContext): Promise<void> {
  const db = database.db;
  app.post(
    '/api/transfers',
    {
      schema: {
        tags,
        summary:
          'Request the transfer of a person held in the sending prison to another prison (reason, note); the two ' +
          'directors then decide',
        body: NewTransferBody,
        response: { 201: TransferView },
      },
    },
    async (req, reply) => reply.status(201).send(await requestTransfer(db, req.actor!, req.body)),
  );
  app.get(
    '/api/transfers',
    {
      schema: {
        tags,
        summary: 'Transfers leaving or coming to a prison (or every prison in scope), newest first',
        querystring: BoardQuery,
        response: { 200: TransferList },
      },
    },
    async (req) => ({ items: await listTransfers(db, req.actor!, req.query) }),
  );
  app.get(
    '/api/transfers/in-transit',
    {
      schema: {
        tags,
        summary:
          'The in-transit board of a prison: people on the road leaving it and coming to it (held in neither ' +
          "prison's cells, visible to both)",
        querystring: Type.Object(
          { prison: Type.String({ minLength: 1, maxLength: 64 }) },
          { additionalProperties: false },
        ),
        response: { 200: BoardReply },
      },
    },
    async (req) => transferBoard(db, req.actor!, req.query.prison),
  );
  app.get(
    '/api/transfers/:id',
    { schema: { tags, summary: 'One transfer', params: IdParam, response: { 200: TransferView } } },
    async (req) => getTransfer(db, req.actor!, req.params.id),
  );
  app.post(
    '/api/transfers/:id/decision',
    {
      schema: {
        tags,
        summary:
          "A director's decision for their own prison, or the national administration's once the two directors " +
          'disagree (who, when, why are kept)',
        params: IdParam,
        body: DecisionBody,
        response: { 200: TransferView },
      },
    },
    async (req) => decideTransfer(db, req.actor!, req.params.id, req.body),
  );
  app.post(
    '/api/transfers/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel a transfer before departure (reason)',
        params: IdParam,
        body: CancelBody,
        response: { 200: TransferView },
      },
    },
    async (req) => cancelTransfer(db, req.actor!, req.params.id, req.body),
  );
  app.post(
    '/api/transfers/:id/arrival',
    {
      schema: {
        tags,
        summary:
          'Arrival in the receiving prison: the shortened reception (security, medical, registry check), the ' +
          'property signed in with any discrepancy, and a new admission on the same file linked to the previous one',
        params: IdParam,
        body: ArrivalBody,
        response: { 200: TransferView },
      },
    },
    async (req) => receiveTransfer(db, req.actor!, req.params.id, req.body),
  );
  app.post(
    '/api/transfers/:id/family-notices',
    {
      schema: {
        tags,
        summary: 'The family told of the transfer (Rule 68): who, how, when — or why not',
        params: IdParam,
        body: NoticeBody,
        response: { 201: TransferView },
      },
    },
    async (req, reply) => reply.status(201).send(await recordNotice(db, req.actor!, req.params.id, req.body)),
  );
  app.post(
    '/api/transfer-convoys',
    {
      schema: {
        tags,
        summary: 'A vehicle and its escort (force, officers, planned departure) with its transfer list',
        body: ConvoyBody,
        response: { 201: ConvoyView },
      },
    },
    async (req, reply) => reply.status(201).send(await createConvoy(db, req.actor!, req.body)),
  );
  app.get(
    '/api/transfer-convoys/:id',
    { schema: { tags, summary: "A vehicle's transfer list", params: IdParam, response: { 200: ConvoyList } } },
    async (req) => getConvoy(db, req.actor!, req.params.id),
  );
  app.post(
    '/api/transfer-convoys/:id/departure',
    {
      schema: {
        tags,
        summary:
          'The vehicle leaves: each approved transfer on its list ends its admission (reason transfer), the property ' +
          'is signed out, the people are in transit',
        params: IdParam,
        body: DepartBody,
        response: { 200: ConvoyList },
      },
    },
    async (req) => departConvoy(db, req.actor!, req.params.id, req.body),
  );
}
