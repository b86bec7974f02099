import { postFile } from '../../api/upload.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface ImportedText {
  title: string | null;
  body: string;
  headings: number[];
}

/** Send the Word file itself as the request body; the server answers with its title, text and headings. */
export const importDocx = (file: File): Promise<ImportedText> =>
  postFile<ImportedText>('/api/library/editor/import', file, { 'content-type': DOCX });
