// Rubber-band selection drawn as an overlay; reports the dragged rectangle in client pixels.
export function startMarquee(
  container: HTMLElement,
  down: PointerEvent,
  done: (rect: { x: number; y: number; width: number; height: number }) => void,
): void {
  if (down.button !== 0) return;
  const box = container.getBoundingClientRect();
  const band = document.createElement('div');
  band.className = 'tl-marquee';
  band.setAttribute('aria-hidden', 'true');
  container.appendChild(band);
  const start = { x: down.clientX, y: down.clientY };
  let rect = { x: start.x, y: start.y, width: 0, height: 0 };
  const move = (e: PointerEvent) => {
    rect = {
      x: Math.min(start.x, e.clientX),
      y: Math.min(start.y, e.clientY),
      width: Math.abs(e.clientX - start.x),
      height: Math.abs(e.clientY - start.y),
    };
    Object.assign(band.style, {
      left: `${rect.x - box.left}px`,
      top: `${rect.y - box.top}px`,
      width: `${rect.width}px`,
      height: `${rect.height}px`,
    });
  };
  const up = () => {
    window.removeEventListener('pointermove', move);
    window.removeEventListener('pointerup', up);
    band.remove();
    if (rect.width > 3 || rect.height > 3) done(rect);
  };
  window.addEventListener('pointermove', move);
  window.addEventListener('pointerup', up);
}
