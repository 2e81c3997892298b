/** What a message about a zod issue needs; zod's own issues fit this shape. */
export interface SchemaIssue {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  expected?: string;
  origin?: string;
  maximum?: number | bigint;
  minimum?: number | bigint;
  inclusive?: boolean;
  values?: readonly unknown[];
  options?: readonly unknown[];
}

const typeWords: Record<string, string> = {
  int: 'a whole number',
  number: 'a number',
  string: 'text',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
};

const amount = (value: number | bigint | undefined): string => (typeof value === 'number' ? value.toLocaleString('en-US') : String(value));

/** How zod's own messages begin; any other message was written for the schema. */
const zodDefault = /^(Invalid|Too big|Too small)\b/;

/** Up to this many choices are listed; more say only that the value is not one of them. */
const MAX_LISTED = 8;

/** What is wrong with the value, in words, without where it is. */
function problem(issue: SchemaIssue): string {
  const counted = issue.origin === 'array' || issue.origin === 'string' || issue.origin === 'set';
  const unit = issue.origin === 'string' ? 'characters' : 'entries';
  switch (issue.code) {
    case 'invalid_type':
      // zod says "received undefined" when a field is left out.
      if (/received undefined$/.test(issue.message)) return 'is missing';
      return `must be ${typeWords[issue.expected ?? ''] ?? issue.expected ?? 'of another type'}`;
    case 'too_big':
      if (counted) return `has more than ${amount(issue.maximum)} ${unit}`;
      return issue.inclusive === false ? `must be below ${amount(issue.maximum)}` : `must be at most ${amount(issue.maximum)}`;
    case 'too_small':
      if (counted) return `needs at least ${amount(issue.minimum)} ${unit}`;
      return issue.inclusive === false ? `must be above ${amount(issue.minimum)}` : `must be at least ${amount(issue.minimum)}`;
    case 'invalid_value':
    case 'invalid_union': {
      const choices = issue.values ?? issue.options ?? [];
      if (choices.length === 0) return 'is not in a form the playground reads';
      if (choices.length > MAX_LISTED) return 'is not one the playground has';
      return choices.length === 1 ? `must be ${JSON.stringify(choices[0])}` : `must be one of ${choices.map((c) => JSON.stringify(c)).join(', ')}`;
    }
    default:
      return issue.message;
  }
}

/**
 * A zod issue as a sentence fragment a person can act on, naming the field:
 * `"config.learningRate" must be at most 10` rather than zod's
 * "Too big: expected number to be <=10".
 */
export function describeIssue(issue: SchemaIssue): string {
  const where = issue.path.map(String).join('.');
  // A message written for the schema (`{ error: '…' }`, a refinement) is already in words: keep it.
  if (!zodDefault.test(issue.message)) return where === '' ? issue.message : `"${where}": ${issue.message}`;
  return where === '' ? `the value ${problem(issue)}` : `"${where}" ${problem(issue)}`;
}
