// The widget frame (widget.html, loaded by widget.js on a customer's page): one visitor client for the
// frame, told by the page when the panel opens and closes, telling the page how many messages wait unread.
import { StrictMode, useEffect, useSyncExternalStore } from 'react';
import { createRoot } from 'react-dom/client';
import { VisitorClient } from './client';
import { MESSAGE_SOURCE, frameConfig, isToFrame, type ToPageMessage } from './config';
import { WidgetContext } from './context';
import { widgetLang } from './strings';
import { WidgetApp } from './WidgetApp';
import './widget.css';

const cfg = frameConfig(window.location.search);
const embedded = window.parent !== window;
const lang = widgetLang(cfg.lang, navigator.language);
// one client for the frame's life (outside React, so a re-mounted component does not start a second visitor)
const client = new VisitorClient({ widgetKey: cfg.widgetKey, userId: cfg.userId, signature: cfg.signature });
const toPage = (m: ToPageMessage) => window.parent.postMessage({ ...m, source: MESSAGE_SOURCE }, cfg.parentOrigin ?? '*');
document.documentElement.lang = lang;
if (embedded) {
  window.addEventListener('message', (e) => {
    if (e.source !== window.parent || (cfg.parentOrigin && e.origin !== cfg.parentOrigin) || !isToFrame(e.data)) return;
    client.setPanel(e.data.open);
  });
  client.boot();
} else {
  client.setPanel(true); // opened on its own: the panel is the page
}

function Frame() {
  const state = useSyncExternalStore(client.subscribe, client.getState);
  useEffect(() => { if (embedded) toPage({ type: 'unread', count: state.unread }); }, [state.unread]);
  return (
    <WidgetContext.Provider value={{ client, lang }}>
      <WidgetApp onMinimize={embedded ? () => toPage({ type: 'close' }) : null} />
    </WidgetContext.Provider>
  );
}

createRoot(document.getElementById('widget-root')!).render(<StrictMode><Frame /></StrictMode>);
