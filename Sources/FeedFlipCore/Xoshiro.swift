/// SplitMix64 (Steele, Lea and Flood, 2014): used only to expand a seed into generator state.
public struct SplitMix64: Sendable, Hashable {
    /// The 64-bit counter state.
    public private(set) var state: UInt64

    /// Starts at `seed`.
    public init(seed: UInt64) { state = seed }

    /// The next 64-bit output.
    @inline(__always)
    public mutating func next() -> UInt64 {
        state = state &+ 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}

/// What a random stream of a run is used for; each purpose gets an independent stream in the
/// fast mode.
public enum RandomPurpose: UInt64, Sendable, CaseIterable {
    /// The data noise `eps`.
    case dataNoise = 1
    /// Weight (and shadow) initialisation.
    case initialisation = 2
    /// Feedback matrices.
    case feedback = 3
    /// The dither `u` of the stochastic quantizer.
    case dither = 4
}

/// xoshiro256** (Blackman and Vigna, 2018), the engine's fast default generator.
///
/// Seeding (documented so that results can be reproduced elsewhere): the state words are four
/// consecutive outputs of `SplitMix64(seed: s)` with
/// `s = UInt64(bitPattern: seed) &* 0x9E3779B97F4A7C15 ^ purpose.rawValue &* 0xD1B54A32D192ED03`,
/// so every (seed, purpose) pair has its own stream.
public struct Xoshiro256StarStar: Sendable, Hashable, UInt64Source {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    /// The stream of `purpose` for run seed `seed` (see the type's documentation).
    public init(seed: Int, purpose: RandomPurpose) {
        let mixed = (UInt64(bitPattern: Int64(seed)) &* 0x9e37_79b9_7f4a_7c15)
            ^ (purpose.rawValue &* 0xd1b5_4a32_d192_ed03)
        self.init(rawSeed: mixed)
    }

    /// State from four outputs of `SplitMix64(seed: rawSeed)`.
    public init(rawSeed: UInt64) {
        var sm = SplitMix64(seed: rawSeed)
        s0 = sm.next(); s1 = sm.next(); s2 = sm.next(); s3 = sm.next()
    }

    /// The next 64-bit output.
    @inline(__always)
    public mutating func next() -> UInt64 {
        let result = (s1 &* 5).rotatedLeft(by: 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = s3.rotatedLeft(by: 45)
        return result
    }

    /// A double in [0, 1): `(next() >> 11) * 2^-53`.
    @inline(__always)
    public mutating func double() -> Double {
        Double(next() >> 11) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// A standard normal by NumPy's ziggurat on this stream.
    @inline(__always)
    public mutating func standardNormal() -> Double { Ziggurat.standardNormal(&self) }

    /// -1, 0 or +1 with equal probability (two bits of a word, 3 rejected).
    @inline(__always)
    public mutating func choiceTernary() -> Double {
        while true {
            let r = next() >> 62
            if r != 3 { return Double(Int(r) - 1) }
        }
    }

    /// `lo + (hi - lo) * double()`.
    @inline(__always)
    public mutating func uniform(_ lo: Double, _ hi: Double) -> Double {
        lo + (hi - lo) * double()
    }
}

extension UInt64 {
    /// Rotates left by `r` bits (0 ..< 64).
    @inline(__always)
    func rotatedLeft(by r: UInt64) -> UInt64 {
        (self << r) | (self >> ((64 &- r) & 63))
    }
}
