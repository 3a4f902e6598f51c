/** The announced arrivals' API (OpenAPI tag `chain`). */
import { Type } from '@sinclair/typebox';
import { AppError, invalid } from '../../../core/errors.js';
import type { App, AppContext } from '../../../http/context.js';
import { contentDisposition, readUpload } from '../../attachments/index.js';
import {
  AnnouncementList,
  AnnouncementView,
  CodeParam,
  DocumentView,
  FiguresQuery,
  IdParam,
  ListQuery,
  MemberBody,
  MemberReply,
  NewAnnouncementBody,
  NewUnitBody,
  NothingSharedReply,
  PartnerReply,
  ReceivedReply,
  UnitList,
  UnitView,
} from './schemas.js';
import {
  addDocument,
  addUnitMember,
  announceArrival,
  assertMayAttach,
  createForceUnit,
  expectedArrivals,
  getAnnouncement,
  listAnnouncements,
  listUnits,
  nothingShared,
  partnerView,
  readDocument,
  receiveAnnounced,
} from './service.js';

const tags = ['chain'];

// eslint-disable-next-line @typescript-eslint/require-await -- the registration signature every module's routes share
export async function announceRoutes(app: App, { database, config }: AppContext): Promise<void> {
  const db = database.db;
  app.post(
    '/api/chain/announcements',
    {
      schema: {
        tags,
        summary:
          'A force officer announces a transfer before it happens: the person as known, from where, when, to which ' +
          'prison, the legal basis, the information and evidence that will travel with them',
        body: NewAnnouncementBody,
        response: { 201: AnnouncementView },
      },
    },
    async (req, reply) => reply.status(201).send(await announceArrival(db, req.actor!, req.body)),
  );
  app.get(
    '/api/chain/announcements',
    {
      schema: {
        tags,
        summary:
          "The announcements the caller may see: a force officer's units', a prison's (expected by default), a " +
          "prosecutor's jurisdiction's (audited), all for the national administration",
        querystring: ListQuery,
        response: { 200: AnnouncementList },
      },
    },
    async (req) => ({ items: await listAnnouncements(db, req.actor!, req.query) }),
  );
  app.get(
    '/api/chain/expected',
    {
      schema: {
        tags,
        summary: "A prison's expected arrivals (announced, not yet received), for its reception",
        querystring: Type.Object({ prison: Type.Optional(Type.String({ maxLength: 64 })) }),
        response: { 200: AnnouncementList },
      },
    },
    async (req) => ({ items: await expectedArrivals(db, req.actor!, req.query.prison) }),
  );
  app.get(
    '/api/chain/announcements/:id',
    {
      schema: {
        tags,
        summary: 'One announcement (partners: audited)',
        params: IdParam,
        response: { 200: AnnouncementView },
      },
    },
    async (req) => getAnnouncement(db, req.actor!, req.params.id),
  );
  app.post(
    '/api/chain/announcements/:id/reception',
    {
      schema: {
        tags,
        summary:
          'Start the reception from the announcement: the handover is filled in from it (nothing retyped) and the ' +
          'announcement is linked to the reception and the admission it creates',
        params: IdParam,
        response: { 201: ReceivedReply },
      },
    },
    async (req, reply) => reply.status(201).send(await receiveAnnounced(db, req.actor!, req.params.id)),
  );
  app.post(
    '/api/chain/announcements/:id/documents',
    {
      schema: {
        tags,
        summary:
          'Attach a document from the forces (the announcing unit) or the prosecutor (multipart/form-data: title, ' +
          'file; JPEG, PNG or PDF). Read only by the case’s prosecutor and the Pôle’s magistrates',
        params: IdParam,
        consumes: ['multipart/form-data'],
        response: { 201: DocumentView },
      },
    },
    async (req, reply) => {
      assertMayAttach(req.actor!);
      if (!req.isMultipart()) throw invalid([{ field: '/file', key: 'attachment.empty' }]);
      // readUpload takes the plain request (the attachments module's): this route's typed request is one.
      const { fields, file } = await readUpload(req);
      if (file?.truncated)
        throw new AppError(413, 'attachment.too_large', { max: config.attachmentMaxBytes }, [
          { field: '/file', key: 'attachment.too_large', params: { max: config.attachmentMaxBytes } },
        ]);
      if (!file) throw invalid([{ field: '/file', key: 'attachment.empty' }]);
      const d = await addDocument(db, req.actor!, config.attachmentsDir, config.attachmentMaxBytes, req.params.id, {
        title: fields.title ?? '',
        ...file,
      });
      return reply.status(201).send(d);
    },
  );
  app.get(
    '/api/chain/documents/:id',
    {
      schema: {
        tags,
        summary: "A document's file: the case's prosecutor and the Pôle's magistrates only, every read audited",
        params: IdParam,
      },
    },
    async (req, reply) => {
      const f = await readDocument(db, req.actor!, config.attachmentsDir, req.params.id);
      return reply
        .type(f.content_type)
        .header('cache-control', 'private, no-store')
        .header('content-disposition', contentDisposition(f.filename, f.content_type))
        .header('x-content-type-options', 'nosniff')
        .send(f.data);
    },
  );
  app.get(
    '/api/chain/nothing-shared',
    {
      schema: {
        tags,
        summary:
          '"Nothing shared": per force and month, the arrivals never announced or announced without information ' +
          '(the table the administration takes to the forces)',
        querystring: FiguresQuery,
        response: { 200: NothingSharedReply },
      },
    },
    async (req) => nothingShared(db, req.actor!, { ...req.query, lang: req.lang }),
  );
  app.get(
    '/api/chain/partner',
    {
      schema: {
        tags,
        summary:
          "The partners' view: a prosecutor's jurisdiction (or the national administration, by force): arrivals " +
          'announced and received, information still missing per case, the custody figures',
        response: { 200: PartnerReply },
      },
    },
    async (req) => partnerView(db, req.actor!, req.lang),
  );
  app.get(
    '/api/chain/units',
    { schema: { tags, summary: "The arresting forces' units", response: { 200: UnitList } } },
    async (req) => ({ items: await listUnits(db, req.actor!) }),
  );
  app.post(
    '/api/chain/units',
    { schema: { tags, summary: 'Add a unit of an arresting force', body: NewUnitBody, response: { 201: UnitView } } },
    async (req, reply) => reply.status(201).send(await createForceUnit(db, req.actor, req.body)),
  );
  app.post(
    '/api/chain/units/:code/members',
    {
      schema: {
        tags,
        summary: 'Make an account (role force_officer) an officer of the unit',
        params: CodeParam,
        body: MemberBody,
        response: { 201: MemberReply },
      },
    },
    async (req, reply) => reply.status(201).send(await addUnitMember(db, req.actor, req.params.code, req.body.user)),
  );
}
