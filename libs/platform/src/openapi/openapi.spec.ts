import { Body, Controller, Delete, Get, Headers, Module, Patch, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { ApiOperation, ApiProduces, ApiProperty, type OpenAPIObject } from '@nestjs/swagger';
import { Access, AnySignedIn, PublicRoute } from '@tutti/auth';
import { IsString } from 'class-validator';
import { IdParam } from '../http/id-param';
import { IfMatchVersion } from '../http/etag';
import { IdempotencyKey } from '../idempotency/idempotency';
import { buildOpenApiDocument } from './openapi';
import { operationIdOf, singular } from './operation-ids';
import { ApiConflictRules } from './route-docs';

class NoteDto {
  @ApiProperty()
  @IsString()
  text!: string;
}

@Controller('choir-notes')
class ChoirNotesController {
  @Get()
  @PublicRoute('a test')
  list(): string[] {
    return [];
  }

  @Post()
  @Access('tutor')
  @ApiConflictRules('session-full')
  create(@Body() _body: NoteDto, @IdempotencyKey() _key: string | undefined): string {
    return '';
  }

  @Patch(':noteId')
  @AnySignedIn()
  update(@IdParam('noteId') _noteId: string, @IfMatchVersion() _version: number, @Body() _body: NoteDto): string {
    return '';
  }

  @Delete(':noteId')
  @Access('tutor')
  @ApiOperation({ operationId: 'forgetChoirNote', summary: 'Forget a note' })
  remove(@IdParam('noteId') _noteId: string, @Headers('if-match') _ifMatch: string | undefined): string {
    return '';
  }

  @Get(':noteId/printable.pdf')
  @Access('tutor')
  @ApiProduces('application/pdf')
  printable(@IdParam('noteId') _noteId: string): string {
    return '';
  }
}

@Module({ controllers: [ChoirNotesController] })
class NotesModule {}

describe('buildOpenApiDocument', () => {
  let app: NestFastifyApplication;
  let document: OpenAPIObject;
  const operation = (path: string, method: 'get' | 'post' | 'patch' | 'delete') => {
    const found = document.paths[path]?.[method];
    if (!found) throw new Error(`no ${method} ${path}`);
    return found;
  };
  const statuses = (path: string, method: 'get' | 'post' | 'patch' | 'delete') => Object.keys(operation(path, method).responses);

  beforeAll(async () => {
    app = await NestFactory.create<NestFastifyApplication>(NotesModule, new FastifyAdapter(), { logger: false });
    document = buildOpenApiDocument(app, { title: 'Tutti test', description: 'A test' });
  });

  afterAll(() => app?.close());

  it('names operations <verb><Object>, or as the route says', () => {
    expect(operation('/choir-notes', 'get').operationId).toBe('listChoirNotes');
    expect(operation('/choir-notes', 'post').operationId).toBe('createChoirNote');
    expect(operation('/choir-notes/{noteId}', 'delete').operationId).toBe('forgetChoirNote');
  });

  it('declares security from the access policy: none for a public route, the bearer token otherwise', () => {
    expect(operation('/choir-notes', 'get').security).toEqual([]);
    expect(operation('/choir-notes', 'post').security).toEqual([{ bearer: [] }]);
  });

  it('lists the errors each route can give, as problem+json', () => {
    expect(statuses('/choir-notes', 'get')).toEqual(['200', '431']);
    expect(statuses('/choir-notes', 'post')).toEqual(['201', '400', '401', '403', '409', '413', '422', '431']);
    // Any signed-in role may edit: no 403; If-Match required: 412 and 428.
    expect(statuses('/choir-notes/{noteId}', 'patch')).toEqual(['200', '400', '401', '404', '409', '412', '413', '414', '428', '431']);
    // An If-Match the route reads itself is optional: 412 without 428.
    expect(statuses('/choir-notes/{noteId}', 'delete')).toEqual(['200', '400', '401', '403', '404', '409', '412', '414', '431']);
    expect(operation('/choir-notes', 'post').responses['401']).toEqual({ $ref: '#/components/responses/Unauthorized' });
    expect(document.components?.responses?.Unauthorized).toEqual({
      description: 'Not signed in, or the sign-in has expired',
      content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } } },
    });
    expect(document.components?.schemas?.ProblemDetails).toMatchObject({ required: ['type', 'title', 'status', 'detail'] });
  });

  it('names the conflict rules a route declares in its 409', () => {
    const conflict = operation('/choir-notes', 'post').responses['409'] as {
      description: string;
      content: Record<string, { schema: unknown }>;
    };
    expect(conflict.description).toContain('`session-full`');
    expect(JSON.stringify(conflict.content['application/problem+json'].schema)).toContain('"enum":["session-full"]');
  });

  it('documents the headers the platform reads', () => {
    const headers = (path: string, method: 'post' | 'patch' | 'delete') =>
      (operation(path, method).parameters ?? []).flatMap((parameter) =>
        'in' in parameter && parameter.in === 'header' ? [`${parameter.name}:${parameter.required}`] : [],
      );
    expect(headers('/choir-notes', 'post')).toEqual(['Idempotency-Key:false']);
    expect(headers('/choir-notes/{noteId}', 'patch')).toEqual(['If-Match:true']);
    expect(headers('/choir-notes/{noteId}', 'delete')).toEqual(['If-Match:false']);
  });

  it('types a file response by its media type', () => {
    expect(operation('/choir-notes/{noteId}/printable.pdf', 'get').responses['200']).toMatchObject({
      content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
    });
  });
});

describe('operationIdOf', () => {
  it('reads as a verb and the controller’s object', () => {
    expect(operationIdOf('SchoolsController', 'list')).toBe('listSchools');
    expect(operationIdOf('SchoolsController', 'get')).toBe('getSchool');
    expect(operationIdOf('FamiliesController', 'list')).toBe('listFamilies');
    expect(operationIdOf('ClassesController', 'update')).toBe('updateClass');
    expect(operationIdOf('EnsemblesController', 'addMember')).toBe('addMember');
    expect(singular('Staff')).toBe('Staff');
    expect(singular('Families')).toBe('Family');
  });
});
