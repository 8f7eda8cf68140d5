import { ApiProperty } from '@nestjs/swagger';

/** What the sign-in page may show of a programme area before anyone has signed in. */
export class AreaDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'liverpool' }) slug: string;
  @ApiProperty({ example: 'In Harmony Liverpool' }) name: string;
}

export class AreaPageDto {
  @ApiProperty({ type: [AreaDto] }) items: AreaDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
