import { z } from 'zod';

/**
 * Jira Cloud REST v3 wire shapes (checked against the official swagger-v3 spec). Loose objects: only the
 * fields the app reads are declared; everything else passes through untouched.
 */

export const errorCollectionSchema = z.looseObject({
  errorMessages: z.array(z.string()).optional(),
  errors: z.record(z.string(), z.string()).optional(),
  status: z.number().optional(),
});
export type JiraErrorCollection = z.infer<typeof errorCollectionSchema>;

export const permissionsSchema = z.looseObject({
  permissions: z.record(z.string(), z.looseObject({ havePermission: z.boolean().optional() })).optional(),
});

/** GET /project/{id}/role: role name -> role URL (…/role/{roleId}). */
export const projectRolesMapSchema = z.record(z.string(), z.string());

export const projectRoleSchema = z.looseObject({
  id: z.number().optional(),
  name: z.string().optional(),
  actors: z
    .array(
      z.looseObject({
        id: z.number().optional(),
        displayName: z.string().optional(),
        type: z.string().optional(),
        actorUser: z.looseObject({ accountId: z.string().optional() }).optional(),
        actorGroup: z
          .looseObject({ name: z.string().optional(), groupId: z.string().optional(), displayName: z.string().optional() })
          .optional(),
      }),
    )
    .optional(),
});

export const projectSchema = z.looseObject({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  projectTypeKey: z.string().optional(),
  simplified: z.boolean().optional(),
  style: z.string().optional(),
});

/** A page of GET /rest/api/3/project/search. */
export const projectSearchPageSchema = z.looseObject({
  values: z.array(projectSchema),
  isLast: z.boolean().optional(),
});

export const issueTypeSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  hierarchyLevel: z.number().optional(),
  subtask: z.boolean().optional(),
  description: z.string().optional(),
});
export const issueTypesSchema = z.array(issueTypeSchema);

export const fieldCreateMetaSchema = z.looseObject({
  fieldId: z.string(),
  key: z.string().optional(),
  name: z.string(),
  required: z.boolean(),
  schema: z
    .looseObject({
      type: z.string().optional(),
      items: z.string().optional(),
      system: z.string().optional(),
      custom: z.string().optional(),
      customId: z.number().optional(),
    })
    .optional(),
  hasDefaultValue: z.boolean().optional(),
  allowedValues: z.array(z.unknown()).optional(),
  operations: z.array(z.string()).optional(),
});

export const createMetaPageSchema = z.looseObject({
  startAt: z.number().optional(),
  maxResults: z.number().optional(),
  total: z.number().optional(),
  fields: z.array(fieldCreateMetaSchema).optional(),
  results: z.array(fieldCreateMetaSchema).optional(),
});

export const createdIssueSchema = z.looseObject({ id: z.string(), key: z.string() });

export const createdIssuesSchema = z.looseObject({
  issues: z.array(createdIssueSchema).optional(),
  errors: z
    .array(
      z.looseObject({
        failedElementNumber: z.number().optional(),
        status: z.number().optional(),
        elementErrors: errorCollectionSchema.optional(),
      }),
    )
    .optional(),
});

export const issueSchema = z.looseObject({
  id: z.string(),
  key: z.string(),
  fields: z.record(z.string(), z.unknown()).optional(),
  properties: z.record(z.string(), z.unknown()).optional(),
});

export const searchResultsSchema = z.looseObject({
  issues: z.array(issueSchema).optional(),
  nextPageToken: z.string().nullish(),
  isLast: z.boolean().optional(),
});

/** POST /search/approximate-count (JQLCountResultsBean): Jira's estimate of the matching issues. */
export const approximateCountSchema = z.looseObject({ count: z.number().int().min(0) });

export const entityPropertySchema = z.looseObject({ key: z.string().optional(), value: z.unknown() });

export const TASK_STATUSES = ['ENQUEUED', 'RUNNING', 'COMPLETE', 'FAILED', 'CANCEL_REQUESTED', 'CANCELLED', 'DEAD'] as const;

export const taskSchema = z.looseObject({
  id: z.string(),
  status: z.string(),
  message: z.string().optional(),
  progress: z.number().optional(),
  result: z.unknown().optional(),
});

/** GET /user/bulk: a page of users (PageBeanUser). Only what the app reads is declared. */
export const userPageSchema = z.looseObject({
  startAt: z.number().optional(),
  maxResults: z.number().optional(),
  total: z.number().optional(),
  isLast: z.boolean().optional(),
  values: z
    .array(z.looseObject({ accountId: z.string().min(1), displayName: z.string().optional(), active: z.boolean().optional() }))
    .optional(),
});

/** GET /issue/{key}/transitions (IssueTransition: the parts the app reads). */
export const transitionsSchema = z.looseObject({
  transitions: z
    .array(
      z.looseObject({
        id: z.string(),
        name: z.string().default(''),
        isAvailable: z.boolean().optional(),
        to: z.looseObject({ name: z.string().default(''), statusCategory: z.looseObject({ key: z.string().default('') }).default({ key: '' }) }),
      }),
    )
    .default([]),
});

/** GET /user/search: a list of users (User: the parts the app reads). */
export const userListSchema = z.array(
  z.looseObject({
    accountId: z.string(),
    displayName: z.string().optional(),
    active: z.boolean().optional(),
    accountType: z.string().optional(),
    avatarUrls: z.record(z.string(), z.string()).optional(),
  }),
);
