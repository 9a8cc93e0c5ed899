/**
 * Generic loader for a standard held as JSON data (one file per standard, see iso20000-1-2018.json).
 * It knows nothing about a particular standard: it validates the file with zod, checks the tree is sound
 * (unique urns and refIds, parents exist and come first, depth matches the refId, urn ends with the refId)
 * and returns the nodes in numeric clause order. A broken file fails at import, not at first use.
 */
import { z } from 'zod';
import { ValidationError, parseValid } from '../errors';
import { PROCESS_GROUP_IDS } from '../process-groups';

const REF_ID = /^\d+(\.\d+)*$/;
const URN = /^urn:[a-z0-9-]+(:[a-z0-9.-]+)+$/;

export const requirementNodeSchema = z.strictObject({
  urn: z.string().regex(URN),
  refId: z.string().regex(REF_ID),
  title: z.string().min(1).max(120),
  parentUrn: z.string().regex(URN).nullable(),
  depth: z.number().int().min(1),
  processGroup: z.enum(PROCESS_GROUP_IDS).nullable(),
  assessable: z.boolean(),
  summary: z.string().min(10).max(140),
});
export type RequirementNode = z.infer<typeof requirementNodeSchema>;

export const frameworkFileSchema = z.strictObject({
  framework: z.strictObject({ urn: z.string().regex(URN), refId: z.string().min(1), name: z.string().min(1) }),
  requirementNodes: z.array(requirementNodeSchema).min(1),
});
export type FrameworkFile = z.infer<typeof frameworkFileSchema>;

/** Numeric comparison of dotted clause numbers: "8.9" < "8.10", "9.4" < "10.1", "8" < "8.1". */
export function compareRefIds(a: string, b: string): number {
  const pa = a.split('.');
  const pb = b.split('.');
  const n = Math.min(pa.length, pb.length);
  for (let i = 0; i < n; i++) {
    const x = pa[i] ?? '';
    const y = pb[i] ?? '';
    const nx = Number(x);
    const ny = Number(y);
    // Non-numeric parts (never in valid ids) fall back to text order so the comparator stays consistent.
    const d = Number.isInteger(nx) && Number.isInteger(ny) && x !== '' && y !== '' ? nx - ny : x.localeCompare(y);
    if (d !== 0) return d;
  }
  return pa.length - pb.length;
}

function parentRefId(refId: string): string | null {
  const i = refId.lastIndexOf('.');
  return i < 0 ? null : refId.slice(0, i);
}

/** Validates raw JSON and returns the file with its nodes sorted numerically. Throws ValidationError. */
export function loadFramework(raw: unknown): FrameworkFile {
  const parsed = parseValid(frameworkFileSchema, raw, 'Catalogue file does not match its schema.');
  const nodes = [...parsed.requirementNodes].sort((a, b) => compareRefIds(a.refId, b.refId));
  const byUrn = new Map<string, RequirementNode>();
  const refIds = new Set<string>();
  const problems: string[] = [];
  for (const node of nodes) {
    if (byUrn.has(node.urn)) problems.push(`duplicate urn ${node.urn}`);
    if (refIds.has(node.refId)) problems.push(`duplicate refId ${node.refId}`);
    byUrn.set(node.urn, node);
    refIds.add(node.refId);
    if (!node.urn.endsWith(`:${node.refId}`)) problems.push(`urn ${node.urn} does not end with refId ${node.refId}`);
    if (node.depth !== node.refId.split('.').length) problems.push(`depth of ${node.refId} is ${node.depth}`);
  }
  for (const node of nodes) {
    const expectedParent = parentRefId(node.refId);
    if (node.parentUrn === null) {
      if (expectedParent !== null) problems.push(`${node.refId} has no parent but should be under ${expectedParent}`);
      continue;
    }
    const parent = byUrn.get(node.parentUrn);
    if (!parent) problems.push(`${node.refId} points to missing parent ${node.parentUrn}`);
    else if (parent.refId !== expectedParent) problems.push(`${node.refId} has parent ${parent.refId}, expected ${expectedParent}`);
  }
  if (problems.length > 0) throw new ValidationError('Catalogue file is inconsistent.', { problems });
  return { framework: parsed.framework, requirementNodes: nodes };
}
