import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsOptional, IsString, ValidateIf, ValidateNested } from 'class-validator';
import { createValidationPipe } from './validation-pipe';

class StopDto {
  @ApiProperty() @IsString() name!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @ValidateIf((_o, value) => value !== null) @IsString() note?:
    string | null;
}
class RunDto {
  @ApiProperty() @IsString() title!: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'null removes it' })
  @IsOptional()
  @ValidateIf((_o, value) => value !== null)
  @IsString()
  driver?: string | null;
  @ApiPropertyOptional({ type: () => [StopDto] })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => StopDto)
  stops?: StopDto[];
}
class UpdateRunDto extends PartialType(RunDto) {}

describe('the validation pipe', () => {
  const pipe = createValidationPipe();
  const validate = async (value: unknown) => {
    try {
      return { ok: await pipe.transform(value, { type: 'body', metatype: UpdateRunDto }) };
    } catch (error) {
      return { errors: (error as { getResponse(): { errors: unknown[] } }).getResponse().errors };
    }
  };

  it('refuses null for an optional field the schema does not call nullable, naming it, nested ones too', async () => {
    expect(await validate({ title: null })).toEqual({ errors: [expect.objectContaining({ field: 'title', rule: 'notNull' })] });
    expect(await validate({ stops: [{ name: 'Gate', note: null }, { name: null }] })).toEqual({
      errors: [expect.objectContaining({ field: 'stops[1].name', rule: 'notNull' })],
    });
  });

  it('takes null where the schema says nullable, and leaves absent fields alone', async () => {
    expect(await validate({ driver: null, stops: [{ name: 'Gate', note: null }] })).toEqual({
      ok: expect.objectContaining({ driver: null }),
    });
    expect(await validate({})).toEqual({ ok: {} });
  });

  it('still names unknown fields and wrong types', async () => {
    expect(await validate({ title: 3, extra: 1 })).toEqual({
      errors: expect.arrayContaining([
        expect.objectContaining({ field: 'title', rule: 'isString' }),
        expect.objectContaining({ field: 'extra', rule: 'unknown' }),
      ]),
    });
  });
});
