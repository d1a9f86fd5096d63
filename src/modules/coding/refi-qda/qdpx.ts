import { lazyRequire } from '../../../core/lazy-require.ts';
import type { QdaProject } from './model.ts';
import { exportedText, sourceFileName, writeProjectXml } from './writer.ts';

const fflate = lazyRequire<typeof import('fflate')>('fflate');

/**
 * A .qdpx archive: project.qde at the root and each source's plain text under sources/, the layout
 * ATLAS.ti, NVivo, MAXQDA and QualCoder read.
 */
export function buildQdpx(project: QdaProject): Uint8Array {
  const files: Record<string, Uint8Array> = { 'project.qde': fflate().strToU8(writeProjectXml(project)) };
  for (const source of project.sources) files[`sources/${sourceFileName(source)}`] = fflate().strToU8(exportedText(source.text));
  return fflate().zipSync(files, { level: 6, mtime: new Date(project.createdAt) });
}
