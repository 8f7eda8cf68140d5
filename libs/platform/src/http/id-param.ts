import { Param, type PipeTransform } from '@nestjs/common';
import { ValidationProblem } from '../errors/problem';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

class UuidPipe implements PipeTransform<string, string> {
  constructor(private readonly field: string) {}

  transform(value: string): string {
    if (!UUID.test(value)) throw new ValidationProblem([{ field: this.field, rule: 'isUuid', message: `${this.field} must be a UUID` }]);
    return value.toLowerCase();
  }
}

/** A path id that must be a UUID; anything else is a 400 naming the parameter. */
export const IdParam = (name: string) => Param(name, new UuidPipe(name));
