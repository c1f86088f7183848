/// The Mersenne Twister MT19937 with 32-bit outputs, seeded by `init_genrand` (Matsumoto and
/// Nishimura, 2002), exactly as NumPy's legacy `np.random.seed(s)` seeds it.
///
/// A value type: copying it forks the stream. It is owned by one run; nothing is global.
public struct MT19937: Sendable {
    /// The 624-word state vector.
    private var key: [UInt32]
    /// The index of the next word to temper; 624 means "twist first".
    private var position: Int

    private static let n = 624
    private static let m = 397

    /// Seeds the generator with `init_genrand(seed)`.
    public init(seed: UInt32) {
        var key = [UInt32](repeating: 0, count: MT19937.n)
        var s = seed
        for i in 0..<MT19937.n {
            key[i] = s
            s = 1_812_433_253 &* (s ^ (s >> 30)) &+ UInt32(i + 1)
        }
        self.key = key
        self.position = MT19937.n
    }

    /// Regenerates the 624 words of state (the "twist").
    private mutating func twist() {
        let n = MT19937.n, m = MT19937.m
        key.withUnsafeMutableBufferPointer { k in
            for i in 0..<n {
                let y = (k[i] & 0x8000_0000) | (k[(i + 1) % n] & 0x7fff_ffff)
                var v = k[(i + m) % n] ^ (y >> 1)
                if y & 1 != 0 { v ^= 0x9908_b0df }
                k[i] = v
            }
        }
        position = 0
    }

    /// The next 32-bit output (tempered).
    @inline(__always)
    public mutating func next() -> UInt32 {
        if position >= MT19937.n { twist() }
        var y = key[position]
        position += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9d2c_5680
        y ^= (y << 15) & 0xefc6_0000
        y ^= y >> 18
        return y
    }
}

/// An emulation of NumPy's legacy `RandomState` (the global `np.random.*` functions after
/// `np.random.seed(s)`) on top of `MT19937`, bit for bit (METHODS.md Part 3).
///
/// The cached second value of the polar method is part of the state, as in NumPy:
/// `standardNormal()` returns it first when present; `double()`, `choiceTernary()` and
/// `uniform` do not touch it.
public struct LegacyRandomState: Sendable {
    /// The underlying word generator.
    public private(set) var mt: MT19937
    /// The cached normal of the polar method, if one is pending.
    public private(set) var cachedGauss: Double?

    /// `np.random.seed(seed)`: `init_genrand(seed)`, no cached normal.
    public init(seed: UInt32) {
        mt = MT19937(seed: seed)
        cachedGauss = nil
    }

    /// The next raw 32-bit word.
    @inline(__always)
    public mutating func nextUInt32() -> UInt32 { mt.next() }

    /// A double in [0, 1) with 53 random bits: `((a >> 5) * 2^26 + (b >> 6)) / 2^53`.
    @inline(__always)
    public mutating func double() -> Double {
        let a = Double(mt.next() >> 5)
        let b = Double(mt.next() >> 6)
        return (a * 67_108_864.0 + b) / 9_007_199_254_740_992.0
    }

    /// A standard normal by the Marsaglia polar method (NumPy's `legacy_gauss`).
    public mutating func standardNormal() -> Double {
        if let g = cachedGauss {
            cachedGauss = nil
            return g
        }
        var x1 = 0.0, x2 = 0.0, r2 = 0.0
        repeat {
            x1 = 2.0 * double() - 1.0
            x2 = 2.0 * double() - 1.0
            r2 = x1 * x1 + x2 * x2
        } while r2 >= 1.0 || r2 == 0.0
        let f = (-2.0 * LibM.log(r2) / r2).squareRoot()
        cachedGauss = f * x1
        return f * x2
    }

    /// `choice([-1.0, 0.0, 1.0])`: a word masked with 3, rejected when 3; index 0, 1, 2 maps to
    /// -1, 0, +1.
    @inline(__always)
    public mutating func choiceTernary() -> Double {
        while true {
            let r = mt.next() & 3
            if r != 3 { return Double(Int(r) - 1) }
        }
    }

    /// `uniform(lo, hi)`: `lo + (hi - lo) * double()`.
    @inline(__always)
    public mutating func uniform(_ lo: Double, _ hi: Double) -> Double {
        lo + (hi - lo) * double()
    }
}
