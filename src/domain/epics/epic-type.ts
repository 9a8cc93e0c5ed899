/**
 * Which issue type may hold the plan's epics: a type of the project at hierarchy level 1 (the epic level).
 * A standard type (level 0) would make every "epic" a task that cannot parent the work items, and a subtask
 * type (level -1) cannot exist on its own. Checked when the settings are saved and when a sync starts.
 */

/** Hierarchy level of the epic level in Jira's issue-type hierarchy. */
export const EPIC_HIERARCHY_LEVEL = 1;

export interface IssueTypeLevel {
  id: string;
  name: string;
  hierarchyLevel: number;
}

/** Why `typeId` cannot be the epic type among the project's `types`; undefined when it can. */
export function epicTypeProblem(types: readonly IssueTypeLevel[], typeId: string): string | undefined {
  const type = types.find((t) => t.id === typeId);
  if (type === undefined) return `issue type ${typeId} is not used in this project`;
  if (type.hierarchyLevel !== EPIC_HIERARCHY_LEVEL) {
    return `${type.name} is at hierarchy level ${type.hierarchyLevel}, not the epic level (${EPIC_HIERARCHY_LEVEL}): it cannot hold the work items`;
  }
  return undefined;
}
