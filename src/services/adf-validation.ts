/**
 * Run-time check of every document the app publishes: the ADF validator of @atlaskit/adf-utils (the schema
 * Confluence renders with). The one page upsert (confluence-page.service.ts) calls assertValidAdf before its
 * first product call, so a body that fails is never sent: nothing is written and the caller (resolver or job)
 * gets VALIDATION_FAILED naming the problems.
 */
import { validator } from '@atlaskit/adf-utils/validator';
import { ValidationError } from '../domain/errors';

type Validate = ReturnType<typeof validator>;
let validate: Validate | undefined;

/** Builds the validator once. It asks a feature-gate client that only exists inside Atlassian's products and warns once that it is not initialised; that one warning is expected and kept out of the logs. */
function getValidator(): Validate {
  if (validate === undefined) {
    const warn = console.warn;
    console.warn = () => undefined;
    try {
      validate = validator();
      validate({ type: 'doc', version: 1, content: [] });
    } finally {
      console.warn = warn;
    }
  }
  return validate;
}

/** At most this many problems are reported. */
const MAX_PROBLEMS = 10;

/** The validator's complaints about `document` (empty when it is valid ADF). */
export function adfProblems(document: unknown): string[] {
  const problems: string[] = [];
  try {
    getValidator()(document as Parameters<Validate>[0], (entity, error) => {
      if (problems.length < MAX_PROBLEMS) problems.push(`${error.code}: ${error.message} (${String(entity.type)})`);
      return entity;
    });
  } catch (e) {
    problems.push(e instanceof Error ? e.message.split('\n')[0] ?? 'invalid document' : 'invalid document');
  }
  return problems;
}

/** Throws VALIDATION_FAILED (details.adfProblems) when `document` is not valid ADF; `what` names it in the message. */
export function assertValidAdf(document: unknown, what: string): void {
  const problems = adfProblems(document);
  if (problems.length > 0) {
    throw new ValidationError(`${what} was not published: its body is not valid ADF (${problems[0]}). Nothing was written.`, { adfProblems: problems });
  }
}
