import { MAX_DISTINCT, type ColumnInfo } from './columns';

/** A column with not one usable value: every cell empty, a missing marker, or not a finite number. */
export const hasNoValues = (column: ColumnInfo): boolean => column.distinct.length === 0;

/** A text column with more values than categories can have: names, ids or free text. */
export const isFreeText = (column: ColumnInfo): boolean => column.type === 'categorical' && column.distinct.length > MAX_DISTINCT;

/** Why a column is left out of the features without the person asking; null when nothing stops it. */
export function whyLeftOut(column: ColumnInfo): string | null {
  if (hasNoValues(column)) return 'it has no values at all';
  if (isFreeText(column)) return `it holds text with more than ${MAX_DISTINCT} different values (names or ids?)`;
  return null;
}

/** `"a"`, `"a" and "b"`, `"a", "b", "c" and 4 more`. */
export function listNames(names: readonly string[], shown = 3): string {
  const quoted = names.slice(0, shown).map((name) => `"${name}"`);
  if (names.length > shown) return `${quoted.join(', ')} and ${names.length - shown} more`;
  return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}

/** What the column planner says about the columns beside its table, one sentence each. */
export function columnNotes(columns: readonly ColumnInfo[], ignored: readonly string[]): string[] {
  const notes: string[] = [];
  for (const column of columns) {
    if (column.nonFinite > 0) {
      const cells = column.nonFinite === 1 ? '1 cell holds' : `${column.nonFinite.toLocaleString('en-US')} cells hold`;
      notes.push(`"${column.name}": ${cells} Infinity or a number too large to use (such as 1e309), counted as missing.`);
    }
  }
  for (const column of columns) {
    const why = ignored.includes(column.name) ? whyLeftOut(column) : null;
    if (why) notes.push(`"${column.name}" is left out of the features: ${why}.`);
  }
  return notes;
}

/**
 * Why no column can be the target, grouped by reason and true of every
 * column: a file of nothing but missing markers is said to have no values,
 * not to hold text.
 */
export function noTargetMessage(columns: readonly ColumnInfo[]): string {
  if (columns.every(hasNoValues)) {
    return 'The file has no values at all: every cell is empty, a marker of a missing value (such as NA, NaN or ?), or not a finite number (such as Infinity).';
  }
  const groups: { names: string[]; one: string; many: string }[] = [
    { names: [], one: 'has no values at all', many: 'have no values at all' },
    { names: [], one: 'holds a single value', many: 'each hold a single value' },
    { names: [], one: `holds text with more than ${MAX_DISTINCT} different values (such as names or ids)`, many: `hold text with more than ${MAX_DISTINCT} different values (such as names or ids)` },
  ];
  for (const column of columns) {
    const group = hasNoValues(column) ? groups[0]! : isFreeText(column) ? groups[2]! : groups[1]!;
    group.names.push(column.name);
  }
  const reasons = groups.filter((g) => g.names.length > 0).map((g) => `${listNames(g.names)} ${g.names.length === 1 ? g.one : g.many}`);
  return `No column can be predicted: ${reasons.join('; ')}. Use a file with a column of numbers or of a few categories.`;
}
