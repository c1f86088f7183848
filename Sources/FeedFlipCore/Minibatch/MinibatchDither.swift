/// The dither source of the stochastic ternary quantizer: eight interleaved xoshiro128+
/// generators (32-bit lanes, vectorisable), seeded from a `MinibatchRandom` stream. Each call
/// yields eight uniform Floats in [0, 1) from the top 23 bits of each lane.
public struct MinibatchDither: Sendable {
    private var s0: SIMD8<UInt32>, s1: SIMD8<UInt32>, s2: SIMD8<UInt32>, s3: SIMD8<UInt32>

    /// Seeds the eight lanes from `rng` (four 32-bit words per lane; never all zero).
    public init(rng: inout MinibatchRandom) {
        func lanes(_ rng: inout MinibatchRandom) -> SIMD8<UInt32> {
            var v = SIMD8<UInt32>()
            for i in 0..<8 { v[i] = UInt32(truncatingIfNeeded: rng.next() >> 16) | 1 }
            return v
        }
        s0 = lanes(&rng); s1 = lanes(&rng); s2 = lanes(&rng); s3 = lanes(&rng)
    }

    /// A dither source for a run's `seed` (stream `.dither`).
    public init(seed: UInt64) {
        var rng = MinibatchRandom(seed: seed, .dither)
        self.init(rng: &rng)
    }

    /// Eight uniform Floats in [0, 1).
    @inline(__always)
    public mutating func next() -> SIMD8<Float> {
        let result = s0 &+ s3
        let t = s1 &<< 9
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = (s3 &<< 11) | (s3 &>> 21)
        // The top 23 bits as the mantissa of a float in [1, 2), minus 1.
        let bits = (result &>> 9) | SIMD8<UInt32>(repeating: 0x3F80_0000)
        return unsafeBitCast(bits, to: SIMD8<Float>.self) - SIMD8<Float>(repeating: 1)
    }
}
