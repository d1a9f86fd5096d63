import { useEffect, useState } from 'react';
import type { LiveSnapshot } from './types.ts';

/**
 * Follows a meeting live: a WebSocket first, server-sent events when the socket cannot open,
 * and a new try after a dropped connection. The server sends aggregated snapshots only.
 */
export function useLiveSnapshot(orgId: string, meetingId: string): { snapshot: LiveSnapshot | null; connected: boolean } {
  const [snapshot, setSnapshot] = useState<LiveSnapshot | null>(null);
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    let stopped = false;
    let socket: WebSocket | null = null;
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const base = `/meetings-live/${encodeURIComponent(orgId)}/${encodeURIComponent(meetingId)}`;
    const onData = (data: string) => {
      try {
        const parsed = JSON.parse(data) as LiveSnapshot & { type?: string };
        if (parsed.type === 'snapshot') setSnapshot(parsed);
      } catch {
        // a message we do not know: ignore
      }
    };
    const sse = () => {
      source = new EventSource(`${base}/events`);
      source.onopen = () => setConnected(true);
      source.onerror = () => setConnected(false);
      source.onmessage = (m) => onData(String(m.data));
    };
    const connect = () => {
      if (stopped) return;
      let opened = false;
      const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
      socket = new WebSocket(`${proto}//${location.host}${base}/ws`);
      socket.onopen = () => {
        opened = true;
        setConnected(true);
      };
      socket.onmessage = (m) => onData(String(m.data));
      socket.onclose = () => {
        setConnected(false);
        if (stopped) return;
        if (opened) retry = setTimeout(connect, 1500);
        else sse();
      };
    };
    connect();
    return () => {
      stopped = true;
      clearTimeout(retry);
      socket?.close();
      source?.close();
    };
  }, [orgId, meetingId]);
  return { snapshot, connected };
}
