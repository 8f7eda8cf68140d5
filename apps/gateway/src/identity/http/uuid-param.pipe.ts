import { Injectable, type PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { ValidationProblem } from '@tutti/platform';

/** A path parameter that must be a UUID; a 400 names the parameter. */
@Injectable()
export class UuidParam implements PipeTransform<string, string> {
  constructor(private readonly name: string) {}

  transform(value: string): string {
    if (!isUUID(value, 'all')) throw new ValidationProblem([{ field: this.name, rule: 'isUuid', message: `${this.name} must be a UUID` }]);
    return value;
  }
}
