import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import testSchema from '../../../schemas/test.schema.json' with { type: 'json' };
import type { ParsedFile } from '../parse.js';
import { explainSchemaErrors } from '../schema-errors.js';
import type { Diagnostic } from '../types.js';

let validate: ValidateFunction | undefined;

/** Schema problems of an assertion spec, located and explained like every schema finding. */
export function checkSpecSchema(parsed: ParsedFile): Diagnostic[] {
  if (parsed.value === undefined) return [];
  validate ??= new Ajv2020({ allErrors: true, verbose: true, allowUnionTypes: true, strict: true, strictRequired: false }).compile(testSchema);
  return validate(parsed.value) ? [] : explainSchemaErrors(parsed, [...(validate.errors ?? [])]);
}
