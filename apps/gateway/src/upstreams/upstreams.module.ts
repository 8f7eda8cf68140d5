import { Global, Module } from '@nestjs/common';
import { Upstreams } from './upstreams';

@Global()
@Module({
  providers: [Upstreams],
  exports: [Upstreams],
})
export class UpstreamsModule {}
