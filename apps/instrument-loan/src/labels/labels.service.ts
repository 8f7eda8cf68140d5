import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ServiceConfig } from '@tutti/platform';
import { toString as qrToString } from 'qrcode';
import { DataSource } from 'typeorm';
import { labelsOf, type LabelRecord } from './labels.queries';

export const LABEL_LINKS = Symbol('LABEL_LINKS');
export const MAX_LABELS_PER_SHEET = 200;

const escapeXml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** Printable QR labels: each code opens the instrument's page in the web app. */
@Injectable()
export class LabelsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(LABEL_LINKS) private readonly links: Pick<ServiceConfig, 'publicLink'>,
  ) {}

  /** What an instrument's QR code opens: its page in the web app, at PUBLIC_URL. */
  urlOf(instrumentId: string): string {
    return this.links.publicLink(`instruments/${instrumentId}`);
  }

  /** One label as SVG: the QR code with the asset tag and type beneath. */
  async labelSvg(tenantId: string, instrumentId: string): Promise<string> {
    const [instrument] = await this.find(tenantId, [instrumentId]);
    if (!instrument) throw new NotFoundException('No such instrument.');
    return this.svgOf(instrument);
  }

  /** A sheet of labels as HTML, ready to print (A4, 3 across). */
  async sheetHtml(tenantId: string, instrumentIds: string[]): Promise<string> {
    const found = await this.find(tenantId, instrumentIds);
    const labels = await Promise.all(found.map((instrument) => this.svgOf(instrument)));
    return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Instrument labels</title>
<style>@page{size:A4;margin:10mm}body{margin:0;font-family:sans-serif}.sheet{display:grid;grid-template-columns:repeat(3,1fr);gap:4mm}.label{border:1px dashed #999;padding:2mm;break-inside:avoid}.label svg{width:100%;height:auto}</style>
</head><body><div class="sheet">${labels.map((svg) => `<div class="label">${svg}</div>`).join('')}</div></body></html>`;
  }

  private find(tenantId: string, instrumentIds: string[]): Promise<LabelRecord[]> {
    return labelsOf(this.dataSource, tenantId, instrumentIds);
  }

  private async svgOf(instrument: LabelRecord): Promise<string> {
    const qr = await qrToString(this.urlOf(instrument.id), { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
    const inner = qr.replace(/^<svg[^>]*>/, '').replace(/<\/svg>\s*$/, '');
    const viewBox = /viewBox="([^"]+)"/.exec(qr)?.[1] ?? '0 0 33 33';
    const caption = `${instrument.type.replace('_', ' ')}${instrument.size ? ` ${instrument.size}` : ''}`;
    return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 250" width="200" height="250" role="img" aria-label="${escapeXml(instrument.asset_tag)}">
<svg x="0" y="0" width="200" height="200" viewBox="${viewBox}" shape-rendering="crispEdges">${inner}</svg>
<text x="100" y="222" font-family="sans-serif" font-size="20" font-weight="bold" text-anchor="middle">${escapeXml(instrument.asset_tag)}</text>
<text x="100" y="244" font-family="sans-serif" font-size="14" text-anchor="middle">${escapeXml(caption)}</text>
</svg>`;
  }
}
