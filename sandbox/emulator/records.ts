import { z } from 'zod';

/** Stored shapes of the emulated products (validated with zod when state is read back from disk). */
const json = z.unknown();

export const projectRecordSchema = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  description: z.string(),
  style: z.enum(['classic', 'next-gen']),
  projectTypeKey: z.enum(['software', 'service_desk', 'business']),
  leadAccountId: z.string(),
  components: z.array(z.object({ id: z.string(), name: z.string(), description: z.string() })),
});
export type ProjectRecord = z.infer<typeof projectRecordSchema>;

export const issueTypeRecordSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  hierarchyLevel: z.number().int(),
  /** null: a global (company-managed) type; else the id of the team-managed project owning it. */
  scopeProjectId: z.string().nullable(),
  initialStatusId: z.string(),
  avatarId: z.number().int(),
});
export type IssueTypeRecord = z.infer<typeof issueTypeRecordSchema>;

export const issueRecordSchema = z.object({
  id: z.string(),
  key: z.string(),
  projectId: z.string(),
  issueTypeId: z.string(),
  summary: z.string(),
  description: json.nullable(),
  statusId: z.string(),
  labels: z.array(z.string()),
  componentIds: z.array(z.string()),
  parentId: z.string().nullable(),
  priorityId: z.string(),
  reporterId: z.string().nullable(),
  assigneeId: z.string().nullable(),
  duedate: z.string().nullable(),
  created: z.string(),
  updated: z.string(),
  resolutiondate: z.string().nullable(),
  properties: z.record(z.string(), json),
});
export type IssueRecord = z.infer<typeof issueRecordSchema>;

export const linkRecordSchema = z.object({
  id: z.string(),
  typeId: z.string(),
  inwardIssueId: z.string(),
  outwardIssueId: z.string(),
});
export type LinkRecord = z.infer<typeof linkRecordSchema>;

export const taskRecordSchema = z.object({
  id: z.string(),
  description: z.string(),
  submitted: z.number(),
  finished: z.number(),
  result: json,
});
export type TaskRecord = z.infer<typeof taskRecordSchema>;

export const spaceRecordSchema = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  description: z.string(),
  homepageId: z.string(),
  authorId: z.string(),
  createdAt: z.string(),
});
export type SpaceRecord = z.infer<typeof spaceRecordSchema>;

const versionSchema = z.object({
  number: z.number().int(),
  message: z.string(),
  minorEdit: z.boolean(),
  authorId: z.string(),
  createdAt: z.string(),
});
export type VersionRecord = z.infer<typeof versionSchema>;

export const pageRecordSchema = z.object({
  id: z.string(),
  spaceId: z.string(),
  parentId: z.string().nullable(),
  title: z.string(),
  status: z.enum(['current', 'draft']),
  /** 'atlas_doc_format' (value is ADF JSON text) or 'storage' (XHTML). */
  representation: z.enum(['atlas_doc_format', 'storage']),
  value: z.string(),
  authorId: z.string(),
  createdAt: z.string(),
  position: z.number().int(),
  version: versionSchema,
});
export type PageRecord = z.infer<typeof pageRecordSchema>;

export const pagePropertyRecordSchema = z.object({
  id: z.string(),
  pageId: z.string(),
  key: z.string(),
  value: json,
  version: versionSchema,
});
export type PagePropertyRecord = z.infer<typeof pagePropertyRecordSchema>;

export const TABLES = {
  project: projectRecordSchema,
  issuetype: issueTypeRecordSchema,
  issue: issueRecordSchema,
  link: linkRecordSchema,
  task: taskRecordSchema,
  space: spaceRecordSchema,
  page: pageRecordSchema,
  pageprop: pagePropertyRecordSchema,
} as const;
export type TableName = keyof typeof TABLES;
