// Builds minimal but valid .docx and .odt files in memory, the parts a word processor needs to
// open them, with the body XML a test gives.

import { zipFile, type ZipFileEntry } from '../../support/zip-file.ts';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export function documentXml(body: string): string {
  return `${XML_DECLARATION}<w:document xmlns:w="${W}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>${body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`;
}

export interface DocxOptions {
  /** Replaces word/document.xml entirely (null leaves it out). */
  readonly documentXml?: string | null;
  /** Adds word/comments.xml with this comment text. */
  readonly comment?: string;
  readonly extra?: readonly ZipFileEntry[];
}

export function docxEntries(body: string, options: DocxOptions = {}): ZipFileEntry[] {
  const comments = options.comment === undefined ? [] : [
    { name: 'word/comments.xml', data: `${XML_DECLARATION}<w:comments xmlns:w="${W}"><w:comment w:id="0" w:author="Reviewer"><w:p><w:r><w:t>${options.comment}</w:t></w:r></w:p></w:comment></w:comments>` },
    { name: 'word/_rels/document.xml.rels', data: `${XML_DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>` },
  ];
  const document = options.documentXml === undefined ? documentXml(body) : options.documentXml;
  return [
    {
      name: '[Content_Types].xml',
      data: `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>${options.comment === undefined ? '' : '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>'}</Types>`,
    },
    {
      name: '_rels/.rels',
      data: `${XML_DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
    },
    ...(document === null ? [] : [{ name: 'word/document.xml', data: document }]),
    ...comments,
    ...(options.extra ?? []),
  ];
}

export function docx(body: string, options: DocxOptions = {}): Uint8Array {
  return zipFile(docxEntries(body, options));
}

const MANIFEST_FILES = '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>';

export interface OdtOptions {
  /** Extra XML inside the manifest's content.xml entry (encryption-data). */
  readonly contentEntryChildren?: string;
}

export function odt(body: string, options: OdtOptions = {}): Uint8Array {
  return zipFile([
    { name: 'mimetype', data: 'application/vnd.oasis.opendocument.text', method: 'stored' },
    {
      name: 'META-INF/manifest.xml',
      data: `${XML_DECLARATION}<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">${MANIFEST_FILES}<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">${options.contentEntryChildren ?? ''}</manifest:file-entry></manifest:manifest>`,
    },
    {
      name: 'content.xml',
      data: `${XML_DECLARATION}<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xlink="http://www.w3.org/1999/xlink" office:version="1.2"><office:body><office:text>${body}</office:text></office:body></office:document-content>`,
    },
  ]);
}

export function encode(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
