/**
 * The pack loader in a Web Worker: the page hands over a pack's text and gets back what
 * `loadPack` says of it, so reading a large or hostile file never freezes the page. The page
 * (packLibrary.ts) ends this worker when it takes too long. Data only crosses: the text in, the
 * checked pack or its problems out.
 */
import { loadPack } from '../scenario/pack';

export interface PackWorkerRequest {
  id: number;
  source: string;
  fileName: string;
}

export type PackWorkerResponse = { id: number; result: ReturnType<typeof loadPack> } | { id: number; error: string };

// Typed by hand: the project's libraries are the DOM's, where `self` is a Window.
const scope = self as unknown as {
  onmessage: ((ev: MessageEvent<PackWorkerRequest>) => void) | null;
  postMessage(message: PackWorkerResponse): void;
};

scope.onmessage = (ev) => {
  const { id, source, fileName } = ev.data;
  try {
    scope.postMessage({ id, result: loadPack(String(source), String(fileName)) });
  } catch (e) {
    // loadPack never throws; posting can (a value that does not clone), so say so rather than hang.
    scope.postMessage({ id, error: String((e as Error)?.message ?? e) });
  }
};
