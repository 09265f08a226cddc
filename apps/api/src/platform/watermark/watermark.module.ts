import { Global, Module } from '@nestjs/common';
import { WatermarkService } from './watermark.service';

/** Watermarks with the viewer's name and the time, for every module (PLT-5). */
@Global()
@Module({ providers: [WatermarkService], exports: [WatermarkService] })
export class WatermarkModule {}
