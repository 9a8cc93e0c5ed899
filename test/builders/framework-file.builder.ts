/** Fixed-default builders for catalogue files, used to exercise the generic loader with small trees. */
import type { RequirementNode } from '../../src/domain/catalogue/catalogue-loader';

const PREFIX = 'urn:smsnav:req:test-standard:';

export function aRequirementNode(refId: string, overrides: Partial<RequirementNode> = {}): RequirementNode {
  const parts = refId.split('.');
  return {
    urn: `${PREFIX}${refId}`,
    refId,
    title: `Clause ${refId}`,
    parentUrn: parts.length > 1 ? `${PREFIX}${parts.slice(0, -1).join('.')}` : null,
    depth: parts.length,
    processGroup: null,
    assessable: true,
    summary: `Summary of clause ${refId} in a few words.`,
    ...overrides,
  };
}

export function aFrameworkFile(nodes: RequirementNode[] = [aRequirementNode('1'), aRequirementNode('1.1')]): {
  framework: { urn: string; refId: string; name: string };
  requirementNodes: RequirementNode[];
} {
  return { framework: { urn: 'urn:smsnav:framework:test-standard', refId: 'TEST 1', name: 'Test standard' }, requirementNodes: nodes };
}
