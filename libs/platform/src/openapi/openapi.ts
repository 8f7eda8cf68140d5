import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';

export const OPENAPI_JSON_PATH = 'docs-json';

/** The service's OpenAPI document, generated from its controllers and DTOs, at /docs and /docs-json. */
export function setupOpenApi(app: INestApplication, service: string, description: string): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle(`Tutti ${service}`)
    .setDescription(description)
    .setVersion('1')
    .addBearerAuth()
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: OPENAPI_JSON_PATH, raw: ['json'] });
  return document;
}
