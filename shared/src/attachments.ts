/** Attachment vocabulary shared by the server (validation, timeline) and the web app (labels, upload hints). */
export const ATTACHMENT_KINDS = {
  attachment: '附件',
  completion_evidence: '办结佐证',
  feedback_material: '反馈材料',
} as const;
export type AttachmentKind = keyof typeof ATTACHMENT_KINDS;

/** Extensions the file store accepts for attachments, as the browser's file picker should offer them. */
export const ATTACHMENT_EXTENSIONS = [
  'pdf',
  'ofd',
  'doc',
  'docx',
  'wps',
  'xls',
  'xlsx',
  'et',
  'ppt',
  'pptx',
  'png',
  'jpg',
  'jpeg',
  'gif',
  'txt',
] as const;
