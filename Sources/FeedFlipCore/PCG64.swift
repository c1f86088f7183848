/// NumPy's `PCG64` bit generator: a 128-bit linear congruential generator with the XSL-RR
/// output function (numpy/random/src/pcg64), seeded from a `SeedSequence` as
/// `np.random.default_rng(seed)` seeds it.
public struct PCG64: Sendable, Hashable {
    /// The 128-bit LCG state.
    public private(set) var state: UInt128
    /// The odd 128-bit increment.
    public let increment: UInt128

    private static let multiplier = (UInt128(2_549_297_995_355_413_924) << 64)
        | UInt128(4_865_540_595_714_422_341)

    /// `pcg64_srandom_r(initState, initSequence)`.
    public init(initState: UInt128, initSequence: UInt128) {
        increment = (initSequence << 1) | 1
        state = 0
        step()
        state = state &+ initState
        step()
    }

    /// `PCG64(SeedSequence(seed))`: four 64-bit words `w`; state `w0:w1`, sequence `w2:w3`
    /// (high word first).
    public init(seed: UInt64) {
        let w = SeedSequence(entropy: seed).generateState64(count: 4)
        self.init(initState: (UInt128(w[0]) << 64) | UInt128(w[1]),
                  initSequence: (UInt128(w[2]) << 64) | UInt128(w[3]))
    }

    @inline(__always)
    private mutating func step() {
        state = state &* PCG64.multiplier &+ increment
    }

    /// The next 64-bit output: advance, then XSL-RR of the new state.
    @inline(__always)
    public mutating func next() -> UInt64 {
        step()
        let hi = UInt64(truncatingIfNeeded: state >> 64)
        let lo = UInt64(truncatingIfNeeded: state)
        let rot = hi >> 58
        return (hi ^ lo).rotatedRight(by: rot)
    }

    /// A double in [0, 1): `(next() >> 11) * 2^-53`.
    @inline(__always)
    public mutating func double() -> Double {
        Double(next() >> 11) * (1.0 / 9_007_199_254_740_992.0)
    }
}

extension UInt64 {
    /// Rotates right by `r` bits (0 ..< 64).
    @inline(__always)
    func rotatedRight(by r: UInt64) -> UInt64 {
        (self >> r) | (self << ((64 &- r) & 63))
    }
}
