/**
 * Reads QR codes from the camera: the browser's BarcodeDetector where it has one, otherwise the
 * barcode-detector ponyfill over zxing-wasm, whose wasm is served from our own origin and loaded
 * only when a scanning screen opens.
 */
interface Detector {
  detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]>
}

async function createDetector(): Promise<Detector> {
  const native = (globalThis as { BarcodeDetector?: new (options: { formats: string[] }) => Detector }).BarcodeDetector
  if (native) return new native({ formats: ['qr_code'] })
  const [{ BarcodeDetector, prepareZXingModule }, { default: wasmUrl }] = await Promise.all([
    import('barcode-detector/ponyfill'),
    import('zxing-wasm/reader/zxing_reader.wasm?url'),
  ])
  prepareZXingModule({
    overrides: { locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path) },
  })
  return new BarcodeDetector({ formats: ['qr_code'] })
}

export type ScannerFailure = 'no-camera' | 'denied'

/** Starts the camera into `video` and calls back with each code it reads; returns the stop. */
export async function startQrScanner(video: HTMLVideoElement, onCode: (text: string) => void): Promise<() => void> {
  if (!navigator.mediaDevices?.getUserMedia) throw Object.assign(new Error('no camera'), { failure: 'no-camera' })
  let stream: MediaStream
  try {
    stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false })
  } catch (error) {
    const denied = (error as DOMException).name === 'NotAllowedError'
    throw Object.assign(new Error('camera unavailable'), { failure: denied ? 'denied' : 'no-camera' })
  }
  video.srcObject = stream
  video.muted = true
  video.playsInline = true
  await video.play()
  const detector = await createDetector()
  let running = true
  let last = ''
  const loop = async () => {
    while (running) {
      if (video.readyState >= 2) {
        const [code] = await detector.detect(video).catch(() => [])
        // The same code held in front of the camera is reported once.
        if (code?.rawValue && code.rawValue !== last) {
          last = code.rawValue
          onCode(code.rawValue)
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
  }
  void loop()
  return () => {
    running = false
    stream.getTracks().forEach((track) => track.stop())
    video.srcObject = null
  }
}

export function scannerFailure(error: unknown): ScannerFailure {
  return (error as { failure?: ScannerFailure }).failure ?? 'no-camera'
}
