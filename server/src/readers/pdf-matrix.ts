/**
 * A stand-in for the platform's DOMMatrix where there is none (Node has none; a browser and its workers do).
 * pdf.js's display layer builds one when its module loads and would take it from the optional native package
 * @napi-rs/canvas, which the packaged extension does not ship. Referat reads text and never renders, so the 2-D
 * affine transforms pdf.js may build on the way (outline glyphs, shading) are all it needs: a, b, c, d, e, f
 * with the chainable operations pdf.js calls.
 */
type Six = [number, number, number, number, number, number];

class AffineMatrix {
  a = 1;
  b = 0;
  c = 0;
  d = 1;
  e = 0;
  f = 0;

  constructor(init?: ArrayLike<number> | AffineMatrix) {
    if (init && 'a' in init) this.set([init.a, init.b, init.c, init.d, init.e, init.f]);
    else if (init && init.length >= 6) this.set([init[0]!, init[1]!, init[2]!, init[3]!, init[4]!, init[5]!]);
  }

  private set([a, b, c, d, e, f]: Six): this {
    Object.assign(this, { a, b, c, d, e, f });
    return this;
  }

  private static times(m: AffineMatrix, n: AffineMatrix): Six {
    return [m.a * n.a + m.c * n.b, m.b * n.a + m.d * n.b, m.a * n.c + m.c * n.d, m.b * n.c + m.d * n.d, m.a * n.e + m.c * n.f + m.e, m.b * n.e + m.d * n.f + m.f];
  }

  multiplySelf(other: AffineMatrix | ArrayLike<number>): this {
    return this.set(AffineMatrix.times(this, new AffineMatrix(other)));
  }

  preMultiplySelf(other: AffineMatrix | ArrayLike<number>): this {
    return this.set(AffineMatrix.times(new AffineMatrix(other), this));
  }

  translateSelf(x = 0, y = 0): this {
    return this.multiplySelf([1, 0, 0, 1, x, y]);
  }

  scaleSelf(x = 1, y = x): this {
    return this.multiplySelf([x, 0, 0, y, 0, 0]);
  }

  invertSelf(): this {
    const det = this.a * this.d - this.b * this.c;
    if (det === 0) return this.set([NaN, NaN, NaN, NaN, NaN, NaN]);
    const { a, b, c, d, e, f } = this;
    return this.set([d / det, -b / det, -c / det, a / det, (c * f - d * e) / det, (b * e - a * f) / det]);
  }

  multiply(other: AffineMatrix | ArrayLike<number>): AffineMatrix {
    return new AffineMatrix(this).multiplySelf(other);
  }

  translate(x = 0, y = 0): AffineMatrix {
    return new AffineMatrix(this).translateSelf(x, y);
  }

  scale(x = 1, y = x): AffineMatrix {
    return new AffineMatrix(this).scaleSelf(x, y);
  }

  inverse(): AffineMatrix {
    return new AffineMatrix(this).invertSelf();
  }
}

/** Gives the global scope a DOMMatrix when it has none. */
export function ensureDomMatrix(): void {
  const scope = globalThis as { DOMMatrix?: unknown };
  scope.DOMMatrix ??= AffineMatrix;
}
