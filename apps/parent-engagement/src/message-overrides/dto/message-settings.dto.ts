import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsOptional, ValidateIf } from 'class-validator';

export class MessageSettingsDto {
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'email',
    example: 'office@inharmony-liverpool.org.uk',
    description: 'Reply-To of every family email: where a family’s reply reaches the programme office; null for none',
  })
  replyTo: string | null;

  @ApiProperty({ description: 'Send it quoted as If-Match to edit ("0" while the area has set nothing)' })
  version: number;
}

export class UpdateMessageSettingsDto {
  @ApiProperty({ nullable: true, type: String, format: 'email', example: 'office@inharmony-liverpool.org.uk' })
  @IsOptional()
  @ValidateIf((_object, value) => value !== null)
  @IsEmail({}, { message: 'replyTo must be an email address, or null for none' })
  replyTo: string | null;
}
