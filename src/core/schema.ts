import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import bundleSchema from '../../schemas/bundle.schema.json' with { type: 'json' };
import configSchema from '../../schemas/config.schema.json' with { type: 'json' };
import flagSchema from '../../schemas/flag.schema.json' with { type: 'json' };
import segmentSchema from '../../schemas/segment.schema.json' with { type: 'json' };
import type { ParsedFile } from './parse.js';
import { explainSchemaErrors } from './schema-errors.js';
import type { Diagnostic } from './types.js';

export type SchemaName = 'flag' | 'segment' | 'config' | 'bundle';

/** The JSON Schemas shipped in `schemas/`, by name. */
export const SCHEMAS: Record<SchemaName, Record<string, unknown>> = {
  flag: flagSchema,
  segment: segmentSchema,
  config: configSchema,
  bundle: bundleSchema,
};

let validators: Record<SchemaName, ValidateFunction> | undefined;

/** Compiled once, on first use: compiling costs milliseconds, validating microseconds. */
function compiled(): Record<SchemaName, ValidateFunction> {
  if (validators) return validators;
  const ajv = new Ajv2020({ allErrors: true, verbose: true, allowUnionTypes: true, strict: true, strictRequired: false });
  ajvFormats.default(ajv, ['date', 'date-time', 'uri']);
  // Keyed by file name, so `flag.schema.json#/$defs/…` resolves here as it does next to the files in an editor.
  for (const [name, schema] of Object.entries(SCHEMAS)) ajv.addSchema(schema, `${name}.schema.json`);
  const get = (name: SchemaName) => ajv.getSchema(`${name}.schema.json`)!;
  validators = { flag: get('flag'), segment: get('segment'), config: get('config'), bundle: get('bundle') };
  return validators;
}

/** Raw ajv errors of `value` against one schema; empty when valid. */
export function validateAgainst(name: SchemaName, value: unknown): ErrorObject[] {
  const validate = compiled()[name];
  return validate(value) ? [] : [...(validate.errors ?? [])];
}

/** Schema problems of a parsed YAML file, located in its source and explained for people. */
export function checkSchema(parsed: ParsedFile, name: SchemaName): Diagnostic[] {
  if (parsed.value === undefined) return [];
  const errors = validateAgainst(name, parsed.value);
  return errors.length === 0 ? [] : explainSchemaErrors(parsed, errors);
}
