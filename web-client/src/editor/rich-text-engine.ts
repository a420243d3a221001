/**
 * The rich text engine: Tiptap 3 (ProseMirror) with only what the API's allow-list keeps
 * (`api/Content/RichText.cs`): paragraphs, intertitles (h2, h3), bold, italic, underline, strike, lists,
 * quotations, links (http, https, mailto), line breaks and images (`src`, `alt`, `title` only: the library's files,
 * inserted from the media picker; partners get their widths with the published item). No code blocks (the allow-list drops `pre`/`code`), no
 * raw HTML: pasted HTML is read into this schema, so what cannot be kept is never shown as if it were.
 * Loaded on demand (a dynamic import), so the lists and sign-in do not wait for it.
 */
import { Editor, type Extensions } from '@tiptap/core';
import Image from '@tiptap/extension-image';
import StarterKit from '@tiptap/starter-kit';
import { MEDIA_ADDRESS } from '../api/media-api.js';

/** An image as the allow-list keeps it: no width, height or inline data. */
const LibraryImage = Image.extend({
  addAttributes() {
    return { src: { default: null }, alt: { default: null }, title: { default: null } };
  },
}).configure({ inline: false, allowBase64: false });

/** The extensions of every rich text field; `rich-text-schema.test.ts` checks their HTML against the allow-list. */
export const extensions: Extensions = [
  StarterKit.configure({
    code: false,
    codeBlock: false,
    heading: { levels: [2, 3] },
    link: {
      openOnClick: false,
      autolink: true,
      protocols: ['mailto'],
      // Only href is kept by the allow-list: no target, rel or class that would be stripped on save.
      HTMLAttributes: { target: null, rel: null, class: null },
      isAllowedUri: (url) => /^(https?:|mailto:)/i.test(url),
    },
  }),
  LibraryImage,
];

/** Gives the alt text to the document's images of the library image `hash` that have none. */
export function describeImages(editor: Editor, hash: string, alt: string): void {
  const { tr } = editor.state;
  editor.state.doc.descendants((node, pos) => {
    if (node.type.name === 'image' && MEDIA_ADDRESS.exec(String(node.attrs.src ?? ''))?.[1] === hash && !node.attrs.alt) {
      tr.setNodeMarkup(pos, undefined, { ...node.attrs, alt });
    }
  });
  if (tr.docChanged) editor.view.dispatch(tr);
}

export interface RichTextOptions {
  element: HTMLElement;
  content: string;
  editable: boolean;
  /** Attributes of the editable area: its accessible name and description. */
  attributes: Record<string, string>;
  onChange(html: string): void;
  onSelection(): void;
}

export function createEditor(options: RichTextOptions): Editor {
  return new Editor({
    element: options.element,
    extensions,
    content: options.content,
    editable: options.editable,
    editorProps: { attributes: { role: 'textbox', 'aria-multiline': 'true', class: 'rich-area', ...options.attributes } },
    onUpdate: ({ editor }) => options.onChange(editor.isEmpty ? '' : editor.getHTML()),
    onSelectionUpdate: () => options.onSelection(),
    onTransaction: () => options.onSelection(),
  });
}

export type { Editor };
