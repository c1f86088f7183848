import Foundation

/// The minibatch engine's seeded generator: xoshiro256** (Blackman & Vigna) whose state is
/// filled by splitmix64 from `seed` and a `stream` number, so each purpose of a run (weights,
/// feedback, shuffling, dither) has its own independent, reproducible stream.
public struct MinibatchRandom: RandomNumberGenerator, Sendable {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    /// Streams used by the trainer, so callers can reproduce or avoid them.
    public enum Stream: UInt64, Sendable {
        /// Forward weights, shadows and biases.
        case weights = 1
        /// Feedback matrices.
        case feedback = 2
        /// Per-epoch example order.
        case shuffle = 3
        /// Dither of the stochastic ternary quantizer.
        case dither = 4
        /// Free for input encoders (for example an embedding's initialisation).
        case encoder = 5
    }

    /// A generator for `seed` and a numbered `stream`.
    public init(seed: UInt64, stream: UInt64) {
        var x = seed &* 0x9E37_79B9_7F4A_7C15 ^ (stream &+ 0xD1B5_4A32_D192_ED03)
        func next() -> UInt64 {
            x &+= 0x9E37_79B9_7F4A_7C15
            var z = x
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s0 = next(); s1 = next(); s2 = next(); s3 = next()
    }

    /// A generator for one of the trainer's streams.
    public init(seed: UInt64, _ stream: Stream) { self.init(seed: seed, stream: stream.rawValue) }

    /// The next 64 random bits.
    @inline(__always)
    public mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = (s3 << 45) | (s3 >> 19)
        return result
    }

    /// A uniform Double in [0, 1) with 53 random bits.
    @inline(__always)
    public mutating func nextDouble() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// A uniform Float in [0, 1) with 24 random bits.
    @inline(__always)
    public mutating func nextFloat() -> Float { Float(next() >> 40) * 0x1.0p-24 }

    /// A standard normal Double (Box-Muller; one pair per two calls is not cached, for simplicity).
    public mutating func nextNormal() -> Double {
        let u1 = 1.0 - nextDouble() // (0, 1]
        let u2 = nextDouble()
        return (-2.0 * log(u1)).squareRoot() * cos(2.0 * Double.pi * u2)
    }

    /// A uniform integer in 0..<n by multiply-shift (bias below n / 2^64), n >= 1.
    @inline(__always)
    public mutating func nextInt(below n: Int) -> Int {
        Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(n)).high)
    }

    /// Shuffles `a` in place (Fisher-Yates with this generator).
    public mutating func shuffle(_ a: inout [Int]) {
        guard a.count > 1 else { return }
        for i in stride(from: a.count - 1, to: 0, by: -1) {
            let j = nextInt(below: i + 1)
            a.swapAt(i, j)
        }
    }
}
