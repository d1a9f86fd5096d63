export const rules: Record<string, string>;
export function walk(dir: string): string[];
export function importsOf(file: string, code?: string): { source: string; typeOnly: boolean }[];
export function resolve(from: string, source: string): string | null;
export function moduleOf(file: string): string | null;
export function layerOf(file: string): 'routes' | 'service' | 'store' | null;
export function broken(from: string, to: string, typeOnly: boolean): string[];
export const isShared: (file: string) => boolean;
