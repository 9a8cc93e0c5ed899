import { z } from 'zod';

/**
 * Confluence Cloud REST v2 wire shapes (official openapi-v2 spec; paths there are relative to /wiki/api/v2).
 * Loose objects: only the fields the app reads, the rest passes through.
 */

/** An ADF document as the app handles it: the root node, content left to ADF tooling. */
export const adfDocumentSchema = z.looseObject({
  type: z.literal('doc'),
  version: z.number(),
  content: z.array(z.unknown()),
});
export type AdfDocument = z.infer<typeof adfDocumentSchema>;

export const multiLinksSchema = z.looseObject({ next: z.string().optional(), base: z.string().optional() });

export const spaceSchema = z.looseObject({
  id: z.string(),
  key: z.string(),
  name: z.string().optional(),
  homepageId: z.string().nullish(),
});
export const spacesResultSchema = z.looseObject({
  results: z.array(spaceSchema),
  _links: multiLinksSchema.optional(),
});

const versionSchema = z.looseObject({ number: z.number(), message: z.string().optional() });

const bodyTypeSchema = z.looseObject({ representation: z.string().optional(), value: z.string().optional() });

export const pageSchema = z.looseObject({
  id: z.string(),
  title: z.string(),
  spaceId: z.string().optional(),
  parentId: z.string().nullish(),
  status: z.string().optional(),
  version: versionSchema.optional(),
  body: z.looseObject({ atlas_doc_format: bodyTypeSchema.optional() }).optional(),
  _links: z.looseObject({ webui: z.string().optional(), base: z.string().optional() }).optional(),
});
export const pagesResultSchema = z.looseObject({
  results: z.array(pageSchema),
  _links: multiLinksSchema.optional(),
});

export const childPageSchema = z.looseObject({
  id: z.string(),
  title: z.string(),
  status: z.string().optional(),
  spaceId: z.string().optional(),
  childPosition: z.number().nullish(),
});
export const childPagesResultSchema = z.looseObject({
  results: z.array(childPageSchema),
  _links: multiLinksSchema.optional(),
});

export const contentPropertySchema = z.looseObject({
  id: z.string(),
  key: z.string(),
  value: z.unknown(),
  version: versionSchema.optional(),
});
export const contentPropertiesResultSchema = z.looseObject({
  results: z.array(contentPropertySchema),
  _links: multiLinksSchema.optional(),
});
