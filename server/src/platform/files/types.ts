/** The file types an upload may have, recognised from their bytes; the extension must agree with them. */
export interface FileType {
  /** Stable name stored with the file and checked against allow-lists. */
  type: string;
  mime: string;
  /** Extensions (lower case, no dot) a file of this type may be named with; the first is the usual one. */
  extensions: readonly string[];
}

const t = (type: string, mime: string, ...extensions: string[]): FileType => ({ type, mime, extensions });

export const FILE_TYPES = {
  pdf: t('pdf', 'application/pdf', 'pdf'),
  docx: t('docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx'),
  xlsx: t('xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx'),
  pptx: t('pptx', 'application/vnd.openxmlformats-officedocument.presentationml.presentation', 'pptx'),
  // Legacy Office and WPS binaries share one container (OLE); the extension says which program wrote it.
  doc: t('doc', 'application/msword', 'doc'),
  xls: t('xls', 'application/vnd.ms-excel', 'xls'),
  ppt: t('ppt', 'application/vnd.ms-powerpoint', 'ppt'),
  wps: t('wps', 'application/vnd.ms-works', 'wps'),
  et: t('et', 'application/vnd.ms-excel', 'et'),
  ofd: t('ofd', 'application/ofd', 'ofd'),
  png: t('png', 'image/png', 'png'),
  jpeg: t('jpeg', 'image/jpeg', 'jpg', 'jpeg'),
  gif: t('gif', 'image/gif', 'gif'),
  txt: t('txt', 'text/plain; charset=utf-8', 'txt'),
} as const satisfies Record<string, FileType>;

export type FileTypeName = keyof typeof FILE_TYPES;

export const OLE_TYPES: readonly FileTypeName[] = ['doc', 'xls', 'ppt', 'wps', 'et'];

/** Lower-case extension of a file name, without the dot; '' when it has none. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
}
