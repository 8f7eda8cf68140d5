import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res, type PipeTransform } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiPreconditionFailedResponse,
  ApiPreconditionRequiredResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { Access, CurrentIdentity, type Identity } from '@tutti/auth';
import { RequestOrigin, type AuditOrigin } from '@tutti/messaging';
import { attachmentDisposition, etagOf, IdempotencyKey, IfMatchVersion, notFoundField, ValidationProblem } from '@tutti/platform';
import type { FastifyReply } from 'fastify';
import { FAMILY_CATALOGUES, type FamilyMessageKey } from '../i18n/family-messages';
import {
  FamilyMessageCatalogueDto,
  FamilyMessageDto,
  ImportMessageOverridesDto,
  MessageOverrideImportDto,
  MessageOverrideListDto,
  MessageOverrideQueryDto,
  MessagePreviewDto,
  MissingMessagesReportDto,
  PreviewMessageDto,
  PutMessageOverrideDto,
} from './dto/message-override.dto';
import { MessageOverridesService } from './message-overrides.service';

/** The path's language and message key, declared for the document (a key's type is a union the metadata does not carry). */
const LANGUAGE_PARAM = ApiParam({ name: 'language', type: String, example: 'ro', description: 'ISO 639 language code' });
const KEY_PARAM = ApiParam({
  name: 'key',
  type: String,
  example: 'transport.booking-confirmed.subject',
  description: 'A family message key',
});

const ETAG_HEADER = {
  ETag: { description: 'The override’s version, quoted ("0" while there is none): send it as If-Match', schema: { type: 'string' } },
};

/** A path language: an ISO 639 code, else a 400 naming it. */
class LanguagePipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!/^[a-z]{2,3}$/.test(value))
      throw new ValidationProblem([
        { field: 'language', rule: 'isLanguage', message: 'language must be an ISO 639 code such as ro or ar' },
      ]);
    return value;
  }
}

/** A path message key: one of the family messages, else a 404 naming it. */
class MessageKeyPipe implements PipeTransform<string, FamilyMessageKey> {
  transform(value: string): FamilyMessageKey {
    if (!FAMILY_CATALOGUES.isKey(value)) throw notFoundField('key', 'family message');
    return value;
  }
}

@ApiTags('message-overrides')
@Controller('message-overrides')
export class MessageOverridesController {
  constructor(private readonly overrides: MessageOverridesService) {}

  @Get()
  @Access('programme_admin')
  @ApiOperation({ operationId: 'listMessageOverrides', summary: 'The area’s own wording of family messages, in one language or all' })
  @ApiOkResponse({ type: MessageOverrideListDto })
  async list(@CurrentIdentity() identity: Identity, @Query() query: MessageOverrideQueryDto): Promise<MessageOverrideListDto> {
    return { items: await this.overrides.list(identity, query.language) };
  }

  @Get('missing')
  @Access('programme_admin')
  @ApiOperation({
    operationId: 'listMissingMessages',
    summary: 'Per language (shipped, overridden or chosen by the area’s families): the messages that reach families in English',
  })
  @ApiOkResponse({ type: MissingMessagesReportDto })
  missing(@CurrentIdentity() identity: Identity): Promise<MissingMessagesReportDto> {
    return this.overrides.missing(identity);
  }

  @Post('preview')
  @HttpCode(200)
  @Access('programme_admin')
  @ApiOperation({
    operationId: 'previewFamilyMessage',
    summary:
      'A family message in a language as a family of the area would get it (subject, text, HTML), with sample facts and perhaps a draft wording',
  })
  @ApiOkResponse({ type: MessagePreviewDto })
  @ApiBadRequestResponse({ description: 'Not a family message, or a draft that is not ICU or whose placeholders differ from English’s' })
  preview(@CurrentIdentity() identity: Identity, @Body() body: PreviewMessageDto): Promise<MessagePreviewDto> {
    return this.overrides.preview(identity, body);
  }

  @Get(':language/catalogue')
  @LANGUAGE_PARAM
  @Access('programme_admin')
  @ApiOperation({
    operationId: 'listFamilyMessages',
    summary:
      'Every family message in one language: English, its placeholders, the wording the area’s families get now and where it comes from (override, catalogue, english), the override’s version',
  })
  @ApiOkResponse({ type: FamilyMessageCatalogueDto })
  catalogue(@CurrentIdentity() identity: Identity, @Param('language', LanguagePipe) language: string): Promise<FamilyMessageCatalogueDto> {
    return this.overrides.catalogue(identity, language);
  }

  @Get(':language/catalogue.csv')
  @LANGUAGE_PARAM
  @Access('programme_admin')
  @ApiOperation({
    operationId: 'downloadFamilyMessages',
    summary:
      'Every family message in one language as CSV for a translator (UTF-8 with a byte order mark): key, english, placeholders, wording (what families get now), source',
  })
  @ApiProduces('text/csv')
  async catalogueCsv(
    @CurrentIdentity() identity: Identity,
    @Param('language', LanguagePipe) language: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const file = await this.overrides.catalogueCsv(identity, language);
    void reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', attachmentDisposition(file.fileName));
    return file.body;
  }

  @Post(':language/import')
  @HttpCode(200)
  @LANGUAGE_PARAM
  @Access('programme_admin')
  @ApiOperation({
    operationId: 'importMessageOverrides',
    summary:
      'Upload the catalogue CSV back: each row whose wording differs from what families get now becomes the area’s wording, all in one transaction',
    description:
      'An unknown key, a key twice, or wording that is not ICU or whose placeholders differ from English’s refuses the whole file: 400 naming each row as rows[n].key or rows[n].wording, n being the spreadsheet’s row number (the header is row 1). A blank wording changes nothing.',
  })
  @ApiOkResponse({ type: MessageOverrideImportDto })
  @ApiBadRequestResponse({ description: 'Not CSV, no key or wording column, or rows that cannot be used (each named)' })
  importCsv(
    @CurrentIdentity() identity: Identity,
    @Param('language', LanguagePipe) language: string,
    @Body() body: ImportMessageOverridesDto,
    @IdempotencyKey() key: string | undefined,
    @RequestOrigin() origin: AuditOrigin,
  ): Promise<MessageOverrideImportDto> {
    return this.overrides.import(identity, language, body.csv, key, origin);
  }

  @Get(':language/:key')
  @LANGUAGE_PARAM
  @KEY_PARAM
  @Access('programme_admin')
  @ApiOperation({
    operationId: 'getFamilyMessage',
    summary: 'One family message in one language: the area’s wording, the shipped one and English’s (ETag for an edit)',
  })
  @ApiOkResponse({ type: FamilyMessageDto, headers: ETAG_HEADER })
  @ApiNotFoundResponse({ description: 'No such family message' })
  async get(
    @CurrentIdentity() identity: Identity,
    @Param('language', LanguagePipe) language: string,
    @Param('key', MessageKeyPipe) key: FamilyMessageKey,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<FamilyMessageDto> {
    const message = await this.overrides.message(identity, language, key);
    void reply.header('etag', etagOf(message.version));
    return message;
  }

  @Put(':language/:key')
  @LANGUAGE_PARAM
  @KEY_PARAM
  @Access('programme_admin')
  @ApiOperation({
    operationId: 'putMessageOverride',
    summary:
      'Set the area’s wording of a family message in a language (ICU, English’s placeholders); families get it from their next message',
  })
  @ApiOkResponse({ type: FamilyMessageDto, headers: ETAG_HEADER })
  @ApiBadRequestResponse({ description: 'Not ICU MessageFormat, or placeholders unlike English’s (named)' })
  @ApiNotFoundResponse({ description: 'No such family message' })
  @ApiPreconditionRequiredResponse({ description: 'If-Match is missing ("0" when the area has no wording yet)' })
  @ApiPreconditionFailedResponse({ description: 'Another admin changed it since your read; currentETag names its version now' })
  async put(
    @CurrentIdentity() identity: Identity,
    @Param('language', LanguagePipe) language: string,
    @Param('key', MessageKeyPipe) key: FamilyMessageKey,
    @IfMatchVersion() version: number,
    @Body() body: PutMessageOverrideDto,
    @RequestOrigin() origin: AuditOrigin,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<FamilyMessageDto> {
    const message = await this.overrides.write(identity, language, key, body.message, version, origin);
    void reply.header('etag', etagOf(message.version));
    return message;
  }

  @Delete(':language/:key')
  @LANGUAGE_PARAM
  @KEY_PARAM
  @HttpCode(204)
  @Access('programme_admin')
  @ApiOperation({
    operationId: 'deleteMessageOverride',
    summary: 'Drop the area’s wording of a family message in a language: the shipped wording (or English’s) applies again',
  })
  @ApiNoContentResponse({ description: 'Dropped' })
  @ApiNotFoundResponse({ description: 'No such family message, or the area has no wording of it in that language' })
  @ApiPreconditionRequiredResponse({ description: 'If-Match is missing' })
  @ApiPreconditionFailedResponse({ description: 'Another admin changed it since your read; currentETag names its version now' })
  async remove(
    @CurrentIdentity() identity: Identity,
    @Param('language', LanguagePipe) language: string,
    @Param('key', MessageKeyPipe) key: FamilyMessageKey,
    @IfMatchVersion() version: number,
    @RequestOrigin() origin: AuditOrigin,
  ): Promise<void> {
    await this.overrides.remove(identity, language, key, version, origin);
  }
}
