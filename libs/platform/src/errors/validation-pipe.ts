import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { ValidationProblem, type FieldError } from './problem';

/** Where @nestjs/swagger keeps a property's ApiProperty options (its DECORATORS.API_MODEL_PROPERTIES). */
const API_MODEL_PROPERTIES = 'swagger/apiModelProperties';

/**
 * Global input validation: unknown fields refused, values transformed to their DTO types, and null
 * refused wherever the documented schema does not say `nullable` (class-validator's @IsOptional lets
 * null through, and an edit would then write it into a column that cannot hold it).
 */
class TuttiValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const nulls = metadata.type === 'body' && metadata.metatype ? undeclaredNulls(value, metadata.metatype, '') : [];
    if (nulls.length === 0) return super.transform(value, metadata);
    // The other fields are still checked, so that one 400 names every field that is wrong.
    const others = await super.transform(value, metadata).then(
      () => [],
      (error: unknown) => (error instanceof ValidationProblem ? fieldErrorsOf(error) : []),
    );
    const nullFields = new Set(nulls.map((error) => error.field));
    throw new ValidationProblem([...nulls, ...others.filter((error) => !nullFields.has(error.field))]);
  }
}

function fieldErrorsOf(problem: ValidationProblem): FieldError[] {
  const body = problem.getResponse() as { errors?: FieldError[] };
  return body.errors ?? [];
}

export function createValidationPipe(): ValidationPipe {
  return new TuttiValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    stopAtFirstError: false,
    exceptionFactory: (errors) => new ValidationProblem(flattenValidationErrors(errors)),
  });
}

export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? (/^\d+$/.test(error.property) ? `${parent}[${error.property}]` : `${parent}.${error.property}`) : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({
      field,
      rule: rule === 'whitelistValidation' ? 'unknown' : rule,
      message: rule === 'whitelistValidation' ? `${field} is not a field this endpoint accepts` : message,
    }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

interface ApiPropertyOptions {
  nullable?: boolean;
  type?: unknown;
}

/** Fields holding null that the DTO documents as not nullable, nested DTOs included. */
export function undeclaredNulls(value: unknown, dto: unknown, parent: string): FieldError[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || typeof dto !== 'function' || !dto.prototype) return [];
  const prototype = dto.prototype as object;
  return Object.entries(value).flatMap(([key, item]) => {
    const options = Reflect.getMetadata(API_MODEL_PROPERTIES, prototype, key) as ApiPropertyOptions | undefined;
    if (!options) return [];
    const field = parent ? `${parent}.${key}` : key;
    if (item === null)
      return options.nullable === true
        ? []
        : [{ field, rule: 'notNull', message: `${field} must not be null; leave it out to keep it as it is` }];
    const nestedDto = dtoClassOf(options.type);
    if (!nestedDto) return [];
    if (Array.isArray(item)) return item.flatMap((element, index) => undeclaredNulls(element, nestedDto, `${field}[${index}]`));
    return undeclaredNulls(item, nestedDto, field);
  });
}

/** The DTO class an ApiProperty `type` names, lazily (`() => Dto`, `() => [Dto]`) or directly; none for primitives. */
function dtoClassOf(type: unknown): unknown {
  if (typeof type !== 'function') return undefined;
  const named: unknown = type.prototype ? type : (type as () => unknown)();
  const resolved: unknown = Array.isArray(named) ? named[0] : named;
  if (typeof resolved !== 'function' || [String, Number, Boolean, Object, Array, Date].includes(resolved as never)) return undefined;
  return resolved;
}
