/**
 * The rich text engine: Tiptap 3 (ProseMirror) with only what the API's allow-list keeps
 * (`api/Content/RichText.cs`): paragraphs, intertitles (h2, h3), bold, italic, underline, strike, lists,
 * quotations, links (http, https, mailto) and line breaks. No code blocks (the allow-list drops `pre`/`code`), no
 * raw HTML: pasted HTML is read into this schema, so what cannot be kept is never shown as if it were.
 * Loaded on demand (a dynamic import), so the lists and sign-in do not wait for it.
 */
import { Editor, type Extensions } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';

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
];

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
