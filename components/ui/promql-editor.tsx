"use client";
// A PromQL editor: CodeMirror with the Prometheus project's own PromQL language support
// (highlighting, syntax linting, completion of functions, metric and label names and values).
import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from "@codemirror/autocomplete";
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { bracketMatching, syntaxHighlighting, defaultHighlightStyle } from "@codemirror/language";
import { EditorState } from "@codemirror/state";
import { EditorView, keymap, placeholder as placeholderExt } from "@codemirror/view";
import { PromQLExtension } from "@prometheus-io/codemirror-promql";
import { useEffect, useRef } from "react";
import { promqlCompletionClient } from "@/lib/hooks/promql-completion";

export function PromQLEditor({
  slug,
  value,
  onChange,
  onSubmit,
  label = "PromQL query",
  placeholder = "rate(http_requests_total[5m])",
  id,
}: {
  slug: string;
  value: string;
  onChange: (value: string) => void;
  /** Ctrl/⌘+Enter. */
  onSubmit?: () => void;
  label?: string;
  placeholder?: string;
  id?: string;
}) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  // The latest callbacks, without rebuilding the editor when they change.
  const handlers = useRef({ onChange, onSubmit });
  handlers.current = { onChange, onSubmit };

  useEffect(() => {
    const promql = new PromQLExtension().setComplete({ remote: promqlCompletionClient(slug) });
    view.current = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: value,
        extensions: [
          history(),
          closeBrackets(),
          bracketMatching(),
          autocompletion(),
          syntaxHighlighting(defaultHighlightStyle),
          placeholderExt(placeholder),
          EditorView.lineWrapping,
          EditorView.contentAttributes.of({ "aria-label": label, ...(id ? { id } : {}) }),
          keymap.of([
            { key: "Mod-Enter", run: () => (handlers.current.onSubmit?.(), true) },
            ...closeBracketsKeymap,
            ...completionKeymap,
            ...historyKeymap,
            ...defaultKeymap,
          ]),
          promql.asExtension(),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) handlers.current.onChange(u.state.doc.toString());
          }),
        ],
      }),
    });
    return () => view.current?.destroy();
    // The editor is built once per client; `value` changes flow in below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [slug]);

  // A value set from outside (a URL, a reset) replaces the text.
  useEffect(() => {
    const v = view.current;
    if (v && v.state.doc.toString() !== value)
      v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: value } });
  }, [value]);

  return <div ref={host} className="promql-editor" />;
}
